// The export of many conversations as a ZIP, in a worker thread (started by export-in-worker.ts): its own
// connection, its own heap and its own CPU time, so a long export neither fills the server's heap with what it
// reads and renders nor slows the event loop that serves chats. It sends the ZIP's bytes a chunk at a time, each
// when the server asks for one, so it never runs ahead of the client's download.
import { pipeline } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type { SqlQuery } from '../../platform/database/sql-query.ts';
import { answerRecords } from '../chat/answer-records.ts';
import { coalesceChunks } from './coalesce-chunks.ts';
import { conversationDocuments } from './conversation-documents.ts';
import { ConversationExporter } from './conversation-exporter.ts';
import { exportArchive } from './export-archive.ts';
import type { ExportJob, ExportWorkerMessage } from './export-job.ts';
import { ExportRepository } from './export-repository.ts';

const job = workerData as ExportJob;
const port = parentPort!;
// Named, so an operator can tell the export's connection from the server's in pg_stat_activity.
const pool = new pg.Pool({ ...job.database, max: 1, application_name: 'kiln-export' });
// A dropped idle connection fails the next query, which ends the export with its error; it need not crash the worker.
pool.on('error', () => undefined);
const query: SqlQuery = async (sql, parameters) => (await pool.query(sql, parameters)).rows;
const repository = new ExportRepository({ query });
const exporter = new ConversationExporter(
  repository,
  { answersFor: (conversationId, ids) => answerRecords(query, conversationId, ids) },
  job.kilnVersion,
);
const archive = exportArchive(conversationDocuments(repository, exporter, job.ownerId ?? undefined), {
  kilnVersion: job.kilnVersion,
  scope: job.scope,
});
const chunks = pipeline(archive, coalesceChunks(), () => undefined)[Symbol.asyncIterator]();

/** A chunk that owns its whole memory, so it can be transferred rather than copied. */
function owned(chunk: Buffer): Uint8Array {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : new Uint8Array(chunk);
}

async function sendNext(): Promise<void> {
  let message: ExportWorkerMessage;
  try {
    const next = await chunks.next();
    message = next.done ? { end: true } : { chunk: owned(next.value as Buffer) };
  } catch (error) {
    message = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message, 'chunk' in message ? [message.chunk.buffer as ArrayBuffer] : []);
  if (!('chunk' in message)) {
    port.close();
    await pool.end();
  }
}

// One request at a time, in order (the server asks again only after it was given a chunk).
let sending = Promise.resolve();
port.on('message', () => {
  sending = sending.then(sendNext);
});
