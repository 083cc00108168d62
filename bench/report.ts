/** Plain-text tables for the terminal. */
import type { BuildInfo } from './databases.ts';
import type { LoadResult } from './load.ts';

export function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Requests/s with sensible precision: 12 345, 812, 37.4, 0.62. */
export function rate(n: number): string {
  if (n >= 1000) return Math.round(n).toLocaleString('en').replace(/,/g, ' ');
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Milliseconds; autocannon records latency in whole milliseconds, so 0 means under one. */
export function ms(n: number | null): string {
  if (n === null) return '–';
  if (n === 0) return '<1';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** A ratio to the reference, two significant digits: 1.00×, 0.31×, 0.042×. */
export function ratio(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 0.1) return `${n.toFixed(2)}×`;
  return `${n.toPrecision(2)}×`;
}

export function loadTable(results: LoadResult[]): string {
  const reference = results.find((r) => r.label === '/healthz')?.requestsPerSecond ?? Number.NaN;
  const rows = results.map((r) => {
    const trouble = [r.non2xx ? `${r.non2xx} non-2xx` : '', r.errors ? `${r.errors} errors` : '', r.timeouts ? `${r.timeouts} timeouts` : '', ...r.problems.filter((p) => p.includes('before the run'))].filter(Boolean);
    const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
    const first = Math.max(...r.firstRequests.map((f) => f.ms));
    return [
      r.label, rate(r.requestsPerSecond), ms(r.latencyMs.p50), ms(r.latencyMs.p99), ratio(r.requestsPerSecond / reference),
      (r.bytesPerResponse / 1024).toFixed(1), ms(first), (trouble.join(', ') || 'ok') + notes,
    ];
  });
  return table(['URL', 'req/s', 'p50 ms', 'p99 ms', 'vs /healthz', 'KB/resp', 'first ms', 'errors (notes)'], rows, [false, true, true, true, true, true, true, false]);
}

export function buildLine(build: BuildInfo): string {
  const size = build.fileBytes !== undefined ? `, file ${(build.fileBytes / 1024 / 1024).toFixed(1)} MB` : '';
  if (build.how === 'seed') return `built in ${build.seconds.toFixed(2)} s (migrate + seed)${size}`;
  const g = build.generation!;
  const gen = `${g.activities.toLocaleString('en')} activities and ${g.organisations.toLocaleString('en')} organisations generated in ${g.seconds.toFixed(1)} s; ` +
    `import ${g.importSeconds.toFixed(1)} s = ${Math.round(g.importActivitiesPerSecond)} activities/s (building and validating documents ${g.parseSeconds.toFixed(1)} s)`;
  return build.how === 'cached' ? `from the cache (${gen}, on ${g.generatedAt})${size}` : `${gen}${size}`;
}
