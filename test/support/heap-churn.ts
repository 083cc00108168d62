/**
 * A streaming job's heap in miniature, for test/shared/lean-heap.test.ts: a few MB kept alive for
 * the whole run and a batch's worth of garbage that lives long enough to be promoted. Prints the
 * largest heap V8 held, in bytes, with the lean heap (`lean`) or with V8's own heuristic.
 *
 *   node --import tsx test/support/heap-churn.ts lean|default
 */
import { getHeapStatistics } from 'node:v8';
import { withLeanHeap } from '../../src/shared/lean-heap.ts';

const kept = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `kept ${i}` }));

async function churn(): Promise<number> {
  let peak = 0;
  const recent: object[][] = [];
  for (let round = 0; round < 250; round += 1) {
    recent.push(Array.from({ length: 20_000 }, (_, j) => ({ round, j, text: `item ${round} ${j}`, list: [j, j + 1] })));
    if (recent.length > 3) recent.shift();
    await new Promise((resolve) => setImmediate(resolve));
    peak = Math.max(peak, getHeapStatistics().total_heap_size);
  }
  return peak;
}

const peak = process.argv[2] === 'lean' ? await withLeanHeap(churn) : await churn();
process.stdout.write(`${JSON.stringify({ peak, kept: kept.length })}\n`);
