/**
 * Free text (src/shared/schema-helpers.ts) refuses the characters no database and no IATI export
 * can hold (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) with its own code
 * and a message in both languages, and takes every other character as it is.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { freeText, text, toProblems } from '../../src/shared/schema-helpers.ts';

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : toProblems(parsed.error).map((p) => [p.code, Boolean(p.message.sv && p.message.en)]);
};

describe('free text', () => {
  it('refuses every C0 control but tab, line feed and carriage return, and U+FFFE and U+FFFF', () => {
    const refused: number[] = [];
    for (let c = 0; c < 0x20; c++) if (problems(text(), `a${String.fromCharCode(c)}b`).length) refused.push(c);
    assert.deepEqual(refused, Array.from({ length: 0x20 }, (_, c) => c).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)));
    assert.deepEqual(problems(text(), 'a\ufffeb'), [['control-character', true]]);
    assert.deepEqual(problems(text(), 'a\uffffb'), [['control-character', true]]);
    assert.deepEqual(problems(freeText(), '\u0000'), [['control-character', true]]);
  });

  it('takes everything else as it is, trimmed', () => {
    const value = ' Rad\r\nrad\tå ä ö 😀 \u00a0 \u0085 \u2028 \ufffd \u007f ';
    assert.equal(text().parse(value), value.trim());
    assert.deepEqual(problems(text(), '   '), [['empty', true]]);
  });
});
