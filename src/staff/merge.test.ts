import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityDocument } from '../editing/activity.editing.ts';
import { parseSeedPortfolio } from '../seed/portfolio.ts';
import { applyChoices, mergeChoices } from './merge.ts';

const { activities } = parseSeedPortfolio();
const base = (({ meta: _m, ...rest }) => rest)(activities.find((a) => a.participations.length >= 2)!) as ActivityDocument;
const copy = (): ActivityDocument => JSON.parse(JSON.stringify(base)) as ActivityDocument;

describe('merging after a conflict', () => {
  it('lists each difference once and suggests the side that changed it', () => {
    const theirs = copy();
    theirs.status = 'finalisation';
    const mine = copy();
    mine.texts = { ...mine.texts, en: { ...mine.texts.en, acronym: 'NEW' } };
    mine.participations = mine.participations.slice(1);
    const choices = mergeChoices(theirs, mine, base);
    const by = new Map(choices.map((c) => [c.entry.path.split('.')[0] === 'participations' ? 'participations' : c.entry.path, c.suggested]));
    assert.equal(by.get('status'), 'theirs');
    assert.equal(by.get('texts.en.acronym'), 'mine');
    assert.equal(by.get('participations'), 'mine');
    // Both changed the same field: no suggestion.
    mine.status = 'suspended';
    assert.equal(mergeChoices(theirs, mine, base).find((c) => c.entry.path === 'status')?.suggested, undefined);
  });

  it('applies the chosen entries to the current version, items by value and fields by path', () => {
    const theirs = copy();
    theirs.status = 'finalisation';
    const mine = copy();
    mine.status = 'suspended';
    mine.texts = { ...mine.texts, en: { ...mine.texts.en, acronym: 'NEW' } };
    mine.participations = mine.participations.slice(1);
    mine.countries = [...mine.countries, { code: 'AL' }];
    const choices = mergeChoices(theirs, mine, base);
    const merged = applyChoices(theirs, choices.filter((c) => c.entry.path !== 'status').map((c) => c.entry));
    assert.equal(merged.status, 'finalisation');
    assert.equal(merged.texts.en?.acronym, 'NEW');
    assert.deepEqual(merged.participations, mine.participations);
    assert.deepEqual(merged.countries.map((c) => c.code), mine.countries.map((c) => c.code));
    // Choosing everything of mine gives mine; choosing nothing gives theirs.
    assert.deepEqual(applyChoices(theirs, choices.map((c) => c.entry)), mine);
    assert.deepEqual(applyChoices(theirs, []), theirs);
  });
});
