/**
 * Load against one URL (or a rotation of paths) with autocannon's programmatic API. autocannon runs
 * in a worker thread so that it does not share the event loop with the server under test.
 */
import { request } from 'node:http';
import autocannon from 'autocannon';

export interface LoadOptions {
  duration: number;
  warmup: number;
  connections: number;
}

export interface Target {
  /** What the table shows. */
  label: string;
  /** One path, or several that every connection goes through in turn. */
  paths: string[];
}

export interface LoadResult {
  label: string;
  paths: string[];
  /** Completed responses per second over the measured run (warm-up excluded). */
  requestsPerSecond: number;
  /** Null when no response completed during the run. */
  latencyMs: { p50: number | null; p90: number | null; p99: number | null; max: number | null; mean: number | null };
  responses: number;
  bytesPerResponse: number;
  /** The first request to each path, before any load: status, size and time. */
  firstRequests: { path: string; status: number; bytes: number; ms: number }[];
  non2xx: number;
  /** Connection errors other than timeouts. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Seconds the server needed after the warm-up and the run to answer /healthz promptly again. */
  settleSeconds: number;
  /** Errors: these fail the benchmark. */
  problems: string[];
  /** Slowness worth knowing (no warm-up, nothing completed, a server still busy): never a failure. */
  notes: string[];
}

/**
 * One GET on a connection of its own (no keep-alive pool: a pooled socket that the server closed
 * while its event loop was busy would fail the next request).
 */
function get(url: string, timeoutMs: number): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' }, timeout: timeoutMs }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

async function firstRequest(base: string, path: string): Promise<LoadResult['firstRequests'][number]> {
  const started = performance.now();
  const { status, bytes } = await get(base + path, 120_000);
  return { path, status, bytes, ms: performance.now() - started };
}

/** How long the server may stay busy after a run before the benchmark goes on regardless (noted, not failed). */
const SETTLE_LIMIT_SECONDS = 600;

/**
 * Requests abandoned when a run ends are still being served; wait until /healthz answers quickly
 * three times in a row, so that they do not count against what comes next. Returns the seconds
 * waited and whether the server became responsive within the limit.
 */
export async function settle(base: string, limitSeconds = SETTLE_LIMIT_SECONDS): Promise<{ seconds: number; settled: boolean }> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let quick = 0;
  while (elapsed() < limitSeconds) {
    const t = performance.now();
    try {
      await get(`${base}/healthz`, Math.max(1, limitSeconds - elapsed()) * 1000);
    } catch {
      break;
    }
    quick = performance.now() - t < 20 ? quick + 1 : 0;
    if (quick >= 3) return { seconds: elapsed(), settled: true };
  }
  return { seconds: elapsed(), settled: false };
}

function run(base: string, target: Target, options: LoadOptions, duration: number) {
  return autocannon({
    url: base,
    connections: options.connections,
    pipelining: 1,
    duration,
    // Longer than the run: a slow request is reported as slowness (few responses), and is never
    // abandoned and sent again mid-run, which would pile more work on a busy server.
    timeout: Math.max(30, options.duration * 3),
    workers: 1,
    requests: target.paths.map((path) => ({ method: 'GET', path })),
  });
}

export async function measure(base: string, target: Target, options: LoadOptions): Promise<LoadResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const firstRequests = [];
  for (const path of target.paths) {
    const first = await firstRequest(base, path);
    if (first.status < 200 || first.status > 299) problems.push(`${path} answered ${first.status} before the run`);
    firstRequests.push(first);
  }
  let settleSeconds = 0;
  const slowest = Math.max(...firstRequests.map((f) => f.ms));
  // The warm-up is its own run, followed by settling, so its abandoned requests do not slow the
  // measured run. A page whose first request took longer than the warm-up is warm already, and a
  // warm-up would only queue requests that complete after it.
  if (options.warmup > 0 && slowest < options.warmup * 1000) {
    const warm = await run(base, target, options, options.warmup);
    if (warm.non2xx > 0) problems.push(`${warm.non2xx} non-2xx responses during the warm-up`);
    const s = await settle(base);
    settleSeconds += s.seconds;
    if (!s.settled) notes.push(`server still busy ${s.seconds.toFixed(0)} s after the warm-up`);
  } else if (options.warmup > 0) {
    notes.push(`no warm-up: one request took ${(slowest / 1000).toFixed(1)} s`);
  }
  const result = await run(base, target, options, options.duration);
  const after = await settle(base);
  settleSeconds += after.seconds;
  if (!after.settled) notes.push(`server still busy ${after.seconds.toFixed(0)} s after the run: later figures are low`);
  const responses = result.requests.total;
  if (responses === 0) notes.push(`no response completed in ${options.duration} s`);
  const errors = Math.max(0, result.errors - result.timeouts);
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses`);
  if (errors > 0) problems.push(`${errors} connection errors`);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const latency = responses > 0
    ? { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean }
    : { p50: null, p90: null, p99: null, max: null, mean: null };
  return {
    label: target.label,
    paths: target.paths,
    requestsPerSecond: responses / result.duration,
    latencyMs: latency,
    responses,
    bytesPerResponse: responses > 0 ? result.throughput.total / responses : 0,
    firstRequests,
    non2xx: result.non2xx,
    errors,
    timeouts: result.timeouts,
    statusCodes,
    settleSeconds,
    problems,
    notes,
  };
}
