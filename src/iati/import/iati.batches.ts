/**
 * Reading and mapping an IATI file into batches of activities ready to save (iati.mapper.ts),
 * ahead of the writes. A small file, or any file on a machine of few cores, is mapped in this
 * thread, between the writes; a large one on a machine with the cores for it in a worker thread
 * (iati.worker.ts), which the file's bytes are passed to as they arrive, so that reading, mapping
 * and validation run on another core while this thread writes. Both give the same batches: the
 * mapping sees the same snapshot and the same file.
 *
 * Flow control keeps memory flat: at most 8 MB of the file wait for the worker, and the worker
 * stops reading while two batches wait to be written.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ActivityMapper, type ImportSnapshot, type MappedBatch } from './iati.mapper.ts';
import { IatiCriticalError, readIatiActivities, type CriticalProblem, type ReaderLimits } from './iati.reader.ts';

export interface MappingOptions extends Partial<ReaderLimits> {
  /** Activities per batch (written together, and mapped ahead by one batch). */
  batchSize?: number;
  /** The input's size in bytes, if known: a file from WORKER_FROM bytes is mapped in a worker thread, given WORKER_CORES cores. */
  sizeHint?: number;
  /** Map in a worker thread (true), in this thread (false), or by `sizeHint` and the cores (unset). */
  worker?: boolean;
  /** Told the bytes read so far, after each batch and at the end. */
  onBytes?: (bytes: number) => void;
}

/** Below this size a worker thread costs more to start (about half a second) than it saves. */
export const WORKER_FROM = 4_000_000;
/**
 * The cores a worker thread needs to pay. On 2 cores it gains little: the 386 MB bench file's
 * SQLite import 0.20× the raw parse against 0.17× in one thread, PostgreSQL 0.11× against 0.10×,
 * and the 40 MB file none, at 334–354 MiB peak against 205–233 MiB: the two threads, the garbage
 * collector's helper threads and the database share the two cores, and the worker adds the
 * batches' JSON on both sides (bench/README.md).
 */
export const WORKER_CORES = 4;
const DEFAULT_BATCH = 500;
/**
 * Bytes of the file sent to the worker and not yet read by it: enough for about two batches. On
 * SQLite the writer's thread is busy for the whole of a batch's write (the driver is synchronous)
 * and cannot pass the worker more meanwhile; with only a few chunks ahead, the worker waited for
 * most of each write.
 */
const BYTES_IN_FLIGHT = 8_000_000;
/** Batches the worker may have sent that the writer has not taken yet. */
export const BATCHES_AHEAD = 2;

/** What the worker is started with. */
export interface WorkerStart {
  snapshot: ImportSnapshot;
  limits: Partial<ReaderLimits>;
  batchSize: number;
  /** Whether the mapping makes the hashes and index rows (ActivityMapper's `prepare`). */
  prepare: boolean;
}

/** Messages from the main thread to the worker. */
export type ToWorker = { chunk: Uint8Array } | { end: true } | { taken: true };

/**
 * Messages from the worker to the main thread. A batch travels as JSON text: a structured clone of
 * its many small objects costs about three times as much to receive as JSON.parse, and sending it
 * as UTF-8 bytes (moved, not copied) costs more in encoding and decoding than copying the text.
 */
export type FromWorker =
  | { read: true }
  | { batch: string; bytes: number }
  | { done: true; bytes: number }
  | { critical: CriticalProblem; bytes: number }
  | { failure: string };

export function mapBatches(input: AsyncIterable<Uint8Array | string>, snapshot: ImportSnapshot, options: MappingOptions = {}): AsyncGenerator<MappedBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const limits = readerLimits(options);
  const inWorker = mapsInWorker(options);
  // In this thread it makes no difference where the hashes and index rows are made. With a
  // worker, the writer makes them on SQLite: the worker, which also parses, was the busier thread
  // (bench/README.md). On PostgreSQL the worker makes them: the writer's thread spends most of a
  // batch waiting for the server (measured before decision 003 moved the stemming from the server
  // into Node; the worker is not the default on the 2-core bench machine, so not measured since).
  const prepare = !inWorker || snapshot.dialect === 'postgres';
  const start: WorkerStart = { snapshot, limits, batchSize, prepare };
  return inWorker ? mapInWorker(input, start, options.onBytes) : mapHere(input, start, options.onBytes);
}

/** Whether an import with these options maps in a worker thread. */
export function mapsInWorker(options: Pick<MappingOptions, 'worker' | 'sizeHint'>): boolean {
  return options.worker ?? (options.sizeHint !== undefined && options.sizeHint >= WORKER_FROM && availableParallelism() >= WORKER_CORES);
}

function readerLimits(options: MappingOptions): Partial<ReaderLimits> {
  const { maxBytes, maxDepth, maxAttributes, maxText, maxReferences, maxElementsPerActivity } = options;
  return Object.fromEntries(Object.entries({ maxBytes, maxDepth, maxAttributes, maxText, maxReferences, maxElementsPerActivity }).filter(([, v]) => v !== undefined));
}

/** The mapping in this thread (also what the worker runs). */
export async function* mapHere(input: AsyncIterable<Uint8Array | string>, start: WorkerStart, onBytes: ((bytes: number) => void) | undefined): AsyncGenerator<MappedBatch> {
  const mapper = new ActivityMapper(start.snapshot, start.prepare);
  for await (const read of readIatiActivities(input, { ...start.limits, ...(onBytes ? { onBytes } : {}) })) {
    mapper.add(read);
    if (mapper.size >= start.batchSize) yield mapper.take();
  }
  if (mapper.size) yield mapper.take();
}

async function* mapInWorker(input: AsyncIterable<Uint8Array | string>, start: WorkerStart, onBytes: ((bytes: number) => void) | undefined): AsyncGenerator<MappedBatch> {
  const worker = new Worker(new URL('./iati.worker.mjs', import.meta.url), {
    workerData: { entry: new URL('./iati.worker.ts', import.meta.url).href, start },
  });
  /** What the worker said (other than "read") that the writer has not taken yet, in order. */
  const inbox: (Exclude<FromWorker, { read: true }> | { exit: number } | { error: unknown })[] = [];
  let wake: (() => void) | undefined;
  const arrive = (m: (typeof inbox)[number]) => {
    inbox.push(m);
    wake?.();
  };

  // The file is fed to the worker as it asks, whatever the writer is doing: the chunks move on
  // while a batch is being written.
  const iterator = input[Symbol.asyncIterator]();
  /** The sizes of the chunks the worker has not read yet, oldest first, and their sum. */
  const inFlight: number[] = [];
  let bytesInFlight = 0;
  let inputDone = false;
  let sending = false;
  const send = async () => {
    if (sending) return;
    sending = true;
    try {
      while (!inputDone && bytesInFlight < BYTES_IN_FLIGHT) {
        const { value, done } = await iterator.next();
        if (done) {
          inputDone = true;
          worker.postMessage({ end: true } satisfies ToWorker);
          return;
        }
        const chunk = typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value);
        inFlight.push(chunk.byteLength);
        bytesInFlight += chunk.byteLength;
        worker.postMessage({ chunk } satisfies ToWorker, [chunk.buffer]);
      }
    } catch (error) {
      // The input failed (an upload cut off, a size limit of the caller's): that is the failure.
      inputDone = true;
      arrive({ error });
    } finally {
      sending = false;
    }
  };
  worker.on('message', (m: FromWorker) => {
    if ('read' in m) {
      bytesInFlight -= inFlight.shift() ?? 0;
      void send();
    } else {
      arrive(m);
    }
  });
  worker.on('error', (error: Error) => arrive({ error }));
  worker.on('exit', (exit: number) => arrive({ exit }));

  try {
    void send();
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
      const m = inbox.shift()!;
      if ('batch' in m) {
        onBytes?.(m.bytes);
        yield JSON.parse(m.batch) as MappedBatch;
        worker.postMessage({ taken: true } satisfies ToWorker);
      } else if ('done' in m) {
        onBytes?.(m.bytes);
        return;
      } else if ('critical' in m) {
        onBytes?.(m.bytes);
        throw new IatiCriticalError(m.critical.code, m.critical.line, m.critical.message);
      } else if ('failure' in m) {
        throw new Error(`IATI import worker: ${m.failure}`);
      } else if ('error' in m) {
        throw m.error;
      } else {
        throw new Error(`IATI import worker stopped (exit code ${m.exit})`);
      }
    }
  } finally {
    // However the reading ends (done, a problem, the writer failing), the worker and the input stop.
    await worker.terminate();
    if (!inputDone) await iterator.return?.();
  }
}
