/** The IATI reader's trees: attributes as saxes reads them, duplicates refused where saxes refused them. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { attributeValue, IatiCriticalError, readIatiActivities, type CriticalProblem, type XmlNode } from '../../../src/iati/import/iati.reader.ts';

const file = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${body}</iati-activities>`;

async function read(xml: string, chunks = 1): Promise<XmlNode[]> {
  const size = Math.ceil(xml.length / chunks);
  const parts = Array.from({ length: chunks }, (_, i) => Buffer.from(xml.slice(i * size, (i + 1) * size)));
  const out: XmlNode[] = [];
  for await (const r of readIatiActivities(Readable.from(parts))) out.push(r.activity);
  return out;
}

async function refused(xml: string): Promise<CriticalProblem> {
  try {
    await read(xml);
  } catch (error) {
    assert.ok(error instanceof IatiCriticalError, String(error));
    return error.problem;
  }
  assert.fail('read without a critical problem');
}

describe('IATI reader', () => {
  it('keeps every attribute in the file\'s order, references expanded, split over chunks', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const xml = file(`<iati-activity ${names.map((n, i) => `${n}="${i} &amp; &#65;"`).join('\n  ')} __proto__="p" constructor="c">
<iati-identifier>XM-1</iati-identifier><title/></iati-activity>`);
    for (const chunks of [1, 7]) {
      const [activity] = await read(xml, chunks);
      assert.deepEqual(activity!.attributes, [...names.flatMap((n, i) => [n, `${i} & A`]), '__proto__', 'p', 'constructor', 'c']);
      assert.equal(attributeValue(activity!.attributes, 'a39'), '39 & A');
      assert.equal(attributeValue(activity!.attributes, '__proto__'), 'p');
      assert.deepEqual(activity!.children.map((c) => [c.name, c.attributes.length, c.line]), [['iati-identifier', 0, 43], ['title', 0, 43]]);
      assert.deepEqual(activity!.children.map((c) => [c.text, c.children.length, Object.isFrozen(c.children)]), [['XM-1', 0, true], ['', 0, true]]);
    }
  });

  it('refuses a duplicate attribute, among few or many, naming the first one repeated and its line', async () => {
    const few = await refused(file('<iati-activity b="0"\n a="1"\n c="3" a="2" c="4"/>'));
    assert.equal(few.code, 'malformed-xml');
    assert.equal(few.line, 5);
    assert.match(few.message.en, /duplicate attribute: a\.$/);
    const names = Array.from({ length: 100 }, (_, i) => `a${i}="1"`).join('\n');
    const many = await refused(file(`<iati-activity ${names} a99="x" a3="y"/>`));
    assert.equal(many.code, 'malformed-xml');
    assert.equal(many.line, 102);
    assert.match(many.message.en, /duplicate attribute: a99\.$/);
    const proto = await refused(file('<iati-activity><x __proto__="1" constructor="2" __proto__="3"/></iati-activity>'));
    assert.match(proto.message.en, /duplicate attribute: __proto__\.$/);
  });

  it('refuses more attributes than the limit, and takes exactly the limit', async () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ');
    assert.equal((await refused(file(`<iati-activity ${attrs(257)}/>`))).code, 'too-many-attributes');
    const [activity] = await read(file(`<iati-activity ${attrs(256)}/>`));
    assert.equal(activity!.attributes.length, 512);
  });
});
