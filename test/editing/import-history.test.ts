/**
 * Imports and the history (src/editing/import-history.ts), per dialect: an import that changes a
 * record with a history appends an 'import' revision with what it stored; one that changes
 * nothing, a record without a history, and a dry run append none; and a working copy begun before
 * the import, once published, leaves the import's version in the history.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Actor, Role } from '../../src/accounts/access.ts';
import { getActivityWorkspace, publishActivity, saveActivity, submitActivity } from '../../src/editing/activity.editing.ts';
import { activityHistory, activityRevision, organisationHistory } from '../../src/editing/history.ts';
import { getOrganisationWorkspace, saveOrganisation } from '../../src/editing/organisation.editing.ts';
import { exportPortfolio, importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { importIatiFile } from '../../src/iati/import/iati.import.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const actor = (role: Role, userId: number): Actor => ({ userId, email: `${role}@example.org`, name: `A ${role}`, role, via: 'token', sessionId: null });
const editor = actor('editor', 2);
const reviewer = actor('reviewer', 3);

const iati = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity xml:lang="en"><iati-identifier>XM-HIST-1</iati-identifier>
<reporting-org ref="XM-HIST" type="10"><narrative>History publisher</narrative></reporting-org>
<title><narrative>${title}</narrative></title>
<participating-org ref="XM-HIST-PARTNER" role="4" type="10"><narrative>History partner</narrative></participating-org>
<activity-status code="2"/><activity-date type="2" iso-date="2020-01-01"/></iati-activity></iati-activities>`;

for (const dialect of DIALECTS) {
  describe(`imports in the history on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => { t = await freshDatabase(dialect.name); });
    after(async () => t.close());

    const importFile = (text: string, options = {}) => importIatiFile(t.db, Readable.from([text]), { fileName: 'partner.xml', ...options });
    const history = (slug: string) => activityHistory(t.db, editor, slug);
    /** The activity the file holds, imported by the first test; the tests run in order. */
    let s = '';

    it('records nothing for a record without a history; its first edit takes the import as its baseline', async () => {
      s = (await importFile(iati('First title'))).activities[0]!.slug!;
      assert.deepEqual(await history(s), []);
      await importFile(iati('Second title'));
      assert.deepEqual(await history(s), [], 'no history yet: the first edit records a baseline of what is stored then');
      const ws = (await getActivityWorkspace(t.db, editor, s))!;
      await saveActivity(t.db, editor, s, { ...ws.document, texts: { ...ws.document.texts, en: { ...ws.document.texts.en, summary: 'An editor wrote this.' } } }, ws.version);
      const [update, baseline] = await history(s);
      assert.equal(baseline?.action, 'baseline');
      assert.equal(update?.action, 'update');
      assert.equal((await activityRevision(t.db, editor, s, baseline!.number))?.document.texts.en?.title, 'Second title');
    });

    it('appends an import revision to a record with a history, with the file, the author and what changed', async () => {
      await submitActivity(t.db, editor, s);
      await publishActivity(t.db, reviewer, s);
      const before = await history(s);
      const report = await importFile(iati('Third title'), { actor: reviewer });
      assert.equal(report.summary.activities.updated, 1);
      const [latest, ...rest] = await history(s);
      assert.deepEqual(rest, before);
      assert.equal(latest?.action, 'import');
      assert.equal(latest?.reason, 'partner.xml');
      assert.equal(latest?.author?.id, reviewer.userId);
      assert.ok(latest?.changed.some((p) => p.startsWith('texts.en.title')), `changed: ${latest?.changed.join(', ')}`);
      const revision = (await activityRevision(t.db, editor, s, latest!.number))!;
      assert.equal(revision.document.texts.en?.title, 'Third title');
      assert.ok(revision.diff.length > 0);
      const row = await t.db.selectFrom('activities').select('version').where('slug', '=', s).executeTakeFirstOrThrow();
      assert.equal(latest?.version, row.version);
    });

    it('appends nothing when the import changes nothing, or on a dry run', async () => {
      const before = await history(s);
      assert.equal((await importFile(iati('Third title'))).summary.activities.unchanged, 1);
      assert.deepEqual(await history(s), before);
      const dry = await importFile(iati('A title never stored'), { dryRun: true });
      assert.equal(dry.summary.activities.updated, 1);
      assert.deepEqual(await history(s), before);
    });

    it('keeps the import\'s version in the history when a working copy begun before it is published', async () => {
      const ws = (await getActivityWorkspace(t.db, editor, s))!;
      await saveActivity(t.db, editor, s, { ...ws.document, texts: { ...ws.document.texts, en: { ...ws.document.texts.en, summary: 'Begun before the import.' } } }, ws.version);
      await importFile(iati('Imported meanwhile'));
      const pending = (await getActivityWorkspace(t.db, editor, s))!;
      assert.equal(pending.findings[0]?.code, 'published-changed');
      await submitActivity(t.db, editor, s);
      await publishActivity(t.db, reviewer, s);
      const published = (await getActivityWorkspace(t.db, editor, s))!;
      assert.equal(published.document.texts.en?.title, 'Third title', 'publishing the working copy overwrote the import (the finding said so)');
      const imported = (await history(s)).find((r) => r.action === 'import' && r.changed.some((p) => p.startsWith('texts.en.title')) && r.number > 3);
      assert.ok(imported, 'the import is in the history');
      assert.equal((await activityRevision(t.db, editor, s, imported.number))?.document.texts.en?.title, 'Imported meanwhile');
    });

    it('appends an import revision to an organisation with a history', async () => {
      // An IATI file from another publisher names organisations (matched, never redefined); a
      // portfolio file (or our own IATI export's extension) defines them.
      const org = 'xm-hist-partner';
      const ws = (await getOrganisationWorkspace(t.db, editor, org))!;
      await saveOrganisation(t.db, editor, org, { ...ws.document, acronym: 'HP' }, ws.version);
      const portfolio = await exportPortfolio(t.db);
      const changed = { ...portfolio, organisations: portfolio.organisations.map((o) => (o.slug === org ? { ...o, acronym: 'HPR' } : o)) };
      const summary = await importPortfolio(t.db, parsePortfolio(JSON.parse(JSON.stringify(changed))), { fileName: 'portfolio.json' });
      assert.equal(summary.organisations.updated, 1);
      const [fromJson] = await organisationHistory(t.db, editor, org);
      assert.equal(fromJson?.action, 'import');
      assert.equal(fromJson?.reason, 'portfolio.json');
      assert.equal(fromJson?.author, null);
      assert.deepEqual(fromJson?.changed, ['acronym']);
    });
  });
}
