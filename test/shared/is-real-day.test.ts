/** isRealDay's arithmetic must say exactly what Date says about the same text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRealDay } from '../../src/shared/schema-helpers.ts';

const byDate = (value: string) => {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

test('isRealDay agrees with Date on every day of several years, and on near misses', () => {
  const samples: string[] = [];
  for (const year of ['0000', '0001', '0004', '0100', '0400', '1600', '1700', '1899', '1900', '1970', '1999', '2000', '2023', '2024', '2100', '2400', '9999']) {
    for (let m = 0; m <= 13; m += 1) {
      for (let d = 0; d <= 32; d += 1) samples.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
  }
  samples.push(
    '', '2024-1-01', '2024-01-1', '2024/01/01', '2024-01-01 ', ' 2024-01-01', '２０２４-01-01', '2024-0a-01', '2024-01-0x',
    '+002024-01', '+010000-01', '-000001-01', '-000000-01', '+275760-09', '+275761-01', '2024-01-01T', '20240101',
    '2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '2024-12-31', '2024--1-01', '2024-+1-01', '2024-01-+1',
  );
  for (const s of samples) assert.equal(isRealDay(s), byDate(s), s);
});
