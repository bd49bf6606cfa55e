// The entry of the type-check thread. Worker threads do not inherit tsx's loader from the main thread on Node 20,
// so it is registered here before the TypeScript of the check is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./type-check-thread-main.ts');
