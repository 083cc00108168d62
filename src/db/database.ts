/**
 * Every table Samverka stores, as one Kysely interface; row types derive from it. Both dialects
 * store days as 'YYYY-MM-DD' text, timestamps as ISO-8601 UTC text, money as decimal text and
 * booleans as 0/1 integers, so SQLite and PostgreSQL hold and return exactly the same values.
 */
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';

type Flag = 0 | 1;

interface Versioned {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SourcesTable extends Versioned {
  id: Generated<number>;
  slug: string;
  title_sv: string | null;
  title_en: string | null;
  location: string | null;
}

export interface CountriesTable {
  code: string;
}

export interface RegionsTable {
  code: string;
  name_sv: string;
  name_en: string;
  iati_region: string;
}

export interface RegionCountriesTable {
  region_code: string;
  country_code: string;
}

export interface OrganisationsTable extends Versioned {
  id: Generated<number>;
  slug: string;
  name_sv: string | null;
  name_en: string | null;
  acronym: string | null;
  org_type: string | null;
  country_code: string | null;
  iati_ref: string | null;
  website: string | null;
  parent_id: number | null;
  /** Set when the organisation is soft-deleted (decision 001); null otherwise. */
  deleted_at: string | null;
}

export interface ActivitiesTable extends Versioned {
  id: Generated<number>;
  slug: string;
  iati_identifier: string;
  kind: string;
  status: string;
  publication: string;
  working_title: Flag;
  /** Earliest day of the planned or actual start, derived from the dates on every write. */
  start_date: string | null;
  /** Latest day of the planned or actual end, derived likewise. */
  end_date: string | null;
  /**
   * SHA-256 of the activity's document without meta, written with it by activity.write.ts, so that
   * a save of the same document is recognised without reading it back. Null when not known.
   */
  content_hash: string | null;
}

export interface ActivityTextsTable {
  activity_id: number;
  lang: string;
  title: string | null;
  acronym: string | null;
  summary: string | null;
  description: string | null;
  objectives: string | null;
}

/** A fuzzy bound: the range it covers, its precision and the words it was given in. */
export interface ActivityDatesTable {
  activity_id: number;
  date_type: string;
  from_date: string;
  to_date: string;
  precision: string;
  phrase: string;
}

export interface ActivityCountriesTable {
  activity_id: number;
  position: number;
  country_code: string;
  percentage: number | null;
}

export interface ActivityRegionsTable {
  activity_id: number;
  position: number;
  region_code: string;
}

export interface ParticipationsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  organisation_id: number;
  role: string;
  iati_role: string;
  note_sv: string | null;
  note_en: string | null;
}

export interface FundingsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  instrument: string;
  funder_id: number | null;
  via_id: number | null;
  co_financing: Flag;
  note_sv: string | null;
  note_en: string | null;
}

export interface FundingFlowsTable {
  id: Generated<number>;
  funding_id: number;
  position: number;
  kind: string;
  amount: string;
  currency: string;
  value_date: string;
  period_start: string | null;
  period_end: string | null;
  note_sv: string | null;
  note_en: string | null;
}

export interface RelationsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  relation_type: string;
  target_activity_id: number | null;
  target_name_sv: string | null;
  target_name_en: string | null;
  target_iati_identifier: string | null;
  target_organisation_id: number | null;
  basis: string;
  note_sv: string | null;
  note_en: string | null;
}

export interface AlignmentsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  framework: string;
  code: string;
  basis: string;
}

export interface KeyFiguresTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  value: number;
  unit_sv: string | null;
  unit_en: string | null;
  currency: string | null;
  label_sv: string | null;
  label_en: string | null;
  as_of_from: string | null;
  as_of_to: string | null;
  as_of_precision: string | null;
  as_of_phrase: string | null;
  cumulative: Flag;
  source_note: string | null;
}

export interface ResultsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  result_type: string;
  title_sv: string | null;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
}

export interface IndicatorsTable {
  id: Generated<number>;
  result_id: number;
  position: number;
  title_sv: string | null;
  title_en: string | null;
  measure: string;
  ascending: Flag;
  baseline_year: number | null;
  baseline_value: string | null;
  baseline_comment_sv: string | null;
  baseline_comment_en: string | null;
}

export interface IndicatorPeriodsTable {
  id: Generated<number>;
  indicator_id: number;
  position: number;
  period_start: string;
  period_end: string;
  target_value: string | null;
  actual_value: string | null;
  comment_sv: string | null;
  comment_en: string | null;
}

export interface EngagementsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  kind: string;
  title_sv: string | null;
  title_en: string | null;
  topic_sv: string | null;
  topic_en: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  date_phrase: string | null;
  count: number | null;
  place_sv: string | null;
  place_en: string | null;
  format: string | null;
  registrations: number | null;
  participants: number | null;
}

export interface EngagementOrganisationsTable {
  engagement_id: number;
  position: number;
  organisation_id: number;
}

export interface EngagementCountriesTable {
  engagement_id: number;
  position: number;
  country_code: string;
}

export interface OtherIdentifiersTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  ref: string;
  type: string;
  owner_id: number | null;
}

/** The organisation that reports an activity to IATI, when it is not the registry's own reporting organisation. */
export interface ActivityReportersTable {
  activity_id: number;
  organisation_id: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  activity_id: number;
  position: number;
  url: string;
  title_sv: string | null;
  title_en: string | null;
  language: string | null;
  category: string | null;
  format: string | null;
  document_date: string | null;
}

/**
 * The sentence a fact came from. `subject` names the record it belongs to: 'activity' (with
 * `field`), or a child table and the child's position, e.g. 'participations' + 2.
 */
export interface ProvenanceTable {
  id: Generated<number>;
  source_id: number;
  activity_id: number | null;
  organisation_id: number | null;
  subject: string;
  subject_position: number | null;
  field: string | null;
  position: number;
  quote: string;
}

/**
 * The search index. Its shape differs by dialect (SQLite: an FTS5 table keyed by rowid with
 * columns sv and en; PostgreSQL: activity_id and a tsvector), so only src/search/ touches it, in SQL.
 */
export interface ActivitySearchTable {
  activity_id: number;
  /** PostgreSQL's column: the tsvector, written as its literal (search.text.ts). SQLite's sv and en are written in SQL. */
  document?: string;
}

/** Staff accounts; `email` is stored lower-cased, `password_hash` is argon2id (PHC string). */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  role: string;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A signed-in browser; `id` is the SHA-256 of the cookie's value, never the value itself. */
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed sign-ins per bucket ("ip:…", "email:…") and fixed time window. */
export interface RateLimitsTable {
  bucket: string;
  window_start: string;
  count: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  target: string | null;
  ip: string | null;
  /** JSON text. */
  detail: string;
}

/** Random keys every server on the database shares (e.g. for signing the sign-in form's token). */
export interface ServerKeysTable {
  name: string;
  value: string;
  created_at: string;
}

/** A published activity's unpublished changes: the whole document (activity schema output) as JSON. */
export interface WorkingCopiesTable {
  activity_id: number;
  document: string;
  /** The working version (decision 001): starts at the registry row's version + 1 and only grows. */
  version: number;
  based_on_version: number;
  created_at: string;
  updated_at: string;
}

/** Pending editorial work on an activity: 'draft' or 'in-review', with the last return comment. */
export interface EditorialStatesTable {
  activity_id: number;
  state: string;
  submitted_at: string | null;
  submitted_by: number | null;
  return_comment: string | null;
  returned_at: string | null;
  returned_by: number | null;
  updated_at: string;
}

/** Every editorial event on an activity or organisation: the whole document after it, as JSON. */
export interface RevisionsTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  /** 1, 2, 3 … per record. */
  number: number;
  action: string;
  document: string;
  /** JSON array of the changed field paths. */
  changed: string;
  version: number;
  author_id: number | null;
  /** The author's name (or e-mail) when the revision was written; null for the command line. */
  author_name: string | null;
  reason: string | null;
  created_at: string;
}

/** A staff conversation on an activity or organisation; never part of its document (never public). */
export interface InternalNotesTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  author_id: number;
  /** 1–4000 characters. */
  body: string;
  created_at: string;
}

export interface Database {
  sources: SourcesTable;
  countries: CountriesTable;
  regions: RegionsTable;
  region_countries: RegionCountriesTable;
  organisations: OrganisationsTable;
  activities: ActivitiesTable;
  activity_texts: ActivityTextsTable;
  activity_dates: ActivityDatesTable;
  activity_countries: ActivityCountriesTable;
  activity_regions: ActivityRegionsTable;
  participations: ParticipationsTable;
  fundings: FundingsTable;
  funding_flows: FundingFlowsTable;
  relations: RelationsTable;
  alignments: AlignmentsTable;
  key_figures: KeyFiguresTable;
  results: ResultsTable;
  indicators: IndicatorsTable;
  indicator_periods: IndicatorPeriodsTable;
  engagements: EngagementsTable;
  engagement_organisations: EngagementOrganisationsTable;
  engagement_countries: EngagementCountriesTable;
  documents: DocumentsTable;
  other_identifiers: OtherIdentifiersTable;
  activity_reporters: ActivityReportersTable;
  provenance: ProvenanceTable;
  activity_search: ActivitySearchTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  server_keys: ServerKeysTable;
  working_copies: WorkingCopiesTable;
  editorial_states: EditorialStatesTable;
  revisions: RevisionsTable;
  internal_notes: InternalNotesTable;
}

export type Db = Kysely<Database>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewActivityRow = Insertable<ActivitiesTable>;
