/** Every word the portal shows, in Swedish and English (klarspråk and plain English). */
import type { Lang, Message } from '../shared/i18n.ts';

export const M = {
  siteName: { sv: 'Migrationsverkets internationella utvecklingssamarbete', en: 'International development cooperation of the Swedish Migration Agency' },
  siteShort: { sv: 'Internationellt utvecklingssamarbete', en: 'International development cooperation' },
  skipToContent: { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  mainNav: { sv: 'Huvudmeny', en: 'Main menu' },
  languageSwitch: { sv: 'English', en: 'Svenska' },
  languageSwitchLabel: { sv: 'Read this page in English', en: 'Läs sidan på svenska' },
  navStart: { sv: 'Start', en: 'Home' },
  navActivities: { sv: 'Aktiviteter', en: 'Activities' },
  navTimeline: { sv: 'Tidslinje', en: 'Timeline' },
  navMap: { sv: 'Karta', en: 'Map' },
  navStatistics: { sv: 'Statistik', en: 'Statistics' },
  navOpenData: { sv: 'Öppna data', en: 'Open data' },
  navAccessibility: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  navSignIn: { sv: 'Logga in', en: 'Sign in' },
  footerAbout: {
    sv: 'Uppgifterna hämtas direkt ur Migrationsverkets register över internationellt utvecklingssamarbete och är alltid aktuella.',
    en: "The information comes straight from the Swedish Migration Agency's register of international development cooperation and is always up to date.",
  },
  compiledOn: { sv: 'Sammanställt ur registret', en: 'Compiled from the register on' },
  startIntroTitle: { sv: 'Internationellt utvecklingssamarbete', en: 'International development cooperation' },
  startIntro: {
    sv: 'Migrationsverket har i uppdrag av regeringen att fördjupa det europeiska och internationella samarbetet och att arbeta med internationellt utvecklingssamarbete för att främja en säker, ordnad, reglerad och ansvarsfull migration. Vi sprider god myndighetsförvaltning till andra länder. Det stärker rättssäkerheten för den enskilda migranten, värnar asylrätten och stärker de mänskliga rättigheterna för utsatta migrantgrupper.',
    en: 'The Government has tasked the Swedish Migration Agency with deepening European and international cooperation and with working in international development cooperation to promote safe, orderly, regular and responsible migration. We share good public administration with other countries. This makes the law more reliable for each migrant, protects the right to asylum and strengthens the human rights of vulnerable groups of migrants.',
  },
  aimsTitle: { sv: 'Det här vill vi uppnå', en: 'What we want to achieve' },
  aimsIntro: {
    sv: 'Projekten utgår från regeringens policyramverk för svenskt utvecklingssamarbete och Sveriges politik för global utveckling, i linje med Agenda 2030, det globala ramverket för säker, ordnad och reguljär migration och det globala flyktingramverket. De syftar till att',
    en: "The projects build on the Government's policy framework for Swedish development cooperation and Sweden's Policy for Global Development, in line with the 2030 Agenda, the Global Compact for Safe, Orderly and Regular Migration and the Global Compact on Refugees. They aim to",
  },
  keyFiguresTitle: { sv: 'Portföljen i siffror', en: 'The portfolio in figures' },
  figureActivities: { sv: 'aktiviteter i registret', en: 'activities in the register' },
  figureOngoing: { sv: 'pågår enligt sina datum', en: 'under way according to their dates' },
  figureCountries: { sv: 'samarbetsländer', en: 'partner countries' },
  // A soft hyphen (U+00AD): a figure's box is narrow, and a browser without Swedish hyphenation broke the word as "partnerorganisation | er".
  figureOrganisations: { sv: 'partner\u00ADorganisationer', en: 'partner organisations' },
  figureExpertMissions: { sv: 'genomförda expertuppdrag', en: 'expert missions carried out' },
  figureEuFunding: { sv: 'EU-finansiering där beloppet anges', en: 'EU funding where the amount is stated' },
  figureYears: { sv: 'år av samarbete', en: 'years of cooperation' },
  currentTitle: { sv: 'Pågående aktiviteter', en: 'Current activities' },
  currentNone: { sv: 'Just nu pågår inga aktiviteter enligt registrets datum.', en: 'No activities are under way according to the dates in the register.' },
  plannedTitle: { sv: 'Planerade aktiviteter', en: 'Planned activities' },
  recentTitle: { sv: 'Nyligen avslutade', en: 'Recently ended' },
  allActivities: { sv: 'Alla aktiviteter', en: 'All activities' },
  statusUnconfirmed: { sv: 'Status behöver bekräftas', en: 'Status to be confirmed' },
  listTitle: { sv: 'Aktiviteter', en: 'Activities' },
  search: { sv: 'Sök', en: 'Search' },
  searchLabel: { sv: 'Sök bland aktiviteterna', en: 'Search the activities' },
  searchHint: { sv: 'Sök på svenska eller engelska, till exempel ”återvändande” eller ”Serbia”.', en: 'Search in English or Swedish, for example “return” or “Serbien”.' },
  searchNoWords: { sv: 'Sökningen innehöll inga ord, så alla aktiviteter visas.', en: 'The search had no words in it, so all activities are shown.' },
  filters: { sv: 'Filtrera', en: 'Filter' },
  applyFilters: { sv: 'Visa aktiviteter', en: 'Show activities' },
  clearFilters: { sv: 'Rensa alla filter', en: 'Clear all filters' },
  any: { sv: 'Alla', en: 'All' },
  kind: { sv: 'Typ', en: 'Kind' },
  status: { sv: 'Status', en: 'Status' },
  country: { sv: 'Land', en: 'Country' },
  region: { sv: 'Region', en: 'Region' },
  instrument: { sv: 'Finansiering', en: 'Funding' },
  funder: { sv: 'Finansiär', en: 'Funder' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  yearFrom: { sv: 'Från år', en: 'From year' },
  yearTo: { sv: 'Till år', en: 'To year' },
  gcm: { sv: 'Mål i GCM', en: 'GCM objective' },
  sdgTarget: { sv: 'Delmål i Agenda 2030', en: 'SDG target' },
  sort: { sv: 'Sortera', en: 'Sort' },
  sortRelevance: { sv: 'Bäst träff', en: 'Best match' },
  sortStartDesc: { sv: 'Senast startade först', en: 'Most recent start first' },
  sortStartAsc: { sv: 'Äldst först', en: 'Oldest first' },
  sortTitle: { sv: 'Namn A–Ö', en: 'Title A–Z' },
  resultsCount: { sv: 'träffar', en: 'results' },
  resultOne: { sv: 'träff', en: 'result' },
  noResults: { sv: 'Inga aktiviteter matchar. Pröva färre filter eller andra sökord.', en: 'No activities match. Try fewer filters or other search words.' },
  pagination: { sv: 'Sidor', en: 'Pages' },
  previous: { sv: 'Föregående', en: 'Previous' },
  next: { sv: 'Nästa', en: 'Next' },
  pageOf: { sv: 'Sida {page} av {pages}', en: 'Page {page} of {pages}' },
  badFilter: { sv: 'Något i adressen gick inte att förstå', en: 'Part of the address could not be understood' },
  period: { sv: 'Period', en: 'Period' },
  noDates: { sv: 'Datum saknas', en: 'No dates given' },
  planned: { sv: 'planerat', en: 'planned' },
  onlyIn: { sv: 'Texten finns bara på engelska.', en: 'This text is only available in Swedish.' },
  workingTitle: { sv: 'Arbetsnamn: källan anger inget namn.', en: 'Working title: the source gives no name.' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  description: { sv: 'Beskrivning', en: 'Description' },
  objectives: { sv: 'Syfte', en: 'Objectives' },
  partners: { sv: 'Organisationer och roller', en: 'Organisations and roles' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  coFinancing: { sv: 'delfinansiering', en: 'co-financing' },
  via: { sv: 'via', en: 'through' },
  countries: { sv: 'Länder', en: 'Countries' },
  regions: { sv: 'Regioner', en: 'Regions' },
  alignment: { sv: 'Policymål', en: 'Policy objectives' },
  assessed: { sv: 'bedömning', en: 'assessment' },
  keyFigures: { sv: 'Nyckeltal', en: 'Key figures' },
  asOf: { sv: 'per', en: 'as of' },
  cumulative: { sv: 'sammanlagt', en: 'in total' },
  results: { sv: 'Resultat', en: 'Results' },
  engagements: { sv: 'Insatser och evenemang', en: 'Missions and events' },
  registrations: { sv: 'anmälda', en: 'registrations' },
  participants: { sv: 'deltagare', en: 'participants' },
  countriesFeatured: { sv: 'Länder som medverkade', en: 'Countries featured' },
  lineage: { sv: 'Sammanhang', en: 'How it connects' },
  related: { sv: 'Relaterade aktiviteter', en: 'Related activities' },
  thisActivity: { sv: 'den här aktiviteten', en: 'this activity' },
  documents: { sv: 'Dokument och länkar', en: 'Documents and links' },
  sources: { sv: 'Källor', en: 'Sources' },
  sourcesIntro: { sv: 'Meningarna som uppgifterna hämtades från:', en: 'The sentences the information was taken from:' },
  lastUpdated: { sv: 'Senast ändrad', en: 'Last updated' },
  otherIdentifiers: { sv: 'Andra identifierare', en: 'Other identifiers' },
  issuedBy: { sv: 'utfärdad av', en: 'issued by' },
  reportedBy: { sv: 'Rapporteras till IATI av', en: 'Reported to IATI by' },
  reportedByNote: { sv: 'som publicerar aktiviteten själv; den ingår inte i vår IATI-fil', en: 'which publishes the activity itself; it is not in our IATI file' },
  dataNotes: { sv: 'Att observera', en: 'Please note' },
  activitiesOf: { sv: 'Aktiviteter', en: 'Activities' },
  role: { sv: 'Roll', en: 'Role' },
  website: { sv: 'Webbplats', en: 'Website' },
  parentOrganisation: { sv: 'Del av', en: 'Part of' },
  timelineTitle: { sv: 'Tidslinje', en: 'Timeline' },
  timelineIntro: { sv: 'Hela portföljen på en tidsaxel. Tonade ändar betyder att källan bara anger ett ungefärligt datum (en månad, en årstid eller ett år).', en: 'The whole portfolio on one time axis. Faded ends mean that the source only gives an approximate date (a month, a season or a year).' },
  groupBy: { sv: 'Gruppera efter', en: 'Group by' },
  groupKind: { sv: 'typ', en: 'kind' },
  groupCountry: { sv: 'land', en: 'country' },
  noCountry: { sv: 'Inget land angivet', en: 'No country given' },
  mapTitle: { sv: 'Karta', en: 'Map' },
  mapIntro: { sv: 'Länder efter antal aktiviteter. Välj ett land för att se dess aktiviteter.', en: 'Countries by number of activities. Choose a country to see its activities.' },
  statisticsTitle: { sv: 'Statistik', en: 'Statistics' },
  perYear: { sv: 'Aktiviteter per år', en: 'Activities per year' },
  perInstrument: { sv: 'Aktiviteter per finansiering', en: 'Activities by funding' },
  perFunder: { sv: 'Aktiviteter per finansiär', en: 'Activities by funder' },
  perCountry: { sv: 'Aktiviteter per land', en: 'Activities by country' },
  perRegion: { sv: 'Aktiviteter per region', en: 'Activities by region' },
  perGcm: { sv: 'Aktiviteter per mål i det globala migrationsramverket (GCM)', en: 'Activities by objective of the Global Compact for Migration (GCM)' },
  activitiesUnit: { sv: 'aktiviteter', en: 'activities' },
  year: { sv: 'År', en: 'Year' },
  count: { sv: 'Antal', en: 'Number' },
  openDataTitle: { sv: 'Öppna data', en: 'Open data' },
  openDataIntro: { sv: 'Hela den publicerade portföljen kan laddas ned fritt och användas av alla.', en: 'The whole published portfolio can be downloaded freely and used by anyone.' },
  apiTitle: { sv: 'Programmeringsgränssnitt (API)', en: 'Application programming interface (API)' },
  notFoundTitle: { sv: 'Sidan finns inte', en: 'Page not found' },
  notFoundText: { sv: 'Sidan du söker finns inte, eller så har den flyttats.', en: 'The page you are looking for does not exist, or it has moved.' },
  errorTitle: { sv: 'Något gick fel', en: 'Something went wrong' },
  errorText: { sv: 'Ett tekniskt fel gjorde att sidan inte kunde visas. Försök igen om en stund.', en: 'A technical error stopped the page from being shown. Please try again in a moment.' },
  goStart: { sv: 'Till startsidan', en: 'Go to the home page' },
  badRequestTitle: { sv: 'Felaktig adress', en: 'Incorrect address' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof M;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return M[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** "1 aktivitet" / "3 aktiviteter", "1 activity" / "3 activities". */
export function activitiesCount(lang: Lang, n: number): string {
  const number = formatNumber(lang, n);
  if (lang === 'sv') return `${number} ${n === 1 ? 'aktivitet' : 'aktiviteter'}`;
  return `${number} ${n === 1 ? 'activity' : 'activities'}`;
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}

const MONTHS: Record<Lang, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A day in running text: "4 maj 2025" / "4 May 2025". */
export function formatDay(lang: Lang, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[lang][(m ?? 1) - 1]} ${y}`;
}
