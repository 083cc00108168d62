/** Provenance: the sentence behind a fact, stored beside the record it belongs to. */
import type { Db } from '../db/database.ts';
import type { References } from '../db/references.ts';
import type { FieldProblem } from '../shared/errors.ts';
import type { Provenance } from '../shared/schema-helpers.ts';

export type ProvenanceGroup = { subject: string; subject_position: number | null; field: string | null; items: Provenance[] };

export type ProvenanceRow = {
  activity_id: number | null; organisation_id: number | null; source_id: number; subject: string;
  subject_position: number | null; field: string | null; position: number; quote: string;
};

/** Provenance rows are numbered within the activity or organisation; readers order by subject, then position. */
export async function insertProvenance(
  trx: Db,
  owner: { activity_id: number | null; organisation_id: number | null },
  groups: ProvenanceGroup[],
  refs: References,
  record: string,
  problems: FieldProblem[],
): Promise<void> {
  const rows = provenanceRows(owner, groups, refs, record, problems);
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('provenance').values(rows.slice(i, i + 100)).execute();
}

/** The rows insertProvenance writes, for callers that write many records' provenance at once. */
export function provenanceRows(
  owner: { activity_id: number | null; organisation_id: number | null },
  groups: ProvenanceGroup[],
  refs: References,
  record: string,
  problems: FieldProblem[],
): ProvenanceRow[] {
  const rows: ProvenanceRow[] = [];
  let position = 0;
  for (const g of groups) {
    for (const p of g.items) {
      const source_id = refs.sources.get(p.source);
      if (source_id === undefined) {
        problems.push({ code: 'unknown-source', record, path: `${g.subject}.provenance`, message: { sv: `Källan "${p.source}" finns inte.`, en: `Source "${p.source}" does not exist.` } });
        continue;
      }
      rows.push({ ...owner, source_id, subject: g.subject, subject_position: g.subject_position, field: g.field, position: position++, quote: p.quote });
    }
  }
  return rows;
}

