/** The registry: every concept of PRODUCT.md as tables. Runs unchanged on SQLite and PostgreSQL. */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

type Table = CreateTableBuilder<string, never>;

export async function up(db: Kysely<unknown>): Promise<void> {
  const serial = dialectOf(db) === 'postgres' ? 'serial' : 'integer';
  const id = (t: Table) => t.addColumn('id', serial, (c) => c.primaryKey());
  const versioned = (t: Table) => t
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  const ref = (table: string, onDelete: 'cascade' | 'restrict' | 'set null') =>
    (c: ColumnDefinitionBuilder) => c.references(`${table}.id`).onDelete(onDelete);
  const activityChild = (t: Table) => t
    .addColumn('activity_id', 'integer', (c) => ref('activities', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull());

  await versioned(id(db.schema.createTable('sources'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('location', 'text')).execute();

  await db.schema.createTable('countries').addColumn('code', 'text', (c) => c.primaryKey()).execute();
  await db.schema.createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_sv', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('iati_region', 'text', (c) => c.notNull()).execute();
  await db.schema.createTable('region_countries')
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addPrimaryKeyConstraint('region_countries_pk', ['region_code', 'country_code']).execute();

  await versioned(id(db.schema.createTable('organisations'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_sv', 'text')
    .addColumn('name_en', 'text')
    .addColumn('acronym', 'text')
    .addColumn('org_type', 'text')
    .addColumn('country_code', 'text', (c) => c.references('countries.code'))
    .addColumn('iati_ref', 'text')
    .addColumn('website', 'text')
    .addColumn('parent_id', 'integer', ref('organisations', 'set null'))).execute();
  await db.schema.createIndex('organisations_iati_ref').on('organisations').column('iati_ref').execute();
  await db.schema.createIndex('organisations_updated').on('organisations').column('updated_at').execute();

  await versioned(id(db.schema.createTable('activities'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('iati_identifier', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publication', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('working_title', 'integer', (c) => c.notNull().defaultTo(0))
    // The widest span the dates allow (earliest start, latest end), kept on write so that
    // filtering and sorting by period use an index instead of reading every activity's dates.
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')).execute();
  await db.schema.createIndex('activities_kind_status').on('activities').columns(['kind', 'status']).execute();
  await db.schema.createIndex('activities_publication_start').on('activities').columns(['publication', 'start_date']).execute();
  await db.schema.createIndex('activities_end').on('activities').column('end_date').execute();
  await db.schema.createIndex('activities_updated').on('activities').column('updated_at').execute();

  await db.schema.createTable('activity_texts')
    .addColumn('activity_id', 'integer', (c) => ref('activities', 'cascade')(c).notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('acronym', 'text')
    .addColumn('summary', 'text')
    .addColumn('description', 'text')
    .addColumn('objectives', 'text')
    .addPrimaryKeyConstraint('activity_texts_pk', ['activity_id', 'lang']).execute();

  await db.schema.createTable('activity_dates')
    .addColumn('activity_id', 'integer', (c) => ref('activities', 'cascade')(c).notNull())
    .addColumn('date_type', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_dates_pk', ['activity_id', 'date_type']).execute();
  await db.schema.createIndex('activity_dates_range').on('activity_dates').columns(['from_date', 'to_date']).execute();

  await activityChild(db.schema.createTable('activity_countries'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('percentage', 'double precision')
    .addPrimaryKeyConstraint('activity_countries_pk', ['activity_id', 'country_code']).execute();
  await db.schema.createIndex('activity_countries_country').on('activity_countries').column('country_code').execute();

  await activityChild(db.schema.createTable('activity_regions'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('activity_regions_pk', ['activity_id', 'region_code']).execute();

  await activityChild(id(db.schema.createTable('participations')))
    .addColumn('organisation_id', 'integer', (c) => ref('organisations', 'restrict')(c).notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('iati_role', 'text', (c) => c.notNull())
    .addColumn('note_sv', 'text')
    .addColumn('note_en', 'text').execute();
  await db.schema.createIndex('participations_activity').on('participations').column('activity_id').execute();
  await db.schema.createIndex('participations_organisation').on('participations').column('organisation_id').execute();

  await activityChild(id(db.schema.createTable('fundings')))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('funder_id', 'integer', ref('organisations', 'restrict'))
    .addColumn('via_id', 'integer', ref('organisations', 'restrict'))
    .addColumn('co_financing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note_sv', 'text')
    .addColumn('note_en', 'text').execute();
  await db.schema.createIndex('fundings_activity').on('fundings').column('activity_id').execute();

  await id(db.schema.createTable('funding_flows'))
    .addColumn('funding_id', 'integer', (c) => ref('fundings', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('note_sv', 'text')
    .addColumn('note_en', 'text').execute();
  await db.schema.createIndex('funding_flows_funding').on('funding_flows').column('funding_id').execute();

  await activityChild(id(db.schema.createTable('relations')))
    .addColumn('relation_type', 'text', (c) => c.notNull())
    .addColumn('target_activity_id', 'integer', ref('activities', 'cascade'))
    .addColumn('target_name_sv', 'text')
    .addColumn('target_name_en', 'text')
    .addColumn('target_iati_identifier', 'text')
    .addColumn('target_organisation_id', 'integer', ref('organisations', 'restrict'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('note_sv', 'text')
    .addColumn('note_en', 'text').execute();
  await db.schema.createIndex('relations_activity').on('relations').column('activity_id').execute();
  await db.schema.createIndex('relations_target').on('relations').column('target_activity_id').execute();

  await activityChild(id(db.schema.createTable('alignments')))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('alignments_objective').on('alignments').columns(['framework', 'code']).execute();
  await db.schema.createIndex('alignments_activity').on('alignments').column('activity_id').execute();

  await activityChild(id(db.schema.createTable('key_figures')))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit_sv', 'text')
    .addColumn('unit_en', 'text')
    .addColumn('currency', 'text')
    .addColumn('label_sv', 'text')
    .addColumn('label_en', 'text')
    .addColumn('as_of_from', 'text')
    .addColumn('as_of_to', 'text')
    .addColumn('as_of_precision', 'text')
    .addColumn('as_of_phrase', 'text')
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_note', 'text').execute();
  await db.schema.createIndex('key_figures_activity').on('key_figures').column('activity_id').execute();

  await activityChild(id(db.schema.createTable('results')))
    .addColumn('result_type', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text').execute();
  await db.schema.createIndex('results_activity').on('results').column('activity_id').execute();

  await id(db.schema.createTable('indicators'))
    .addColumn('result_id', 'integer', (c) => ref('results', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('ascending', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', 'text')
    .addColumn('baseline_comment_sv', 'text')
    .addColumn('baseline_comment_en', 'text').execute();
  await db.schema.createIndex('indicators_result').on('indicators').column('result_id').execute();

  await id(db.schema.createTable('indicator_periods'))
    .addColumn('indicator_id', 'integer', (c) => ref('indicators', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('target_value', 'text')
    .addColumn('actual_value', 'text')
    .addColumn('comment_sv', 'text')
    .addColumn('comment_en', 'text').execute();
  await db.schema.createIndex('indicator_periods_indicator').on('indicator_periods').column('indicator_id').execute();

  await activityChild(id(db.schema.createTable('engagements')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('topic_sv', 'text')
    .addColumn('topic_en', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('date_phrase', 'text')
    .addColumn('count', 'integer')
    .addColumn('place_sv', 'text')
    .addColumn('place_en', 'text')
    .addColumn('format', 'text')
    .addColumn('registrations', 'integer')
    .addColumn('participants', 'integer').execute();
  await db.schema.createIndex('engagements_activity').on('engagements').column('activity_id').execute();

  await db.schema.createTable('engagement_organisations')
    .addColumn('engagement_id', 'integer', (c) => ref('engagements', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => ref('organisations', 'restrict')(c).notNull())
    .addPrimaryKeyConstraint('engagement_organisations_pk', ['engagement_id', 'organisation_id']).execute();
  await db.schema.createTable('engagement_countries')
    .addColumn('engagement_id', 'integer', (c) => ref('engagements', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addPrimaryKeyConstraint('engagement_countries_pk', ['engagement_id', 'country_code']).execute();

  await activityChild(id(db.schema.createTable('documents')))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('language', 'text')
    .addColumn('category', 'text')
    .addColumn('format', 'text')
    .addColumn('document_date', 'text').execute();
  await db.schema.createIndex('documents_activity').on('documents').column('activity_id').execute();

  await id(db.schema.createTable('provenance'))
    .addColumn('source_id', 'integer', (c) => ref('sources', 'restrict')(c).notNull())
    .addColumn('activity_id', 'integer', ref('activities', 'cascade'))
    .addColumn('organisation_id', 'integer', ref('organisations', 'cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_position', 'integer')
    .addColumn('field', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('provenance_activity').on('provenance').column('activity_id').execute();
  await db.schema.createIndex('provenance_organisation').on('provenance').column('organisation_id').execute();
}

const TABLES = [
  'provenance', 'documents', 'engagement_countries', 'engagement_organisations', 'engagements',
  'indicator_periods', 'indicators', 'results', 'key_figures', 'alignments', 'relations',
  'funding_flows', 'fundings', 'participations', 'activity_regions', 'activity_countries',
  'activity_dates', 'activity_texts', 'activities', 'organisations', 'region_countries', 'regions',
  'countries', 'sources',
];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
}
