/**
 * Every organisation the seed page names, as reviewed data. Names follow the page; the English name
 * is the official one where the page gives it, otherwise a faithful translation. Type (IATI
 * OrganisationType) and country follow from what the organisation is; acronyms, IATI refs and
 * websites only where the page gives them (the agency's own ref excepted).
 */
import type { OrganisationInput } from '../organisations/organisation.schema.ts';

const p = (...quotes: string[]) => quotes.map((quote) => ({ quote }));

export const SEED_ORGANISATIONS: OrganisationInput[] = [
  // --- The agency and Swedish public bodies ---
  {
    slug: 'migrationsverket',
    name: { sv: 'Migrationsverket', en: 'Swedish Migration Agency' },
    type: '10',
    country: 'SE',
    iatiRef: 'SE-ON-2021002163',
    provenance: p('Migrationsverket har uppdrag av regeringen att fördjupa det europeiska och internationella samarbetet och arbeta med internationellt utvecklingssamarbete för att främja säker, ordnad, reglerad och ansvarsfull migration.'),
  },
  {
    slug: 'migrationsverket-internationellt-utvecklingssamarbete',
    name: { sv: 'Enheten för internationellt utvecklingssamarbete', en: 'International Development Cooperation Unit' },
    type: '10',
    country: 'SE',
    parent: 'migrationsverket',
    provenance: p('Förstudien har utförts av enheten för internationellt utvecklingssamarbete som genomfört dokumentstudier, intervjuer samt en sonderingsresa till nordvästra Somalia för att inhämta information på plats.'),
  },
  {
    slug: 'justitiedepartementet',
    name: { sv: 'Justitiedepartementet', en: 'Ministry of Justice' },
    type: '10',
    country: 'SE',
    provenance: p('Justitiedepartementet har beviljat finansiering till Migrationsverket för att bedriva en förstudie om återvändande, återvandring och återintegrering till Somalia.'),
  },
  {
    slug: 'sida',
    name: { sv: 'Sida', en: 'Sida' },
    type: '10',
    country: 'SE',
    provenance: p('Sida har täckt viss finansiering för ansöknings- och kontraktskrivningsfasen, då EU täcker endast kostnader för implementeringsfasen av projektet.'),
  },
  {
    slug: 'svenska-roda-korset',
    name: { sv: 'Svenska Röda korset', en: 'Swedish Red Cross' },
    type: '22',
    country: 'SE',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },
  {
    slug: 'stadsmissionen',
    name: { sv: 'Stadsmissionen', en: 'Stadsmissionen (City Mission)' },
    type: '22',
    country: 'SE',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },
  {
    slug: 'svenska-kyrkan',
    name: { sv: 'Svenska kyrkan', en: 'Church of Sweden' },
    type: '22',
    country: 'SE',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },
  {
    // The page says only "Amnesty"; whether it means the Swedish section is not stated, so no country.
    slug: 'amnesty',
    name: { sv: 'Amnesty', en: 'Amnesty' },
    type: '21',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },

  // --- States named only as states (the organisation is the state's government) ---
  {
    slug: 'polen',
    name: { sv: 'Polen', en: 'Poland' },
    type: '10',
    country: 'PL',
    provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
  },
  {
    slug: 'spanien',
    name: { sv: 'Spanien', en: 'Spain' },
    type: '10',
    country: 'ES',
    provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
  },
  {
    slug: 'tjeckien',
    name: { sv: 'Tjeckien', en: 'Czechia' },
    type: '10',
    country: 'CZ',
    provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
  },
  {
    slug: 'tyskland',
    name: { sv: 'Tyskland', en: 'Germany' },
    type: '10',
    country: 'DE',
    provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
  },
  {
    slug: 'norge',
    name: { sv: 'Norge', en: 'Norway' },
    type: '10',
    country: 'NO',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },
  {
    slug: 'finland',
    name: { sv: 'Finland', en: 'Finland' },
    type: '10',
    country: 'FI',
    provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
  },
  {
    slug: 'nederlanderna',
    name: { sv: 'Nederländerna', en: 'Netherlands' },
    type: '10',
    country: 'NL',
    provenance: p(
      'Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).',
      'Projektet leddes av Nederländerna med Sverige genom Migrationsverket och Österrike som projektpartners.',
    ),
  },
  {
    slug: 'belgien',
    name: { sv: 'Belgien', en: 'Belgium' },
    type: '10',
    country: 'BE',
    provenance: p('Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
  },
  {
    slug: 'italien',
    name: { sv: 'Italien', en: 'Italy' },
    type: '10',
    country: 'IT',
    provenance: p('Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
  },
  {
    slug: 'schweiz',
    name: { sv: 'Schweiz', en: 'Switzerland' },
    type: '10',
    country: 'CH',
    provenance: p('Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
  },
  {
    slug: 'osterrike',
    name: { sv: 'Österrike', en: 'Austria' },
    type: '10',
    country: 'AT',
    provenance: p('Projektet leddes av Nederländerna med Sverige genom Migrationsverket och Österrike som projektpartners.'),
  },
  {
    // Named as "migration authorities in Slovenia" (2015 Serbia project); the authority is not named.
    slug: 'slovenien',
    name: { sv: 'Slovenien', en: 'Slovenia' },
    type: '10',
    country: 'SI',
    provenance: p('Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien.'),
  },
  {
    // Named as "migration authorities in Serbia" (2015 Serbia project); the authority is not named.
    slug: 'serbien',
    name: { sv: 'Serbien', en: 'Serbia' },
    type: '10',
    country: 'RS',
    provenance: p('Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien.'),
  },

  // --- Partner authorities ---
  {
    slug: 'serbia-commissariat-refugees-migration',
    name: { sv: 'Serbiens Kommissariat för flyktingar och migration', en: 'Commissariat for Refugees and Migration of Serbia' },
    type: '10',
    country: 'RS',
    provenance: p(
      'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.',
      'EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.',
    ),
  },
  {
    slug: 'serbia-ministry-interior',
    name: { sv: 'Serbiens inrikesministerium', en: 'Serbian Ministry of the Interior' },
    type: '10',
    country: 'RS',
    provenance: p('Under projektperiod har 66 expertuppdrag genomförts, i nära och mycket bra samarbete mellan med serbiska experter från flyktingkommissariatet samt inrikesministeriet i Serbien.'),
  },
  {
    slug: 'netherlands-ind',
    name: { sv: 'Immigration and Naturalization Service', en: 'Immigration and Naturalization Service' },
    type: '10',
    country: 'NL',
    provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
  },
  {
    slug: 'slovenia-ministry-interior',
    name: { sv: 'Sloveniens inrikesministerium', en: 'Slovenian Ministry of the Interior' },
    type: '10',
    country: 'SI',
    provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
  },
  {
    slug: 'lithuania-border-guard',
    name: { sv: 'Litauens gränspolismyndighet', en: 'Lithuanian border guard authority' },
    type: '10',
    country: 'LT',
    provenance: p('Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
  },
  {
    slug: 'belgium-migration-authority',
    name: { sv: 'Belgiens migrationsmyndighet', en: 'Belgian migration authority' },
    type: '10',
    country: 'BE',
    provenance: p('Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
  },
  {
    slug: 'dgmm',
    name: { sv: 'Directorate-General of Migration Management', en: 'Directorate-General of Migration Management' },
    acronym: 'DGMM',
    type: '10',
    country: 'TR',
    provenance: p('Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.'),
  },
  {
    slug: 'bamf',
    name: { sv: 'Tyska migrationsmyndigheten BAMF', en: 'German Federal Office for Migration and Refugees' },
    acronym: 'BAMF',
    type: '10',
    country: 'DE',
    provenance: p('Projektet leddes av Migrationsverket i samarbete med tyska migrationsmyndigheten BAMF.'),
  },

  // --- The EU and its bodies ---
  {
    slug: 'european-union',
    name: { sv: 'Europeiska unionen', en: 'European Union' },
    acronym: 'EU',
    type: '40',
    provenance: p('Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).'),
  },
  {
    slug: 'european-commission',
    name: { sv: 'Europeiska kommissionen', en: 'European Commission' },
    type: '40',
    provenance: p('Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen.'),
  },
  {
    slug: 'dg-home',
    name: { sv: 'Europeiska kommissionen (DG HOME)', en: 'European Commission (DG HOME)' },
    acronym: 'DG HOME',
    type: '40',
    parent: 'european-commission',
    provenance: p('Finansierat av Europeiska kommissionen (DG HOME) och implementerat av ICMPD, stöder RRF Europeiska medlemsstater och Schengenassocierade länder att öka effektiviteten i deras återvändande- och återintegreringsprogram.'),
  },
  {
    slug: 'eu-delegation-serbia',
    name: { sv: 'EU-delegationen i Serbien', en: 'EU Delegation to Serbia' },
    type: '40',
    provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
  },
  {
    // The page: "EU:s asylbyrå EUAA (då EASO)" — named EASO at the time of the project.
    slug: 'euaa',
    name: { sv: 'EU:s asylbyrå', en: 'European Union Agency for Asylum' },
    acronym: 'EUAA',
    type: '40',
    provenance: p('EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.'),
  },

  // --- International organisations ---
  {
    slug: 'icmpd',
    name: { sv: 'International Centre for Migration Policy Development', en: 'International Centre for Migration Policy Development' },
    acronym: 'ICMPD',
    type: '40',
    provenance: p('Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).'),
  },
  {
    slug: 'iom',
    name: { sv: 'Internationella organisationen för migration', en: 'International Organization for Migration' },
    acronym: 'IOM',
    type: '40',
    provenance: p('Arbetet bedrevs i nära samarbete med International Organisation for Migration (IOM).'),
  },
  {
    slug: 'unhcr',
    name: { sv: 'FN:s flyktingorgan', en: 'UN Refugee Agency' },
    acronym: 'UNHCR',
    type: '40',
    provenance: p('EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.'),
  },
  {
    slug: 'icmc',
    name: { sv: 'International Catholic Migration Commission', en: 'International Catholic Migration Commission' },
    acronym: 'ICMC',
    type: '21',
    provenance: p('EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.'),
  },
  {
    // A research institute; the page does not say which office (Washington or Europe), so no country.
    slug: 'mpi',
    name: { sv: 'Migration Policy Institute', en: 'Migration Policy Institute' },
    acronym: 'MPI',
    type: '80',
    provenance: p('EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.'),
  },

  // --- Networks and facilities the page treats as actors ---
  {
    slug: 'errin',
    name: { sv: 'European Return and Reintegration Network', en: 'European Return and Reintegration Network' },
    acronym: 'ERRIN',
    type: '90',
    provenance: p(
      'T2C utvecklades av European Return and Reintegration Network (ERRIN), som nu har övergått till Return and Reintegration Facility (RRF).',
      'Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).',
    ),
  },
  {
    slug: 'rrf',
    name: { sv: 'Return and Reintegration Facility', en: 'Return and Reintegration Facility' },
    acronym: 'RRF',
    type: '90',
    provenance: p(
      'T2C utvecklades av European Return and Reintegration Network (ERRIN), som nu har övergått till Return and Reintegration Facility (RRF).',
      'Finansierat av Europeiska kommissionen (DG HOME) och implementerat av ICMPD, stöder RRF Europeiska medlemsstater och Schengenassocierade länder att öka effektiviteten i deras återvändande- och återintegreringsprogram.',
    ),
  },
];
