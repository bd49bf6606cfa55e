import yazl from 'yazl';

/** A zip of the files; `rename` rewrites names in the bytes afterwards (yazl refuses to write a hostile name). */
export async function zipOf(files: Record<string, Buffer | string>, rename: Record<string, string> = {}) {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks).toString('latin1');
  for (const [from, to] of Object.entries(rename)) bytes = bytes.split(from).join(to);
  return Buffer.from(bytes, 'latin1');
}
