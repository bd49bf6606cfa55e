import { ChromaClient } from 'chromadb';

/** A Chroma client for a server URL such as `http://127.0.0.1:8000` (CHROMA_URL or the embedded server). */
export function createChromaClient(url: string): ChromaClient {
  const parsed = new URL(url);
  const ssl = parsed.protocol === 'https:';
  return new ChromaClient({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : ssl ? 443 : 80,
    ssl,
  });
}

/** Whether Chroma answers, and its version, for `/ready`. */
export async function chromaStatus(client: ChromaClient, url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    await client.heartbeat();
    return { ok: true, detail: `Chroma ${await client.version()} at ${url}` };
  } catch (error) {
    return { ok: false, detail: `Chroma at ${url} does not answer: ${(error as Error).message}` };
  }
}
