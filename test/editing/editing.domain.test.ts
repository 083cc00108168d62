/** The editing domain through a real database per dialect: workflow, versions, history, deletion. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor, Role } from '../../src/accounts/access.ts';
import { findActivity, saveActivities } from '../../src/activities/activity.repository.ts';
import { loadReferences } from '../../src/db/references.ts';
import { listActivities } from '../../src/activities/activity.query.ts';
import { diffActivities } from '../../src/editing/diff.ts';
import {
  convertPreStudy, createActivity, deleteActivity, deletedActivities, getActivityWorkspace, listActivityWorkspaces,
  publishActivity, restoreActivityRevision, returnActivity, reviewQueue, saveActivity, submitActivity, undeleteActivity, unpublishActivity,
} from '../../src/editing/activity.editing.ts';
import { activityHistory, activityRevision, organisationHistory } from '../../src/editing/history.ts';
import {
  createOrganisation, deleteOrganisation, getOrganisationWorkspace, listOrganisationWorkspaces, organisationUsage, saveOrganisation, undeleteOrganisation,
} from '../../src/editing/organisation.editing.ts';
import { VersionConflictError } from '../../src/editing/editing.errors.ts';
import { AppError } from '../../src/shared/errors.ts';
import { seedDatabase } from '../../src/seed/load-seed.ts';
import { buildActivity } from '../support/builders.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const actor = (role: Role, userId = 1): Actor => ({ userId, email: `${role}@example.org`, name: `A ${role}`, role, via: 'token', sessionId: null });
const editor = actor('editor', 2);
const reviewer = actor('reviewer', 3);
const admin = actor('admin', 4);
const viewer = actor('viewer', 5);

async function rejects(promise: Promise<unknown>, code: string, status?: number): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    if (status !== undefined) assert.equal(error.status, status);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const newActivity = (slug: string, overrides = {}) => buildActivity({
  slug, iatiIdentifier: `SE-ON-2021002163-${slug.toUpperCase()}`, participations: [{ organisation: 'migrationsverket', role: 'lead' }], ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`editing domain on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(dialect.name);
      await seedDatabase(t.db, { now: '2026-01-01T00:00:00.000Z' });
    });
    after(async () => t.close());

    it('creates a draft that the public cannot see, and publishes it after review', async () => {
      const created = await createActivity(t.db, editor, newActivity('new-draft'));
      assert.equal(created.publication, 'draft');
      assert.equal(created.review, 'draft');
      assert.equal(created.version, 1);
      assert.equal(created.hasUnpublishedChanges, true);
      assert.equal(await findActivity(t.db, 'new-draft', { publishedOnly: true }), undefined);
      const pub = await listActivities(t.db, { publishedOnly: true }, { limit: 100, offset: 0 });
      assert.ok(!pub.items.some((a) => a.slug === 'new-draft'));

      await rejects(publishActivity(t.db, editor, 'new-draft'), 'forbidden', 403);
      const submitted = await submitActivity(t.db, editor, 'new-draft');
      assert.equal(submitted.review, 'in-review');
      assert.deepEqual((await reviewQueue(t.db, viewer)).map((a) => a.slug), ['new-draft']);
      await rejects(submitActivity(t.db, editor, 'new-draft'), 'already-in-review', 409);

      const returned = await returnActivity(t.db, reviewer, 'new-draft', 'Lägg till en sammanfattning.');
      assert.equal(returned.review, 'draft');
      assert.equal(returned.returnComment?.text, 'Lägg till en sammanfattning.');
      await rejects(returnActivity(t.db, reviewer, 'new-draft', 'again'), 'not-in-review', 409);

      await submitActivity(t.db, editor, 'new-draft');
      const published = await publishActivity(t.db, reviewer, 'new-draft');
      assert.equal(published.publication, 'published');
      assert.equal(published.review, null);
      assert.equal(published.version, 2);
      assert.equal(published.hasUnpublishedChanges, false);
      assert.equal((await findActivity(t.db, 'new-draft', { publishedOnly: true }))?.slug, 'new-draft');
      await rejects(publishActivity(t.db, reviewer, 'new-draft'), 'nothing-to-publish', 409);
      const actions = (await activityHistory(t.db, viewer, 'new-draft')).map((r) => r.action);
      assert.deepEqual(actions, ['publish', 'submit', 'return', 'submit', 'create']);
    });

    it('keeps a published activity public while its working copy is edited, with a baseline first', async () => {
      const start = await getActivityWorkspace(t.db, viewer, 'talk2connect');
      assert.ok(start);
      assert.equal(start.publication, 'published');
      assert.equal(start.review, null);
      const publicTitle = start.document.texts.sv?.title;
      const doc = structuredClone(start.document);
      doc.texts.sv = { ...doc.texts.sv, title: 'Talk2Connect – nytt namn' };
      doc.status = doc.status === 'suspended' ? 'closed' : 'suspended';
      const saved = await saveActivity(t.db, editor, 'talk2connect', doc, start.version, { reason: 'Nytt namn' });
      assert.equal(saved.version, start.version + 1);
      assert.equal(saved.hasUnpublishedChanges, true);
      assert.equal(saved.review, 'draft');
      assert.equal(saved.document.texts.sv?.title, 'Talk2Connect – nytt namn');
      // The public still sees the published version.
      assert.equal((await findActivity(t.db, 'talk2connect', { publishedOnly: true }))?.texts.sv?.title, publicTitle);
      assert.equal(saved.published?.texts.sv?.title, publicTitle);

      const history = await activityHistory(t.db, viewer, 'talk2connect');
      assert.deepEqual(history.map((r) => r.action), ['update', 'baseline']);
      assert.equal(history[0]!.reason, 'Nytt namn');
      assert.equal(history[0]!.author?.id, editor.userId);
      assert.deepEqual(history[0]!.changed.sort(), ['status', 'texts.sv.title']);
      const rev = await activityRevision(t.db, viewer, 'talk2connect', 2);
      assert.ok(rev);
      const titleChange = rev.diff.find((d) => d.path === 'texts.sv.title');
      assert.equal(titleChange?.change, 'changed');
      assert.equal(titleChange?.before, publicTitle);
      assert.equal(titleChange?.label.en, 'Title (Swedish)');

      // A stale save is refused with the current version and document.
      const stale = await rejects(saveActivity(t.db, editor, 'talk2connect', start.document, start.version), 'version-conflict', 412);
      assert.ok(stale instanceof VersionConflictError);
      assert.equal(stale.current.version, saved.version);
      assert.equal(stale.extra.currentVersion, saved.version);

      // Publishing writes the working copy into the registry at the working version + 1.
      const published = await publishActivity(t.db, reviewer, 'talk2connect');
      assert.equal(published.version, saved.version + 1);
      assert.equal((await findActivity(t.db, 'talk2connect', { publishedOnly: true }))?.texts.sv?.title, 'Talk2Connect – nytt namn');
      const publishRev = (await activityHistory(t.db, viewer, 'talk2connect'))[0]!;
      assert.equal(publishRev.action, 'publish');
      assert.deepEqual(publishRev.changed.sort(), ['status', 'texts.sv.title']);

      // Restoring the baseline is a new revision, into a new working copy.
      const restored = await restoreActivityRevision(t.db, editor, 'talk2connect', 1);
      assert.equal(restored.document.texts.sv?.title, publicTitle);
      assert.equal(restored.hasUnpublishedChanges, true);
      assert.equal((await activityHistory(t.db, viewer, 'talk2connect'))[0]!.action, 'restore');
      assert.equal((await findActivity(t.db, 'talk2connect', { publishedOnly: true }))?.texts.sv?.title, 'Talk2Connect – nytt namn');
    });

    it('validates documents and references, and saving the same document writes nothing', async () => {
      const ws = (await getActivityWorkspace(t.db, editor, 'mavrri'))!;
      const bad = await rejects(saveActivity(t.db, editor, 'mavrri', { ...ws.document, status: 'sleeping' }, ws.version), 'validation-failed', 400);
      assert.ok(bad.problems.some((p) => p.path === 'status'));
      const unknown = await rejects(saveActivity(t.db, editor, 'mavrri', { ...ws.document, participations: [{ organisation: 'nobody', role: 'partner' }] }, ws.version), 'validation-failed');
      assert.equal(unknown.problems[0]!.code, 'unknown-organisation');
      assert.equal(unknown.problems[0]!.path, 'participations.0.organisation');
      const unknownIssuer = await rejects(saveActivity(t.db, editor, 'mavrri', { ...ws.document, otherIdentifiers: [{ ref: 'MK 13', type: 'A9', owner: 'nobody' }] }, ws.version), 'validation-failed');
      assert.deepEqual(unknownIssuer.problems.map((p) => [p.code, p.path]), [['unknown-organisation', 'otherIdentifiers.0.owner']]);
      const renamed = await rejects(saveActivity(t.db, editor, 'mavrri', { ...ws.document, slug: 'other' }, ws.version), 'validation-failed');
      assert.equal(renamed.problems[0]!.code, 'slug-immutable');
      const same = await saveActivity(t.db, editor, 'mavrri', ws.document, ws.version);
      assert.equal(same.version, ws.version);
      assert.deepEqual(await activityHistory(t.db, viewer, 'mavrri'), []);
      await rejects(saveActivity(t.db, viewer, 'mavrri', ws.document, ws.version), 'forbidden', 403);
      await rejects(createActivity(t.db, editor, newActivity('mavrri')), 'slug-taken', 409);
    });

    it('blocks publication on check errors, listing each finding', async () => {
      await createActivity(t.db, editor, newActivity('untitled', { texts: { sv: { summary: 'Utan namn' } } }));
      await submitActivity(t.db, editor, 'untitled');
      const blocked = await rejects(publishActivity(t.db, reviewer, 'untitled'), 'publication-blocked', 422);
      assert.equal(blocked.problems[0]!.code, 'missing-title');
      assert.equal(blocked.problems[0]!.path, 'texts.title');
      const ws = await getActivityWorkspace(t.db, viewer, 'untitled');
      assert.ok(ws!.findings.some((f) => f.code === 'missing-title' && f.severity === 'error'));
    });

    it('unpublishes, soft-deletes and undeletes', async () => {
      const un = await unpublishActivity(t.db, reviewer, 'erin');
      assert.equal(un.publication, 'draft');
      assert.equal(await findActivity(t.db, 'erin', { publishedOnly: true }), undefined);
      await rejects(deleteActivity(t.db, editor, 'eurlo'), 'forbidden', 403);
      const before = (await getActivityWorkspace(t.db, viewer, 'eurlo'))!;
      await rejects(deleteActivity(t.db, reviewer, 'eurlo', { version: before.version - 1 }), 'version-conflict', 412);
      await deleteActivity(t.db, reviewer, 'eurlo', { version: before.version });
      assert.equal(await findActivity(t.db, 'eurlo', { publishedOnly: true }), undefined);
      assert.equal(await getActivityWorkspace(t.db, viewer, 'eurlo'), undefined);
      assert.equal((await getActivityWorkspace(t.db, admin, 'eurlo'))?.publication, 'deleted');
      const staff = await listActivityWorkspaces(t.db, viewer, {}, { limit: 100, offset: 0 });
      assert.ok(!staff.items.some((a) => a.slug === 'eurlo'));
      assert.ok(staff.items.some((a) => a.slug === 'erin' && a.publication === 'draft'));
      assert.deepEqual((await deletedActivities(t.db, admin)).map((a) => a.slug), ['eurlo']);
      await rejects(deletedActivities(t.db, reviewer), 'forbidden', 403);
      await rejects(undeleteActivity(t.db, reviewer, 'eurlo'), 'forbidden', 403);
      const back = await undeleteActivity(t.db, admin, 'eurlo');
      assert.equal(back.publication, 'published');
      assert.equal((await findActivity(t.db, 'eurlo', { publishedOnly: true }))?.slug, 'eurlo');
    });

    it('converts a pre-study to a draft project and records that the pre-study led to it', async () => {
      const { project, preStudy } = await convertPreStudy(t.db, editor, 'turkey-gbv-pre-study');
      assert.equal(project.document.kind, 'project');
      assert.equal(project.document.status, 'pipeline');
      assert.equal(project.publication, 'draft');
      assert.deepEqual(project.document.dates, {});
      assert.deepEqual(project.document.results, []);
      assert.ok(project.document.texts.sv?.title);
      assert.deepEqual(project.document.countries, preStudy.document.countries);
      assert.ok(preStudy.document.relations.some((r) => r.type === 'pre-study-led-to' && 'activity' in r.target && r.target.activity === project.slug));
      // Through the pre-study's working copy: the public pre-study does not have the link yet.
      assert.equal(preStudy.publication, 'published');
      assert.equal(preStudy.hasUnpublishedChanges, true);
      await rejects(convertPreStudy(t.db, editor, 'mavrri'), 'not-a-pre-study', 409);
    });

    it('edits, refuses to delete while in use, deletes and undeletes organisations', async () => {
      const created = await createOrganisation(t.db, editor, { slug: 'new-org', name: { sv: 'Ny organisation' }, country: 'SE' });
      assert.equal(created.version, 1);
      const saved = await saveOrganisation(t.db, editor, 'new-org', { ...created.document, name: { sv: 'Ny organisation', en: 'New organisation' } }, 1);
      assert.equal(saved.version, 2);
      await rejects(saveOrganisation(t.db, editor, 'new-org', created.document, 1), 'version-conflict', 412);
      assert.deepEqual((await organisationHistory(t.db, viewer, 'new-org')).map((r) => r.action), ['update', 'create']);

      const uses = await organisationUsage(t.db, 'migrationsverket');
      assert.ok(uses.length > 0);
      const refused = await rejects(deleteOrganisation(t.db, reviewer, 'migrationsverket'), 'organisation-in-use', 409);
      assert.ok(refused.problems.some((p) => p.record === 'activity new-draft' && /lead|ledande|huvud/i.test(p.message.en + p.message.sv)));
      assert.match(refused.messages.en, /new-draft/);

      await deleteOrganisation(t.db, reviewer, 'new-org');
      assert.equal(await getOrganisationWorkspace(t.db, viewer, 'new-org'), undefined);
      await createOrganisation(t.db, editor, { slug: 'orebro-kommun', name: { sv: 'Örebro kommun' }, acronym: 'ÖK' });
      for (const q of ['örebro', 'ÖREBRO', 'Örebro kommun', 'kommun', 'ök']) {
        const found = await listOrganisationWorkspaces(t.db, viewer, { q }, { limit: 20, offset: 0 });
        assert.ok(found.items.some((o) => o.slug === 'orebro-kommun'), q);
      }
      assert.equal((await listOrganisationWorkspaces(t.db, viewer, { q: 'örebro 100%_' }, { limit: 20, offset: 0 })).total, 0);
      const list = await listOrganisationWorkspaces(t.db, viewer, { q: 'organisation' }, { limit: 20, offset: 0 });
      assert.ok(!list.items.some((o) => o.slug === 'new-org'));
      const unknownOrg = await rejects(createActivity(t.db, editor, newActivity('uses-deleted', { participations: [{ organisation: 'new-org', role: 'partner' }] })), 'validation-failed');
      assert.equal(unknownOrg.problems[0]!.code, 'unknown-organisation');
      const back = await undeleteOrganisation(t.db, admin, 'new-org');
      assert.equal(back.deletedAt, null);
      assert.equal(back.version, 4);
    });

    it('keeps the version growing when an import changes a published activity that has a working copy', async () => {
      const start = (await getActivityWorkspace(t.db, editor, 'pp7'))!;
      const saved = await saveActivity(t.db, editor, 'pp7', { ...start.document, status: start.document.status === 'closed' ? 'suspended' : 'closed' }, start.version);
      // An import (or seeding) writes the registry rows directly, bumping the row's version twice.
      const published = (await findActivity(t.db, 'pp7'))!;
      const refs = await loadReferences(t.db);
      for (const acronym of ['PP7-A', 'PP7-B']) {
        await saveActivities(t.db, [{ ...published, texts: { ...published.texts, en: { ...published.texts.en, acronym } } }], refs, new Date().toISOString());
      }
      const row = await t.db.selectFrom('activities').select('version').where('slug', '=', 'pp7').executeTakeFirstOrThrow();
      assert.ok(row.version > saved.version, `${row.version} > ${saved.version}`);
      const warned = (await getActivityWorkspace(t.db, viewer, 'pp7'))!;
      assert.equal(warned.findings[0]?.code, 'published-changed');
      assert.equal(warned.findings[0]?.severity, 'warning');
      const after = await publishActivity(t.db, reviewer, 'pp7');
      assert.ok(!after.findings.some((f) => f.code === 'published-changed'));
      assert.equal(after.version, row.version + 1);
    });

    it('describes differences a person would name', () => {
      const a = { ...newActivity('x'), publication: 'draft', workingTitle: false, dates: {}, countries: [{ code: 'RS' }], regions: [], funding: [], relations: [], alignment: [], keyFigures: [], results: [], engagements: [], documents: [], provenance: [], participations: [{ organisation: 'a', role: 'lead', provenance: [] }, { organisation: 'b', role: 'partner', provenance: [] }] } as never;
      const b = { ...(a as object), participations: [{ organisation: 'b', role: 'partner', provenance: [] }, { organisation: 'c', role: 'partner', provenance: [] }], countries: [{ code: 'RS', percentage: 50 }] } as never;
      const diff = diffActivities(a, b);
      assert.deepEqual(diff.map((d) => `${d.change} ${d.path}`).sort(), ['added participations.c/partner', 'changed countries.RS', 'removed participations.a/lead']);
    });
  });
}
