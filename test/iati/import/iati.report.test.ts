/** The import's report ledger: entries come back whole, in order, with their outcomes and problems. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReportLedger } from '../../../src/iati/import/iati.report.ts';
import type { ActivityReport } from '../../../src/iati/import/iati.mapper.ts';
import { importProblem } from '../../../src/iati/import/iati.mapper.ts';

const clean = (i: number): ActivityReport => ({ identifier: `XM-${i}`, slug: `xm-${i}`, line: i * 10 + 2, outcome: 'skipped', problems: [] });

describe('IATI import report ledger', () => {
  it('gives back every entry in order, past the first growth of its arrays', () => {
    const ledger = new ReportLedger();
    const warned: ActivityReport = { identifier: 'XM-W', slug: 'xm-w', line: 7, outcome: 'skipped', problems: [importProblem('warning', 'w', 7, 'v', 'w')] };
    const skipped: ActivityReport = { identifier: 'XM-E', line: 9, outcome: 'skipped', problems: [importProblem('error', 'e', 9, 'f', 'e')] };
    for (let i = 0; i < 2_500; i += 1) assert.equal(ledger.add(clean(i)), i);
    assert.equal(ledger.add(warned), 2_500);
    assert.equal(ledger.add(skipped), 2_501);
    for (let i = 0; i < 2_500; i += 1) ledger.setOutcome(i, i % 3 === 0 ? 'created' : i % 3 === 1 ? 'updated' : 'unchanged');
    ledger.setOutcome(2_500, 'created');
    assert.equal(ledger.size, 2_502);
    const entries = ledger.entries();
    assert.equal(entries.length, 2_502);
    assert.deepEqual(entries[0], { identifier: 'XM-0', slug: 'xm-0', line: 2, outcome: 'created', problems: [] });
    assert.deepEqual(entries[2_000], { identifier: 'XM-2000', slug: 'xm-2000', line: 20_002, outcome: 'unchanged', problems: [] });
    assert.deepEqual(entries[2_499], { identifier: 'XM-2499', slug: 'xm-2499', line: 24_992, outcome: 'created', problems: [] });
    assert.equal(entries[2_500], warned);
    assert.equal(entries[2_500]!.outcome, 'created');
    assert.deepEqual(entries[2_501], { identifier: 'XM-E', line: 9, outcome: 'skipped', problems: skipped.problems });
    assert.ok(!('slug' in entries[2_501]!));
  });

  it('keeps a problem added later to an entry that had none', () => {
    const ledger = new ReportLedger();
    ledger.add(clean(1));
    ledger.add(clean(2));
    ledger.setOutcome(1, 'unchanged');
    const late = importProblem('warning', 'unknown-related-activity', 12, 'saknas', 'missing');
    ledger.addProblem(1, late);
    ledger.setOutcome(1, 'updated');
    ledger.addProblem(1, late);
    assert.equal(ledger.outcome(1), 'updated');
    const [first, second] = ledger.entries();
    assert.deepEqual(first!.problems, []);
    assert.deepEqual(second, { identifier: 'XM-2', slug: 'xm-2', line: 22, outcome: 'updated', problems: [late, late] });
  });
});
