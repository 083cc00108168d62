import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySchema } from '../activities/activity.schema.ts';
import { parseSeedPortfolio } from '../seed/portfolio.ts';
import { generatedActivity } from '../../test/iati/generated-portfolio.ts';
import { withoutMeta } from '../shared/records.ts';
import { activityToForm, periodWords, readActivityForm, reshapeActivityForm } from './activity.form.ts';
import { bodyToTree, fieldId, splitName, treeToFlat } from './form.codec.ts';
import { organisationToForm, readOrganisationForm } from './organisation.form.ts';

const seed = parseSeedPortfolio();

/** What a browser posts for a form rendered from this tree (checkboxes with their empty companion). */
function post(tree: ReturnType<typeof activityToForm>): Record<string, string | string[]> {
  return treeToFlat(tree);
}

const minimal = {
  slug: 'ny-aktivitet', iatiIdentifier: 'SE-ON-2021002163-NY', kind: 'project', status: 'pipeline',
  'texts[sv][title]': 'Ny aktivitet', 'texts[en][title]': '',
};

describe('activity form codec', () => {
  it('reads every seed activity back from its own form unchanged', () => {
    assert.ok(seed.activities.length >= 19);
    for (const activity of seed.activities) {
      const result = readActivityForm(post(activityToForm(activity)), { publication: activity.publication });
      assert.ok(result.ok, `${activity.slug}: ${result.ok ? '' : JSON.stringify(result.errors)}`);
      assert.deepEqual(withoutMeta(result.value), withoutMeta(activity), activity.slug);
    }
  });

  it('reads activities with flows, indicators and periods back unchanged too', () => {
    for (const n of [0, 1, 7]) {
      const activity = activitySchema.parse(generatedActivity(n));
      const result = readActivityForm(post(activityToForm(activity)), { publication: activity.publication });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
      assert.deepEqual(withoutMeta(result.value), withoutMeta(activity));
    }
  });

  it('reads other identifiers from their rows, in order, with who issued them, and names a row\'s missing kind', () => {
    const result = readActivityForm({
      ...minimal, 'otherIdentifiers[0][ref]': 'MK 13 IPA JH 01 17', 'otherIdentifiers[0][type]': 'A9', 'otherIdentifiers[0][owner]': 'european-commission',
      'otherIdentifiers[1][ref]': 'OLD-1', 'otherIdentifiers[1][type]': 'A3', 'otherIdentifiers[1][owner]': '',
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.value.otherIdentifiers, [{ ref: 'MK 13 IPA JH 01 17', type: 'A9', owner: 'european-commission' }, { ref: 'OLD-1', type: 'A3' }]);
    const again = readActivityForm(post(activityToForm(result.value)));
    assert.ok(again.ok);
    assert.deepEqual(again.value, result.value);
    const missing = readActivityForm({ ...minimal, 'otherIdentifiers[0][ref]': 'X-1', 'otherIdentifiers[0][type]': '' });
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.ok(missing.errors.some((e) => e.field === 'otherIdentifiers[0][type]'), JSON.stringify(missing.errors));
  });

  it('reads who reports the activity to IATI, when it is another organisation, and leaves it out when the field is empty', () => {
    const result = readActivityForm({ ...minimal, reportedBy: 'iom' });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.equal(result.value.reportedBy, 'iom');
    const again = readActivityForm(post(activityToForm(result.value)));
    assert.ok(again.ok);
    assert.deepEqual(again.value, result.value);
    const empty = readActivityForm({ ...minimal, reportedBy: '' });
    assert.ok(empty.ok);
    assert.equal('reportedBy' in empty.value, false);
    const wrong = readActivityForm({ ...minimal, reportedBy: 'Not A Slug' });
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.ok(wrong.errors.some((e) => e.field === 'reportedBy'), JSON.stringify(wrong.errors));
  });

  it('writes periods as words that read back to the same bounds, phrases included', () => {
    const cases = ['1 juli 2021–15 juni 2022', 'hösten 2022', 'från 2020', 'till mars 2016', '1,5 år, avslutades i mars 2016', 'september 2022 till december 2024'];
    for (const words of cases) {
      const base = { slug: 'x', iatiIdentifier: 'SE-ON-2021002163-X', kind: 'project', status: 'pipeline', texts: { sv: { title: 'x' } } };
      const a = activitySchema.parse({ ...base, dates: { planned: words } });
      const written = periodWords(a.dates.plannedStart, a.dates.plannedEnd);
      const b = activitySchema.parse({ ...base, dates: { planned: written } });
      assert.deepEqual(b.dates, a.dates, words);
    }
  });

  it('builds nested parts from flat names, and types numbers, amounts, ticks and lists', () => {
    const result = readActivityForm({
      ...minimal,
      'dates[actual]': 'hösten 2022 – 2024',
      'countries[0][code]': 'RS', 'countries[0][percentage]': '62,5',
      'regions': ['western-balkans', 'eu'],
      'funding[0][instrument]': 'sida', 'funding[0][coFinancing]': ['', 'on'],
      'funding[0][flows][0][kind]': 'budget', 'funding[0][flows][0][amount]': '1 200 000,50', 'funding[0][flows][0][currency]': 'SEK', 'funding[0][flows][0][valueDate]': '2022-09-01',
      'alignment[0][objective]': 'gcm:23', 'alignment[0][basis]': 'assessed',
      'engagements[0][kind]': 'expert-mission', 'engagements[0][count]': '66', 'engagements[0][countriesFeatured]': 'rs, al',
      'results[0][type]': 'output', 'results[0][title][en]': 'Staff trained', 'results[0][indicators][0][title][sv]': 'Antal utbildade',
      'results[0][indicators][0][ascending]': '', 'results[0][indicators][0][baselineYear]': '2021',
      'relations[0][type]': 'part-of', 'relations[0][externalName][en]': 'EU programme',
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const a = result.value;
    assert.equal(a.dates.actualStart?.phrase, 'hösten 2022');
    assert.equal(a.dates.actualEnd?.to, '2024-12-31');
    assert.deepEqual(a.countries, [{ code: 'RS', percentage: 62.5 }]);
    assert.deepEqual(a.regions, ['western-balkans', 'eu']);
    assert.equal(a.funding[0]?.coFinancing, true);
    assert.equal(a.funding[0]?.flows[0]?.amount, '1200000.50');
    assert.deepEqual(a.alignment[0], { framework: 'gcm', code: '23', basis: 'assessed', provenance: [] });
    assert.equal(a.engagements[0]?.count, 66);
    assert.deepEqual(a.engagements[0]?.countriesFeatured, ['RS', 'AL']);
    assert.equal(a.results[0]?.indicators[0]?.ascending, false);
    assert.deepEqual(a.results[0]?.indicators[0]?.baseline, { year: 2021 });
    assert.deepEqual(a.relations[0]?.target, { external: { name: { en: 'EU programme' } } });
    assert.equal(a.publication, 'draft');
  });

  it('puts each error on the field it concerns, in both languages, and keeps what was typed', () => {
    const body = {
      ...minimal, slug: 'Not A Slug', 'texts[sv][title]': '', 'texts[en][summary]': 'Kept summary',
      'dates[planned]': 'hösten 2024 – våren 2023',
      'countries[0][code]': 'RS', 'countries[0][percentage]': 'many',
      'participations[0][organisation]': 'bamf', 'participations[0][role]': '',
      'alignment[0][objective]': 'gcm:99',
      'relations[0][type]': 'part-of',
      'results[0][type]': 'output', 'results[0][title][sv]': 'R', 'results[0][indicators][0][title][sv]': 'I', 'results[0][indicators][0][periods][0][start]': '2023-02-30',
    };
    const result = readActivityForm(body);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const byField = new Map(result.errors.map((e) => [e.field, e]));
    assert.equal(byField.get('slug')?.code, 'slug');
    assert.equal(byField.get('dates[planned]')?.code, 'end-before-start');
    assert.equal(byField.get('countries[0][percentage]')?.code, 'not-a-number');
    assert.match(byField.get('countries[0][percentage]')!.message.sv, /Ange ett tal/);
    assert.equal(byField.get('participations[0][role]')?.code, 'unknown-code');
    assert.equal(byField.get('alignment[0][objective]')?.code, 'unknown-code');
    assert.equal(byField.get('relations[0][targetActivity]')?.code, 'relation-target');
    assert.equal(byField.get('results[0][indicators][0][periods][0][start]')?.code, 'iso-date');
    for (const e of result.errors) assert.ok(e.message.sv && e.message.en, JSON.stringify(e));
    // Only one error for the percentage, not also zod's "wrong type".
    assert.equal(result.errors.filter((e) => e.field === 'countries[0][percentage]').length, 1);
    assert.equal(result.tree.slug, 'Not A Slug');
    assert.equal((result.tree.texts as Record<string, Record<string, string>>).en!.summary, 'Kept summary');
  });

  it('adds an empty row and removes marked rows without losing anything typed', () => {
    const body = {
      ...minimal,
      'participations[0][organisation]': 'bamf', 'participations[0][role]': 'lead',
      'participations[1][organisation]': 'fjernet', 'participations[1][role]': 'partner', 'participations[1][_remove]': 'on',
      'participations[5][organisation]': 'cmi', 'participations[5][role]': 'partner',
      'results[0][type]': 'output', 'results[0][title][sv]': 'Typed',
    };
    const tree = reshapeActivityForm(body, 'results.0.indicators');
    assert.deepEqual((tree.participations as Record<string, string>[]).map((p) => p.organisation), ['bamf', 'cmi']);
    const results = tree.results as { indicators: unknown[]; title: { sv: string } }[];
    assert.equal(results[0]!.indicators.length, 1);
    assert.equal(results[0]!.title.sv, 'Typed');
    const more = reshapeActivityForm(body, 'participations');
    assert.equal((more.participations as unknown[]).length, 3);
    // A blank row is dropped when saving.
    const saved = readActivityForm({ ...body, 'countries[0][code]': '', 'countries[0][percentage]': '' });
    assert.ok(saved.ok);
    assert.deepEqual(saved.value.countries, []);
    assert.deepEqual(saved.value.participations.map((p) => p.organisation), ['bamf', 'cmi']);
  });

  it('ignores names it does not write and keeps prototypes untouched', () => {
    const tree = bodyToTree({ '__proto__[x]': '1', 'a[constructor]': '2', 'b]': '3', 'ok[0][v]': '4' });
    assert.deepEqual(tree, { ok: { 0: { v: '4' } } });
    assert.equal(({} as Record<string, unknown>).x, undefined);
    assert.deepEqual(splitName('texts[sv][title]'), ['texts', 'sv', 'title']);
    assert.equal(fieldId('participations[2][note][sv]'), 'f-participations-2-note-sv');
  });
});

describe('organisation form codec', () => {
  it('reads every seed organisation back unchanged and names the failing field', () => {
    for (const organisation of seed.organisations) {
      const result = readOrganisationForm(treeToFlat(organisationToForm(organisation)));
      assert.ok(result.ok, organisation.slug);
      assert.deepEqual(withoutMeta(result.value), withoutMeta(organisation));
    }
    const bad = readOrganisationForm({ slug: 'x', 'name[sv]': '', 'name[en]': '', website: 'ftp://x' });
    assert.equal(bad.ok, false);
    if (bad.ok) return;
    assert.deepEqual(bad.errors.map((e) => [e.field, e.code]).sort(), [['name[sv]', 'required'], ['website', 'url']]);
  });
});
