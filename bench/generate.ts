/**
 * A generated portfolio for the benchmark: N activities over a pool of about 2 000 organisations,
 * deterministic (the same N gives the same data), built from a vocabulary of Swedish and English
 * migration words so that full-text search has real work to do. Every record goes through the
 * real write path: `importPortfolio(db, parsePortfolio(doc))`, in batches.
 *
 * The cache key of a generated database is a hash of this file, so any change here regenerates.
 */
import type { ActivityInput } from '../src/activities/activity.schema.ts';
import type { Db } from '../src/db/database.ts';
import { importPortfolio, parsePortfolio } from '../src/exchange/portfolio.ts';
import { PORTFOLIO_FORMAT, PORTFOLIO_FORMAT_VERSION } from '../src/exchange/portfolio.schema.ts';
import type { OrganisationInput } from '../src/organisations/organisation.schema.ts';
import type { ActivityKind, ActivityStatus, Instrument, ParticipationRole } from '../src/reference/codes.ts';
import { countryName } from '../src/reference/countries.ts';

export const ORGANISATION_COUNT = 2_000;
export const BATCH_SIZE = 2_000;
/** Status follows the dates as seen from this day, so the data does not depend on when it is made. */
const REFERENCE_YEAR = 2026;
const NOW = '2026-06-01T12:00:00.000Z';
const AGENCY_SLUG = 'migrationsverket';
const AGENCY_REF = 'SE-ON-2021002163';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: one small generator per record, seeded by its index.

type Rng = () => number;

function rngFor(seed: number): Rng {
  let a = (seed * 0x9e3779b1 + 0x6d2b79f5) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const chance = (r: Rng, p: number) => r() < p;

/** Picks by weight: [item, weight] pairs. */
function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

function distinct<T>(r: Rng, items: readonly T[], count: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(count, items.length)) out.add(pick(r, items));
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

/** Countries with weights: the Western Balkans, Turkey, Somalia and Afghanistan dominate. */
const COUNTRIES: readonly (readonly [string, number])[] = [
  ['RS', 12], ['XK', 8], ['TR', 10], ['SO', 8], ['AF', 7], ['AL', 5], ['BA', 5], ['MK', 5], ['ME', 4], ['MD', 3],
  ['UA', 4], ['GE', 3], ['AM', 2], ['IQ', 4], ['SY', 2], ['LB', 2], ['JO', 2], ['ET', 3], ['ER', 2], ['KE', 2],
  ['SD', 2], ['NG', 2], ['TN', 2], ['MA', 2], ['EG', 2], ['PK', 2], ['BD', 1], ['IR', 2], ['LY', 1], ['SE', 3],
];
const ORGANISATION_COUNTRIES = [...COUNTRIES.map(([c]) => c), 'DE', 'NL', 'FI', 'NO', 'DK', 'PL', 'ES', 'CZ', 'SI', 'BE', 'FR', 'AT', 'IT', 'GR', 'HU', 'RO', 'BG', 'HR', 'EE', 'LT'];

/** Topics as [Swedish, English]; "återvändande" is common, as it is in such a portfolio. */
const TOPICS: readonly (readonly [string, string])[] = [
  ['asylprövning', 'asylum examination'],
  ['mottagande av asylsökande', 'reception of asylum seekers'],
  ['återvändande', 'return'],
  ['frivilligt återvändande', 'voluntary return'],
  ['återintegrering', 'reintegration'],
  ['återtagande', 'readmission'],
  ['gränsförvaltning', 'border management'],
  ['viseringshantering', 'visa processing'],
  ['bekämpning av människohandel', 'combating trafficking in human beings'],
  ['landinformation', 'country of origin information'],
  ['identitetsfastställelse', 'establishing identity'],
  ['migrationsstatistik', 'migration statistics'],
  ['alternativ till förvar', 'alternatives to detention'],
  ['vidarebosättning', 'resettlement'],
  ['ensamkommande barn', 'unaccompanied children'],
  ['arbetskraftsinvandring', 'labour migration'],
  ['medborgarskap', 'citizenship'],
  ['digital ärendehantering', 'digital case management'],
  ['kvalitetssäkring av beslut', 'quality assurance of decisions'],
  ['tolkning och översättning', 'interpreting and translation'],
  ['skydd för sårbara migranter', 'protection of vulnerable migrants'],
  ['familjeåterförening', 'family reunification'],
  ['migrationspolitik', 'migration policy'],
  ['EU-anpassning av migrationslagstiftning', 'EU approximation of migration law'],
];

const ACTIONS: Record<ActivityKind, readonly (readonly [string, string])[]> = {
  project: [['Twinningprojekt om', 'Twinning project on'], ['Kapacitetsstöd för', 'Capacity support for'], ['Projekt för stärkt', 'Project to strengthen'], ['Expertstöd inom', 'Expert support in']],
  'pre-study': [['Förstudie om', 'Pre-study on'], ['Behovsanalys för', 'Needs assessment for']],
  programme: [['Program för', 'Programme for'], ['Regionalt program för', 'Regional programme for']],
  network: [['Nätverk för', 'Network for'], ['Erfarenhetsutbyte om', 'Peer exchange on']],
  'support-function': [['Stödfunktion för', 'Support function for'], ['Helpdesk för', 'Helpdesk for']],
};

const FILLER_SV = [
  'Insatsen bygger på tidigare samarbete och på de behov som partnermyndigheten själv har identifierat.',
  'Arbetet bidrar till en säker, ordnad och reglerad migration i linje med det globala migrationsramverket.',
  'Metoderna omfattar expertuppdrag, studiebesök, utbildningar för handläggare och gemensamma arbetsgrupper.',
  'Särskild vikt läggs vid rättssäkerhet, likabehandling och ett jämställdhetsperspektiv i hela processen.',
  'Resultaten följs upp med indikatorer för handläggningstider, beslutskvalitet och andelen överklagade beslut.',
  'Projektet stärker förmågan att hantera migrationsströmmar längs Västra Balkan-rutten.',
  'Kunskap om landinformation och intervjuteknik förs vidare till nya handläggare genom en digital akademi.',
  'Samarbetet omfattar även civilsamhällesorganisationer som arbetar med mottagande och återintegrering.',
  'En styrgrupp med representanter från båda länderna följer arbetet och godkänner årliga arbetsplaner.',
  'Insatsen förväntas leda till kortare väntetider och ett mer förutsebart förfarande för de sökande.',
];
const FILLER_EN = [
  'The action builds on earlier cooperation and on needs identified by the partner authority itself.',
  'The work contributes to safe, orderly and regular migration in line with the Global Compact for Migration.',
  'Methods include expert missions, study visits, training for case officers and joint working groups.',
  'Particular attention is paid to legal certainty, equal treatment and a gender perspective throughout.',
  'Results are followed up with indicators for processing times, decision quality and the share of appealed decisions.',
  'The project strengthens the capacity to manage migration flows along the Western Balkans route.',
  'Knowledge of country information and interview techniques is passed on to new case officers through a digital academy.',
  'The cooperation also includes civil society organisations working with reception and reintegration.',
  'A steering group with representatives of both countries follows the work and approves annual work plans.',
  'The action is expected to lead to shorter waiting times and a more predictable procedure for applicants.',
];

const INSTITUTIONS: readonly (readonly [string, string, string])[] = [
  // [Swedish, English, IATI organisation type]
  ['Migrationsmyndigheten', 'Migration Authority', '10'],
  ['Inrikesministeriet', 'Ministry of the Interior', '10'],
  ['Gränspolisen', 'Border Police', '10'],
  ['Asylkontoret', 'Asylum Office', '10'],
  ['Kommissariatet för flyktingar och migration', 'Commissariat for Refugees and Migration', '10'],
  ['Statistikmyndigheten', 'Statistical Office', '15'],
  ['Utrikesministeriet', 'Ministry of Foreign Affairs', '10'],
  ['Justitieministeriet', 'Ministry of Justice', '10'],
  ['Arbetsmarknadsmyndigheten', 'Employment Agency', '15'],
  ['Rådet för flyktingfrågor', 'Refugee Council', '22'],
  ['Röda korset', 'Red Cross', '22'],
  ['Centrum för migrationsstudier', 'Centre for Migration Studies', '80'],
  ['Universitetet, juridiska fakulteten', 'University Faculty of Law', '80'],
  ['Ombudsmannen för mänskliga rättigheter', 'Human Rights Ombudsperson', '15'],
  ['Domstolsverket', 'Courts Administration', '10'],
  ['Kommunförbundet', 'Association of Municipalities', '11'],
  ['Stiftelsen för återintegrering', 'Reintegration Foundation', '60'],
  ['Juridisk rådgivning för asylsökande', 'Legal Aid for Asylum Seekers', '24'],
  ['Polismyndigheten', 'Police Authority', '10'],
  ['Socialministeriet', 'Ministry of Social Affairs', '10'],
];

const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SDG_TARGETS = ['10.7', '16.6', '16.9', '5.2', '8.8', '17.9'];
const INSTRUMENT_CODES: readonly Instrument[] = ['eu-amif', 'eu-amif-specific-actions', 'eu-isf-bmvi', 'eu-ipa', 'mpf', 'eu-other', 'sida', 'ministry-grant', 'own-funds', 'other'];
const OTHER_ROLES: readonly ParticipationRole[] = ['partner', 'partner', 'beneficiary', 'beneficiary', 'implementer', 'junior-partner', 'funder', 'stakeholder', 'contracting-body'];

// ---------------------------------------------------------------------------------------------
// Organisations.

function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The agency, two funders, then institutions per country (national and regional offices). */
export function generateOrganisations(count = ORGANISATION_COUNT): OrganisationInput[] {
  const orgs: OrganisationInput[] = [
    { slug: AGENCY_SLUG, name: { sv: 'Migrationsverket', en: 'Swedish Migration Agency' }, type: '10', country: 'SE', iatiRef: AGENCY_REF },
    { slug: 'european-union', name: { sv: 'Europeiska unionen', en: 'European Union' }, type: '40', iatiRef: 'XI-IATI-EC_INTPA' },
    { slug: 'sida', name: { sv: 'Sida', en: 'Swedish International Development Cooperation Agency' }, acronym: 'Sida', type: '10', country: 'SE', iatiRef: 'SE-0' },
  ];
  for (let i = 0; orgs.length < count; i++) {
    const r = rngFor(1_000_000 + i);
    const country = ORGANISATION_COUNTRIES[i % ORGANISATION_COUNTRIES.length]!;
    const [sv, en, type] = INSTITUTIONS[Math.floor(i / ORGANISATION_COUNTRIES.length) % INSTITUTIONS.length]!;
    const office = Math.floor(i / (ORGANISATION_COUNTRIES.length * INSTITUTIONS.length));
    const where = { sv: countryName(country, 'sv'), en: countryName(country, 'en') };
    const org: OrganisationInput = {
      slug: `org-${i}-${asciiSlug(en)}-${country.toLowerCase()}`,
      name: office === 0
        ? { sv: `${sv} (${where.sv})`, en: `${en}, ${where.en}` }
        : { sv: `${sv}, regionkontor ${office} (${where.sv})`, en: `${en}, regional office ${office}, ${where.en}` },
      type,
      country,
    };
    if (chance(r, 0.2)) org.iatiRef = `${country}-GOV-${1000 + i}`;
    if (chance(r, 0.3)) org.website = `https://www.example.org/${country.toLowerCase()}/${i}`;
    if (office > 0) org.parent = orgs[3 + (i % (ORGANISATION_COUNTRIES.length * INSTITUTIONS.length))]!.slug;
    orgs.push(org);
  }
  return orgs;
}

// ---------------------------------------------------------------------------------------------
// Dates: phrases of every precision the parser knows, 2005–2030.

function datePhrase(r: Rng, year: number): string {
  const m = int(r, 0, 11);
  const sv = chance(r, 0.6);
  switch (weighted(r, [['day', 3], ['month', 5], ['season', 2], ['part', 2], ['half', 1], ['quarter', 1], ['year', 4], ['approximate', 1]] as const)) {
    case 'day': return chance(r, 0.5) ? `${year}-${String(m + 1).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}` : `${int(r, 1, 28)} ${sv ? MONTHS_SV[m] : MONTHS_EN[m]} ${year}`;
    case 'month': return `${sv ? MONTHS_SV[m] : MONTHS_EN[m]} ${year}`;
    case 'season': return sv ? `${pick(r, ['våren', 'sommaren', 'hösten'])} ${year}` : `${pick(r, ['spring', 'summer', 'autumn'])} ${year}`;
    case 'part': return sv ? `${pick(r, ['början', 'mitten', 'slutet'])} av ${year}` : `${pick(r, ['early ', 'mid-', 'late '])}${year}`;
    case 'half': return sv ? `${pick(r, ['första', 'andra'])} halvåret ${year}` : `${pick(r, ['H1', 'H2'])} ${year}`;
    case 'quarter': return `Q${int(r, 1, 4)} ${year}`;
    case 'approximate': return sv ? `omkring ${MONTHS_SV[m]} ${year}` : `around ${year}`;
    default: return String(year);
  }
}

function datesFor(r: Rng): { dates: NonNullable<ActivityInput['dates']>; status: ActivityStatus; startYear: number } {
  if (chance(r, 0.02)) return { dates: {}, status: pick(r, ['pipeline', 'implementation']), startYear: REFERENCE_YEAR };
  const startYear = int(r, 2005, 2029);
  const started = startYear < REFERENCE_YEAR || (startYear === REFERENCE_YEAR && chance(r, 0.5));
  const dates: NonNullable<ActivityInput['dates']> = {};
  const start = datePhrase(r, startYear);
  if (started && chance(r, 0.85)) dates.actualStart = start;
  else dates.plannedStart = start;
  let status: ActivityStatus;
  if (chance(r, 0.1)) {
    // No end known.
    status = started ? pick(r, ['implementation', 'implementation', 'suspended']) : 'pipeline';
  } else {
    const endYear = Math.min(2030, startYear + int(r, 0, 5));
    // An end in the start's year is given as the year, so it never lies before the start.
    const end = endYear === startYear ? String(endYear) : datePhrase(r, endYear);
    const ended = endYear < REFERENCE_YEAR;
    status = !started ? pick(r, ['pipeline', 'pipeline', 'pipeline', 'cancelled'])
      : ended ? pick(r, ['closed', 'closed', 'closed', 'closed', 'finalisation', 'cancelled'])
        : pick(r, ['implementation', 'implementation', 'implementation', 'finalisation', 'suspended']);
    if (status === 'closed' && chance(r, 0.8)) dates.actualEnd = end;
    else dates.plannedEnd = end;
  }
  return { dates, status, startYear };
}

// ---------------------------------------------------------------------------------------------
// Activities.

const KINDS: readonly (readonly [ActivityKind, number])[] = [['project', 50], ['pre-study', 15], ['programme', 12], ['network', 13], ['support-function', 10]];
const SLUG_PREFIX: Record<ActivityKind, string> = { project: 'projekt', 'pre-study': 'forstudie', programme: 'program', network: 'natverk', 'support-function': 'stodfunktion' };

interface Pools { others: OrganisationInput[]; byCountry: Map<string, OrganisationInput[]> }
const poolCache = new WeakMap<readonly OrganisationInput[], Pools>();
/** Partner organisations (everyone but the agency and the two funders), also by country. */
function pools(organisations: readonly OrganisationInput[]): Pools {
  let found = poolCache.get(organisations);
  if (!found) {
    const others = organisations.slice(3);
    const byCountry = new Map<string, OrganisationInput[]>();
    for (const o of others) if (o.country) byCountry.set(o.country, [...(byCountry.get(o.country) ?? []), o]);
    found = { others, byCountry };
    poolCache.set(organisations, found);
  }
  return found;
}

/** The parts that decide an activity's slug, cheap to recompute when another activity links to it. */
function core(index: number) {
  const r = rngFor(index);
  const kind = weighted(r, KINDS);
  const topic = pick(r, TOPICS);
  const countries = [weighted(r, COUNTRIES)];
  const slug = `${SLUG_PREFIX[kind]}-${asciiSlug(topic[0]).slice(0, 40).replace(/-$/, '')}-${countries[0]!.toLowerCase()}-${index}`;
  return { r, kind, topic, countries, slug };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function texts(r: Rng, kind: ActivityKind, topic: readonly [string, string], countryCodes: string[], partner: { sv: string; en: string }, year: number) {
  const action = pick(r, ACTIONS[kind]);
  const where = { sv: countryCodes.map((c) => countryName(c, 'sv')), en: countryCodes.map((c) => countryName(c, 'en')) };
  const list = (items: string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
  const second = pick(r, TOPICS.filter((t) => t !== topic));
  const third = pick(r, TOPICS);
  const title = {
    sv: `${action[0]} ${topic[0]} i ${list(where.sv, 'och')}`,
    en: `${action[1]} ${topic[1]} in ${list(where.en, 'and')}`,
  };
  const summary = {
    sv: `${sentence(title.sv)} är ett samarbete mellan Migrationsverket och ${partner.sv}. Insatsen stärker förmågan inom ${topic[0]} och ${second[0]}, med fokus på ${third[0]}. ${pick(r, FILLER_SV)}`,
    en: `${title.en} is a cooperation between the Swedish Migration Agency and ${partner.en}. The action strengthens capacity in ${topic[1]} and ${second[1]}, with a focus on ${third[1]}. ${pick(r, FILLER_EN)}`,
  };
  const extra = int(r, 2, 4);
  const fillerIdx = Array.from({ length: extra }, () => int(r, 0, FILLER_SV.length - 1));
  const missions = int(r, 3, 60);
  const description = {
    sv: [summary.sv, `Arbetet inleddes ${year} och omfattar hittills ${missions} expertuppdrag.`, ...fillerIdx.map((i) => FILLER_SV[i]!)].join('\n\n'),
    en: [summary.en, `The work began in ${year} and has so far included ${missions} expert missions.`, ...fillerIdx.map((i) => FILLER_EN[i]!)].join('\n\n'),
  };
  return { title, summary, description, missions };
}

export function generateActivity(index: number, organisations: readonly OrganisationInput[]): ActivityInput {
  const { r, kind, topic, slug, countries } = core(index);
  // 1–3 countries; the first is the one the slug names.
  const wanted = int(r, 1, 3);
  while (countries.length < wanted) {
    const c = weighted(r, COUNTRIES);
    if (!countries.includes(c)) countries.push(c);
  }
  const { dates, status, startYear } = datesFor(r);

  const { others, byCountry } = pools(organisations);
  const leadIsAgency = chance(r, 0.8);
  // The first partner is an institution of the first country (the beneficiary, usually); the rest from anywhere.
  const local = byCountry.get(countries[0]!) ?? others;
  const first = pick(r, local);
  const partnerOrgs = [first, ...distinct(r, others.filter((o) => o !== first), int(r, 0, 3) + (leadIsAgency ? 0 : 1))];
  const participations: NonNullable<ActivityInput['participations']> = [];
  if (leadIsAgency) participations.push({ organisation: AGENCY_SLUG, role: 'lead' });
  partnerOrgs.forEach((o, i) => participations.push({ organisation: o.slug, role: i === 0 ? (leadIsAgency ? 'beneficiary' : 'lead') : pick(r, OTHER_ROLES) }));
  const partnerName = partnerOrgs[0]!.name as { sv: string; en: string };
  const t = texts(r, kind, topic, countries, partnerName, startYear);

  const funding: NonNullable<ActivityInput['funding']> = [];
  for (let i = int(r, 0, 2); i > 0; i--) {
    const instrument = pick(r, INSTRUMENT_CODES);
    const funder = instrument.startsWith('eu-') || instrument === 'mpf' ? 'european-union' : instrument === 'sida' ? 'sida' : instrument === 'own-funds' ? AGENCY_SLUG : pick(r, others).slug;
    const currency = instrument === 'sida' || instrument === 'own-funds' || instrument === 'ministry-grant' ? 'SEK' : 'EUR';
    funding.push({
      instrument, funder, coFinancing: chance(r, 0.15),
      flows: [{ kind: 'budget', amount: `${int(r, 50, 5_000) * 1_000}.00`, currency, valueDate: `${startYear}-01-01` }],
      ...(instrument === 'mpf' ? { via: others[0]!.slug } : {}),
    });
  }

  const alignment: NonNullable<ActivityInput['alignment']> = [];
  for (const code of distinct(r, Array.from({ length: 23 }, (_, i) => String(i + 1)), int(r, 0, 2))) alignment.push({ framework: 'gcm', code });
  if (chance(r, 0.5)) alignment.push({ framework: 'sdg-target', code: pick(r, SDG_TARGETS) });
  if (chance(r, 0.3)) alignment.push({ framework: 'aim', code: String(int(r, 1, 3)) });

  const relations: NonNullable<ActivityInput['relations']> = [];
  if (index > 10 && chance(r, 0.1)) {
    const target = index - int(r, 1, Math.min(index - 1, 500));
    relations.push({ type: pick(r, ['continuation-of', 'continuation-of', 'continuation-of', 'part-of']), target: { activity: core(target).slug }, basis: 'stated' });
  }

  const engagements: NonNullable<ActivityInput['engagements']> = [];
  if (chance(r, 0.25)) {
    engagements.push({
      kind: 'expert-mission', title: { sv: 'Expertuppdrag', en: 'Expert missions' }, count: t.missions,
      homeOrganisations: [AGENCY_SLUG], countriesFeatured: [countries[0]!],
    });
  }
  if (chance(r, 0.1)) {
    const anyTopic = pick(r, TOPICS);
    engagements.push({ kind: pick(r, ['study-visit', 'seminar', 'training', 'webinar']), topic: { sv: sentence(anyTopic[0]), en: sentence(anyTopic[1]) }, date: String(Math.min(2030, startYear + 1)) });
  }

  const workingTitle = chance(r, 0.02);
  const englishOnly = chance(r, 0.05);
  return {
    slug,
    iatiIdentifier: `${AGENCY_REF}-G${index}`,
    kind,
    status,
    publication: chance(r, 0.04) ? 'draft' : 'published',
    workingTitle,
    texts: {
      ...(englishOnly ? {} : { sv: { title: t.title.sv, summary: t.summary.sv, description: t.description.sv } }),
      en: { title: t.title.en, summary: t.summary.en, description: t.description.en },
    },
    dates,
    countries: countries.map((code) => ({ code })),
    participations,
    funding,
    alignment,
    relations,
    engagements,
  };
}

// ---------------------------------------------------------------------------------------------
// Building a database through the real import path.

export interface GenerationStats {
  activities: number;
  organisations: number;
  /** Wall time of the whole generation: building, validating and importing. */
  seconds: number;
  /** Time spent inside importPortfolio (the write path with the search index). */
  importSeconds: number;
  /** Time spent building documents and validating them with parsePortfolio. */
  parseSeconds: number;
  importActivitiesPerSecond: number;
}

function document(organisations: unknown[], activities: unknown[]) {
  return { format: PORTFOLIO_FORMAT, formatVersion: PORTFOLIO_FORMAT_VERSION, organisations, activities };
}

/** Imports organisations, then N activities in batches; `progress` is told after every batch. */
export async function generatePortfolio(db: Db, count: number, progress: (done: number, stats: GenerationStats) => void = () => undefined): Promise<GenerationStats> {
  const started = performance.now();
  let importMs = 0;
  let parseMs = 0;
  const organisations = generateOrganisations();
  const stats = (done: number): GenerationStats => ({
    activities: done, organisations: organisations.length,
    seconds: (performance.now() - started) / 1000, importSeconds: importMs / 1000, parseSeconds: parseMs / 1000,
    importActivitiesPerSecond: importMs > 0 ? done / (importMs / 1000) : 0,
  });
  const run = async (doc: unknown) => {
    let t = performance.now();
    const parsed = parsePortfolio(doc);
    parseMs += performance.now() - t;
    t = performance.now();
    await importPortfolio(db, parsed, { now: NOW });
    return performance.now() - t;
  };
  // Organisations are not activities: their import is not counted in activities/s.
  await run(document(organisations, []));
  for (let from = 0; from < count; from += BATCH_SIZE) {
    const t = performance.now();
    const batch = Array.from({ length: Math.min(BATCH_SIZE, count - from) }, (_, i) => generateActivity(from + i, organisations));
    parseMs += performance.now() - t;
    importMs += await run(document([], batch));
    progress(Math.min(count, from + BATCH_SIZE), stats(Math.min(count, from + BATCH_SIZE)));
  }
  return stats(count);
}
