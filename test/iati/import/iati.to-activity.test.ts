/** Reading back a Samverka file's texts: languages, repeated narratives, fields, and names that are not plain keys. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readIatiActivities } from '../../../src/iati/import/iati.reader.ts';
import { mapActivity, type MappedActivity } from '../../../src/iati/import/iati.to-activity.ts';

const META = 'version="1" created-at="2026-06-01T12:00:00.000Z"';
const activity = (title: string, descriptions = '', ext = '') => `<iati-activity xml:lang="en" last-updated-datetime="2026-06-01T12:00:00.000Z">
<iati-identifier>XM-1</iati-identifier><title>${title}</title>${descriptions}<activity-status code="2"/>
<samverka:activity slug="a-b" kind="project" ${META}>${ext}</samverka:activity></iati-activity>`;

async function mapped(body: string): Promise<MappedActivity> {
  const xml = `<?xml version="1.0"?>\n<iati-activities version="2.03" xmlns:samverka="https://samverka.org/ns/iati-extension/1">\n${body}</iati-activities>`;
  for await (const r of readIatiActivities(Readable.from([xml]))) {
    return mapActivity(r.activity, r.root, { storedSlug: undefined, organisation: () => 'x', uniqueSlug: (b) => b });
  }
  assert.fail('no activity read');
}

describe('IATI import of a Samverka file: texts', () => {
  it('collects each language\'s fields from title, acronym and descriptions, the later narrative of a language winning', async () => {
    const m = await mapped(activity(
      '<narrative>First</narrative><narrative xml:lang="sv">Först</narrative><narrative>Second</narrative><samverka:acronym xml:lang="sv">FÖ</samverka:acronym>',
      '<description samverka:field="summary"><narrative xml:lang="sv">Kort</narrative></description>'
        + '<description samverka:field="description"><narrative>Long</narrative></description>'
        + '<description samverka:field="objectives" samverka:derived="true"><narrative>Derived</narrative></description>',
    ));
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.activity?.texts, { sv: { title: 'Först', acronym: 'FÖ', summary: 'Kort' }, en: { title: 'Second', description: 'Long' } });
    assert.deepEqual(Object.keys(m.activity!.texts.sv!), ['title', 'acronym', 'summary']);
  });

  it('an unknown language or field is named in an error, also constructor; __proto__ is never a key; nothing leaks into Object.prototype', async () => {
    const codes = async (title: string, descriptions = '') => (await mapped(activity(title, descriptions))).problems.map((p) => p.message.en);
    // A `__proto__` language is not kept (and, unlike other unknown languages, not reported).
    const proto = await mapped(activity('<narrative>T</narrative><narrative xml:lang="__proto__">P</narrative>'));
    assert.deepEqual([proto.problems, proto.activity?.texts], [[], { en: { title: 'T' } }]);
    assert.deepEqual(await codes('<narrative>T</narrative><narrative xml:lang="constructor">C</narrative>'), ['texts: Unknown field: constructor.']);
    assert.deepEqual(await codes('<narrative>T</narrative>', '<description samverka:field="__proto__"><narrative>D</narrative></description>'),
      ['texts.en: Unknown field: __proto__.']);
    assert.deepEqual(await codes('<narrative>T</narrative>', '<description samverka:field="constructor"><narrative xml:lang="constructor">D</narrative></description>'),
      ['texts: Unknown field: constructor.']);
    assert.equal(({} as Record<string, unknown>).title, undefined);
    assert.equal(typeof ({}).constructor, 'function');
  });
});
