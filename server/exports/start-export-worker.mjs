// The export worker's entry (see export-in-worker.ts). Node 20 does not carry the server's TypeScript loader into
// worker threads (nor does `--import tsx` in a worker's execArgv take effect), so the worker registers tsx itself
// before loading its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./export-worker.ts');
