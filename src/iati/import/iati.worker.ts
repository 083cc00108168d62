/**
 * The IATI import's worker thread (started by iati.batches.ts through iati.worker.mjs): reads the
 * file's bytes as the main thread sends them, maps them into batches (iati.mapper.ts) and sends
 * each batch back as JSON, never more than two ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BATCHES_AHEAD, mapHere, type FromWorker, type ToWorker, type WorkerStart } from './iati.batches.ts';
import { IatiCriticalError } from './iati.reader.ts';

const port = parentPort!;
const { start } = workerData as { start: WorkerStart };

const chunks: Uint8Array[] = [];
let ended = false;
let ahead = 0;
let wake: (() => void) | undefined;
port.on('message', (m: ToWorker) => {
  if ('chunk' in m) chunks.push(m.chunk);
  else if ('end' in m) ended = true;
  else ahead -= 1;
  wake?.();
});
const waitForMessage = () => new Promise<void>((resolve) => { wake = resolve; });
const say = (m: FromWorker) => port.postMessage(m);

async function* input(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk) {
      say({ read: true });
      yield chunk;
    } else if (ended) {
      return;
    } else {
      await waitForMessage();
    }
  }
}

let bytes = 0;
try {
  for await (const batch of mapHere(input(), start, (b) => { bytes = b; })) {
    say({ batch: JSON.stringify(batch), bytes });
    ahead += 1;
    while (ahead >= BATCHES_AHEAD) await waitForMessage();
  }
  say({ done: true, bytes });
} catch (error) {
  if (error instanceof IatiCriticalError) say({ critical: error.problem, bytes });
  else say({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
