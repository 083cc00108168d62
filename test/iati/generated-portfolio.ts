/**
 * A generated portfolio for the streaming test: activities as rich as the seed's (texts in both
 * languages, fuzzy dates, countries, partners with notes, a multi-year budget and a disbursement,
 * alignment, a result with an indicator, a document, a relation, provenance). They are written with
 * the registry's own row writers in one transaction, without the search index (which the export
 * does not read), so that thousands load in seconds.
 */
import { Writable } from 'node:stream';
import { activitySchema, type Activity } from '../../src/activities/activity.schema.ts';
import { insertActivityChildren, insertActivityRow, insertRelations } from '../../src/activities/activity.write.ts';
import type { Db } from '../../src/db/database.ts';
import { loadReferences } from '../../src/db/references.ts';
import { importPortfolio, parsePortfolio } from '../../src/exchange/portfolio.ts';
import { writeIatiFile, type IatiExportOptions } from '../../src/iati/iati.export.ts';
import { buildActivity, buildOrganisation, buildPortfolio } from '../support/builders.ts';
import { freshDatabase, type DialectName } from '../support/databases.ts';

const COUNTRIES = ['RS', 'BA', 'MK', 'ME', 'AL', 'XK', 'TR', 'SO', 'AF', 'MA', 'UA', 'GE', 'MD', 'IQ', 'JO'];
const PARTNERS = ['partner-a', 'partner-b', 'partner-c', 'partner-d'];

const organisations = [
  buildOrganisation({ slug: 'test-agency', iatiRef: 'SE-ON-2021002163' }),
  ...PARTNERS.map((slug, i) => buildOrganisation({ slug, name: { sv: `Partner ${i}`, en: `Partner ${i}` }, country: COUNTRIES[i] })),
  buildOrganisation({ slug: 'eu', name: { sv: 'Europeiska unionen', en: 'European Union' }, type: '40', country: undefined }),
];

const template = activitySchema.parse(buildActivity({
  participations: [
    { organisation: 'test-agency', role: 'lead' },
    { organisation: 'partner-a', role: 'beneficiary', note: { sv: 'Mottagande myndighet.', en: 'Beneficiary authority.' } },
    { organisation: 'eu', role: 'funder' },
  ],
  alignment: [{ framework: 'gcm', code: '12' }, { framework: 'sdg-target', code: '10.7' }],
  results: [{
    type: 'output', title: { sv: 'Utbildade handläggare', en: 'Trained caseworkers' },
    indicators: [{ title: { sv: 'Antal utbildade', en: 'Number trained' }, periods: [{ start: '2020-09-01', end: '2021-08-31', target: '40', actual: '37' }] }],
  }],
  documents: [{ url: 'https://example.org/reports/report.pdf', title: { sv: 'Slutrapport', en: 'Final report' }, category: 'A07', language: 'sv' }],
}));

export function generatedActivity(n: number): Activity {
  const year = 2010 + (n % 14);
  const text = (lang: 'sv' | 'en') => ({
    title: lang === 'sv' ? `Samarbetsprojekt nummer ${n}` : `Cooperation project number ${n}`,
    summary: (lang === 'sv' ? 'Projektet stärker migrationsmyndighetens kapacitet att hantera asylärenden. ' : "The project strengthens the migration authority's capacity to handle asylum cases. ").repeat(2).trim(),
    description: (lang === 'sv' ? 'Migrationsverket bidrar med teknisk assistans inom migrationsanalys, management och kvalitetssäkring. ' : 'The agency contributes technical assistance in migration analysis, management and quality assurance. ').repeat(6).trim(),
    objectives: lang === 'sv' ? 'Att stärka kapaciteten i asylprocessen.' : 'To strengthen capacity in the asylum process.',
  });
  return {
    ...template,
    slug: `generated-${n}`,
    iatiIdentifier: `SE-ON-2021002163-GEN-${n}`,
    status: 'closed',
    texts: { sv: text('sv'), en: text('en') },
    dates: {
      actualStart: { from: `${year}-09-01`, to: `${year}-11-30`, precision: 'season', phrase: `hösten ${year}` },
      actualEnd: { from: `${year + 2}-03-01`, to: `${year + 2}-03-31`, precision: 'month', phrase: `mars ${year + 2}` },
    },
    countries: [{ code: COUNTRIES[n % COUNTRIES.length]! }, { code: COUNTRIES[(n + 3) % COUNTRIES.length]! }],
    participations: template.participations.map((p, i) => (i === 1 ? { ...p, organisation: PARTNERS[n % PARTNERS.length]! } : p)),
    funding: [{
      instrument: 'eu-ipa', funder: 'eu', coFinancing: false,
      flows: [
        { kind: 'budget', amount: `${100_000 + n}.50`, currency: 'EUR', valueDate: `${year}-09-01` },
        { kind: 'disbursement', amount: '25000.00', currency: 'EUR', valueDate: `${year + 1}-01-15` },
      ],
      provenance: [{ source: 'seed-page', quote: `Projektet finansierades av EU med ${100_000 + n} euro.` }],
    }],
    relations: n > 0 ? [{ type: 'continuation-of', target: { activity: `generated-${n - 1}` }, basis: 'stated', provenance: [] }] : [],
    alignment: [{ ...template.alignment[0]!, code: String(1 + (n % 23)) }, template.alignment[1]!],
    documents: [{ ...template.documents[0]!, url: `https://example.org/reports/${n}.pdf` }],
    provenance: [{ field: 'title', source: 'seed-page', quote: `Samarbetsprojekt nummer ${n} genomfördes ${year}.` }],
  };
}

/** Loads `count` generated activities (and their organisations) into an empty, migrated database. */
export async function loadGeneratedPortfolio(db: Db, count: number, now = '2026-11-25T10:00:00.000Z'): Promise<void> {
  await importPortfolio(db, parsePortfolio(buildPortfolio({ organisations, activities: [] })), { now });
  await db.transaction().execute(async (trx) => {
    const refs = await loadReferences(trx);
    const written: [number, Activity][] = [];
    for (let n = 0; n < count; n++) {
      const a = generatedActivity(n);
      const id = await insertActivityRow(trx, a, now);
      refs.activities.set(a.slug, id);
      await insertActivityChildren(trx, id, a, refs);
      written.push([id, a]);
    }
    for (const [id, a] of written) await insertRelations(trx, id, a, refs);
  });
}

/** What the IATI export writes for the database (the tests' fixed `now` given), as one string. */
export async function exportIatiXml(db: Db, options: Partial<IatiExportOptions> & { now: string }): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, done) { chunks.push(Buffer.from(chunk)); done(); } });
  await writeIatiFile(db, sink, options);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The IATI export of `count` generated activities, made in a database of the dialect that is
 * dropped afterwards; `alter` may change the portfolio before it is exported.
 */
export async function generatedIatiXml(dialect: DialectName, count: number, now: string, alter?: (db: Db) => Promise<void>): Promise<string> {
  const source = await freshDatabase(dialect);
  try {
    await loadGeneratedPortfolio(source.db, count, now);
    await alter?.(source.db);
    return await exportIatiXml(source.db, { now });
  } finally {
    await source.close();
  }
}
