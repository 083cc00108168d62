/**
 * The mapping of one activity: a Samverka file's texts (languages, repeated narratives, fields, names that are
 * not plain keys), and another publisher's organisations and money, and what of it is not imported.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readIatiActivities } from '../../../src/iati/import/iati.reader.ts';
import { mapActivity, type MappedActivity } from '../../../src/iati/import/iati.to-activity.ts';
import { TALLY_LABELS, LabelTally } from '../../../src/iati/import/iati.mapper.ts';

const META = 'version="1" created-at="2026-06-01T12:00:00.000Z"';
const activity = (title: string, descriptions = '', ext = '') => `<iati-activity xml:lang="en" last-updated-datetime="2026-06-01T12:00:00.000Z">
<iati-identifier>XM-1</iati-identifier><reporting-org ref="XM-R"/><title>${title}</title>${descriptions}<activity-status code="2"/>
<samverka:activity slug="a-b" kind="project" ${META}>${ext}</samverka:activity></iati-activity>`;

/** Activities the mapping is told exist (stored or earlier in the file), by identifier. */
const known = new Map([['XM-PARENT', 'parent-slug']]);

async function mapped(body: string, samverka = true): Promise<MappedActivity> {
  const ns = samverka ? ' xmlns:samverka="https://samverka.org/ns/iati-extension/1"' : '';
  const xml = `<?xml version="1.0"?>\n<iati-activities version="2.03"${ns}>\n${body}</iati-activities>`;
  for await (const r of readIatiActivities(Readable.from([xml]))) {
    return mapActivity(r.activity, r.root, { storedSlug: undefined, activitySlug: (id) => known.get(id), organisation: (ref) => (ref ?? 'x').toLowerCase(), uniqueSlug: (b) => b, ownReportingOrg: 'SE-ON-2021002163' });
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

describe('IATI import of another publisher\'s activity: organisations and money', () => {
  it('keeps each organisation and role once, in the file\'s order, and groups flows by funder in order of first appearance', async () => {
    const org = (role: number, ref: string) => `<participating-org role="${role}" ref="${ref}"><narrative>${ref}</narrative></participating-org>`;
    const tx = (value: number, provider?: string) => `<transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-0${value}"/>`
      + `${provider ? `<provider-org ref="${provider}"/>` : ''}<value>${value}</value></transaction>`;
    const m = await mapped(`<iati-activity xml:lang="en" default-currency="EUR"><iati-identifier>XM-1</iati-identifier><reporting-org ref="XM-R"/><title><narrative>T</narrative></title>
${org(1, 'XM-F')}${org(4, 'XM-A')}${org(1, 'XM-F')}${org(4, 'XM-B')}${org(4, 'XM-A')}${org(2, 'XM-A')}<activity-status code="2"/>
${tx(1)}${tx(2, 'XM-G')}${tx(3)}${tx(4, 'XM-G')}${tx(5, 'XM-F')}</iati-activity>`, false);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.activity?.participations.map((p) => [p.organisation, p.role]),
      [['xm-f', 'funder'], ['xm-a', 'implementer'], ['xm-b', 'implementer'], ['xm-a', 'lead']]);
    assert.deepEqual(m.activity?.funding.map((f) => [f.funder, f.flows.map((fl) => fl.amount)]), [['xm-f', ['1', '3', '5']], ['xm-g', ['2', '4']]]);
  });
});

describe('IATI import of another publisher\'s activity: what is not imported', () => {
  it('lists each element the registry has no field for once, in the order first met, and the kinds of the elements read only in part', async () => {
    const m = await mapped(`<iati-activity xml:lang="en"><iati-identifier>XM-1</iati-identifier><reporting-org ref="XM"/>
<title><narrative>T</narrative></title><description type="1"><narrative>D</narrative></description><description type="2"><narrative>O</narrative></description>
<description type="3"><narrative>Target groups</narrative></description><activity-status code="2"/>
<sector code="15190"/><sector code="15136"/><recipient-region code="89"/><tag vocabulary="2" code="10"/><tag vocabulary="99" code="x"/><tag code="y"/>
<transaction><transaction-type code="3"/><value value-date="2020-01-01" currency="EUR">1</value></transaction>
<transaction><transaction-type code="5"/><value value-date="2020-01-01" currency="EUR">1</value></transaction>
<transaction><value value-date="2020-01-01" currency="EUR">1</value></transaction>
<related-activity ref="XM-2" type="1"/><sector code="15110"/><tag vocabulary="${'9'.repeat(40)}" code="z"/></iati-activity>`, false);
    assert.ok(m.activity, JSON.stringify(m.problems));
    assert.deepEqual(m.notImported, [
      'description (type 3)', 'sector', 'recipient-region', 'tag (vocabulary 99)', 'tag (vocabulary ?)', 'transaction (type 5)',
      'transaction (type ?)', `tag (vocabulary ${'9'.repeat(20)})`,
    ]);
  });

  it('lists nothing for a file Samverka wrote, whose extension carries the whole activity', async () => {
    const m = await mapped(activity('<narrative>T</narrative>').replace('<activity-status', '<sector vocabulary="1" code="15190"/><activity-status'));
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.notImported, []);
  });
});

describe('LabelTally', () => {
  it('counts activities per kind, most first and then by name, and counts the kinds beyond its bound together as "…", last', () => {
    const tally = new LabelTally();
    tally.add(['sector', 'location'], 1);
    tally.add(['sector'], 2);
    tally.add(['contact-info'], 1);
    assert.deepEqual(tally.counts(), [['sector', 3], ['contact-info', 1], ['location', 1]]);
    for (let i = 0; i < TALLY_LABELS; i += 1) tally.add([`x:element-${i}`], 5);
    const counts = tally.counts();
    assert.equal(counts.length, TALLY_LABELS + 1);
    assert.deepEqual(counts.at(-1), ['…', 5 * 3]);
    assert.deepEqual(counts[0], ['x:element-0', 5]);
  });
});

describe('IATI import of another publisher\'s activity: parents', () => {
  const child = (related: string) => `<iati-activity xml:lang="en"><iati-identifier>XM-CHILD</iati-identifier><reporting-org ref="XM-R"/><title><narrative>T</narrative></title>
<activity-status code="2"/>${related}</iati-activity>`;

  it('makes the activity part of each parent (related-activity type 1), linked when it is known and by its identifier when not', async () => {
    const m = await mapped(child('<related-activity ref="XM-PARENT" type="1"/><related-activity ref=" XM-LATER/1 " type="1"/><related-activity ref="XM-PARENT" type="1"/>'), false);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.activity?.relations, [
      { type: 'part-of', target: { activity: 'parent-slug' }, basis: 'stated', provenance: [] },
      { type: 'part-of', target: { external: { name: { en: 'XM-LATER/1' }, iatiIdentifier: 'XM-LATER/1' } }, basis: 'stated', provenance: [] },
    ]);
    assert.equal(m.parentLater, true, 'the import links it if XM-LATER/1 comes later');
    assert.deepEqual(m.notImported, []);
    const known = await mapped(child('<related-activity ref="XM-PARENT" type="1"/>'), false);
    assert.equal(known.parentLater, undefined);
  });

  it('lists the other types as not imported, and skips itself or an unusable identifier with a warning', async () => {
    const m = await mapped(child('<related-activity ref="XM-2" type="2"/><related-activity ref="XM-3" type="3"/><related-activity ref="XM-CHILD" type="1"/>'
      + '<related-activity ref="N/A ?" type="1"/><related-activity type="1"/>'), false);
    assert.deepEqual(m.activity?.relations, []);
    assert.deepEqual(m.notImported, ['related-activity (type 2)', 'related-activity (type 3)']);
    assert.deepEqual(m.problems.map((p) => [p.severity, p.code]), [['warning', 'related-activity-self'], ['warning', 'related-activity-unusable'], ['warning', 'related-activity-unusable']]);
    assert.match(m.problems[0]!.message.sv, /aktiviteten själv/);
  });

  it('keeps at most 50 parents, and says so once', async () => {
    const m = await mapped(child(Array.from({ length: 60 }, (_, i) => `<related-activity ref="XM-P${i}" type="1"/>`).join('')), false);
    assert.equal(m.activity?.relations.length, 50);
    assert.deepEqual(m.problems.map((p) => p.code), ['related-activity-too-many']);
  });
});

describe('IATI import of another publisher\'s activity: other identifiers', () => {
  it('keeps each with the organisation that gave it; the publisher\'s own (A1) becomes another activity identifier (A9); a type the list lacks is kept and flagged; a malformed type or no ref is skipped with a warning', async () => {
    const m = await mapped(`<iati-activity xml:lang="en"><iati-identifier>XM-1</iati-identifier><reporting-org ref="XM-R"/><title><narrative>T</narrative></title><activity-status code="2"/>
<other-identifier ref=" MK 13 IPA JH 01 17 " type="A9"><owner-org ref="XI-IATI-EC"><narrative>European Commission</narrative></owner-org></other-identifier>
<other-identifier ref="INT-1" type="A1"/><other-identifier ref="INT-1" type="A1"/><other-identifier ref="x" type="Z9"/><other-identifier ref="y" type="zz9"/><other-identifier type="A2"/></iati-activity>`, false);
    assert.deepEqual(m.activity?.otherIdentifiers, [{ ref: 'MK 13 IPA JH 01 17', type: 'A9', owner: 'xi-iati-ec' }, { ref: 'INT-1', type: 'A9' }, { ref: 'x', type: 'Z9' }]);
    assert.deepEqual(m.problems.map((p) => p.code), ['unknown-code', 'unknown-code', 'other-identifier-unusable']);
    assert.equal(m.problems[0]!.message.en, 'other-identifier/@type "Z9" is not in the OtherIdentifierType codelist; it is kept as it is and shown as an unknown code.');
    assert.equal(m.problems[0]!.message.sv, 'other-identifier/@type "Z9" finns inte i kodlistan OtherIdentifierType; koden sparas som den är och visas som okänd kod.');
    assert.equal(m.problems[1]!.message.en, 'other-identifier/@type "zz9" is not in the OtherIdentifierType codelist; the identifier is skipped.');
    assert.deepEqual(m.notImported, []);
  });
});

describe('IATI import of another publisher\'s activity: codes outside their codelists', () => {
  it('keeps a code of an open codelist\'s shape that the registry\'s copy lacks, flags every code outside its list, in both languages with its line, and keeps the element without a malformed one', async () => {
    const m = await mapped(`<iati-activity xml:lang="en"><iati-identifier>XM-1</iati-identifier><reporting-org ref="XM-R" type="99"/><title><narrative>T</narrative></title>
<activity-status code="2"/><participating-org role="4" ref="XM-P" type="15"/><participating-org role="4" ref="XM-Q" type="98"/><participating-org role="4" ref="XM-S" type="NGO"/>
<document-link url="https://example.org/a.pdf" format="application/pdf"><title><narrative>A</narrative></title><category code="Z77"/><language code="xx"/></document-link>
<document-link url="https://example.org/b.pdf" format="application/pdf"><title><narrative>B</narrative></title><category code="A01"/><language code="sv"/></document-link>
<document-link url="https://example.org/c.pdf" format="application/pdf"><title><narrative>C</narrative></title><category code="misc"/><language code="english"/><language code="fi"/></document-link>
<result type="1"><title><narrative>R</narrative></title><indicator measure="9"><title><narrative>I</narrative></title></indicator><indicator><title><narrative>J</narrative></title></indicator></result></iati-activity>`, false);
    assert.ok(m.activity, JSON.stringify(m.problems));
    // The file starts on line 3 of what the helper reads; the publisher is read after the rest.
    assert.deepEqual(m.problems.map((p) => [p.code, p.line]), [
      ['unknown-code', 4], ['unknown-code', 4], ['unknown-code', 5], ['unknown-code', 5], ['unknown-code', 7], ['unknown-code', 8], ['unknown-code', 8], ['unknown-code', 3],
    ]);
    assert.deepEqual(m.problems.map((p) => p.message.en), [
      'participating-org/@type "98" is not in the OrganisationType codelist; it is kept as it is and shown as an unknown code.',
      'participating-org/@type "NGO" is not in the OrganisationType codelist; the organisation is kept without a type.',
      'document-link/category/@code "Z77" is not in the DocumentCategory codelist; it is kept as it is and shown as an unknown code.',
      'document-link/language/@code "xx" is not in the Language codelist; it is kept as it is and shown as an unknown code.',
      'document-link/category/@code "MISC" is not in the DocumentCategory codelist; the document is kept without a category.',
      'indicator/@measure "9" is not in the IndicatorMeasure codelist; the indicator is kept as measured in units (1).',
      'indicator/@measure is missing; the indicator is kept as measured in units (1).',
      'reporting-org/@type "99" is not in the OrganisationType codelist; it is kept as it is and shown as an unknown code.',
    ]);
    assert.equal(m.problems[0]!.message.sv, 'participating-org/@type "98" finns inte i kodlistan OrganisationType; koden sparas som den är och visas som okänd kod.');
    assert.equal(m.problems[1]!.message.sv, 'participating-org/@type "NGO" finns inte i kodlistan OrganisationType; organisationen sparas utan typ.');
    // A known language among several is the one kept, without a word about the malformed one before it.
    assert.deepEqual(m.activity.documents.map((d) => [d.category, d.language]), [['Z77', 'xx'], ['A01', 'sv'], [undefined, 'fi']]);
    assert.deepEqual(m.activity.results[0]!.indicators.map((i) => i.measure), ['unit', 'unit']);
    assert.deepEqual(m.activity.participations.map((p) => p.organisation), ['xm-p', 'xm-q', 'xm-s']);
  });
});
