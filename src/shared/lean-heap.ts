/**
 * A lean heap while a long streaming job runs (an IATI import): V8 lets its old generation grow
 * to at most one and a half times what survived the last full collection, instead of up to four
 * times by its own heuristic.
 *
 * A streaming import keeps little alive (tens of MB) but makes a batch's worth of garbage that
 * lives long enough to be promoted; V8's heuristic, tuned for throughput, waits longer and longer
 * between full collections as the job runs, so the peak grew with the file (a 386 MB file 1.33×
 * the peak of a 40 MB one on SQLite) although what was alive did not. A full collection here
 * pauses a few milliseconds (the marking runs alongside on V8's helper threads), so collecting
 * more often costs little: bench/README.md has the figures.
 *
 * The setting is the process's (V8 has one flag for every isolate, worker threads included): it is
 * made when the first job starts and undone (V8's default, 0: its own heuristic) when the last one
 * ends, so overlapping jobs (two uploads at once) keep it until both are done. A process started
 * with its own `--heap-growing-percent` keeps that one. Node documents that
 * changing V8 flags after start may do nothing; this one is read whenever V8 sets a new limit,
 * and the memory test shows it taking effect.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's `--heap-growing-percent`: the limit after a full collection is (1 + this / 100) × what survived it. */
export const LEAN_HEAP_GROWING_PERCENT = 50;

let running = 0;

/** Whether the process was started with its own heap growing factor (node's options or NODE_OPTIONS): that one is kept. */
export function heapGrowingGiven(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option));
}

const given = heapGrowingGiven();

/** Runs `job` with the lean heap, and restores V8's own heuristic after the last such job. */
export async function withLeanHeap<T>(job: () => Promise<T>): Promise<T> {
  if (given) return job();
  if (running === 0) setFlagsFromString(`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`);
  running += 1;
  try {
    return await job();
  } finally {
    running -= 1;
    if (running === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}

/** How many jobs are running with the lean heap now (for tests). */
export function leanHeapJobs(): number {
  return running;
}
