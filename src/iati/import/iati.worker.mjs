// The IATI import's worker thread starts here: a worker does not inherit the TypeScript loader
// the main thread was started with, so it registers tsx itself before loading iati.worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
