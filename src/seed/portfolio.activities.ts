/**
 * The 19 activities of the seed page, in the page's order, as reviewed data.
 *
 * Rules this file follows (see PRODUCT.md, "The seed portfolio"):
 * - Swedish descriptions are the page's own text, verbatim (stale wording included: the data-quality
 *   check reads it). The only thing removed is the screen-reader suffix of the page's external links
 *   ("Länk till annan webbplats, öppnas i nytt fönster"), which is not part of the prose.
 * - Every `quote` is a sentence copied exactly from the page, typos and non-breaking spaces included.
 * - Status says what the page says at the time it was written, not what is true today.
 * - Where the page is silent, the field stays empty. Links the page does not state in words, but that
 *   we read from it, have `basis: 'assessed'` and a note saying so.
 */
import type { ActivityInput } from '../activities/activity.schema.ts';

type Quoted = { quote: string };
type Field = 'title' | 'kind' | 'status' | 'dates' | 'countries' | 'regions';

/** Provenance from one or more sentences of the seed page. */
const p = (...quotes: string[]): Quoted[] => quotes.map((quote) => ({ quote }));
/** Activity-level provenance: which sentence a field (title, kind, status, dates …) came from. */
const f = (field: Field, quote: string) => ({ field, quote });

const AGENCY_ID = 'SE-ON-2021002163';
const id = (local: string) => `${AGENCY_ID}-${local}`;

export const SEED_ACTIVITIES: ActivityInput[] = [
  // ---------------------------------------------------------------------------------------------
  // 1. Visa Code Training Project (VCT Project)
  {
    slug: 'vct-project',
    iatiIdentifier: id('VCT'),
    kind: 'project',
    status: 'implementation',
    texts: {
      sv: {
        title: 'Visa Code Training Project',
        acronym: 'VCT Project',
        summary: 'Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland. Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.',
        description: [
          'Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland. Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna. Projektet är en särskild åtgärd finansierad av EU:s ISF (Internal Security Fund) via BMVI (Border Management and Visa Instrument).',
          'Projektet började september 2022 och förväntas pågå till december 2024. Utbildningen lanseras våren 2024.',
        ].join('\n\n'),
        objectives: 'Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.',
      },
      en: {
        title: 'Visa Code Training Project',
        acronym: 'VCT Project',
        summary: 'The Visa Code Training Project (VCT Project) is a project led by Sweden in cooperation with Poland, Spain, Czechia and Germany. The project is developing a common EU digital training course on the EU Visa Code and the Schengen Borders Code, with the aim of harmonising visa processing within the EU and providing cost-effective support to the member states.',
        description: [
          'The Visa Code Training Project (VCT Project) is a project led by Sweden in cooperation with Poland, Spain, Czechia and Germany. The project is developing a common EU digital training course on the EU Visa Code and the Schengen Borders Code, with the aim of harmonising visa processing within the EU and providing cost-effective support to the member states. The project is a specific action funded by the EU\'s ISF (Internal Security Fund) through the BMVI (Border Management and Visa Instrument).',
          'The project started in September 2022 and is expected to run until December 2024. The training will be launched in spring 2024.',
        ].join('\n\n'),
        objectives: 'To develop a common EU digital training course on the EU Visa Code and the Schengen Borders Code, in order to harmonise visa processing within the EU and provide cost-effective support to the member states.',
      },
    },
    dates: { actualStart: 'september 2022', plannedEnd: 'december 2024' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan säger att projektet leds av Sverige; vi läser det som att Migrationsverket leder det för Sveriges räkning.',
          en: 'The page says the project is led by Sweden; we read this as the agency leading it on Sweden\'s behalf.',
        },
        provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
      },
      ...(['polen', 'spanien', 'tjeckien', 'tyskland'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        provenance: p('Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
      })),
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Projektet är en särskild åtgärd finansierad av EU:s ISF (Internal Security Fund) via BMVI (Border Management and Visa Instrument).'),
      },
    ],
    funding: [
      {
        instrument: 'eu-isf-bmvi', funder: 'european-union',
        note: { sv: 'En särskild åtgärd inom ISF via BMVI.', en: 'A specific action under the ISF through the BMVI.' },
        provenance: p('Projektet är en särskild åtgärd finansierad av EU:s ISF (Internal Security Fund) via BMVI (Border Management and Visa Instrument).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '11', basis: 'assessed', provenance: p('Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.') },
      { framework: 'aim', code: '1', basis: 'assessed', provenance: p('Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.') },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'EU-gemensam digital utbildning inom viseringskodex och Schengengränskodex',
          en: 'Common EU digital training course on the Visa Code and the Schengen Borders Code',
        },
        description: {
          sv: 'Utbildningen lanseras våren 2024 (enligt sidan).',
          en: 'The training is to be launched in spring 2024 (according to the page).',
        },
        provenance: p(
          'Projektet utvecklar en EU-gemensam digital utbildning inom EU:s viseringskodex och Schengensamarbetes gränskodex med syfte att harmonisera visumhanteringen inom EU och fungera som ett kostnadseffektivt stöd till medlemsstaterna.',
          'Utbildningen lanseras våren 2024.',
        ),
      },
    ],
    provenance: [
      f('title', 'Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
      f('kind', 'Visa Code Training Project (VCT Project) är ett projekt som leds av Sverige i samarbete med Polen, Spanien, Tjeckien och Tyskland.'),
      f('status', 'Projektet började september 2022 och förväntas pågå till december 2024.'),
      f('dates', 'Projektet började september 2022 och förväntas pågå till december 2024.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 2. Somalia-ÅV (pre-study)
  {
    slug: 'somalia-av-pre-study',
    iatiIdentifier: id('SOMALIA-AV'),
    kind: 'pre-study',
    status: 'closed',
    texts: {
      sv: {
        title: 'Somalia-ÅV',
        summary: 'Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.',
        description: [
          'Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.',
          'Att öka självmant återvändande är ett prioriterat uppdrag på Migrationsverket samt i EU:s nya strategi för självmant återvändande och återintegrering. Justitiedepartementet har beviljat finansiering till Migrationsverket för att bedriva en förstudie om återvändande, återvandring och återintegrering till Somalia. Förstudien har utförts av enheten för internationellt utvecklingssamarbete som genomfört dokumentstudier, intervjuer samt en sonderingsresa till nordvästra Somalia för att inhämta information på plats. Under förstudien har ett antal frågeställningar undersökts och dessa har till stor del besvarats i rapporten samt att utmaningar kopplade till dessa områden har lyfts fram för att vägleda det fortsatta arbetet.',
          'De allmänna förutsättningarna för att bedriva migrationsrelaterade projekt i Somalia finns men det finns många utmaningar. En förutsättning för att ett kapacitetshöjande projekt ska kunna genomföras är ett fördjupat samarbete mellan alla berörda statliga entiteter i Sverige. Förstudien visade att genomförandet av ett kapacitetshöjande projekt kan utföras av Migrationsverket men det behöver finnas en samsyn kring målet med insatsen samt en uthållighet då utveckling i denna kontext tar tid och kräver en långsiktig planering.',
        ].join('\n\n'),
        objectives: 'Förstudien syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.',
      },
      en: {
        title: 'Somalia-ÅV',
        summary: 'In autumn 2022 the Swedish Migration Agency carried out a pre-study, Somalia-ÅV, which aimed to examine the conditions for developing and improving the processes for return migration and sustainable reintegration, which could also lead to more voluntary return to Somalia.',
        description: [
          'In autumn 2022 the Swedish Migration Agency carried out a pre-study, Somalia-ÅV, which aimed to examine the conditions for developing and improving the processes for return migration and sustainable reintegration, which could also lead to more voluntary return to Somalia.',
          'Increasing voluntary return is a priority task for the Swedish Migration Agency and in the EU\'s new strategy on voluntary return and reintegration. The Ministry of Justice has granted funding to the Swedish Migration Agency to conduct a pre-study on return, return migration and reintegration to Somalia. The pre-study has been carried out by the International Development Cooperation Unit, which conducted desk studies, interviews and a scoping visit to north-western Somalia to gather information on the ground. During the pre-study a number of questions were examined; these have largely been answered in the report, and the challenges linked to these areas have been highlighted to guide further work.',
          'The general conditions for running migration-related projects in Somalia exist, but there are many challenges. A precondition for carrying out a capacity-building project is deeper cooperation between all the state entities concerned in Sweden. The pre-study showed that a capacity-building project could be carried out by the Swedish Migration Agency, but there needs to be a shared view of the aim of the intervention, as well as perseverance, since development in this context takes time and requires long-term planning.',
        ].join('\n\n'),
        objectives: 'To examine the conditions for developing and improving the processes for return migration and sustainable reintegration, which could also lead to more voluntary return to Somalia.',
      },
    },
    dates: { actual: 'hösten 2022' },
    countries: [{ code: 'SO' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.'),
      },
      {
        organisation: 'migrationsverket-internationellt-utvecklingssamarbete', role: 'implementer',
        provenance: p('Förstudien har utförts av enheten för internationellt utvecklingssamarbete som genomfört dokumentstudier, intervjuer samt en sonderingsresa till nordvästra Somalia för att inhämta information på plats.'),
      },
      {
        organisation: 'justitiedepartementet', role: 'funder',
        provenance: p('Justitiedepartementet har beviljat finansiering till Migrationsverket för att bedriva en förstudie om återvändande, återvandring och återintegrering till Somalia.'),
      },
    ],
    funding: [
      {
        instrument: 'ministry-grant', funder: 'justitiedepartementet',
        provenance: p('Justitiedepartementet har beviljat finansiering till Migrationsverket för att bedriva en förstudie om återvändande, återvandring och återintegrering till Somalia.'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.') },
    ],
    results: [
      {
        type: 'output',
        title: { sv: 'Förstudierapport', en: 'Pre-study report' },
        description: {
          sv: 'Frågeställningarna har till stor del besvarats i rapporten, och utmaningar har lyfts fram för att vägleda det fortsatta arbetet.',
          en: 'The questions examined have largely been answered in the report, and challenges have been highlighted to guide further work.',
        },
        provenance: p('Under förstudien har ett antal frågeställningar undersökts och dessa har till stor del besvarats i rapporten samt att utmaningar kopplade till dessa områden har lyfts fram för att vägleda det fortsatta arbetet.'),
      },
    ],
    engagements: [
      {
        kind: 'field-visit',
        title: { sv: 'Sonderingsresa till nordvästra Somalia', en: 'Scoping visit to north-western Somalia' },
        place: { sv: 'nordvästra Somalia', en: 'north-western Somalia' },
        provenance: p('Förstudien har utförts av enheten för internationellt utvecklingssamarbete som genomfört dokumentstudier, intervjuer samt en sonderingsresa till nordvästra Somalia för att inhämta information på plats.'),
      },
    ],
    provenance: [
      f('title', 'Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.'),
      f('kind', 'Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.'),
      f('status', 'Förstudien har utförts av enheten för internationellt utvecklingssamarbete som genomfört dokumentstudier, intervjuer samt en sonderingsresa till nordvästra Somalia för att inhämta information på plats.'),
      f('dates', 'Hösten 2022 genomförde Migrationsverket en förstudie, Somalia-ÅV som syftade till att undersöka förutsättningar för att utveckla och förbättra processerna för återvandring och hållbar återintegrering som skulle kunna leda till även ökat självmant återvändande till Somalia.'),
      f('countries', 'Justitiedepartementet har beviljat finansiering till Migrationsverket för att bedriva en förstudie om återvändande, återvandring och återintegrering till Somalia.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 3. Regional digital Migration Academy for the Western Balkans (2024–2026, planned)
  {
    slug: 'western-balkans-migration-academy',
    iatiIdentifier: id('WB-MIGRATION-ACADEMY'),
    kind: 'project',
    status: 'pipeline',
    texts: {
      sv: {
        title: 'Regional digital Migrationsakademi',
        summary: 'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.',
        description: [
          'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU. Projektet kommer att pågå under åren 2024-2026 med en möjlighet till förlängning. Slutliga förmånstagare är migrationsinstitutioner på Västra Balkan, angränsande EU medlemsstater, internationella organisationer, media och andra forskningsinstitutioner som är aktiva inom migrationsområdet i regionen. Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).',
          '¹ Serbien, Bosnien & Hercegovina, Nordmakedonien, Montenegro, Albanien, Kosovo.',
        ].join('\n\n'),
        objectives: 'Projektet syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.',
      },
      en: {
        title: 'Regional Digital Migration Academy',
        summary: 'Together with Serbia\'s Commissariat for Refugees and Migration and the EU Delegation to Serbia, the Swedish Migration Agency will carry out a project to develop a regional digital Migration Academy, shared by the candidate countries of the Western Balkans¹, which aims at closer regional cooperation between migration authorities along the Western Balkans route, both for joint management of the migration pressure in the Western Balkans and for joint initiatives in the EU accession process.',
        description: [
          'Together with Serbia\'s Commissariat for Refugees and Migration and the EU Delegation to Serbia, the Swedish Migration Agency will carry out a project to develop a regional digital Migration Academy, shared by the candidate countries of the Western Balkans¹, which aims at closer regional cooperation between migration authorities along the Western Balkans route, both for joint management of the migration pressure in the Western Balkans and for joint initiatives in the EU accession process. The project will run over the years 2024–2026, with a possibility of extension. The final beneficiaries are migration institutions in the Western Balkans, neighbouring EU member states, international organisations, the media and other research institutions active in the field of migration in the region. This project is co-financed by the European Union and contracted via ICMPD (International Centre for Migration Policy Development) through the MPF (Migration Partnership Facility).',
          '¹ Serbia, Bosnia and Herzegovina, North Macedonia, Montenegro, Albania, Kosovo.',
        ].join('\n\n'),
        objectives: 'Closer regional cooperation between migration authorities along the Western Balkans route, both for joint management of the migration pressure in the Western Balkans and for joint initiatives in the EU accession process.',
      },
    },
    dates: { planned: '2024-2026' },
    countries: ['RS', 'BA', 'MK', 'ME', 'AL', 'XK'].map((code) => ({ code })),
    regions: ['western-balkans'],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan nämner Migrationsverket först, som den som genomför projektet tillsammans med de två andra; att Migrationsverket leder är vår läsning.',
          en: 'The page names the agency first, as carrying out the project together with the other two; that the agency leads it is our reading.',
        },
        provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
      },
      ...(['serbia-commissariat-refugees-migration', 'eu-delegation-serbia'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
      })),
      {
        organisation: 'icmpd', role: 'contracting-body',
        provenance: p('Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).'),
      },
    ],
    funding: [
      {
        instrument: 'mpf', funder: 'european-union', via: 'icmpd', coFinancing: true,
        provenance: p('Detta projekt samfinansieras av Europeiska Unionen och kontrakteras via ICMPD (International Centre for Migration Policy Development) genom MPF (Migration Partnership Facility).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '23', basis: 'assessed', provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.') },
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.') },
    ],
    provenance: [
      f('title', 'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
      f('kind', 'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
      f('status', 'Projektet kommer att pågå under åren 2024-2026 med en möjlighet till förlängning.'),
      f('dates', 'Projektet kommer att pågå under åren 2024-2026 med en möjlighet till förlängning.'),
      f('countries', '¹ Serbien, Bosnien & Hercegovina, Nordmakedonien, Montenegro, Albanien, Kosovo.'),
      f('regions', 'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 4. Talk2Connect (T2C)
  {
    slug: 'talk2connect',
    iatiIdentifier: id('T2C'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'Talk2Connect',
        acronym: 'T2C',
        summary: 'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C). Det var en digital plattform som länkade handläggare inom återvändandeområdet med reintegreringsaktörer för att möjliggöra informations- och kunskapsflöden mellan Europeiska stater och ursprungsländer.',
        description: [
          'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C). Det var en digital plattform som länkade handläggare inom återvändandeområdet med reintegreringsaktörer för att möjliggöra informations- och kunskapsflöden mellan Europeiska stater och ursprungsländer.',
          'I linje med EU:s strategi för frivilligt återvändande och återintegrering syftade T2C att ge återvändande- och återintegreringspraktiker relevant och uppdaterad förstahandsinformation från fältet. T2C hade tre olika format - webcasts, interaktiva webinarier och podcasts. Totalt registrerade sig 1600 handläggare/experter till webcasten som täckte ämnen som ”Vad är återvändanderådgivning?”, ”Kvinnliga migranter”, ”Återvändande och återintegrering av ensamkommande barn” och ”Hållbar återintegrering i Irak”. Reportage spelades in i, och visades från länder såsom Senegal, Albanien, Belgien, Frankrike, Danmark och Pakistan. T2C utvecklades av European Return and Reintegration Network (ERRIN), som nu har övergått till Return and Reintegration Facility (RRF). Här finns T2C avsnitten: Talk2Connect – Return and Reintegration Facility.',
          'Finansierat av Europeiska kommissionen (DG HOME) och implementerat av ICMPD, stöder RRF Europeiska medlemsstater och Schengenassocierade länder att öka effektiviteten i deras återvändande- och återintegreringsprogram. RRF tillhandahåller operativt och finansiellt stöd till EU:s medlemsstater för att underlätta utvecklingen av lösningar och aktiviteter inom återvändande och återintegrering.',
        ].join('\n\n'),
        objectives: 'I linje med EU:s strategi för frivilligt återvändande och återintegrering syftade T2C att ge återvändande- och återintegreringspraktiker relevant och uppdaterad förstahandsinformation från fältet.',
      },
      en: {
        title: 'Talk2Connect',
        acronym: 'T2C',
        summary: 'From December 2022 to December 2023, Sweden, as lead state, implemented the project Talk2Connect (T2C). It was a digital platform that linked return caseworkers with reintegration actors to enable flows of information and knowledge between European states and countries of origin.',
        description: [
          'From December 2022 to December 2023, Sweden, as lead state, implemented the project Talk2Connect (T2C). It was a digital platform that linked return caseworkers with reintegration actors to enable flows of information and knowledge between European states and countries of origin.',
          'In line with the EU strategy on voluntary return and reintegration, T2C aimed to give return and reintegration practitioners relevant, up-to-date first-hand information from the field. T2C had three different formats – webcasts, interactive webinars and podcasts. In total, 1,600 caseworkers and experts registered for the webcast, which covered topics such as “What is return counselling?”, “Female migrants”, “Return and reintegration of unaccompanied children” and “Sustainable reintegration in Iraq”. Reports were recorded in, and broadcast from, countries such as Senegal, Albania, Belgium, France, Denmark and Pakistan. T2C was developed by the European Return and Reintegration Network (ERRIN), which has now become the Return and Reintegration Facility (RRF). The T2C episodes are available here: Talk2Connect – Return and Reintegration Facility.',
          'Funded by the European Commission (DG HOME) and implemented by ICMPD, the RRF supports European member states and Schengen associated countries in making their return and reintegration programmes more effective. The RRF provides operational and financial support to EU member states to facilitate the development of solutions and activities in return and reintegration.',
        ].join('\n\n'),
        objectives: 'In line with the EU strategy on voluntary return and reintegration, to give return and reintegration practitioners relevant, up-to-date first-hand information from the field.',
      },
    },
    dates: { actual: 'december 2022 till december 2023' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan säger att Sverige var ledande stat; vi läser det som att Migrationsverket ledde projektet för Sveriges räkning.',
          en: 'The page says Sweden was the lead state; we read this as the agency leading the project on Sweden\'s behalf.',
        },
        provenance: p('Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C).'),
      },
    ],
    relations: [
      {
        type: 'developed-by',
        target: { external: { name: { sv: 'European Return and Reintegration Network (ERRIN)', en: 'European Return and Reintegration Network (ERRIN)' }, organisation: 'errin' } },
        basis: 'stated',
        provenance: p('T2C utvecklades av European Return and Reintegration Network (ERRIN), som nu har övergått till Return and Reintegration Facility (RRF).'),
      },
      {
        type: 'moved-to',
        target: { external: { name: { sv: 'Return and Reintegration Facility (RRF)', en: 'Return and Reintegration Facility (RRF)' }, organisation: 'rrf' } },
        basis: 'stated',
        note: {
          sv: 'ERRIN, som utvecklade T2C, har övergått till RRF, där T2C-avsnitten nu finns.',
          en: 'ERRIN, which developed T2C, has become the RRF, where the T2C episodes are now published.',
        },
        provenance: p('T2C utvecklades av European Return and Reintegration Network (ERRIN), som nu har övergått till Return and Reintegration Facility (RRF).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('I linje med EU:s strategi för frivilligt återvändande och återintegrering syftade T2C att ge återvändande- och återintegreringspraktiker relevant och uppdaterad förstahandsinformation från fältet.') },
      { framework: 'gcm', code: '23', basis: 'assessed', provenance: p('Det var en digital plattform som länkade handläggare inom återvändandeområdet med reintegreringsaktörer för att möjliggöra informations- och kunskapsflöden mellan Europeiska stater och ursprungsländer.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Det var en digital plattform som länkade handläggare inom återvändandeområdet med reintegreringsaktörer för att möjliggöra informations- och kunskapsflöden mellan Europeiska stater och ursprungsländer.') },
    ],
    keyFigures: [
      {
        value: 1600,
        unit: { sv: 'registrerade handläggare/experter', en: 'registered caseworkers/experts' },
        label: { sv: 'Registreringar till T2C:s webcast', en: 'Registrations for the T2C webcast' },
        asOf: 'december 2023',
        cumulative: true,
        provenance: p('Totalt registrerade sig 1600 handläggare/experter till webcasten som täckte ämnen som ”Vad är återvändanderådgivning?”, ”Kvinnliga migranter”, ”Återvändande och återintegrering av ensamkommande barn” och ”Hållbar återintegrering i Irak”.'),
      },
      {
        value: 3,
        unit: { sv: 'format', en: 'formats' },
        label: { sv: 'Format (webcasts, interaktiva webinarier och podcasts)', en: 'Formats (webcasts, interactive webinars and podcasts)' },
        asOf: 'december 2023',
        provenance: p('T2C hade tre olika format - webcasts, interaktiva webinarier och podcasts.'),
      },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'Digital plattform i tre format: webcasts, interaktiva webinarier och podcasts',
          en: 'Digital platform in three formats: webcasts, interactive webinars and podcasts',
        },
        indicators: [
          {
            title: { sv: 'Registrerade handläggare/experter till webcasten', en: 'Caseworkers/experts registered for the webcast' },
            measure: 'unit',
            periods: [{ start: '2022-12-01', end: '2023-12-31', actual: '1600' }],
          },
        ],
        provenance: p(
          'T2C hade tre olika format - webcasts, interaktiva webinarier och podcasts.',
          'Totalt registrerade sig 1600 handläggare/experter till webcasten som täckte ämnen som ”Vad är återvändanderådgivning?”, ”Kvinnliga migranter”, ”Återvändande och återintegrering av ensamkommande barn” och ”Hållbar återintegrering i Irak”.',
        ),
      },
    ],
    engagements: [
      ...([
        ['Vad är återvändanderådgivning?', 'What is return counselling?'],
        ['Kvinnliga migranter', 'Female migrants'],
        ['Återvändande och återintegrering av ensamkommande barn', 'Return and reintegration of unaccompanied children'],
        ['Hållbar återintegrering i Irak', 'Sustainable reintegration in Iraq'],
      ] as const).map(([sv, en]) => ({
        kind: 'webcast' as const,
        topic: { sv, en },
        provenance: p('Totalt registrerade sig 1600 handläggare/experter till webcasten som täckte ämnen som ”Vad är återvändanderådgivning?”, ”Kvinnliga migranter”, ”Återvändande och återintegrering av ensamkommande barn” och ”Hållbar återintegrering i Irak”.'),
      })),
      {
        // The page gives registrations and the countries featured for the webcast as a whole, not per topic.
        kind: 'webcast',
        title: { sv: 'T2C:s webcast, samtliga sändningar', en: 'T2C webcast, all broadcasts' },
        registrations: 1600,
        countriesFeatured: ['SN', 'AL', 'BE', 'FR', 'DK', 'PK'],
        provenance: p(
          'Totalt registrerade sig 1600 handläggare/experter till webcasten som täckte ämnen som ”Vad är återvändanderådgivning?”, ”Kvinnliga migranter”, ”Återvändande och återintegrering av ensamkommande barn” och ”Hållbar återintegrering i Irak”.',
          'Reportage spelades in i, och visades från länder såsom Senegal, Albanien, Belgien, Frankrike, Danmark och Pakistan.',
        ),
      },
      {
        kind: 'webinar',
        title: { sv: 'Interaktiva webinarier', en: 'Interactive webinars' },
        provenance: p('T2C hade tre olika format - webcasts, interaktiva webinarier och podcasts.'),
      },
      {
        kind: 'podcast',
        title: { sv: 'Podcasts', en: 'Podcasts' },
        provenance: p('T2C hade tre olika format - webcasts, interaktiva webinarier och podcasts.'),
      },
    ],
    provenance: [
      f('title', 'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C).'),
      f('kind', 'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C).'),
      f('status', 'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C).'),
      f('dates', 'Under perioden december 2022 till december 2023 implementerade Sverige som ledande stat projektet Talk2Connect (T2C).'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 5. MAVRRI
  {
    slug: 'mavrri',
    iatiIdentifier: id('MAVRRI'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'Multiparty Approaches to Voluntary Return and Reintegration Information',
        acronym: 'MAVRRI',
        summary: 'Detta var ett svenskt projekt med ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande.',
        description: 'MAVRRI project, Multiparty Approaches to Voluntary Return and Reintegration Information. Detta var ett svenskt projekt med ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande. Ett annat syfte med projektet var en ökad involvering och ett utökat samarbete mellan externa aktörer som arbetar med Assisted Voluntary Return and Reintegration (AVRR). Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty. Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).',
        objectives: 'Ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande. Ett annat syfte med projektet var en ökad involvering och ett utökat samarbete mellan externa aktörer som arbetar med Assisted Voluntary Return and Reintegration (AVRR).',
      },
      en: {
        title: 'Multiparty Approaches to Voluntary Return and Reintegration Information',
        acronym: 'MAVRRI',
        summary: 'This was a Swedish project with the overall goal of increasing prior knowledge of the support available for voluntary return.',
        description: 'MAVRRI project, Multiparty Approaches to Voluntary Return and Reintegration Information. This was a Swedish project with the overall goal of increasing prior knowledge of the support available for voluntary return. Another purpose of the project was greater involvement of, and wider cooperation between, external actors working with Assisted Voluntary Return and Reintegration (AVRR). The Swedish Migration Agency cooperated with the Nordic countries Norway and Finland and with civil society organisations including the Swedish Red Cross, Stadsmissionen, the Church of Sweden and Amnesty. The project ran from 1 July 2021 to 15 June 2022 and was funded by the Dutch Asylum, Migration and Integration Fund (AMIF) within the European Return and Reintegration Network (ERRIN) programme.',
        objectives: 'The overall goal was to increase prior knowledge of the support available for voluntary return. Another purpose was greater involvement of, and wider cooperation between, external actors working with Assisted Voluntary Return and Reintegration (AVRR).',
      },
    },
    dates: { actual: '1 juli 2021–15 juni 2022' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan kallar det ett svenskt projekt där Migrationsverket samarbetade med de övriga; att Migrationsverket ledde är vår läsning.',
          en: 'The page calls it a Swedish project in which the agency cooperated with the others; that the agency led it is our reading.',
        },
        provenance: p('Detta var ett svenskt projekt med ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande.'),
      },
      ...(['norge', 'finland', 'svenska-roda-korset', 'stadsmissionen', 'svenska-kyrkan', 'amnesty'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        provenance: p('Migrationsverket samarbetade med de nordiska länderna Norge och Finland och civila samhällsorganisationer som bland annat Svenska Röda korset, Stadsmissionen, Svenska kyrkan, Amnesty.'),
      })),
      {
        organisation: 'nederlanderna', role: 'funder',
        note: {
          sv: 'Finansierat av Nederländernas AMIF-medel inom ERRIN-programmet.',
          en: 'Funded from the Netherlands\' AMIF allocation within the ERRIN programme.',
        },
        provenance: p('Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).'),
      },
    ],
    funding: [
      {
        instrument: 'eu-amif', funder: 'nederlanderna',
        note: {
          sv: 'Nederländska Asyl-, migrations- och integrationsfonden (AMIF), inom programmet ERRIN.',
          en: 'The Dutch Asylum, Migration and Integration Fund (AMIF), within the ERRIN programme.',
        },
        provenance: p('Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).'),
      },
    ],
    relations: [
      {
        type: 'part-of',
        target: { external: { name: { sv: 'Programmet European Return and Reintegration Network (ERRIN)', en: 'European Return and Reintegration Network (ERRIN) programme' }, organisation: 'errin' } },
        basis: 'stated',
        provenance: p('Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('Ett annat syfte med projektet var en ökad involvering och ett utökat samarbete mellan externa aktörer som arbetar med Assisted Voluntary Return and Reintegration (AVRR).') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Detta var ett svenskt projekt med ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande.') },
    ],
    provenance: [
      f('title', 'MAVRRI project, Multiparty Approaches to Voluntary Return and Reintegration Information.'),
      f('kind', 'Detta var ett svenskt projekt med ett övergripande mål att öka förkunskapen om stöd till frivilligt återvändande.'),
      f('status', 'Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).'),
      f('dates', 'Projektet pågick 1 juli 2021–15 juni 2022 och finansierades av Nederländska Asyl-, migrations och integrationsfonden (AMIF) inom programmet European Return and Reintegration Network (ERRIN).'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 6. Planned visa training programme (no name on the page; stale plan for 2022)
  {
    slug: 'visa-training-programme',
    iatiIdentifier: id('VISA-TRAINING'),
    kind: 'project',
    status: 'pipeline',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Utbildningsprogram för visumhandläggning',
        summary: 'Migrationsverket tittar på möjligheterna för att tillsammans med ett antal medlemsstater i EU ta fram ett utbildningsprogram för personer som arbetar med att ta emot, registrera och besluta kring visumansökningar.',
        description: 'Migrationsverket tittar på möjligheterna för att tillsammans med ett antal medlemsstater i EU ta fram ett utbildningsprogram för personer som arbetar med att ta emot, registrera och besluta kring visumansökningar. Preliminär projektstart är under 2022.',
        objectives: 'Att tillsammans med ett antal medlemsstater i EU ta fram ett utbildningsprogram för personer som arbetar med att ta emot, registrera och besluta kring visumansökningar.',
      },
      en: {
        title: 'Training programme for visa processing staff',
        summary: 'The Swedish Migration Agency is looking into the possibilities of developing, together with a number of EU member states, a training programme for people who work on receiving, registering and deciding on visa applications.',
        description: 'The Swedish Migration Agency is looking into the possibilities of developing, together with a number of EU member states, a training programme for people who work on receiving, registering and deciding on visa applications. The preliminary project start is in 2022.',
        objectives: 'To develop, together with a number of EU member states, a training programme for people who work on receiving, registering and deciding on visa applications.',
      },
    },
    dates: { plannedStart: 'under 2022' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Migrationsverket tar initiativet; de medlemsstater som skulle delta namnges inte.',
          en: 'The agency is the initiator; the member states that would take part are not named.',
        },
        provenance: p('Migrationsverket tittar på möjligheterna för att tillsammans med ett antal medlemsstater i EU ta fram ett utbildningsprogram för personer som arbetar med att ta emot, registrera och besluta kring visumansökningar.'),
      },
    ],
    relations: [
      {
        type: 'succeeded-by',
        target: { activity: 'vct-project' },
        basis: 'assessed',
        note: {
          sv: 'Vår läsning, inte sidans ord: planen (utbildning för visumhandläggare tillsammans med EU-medlemsstater, start under 2022) motsvarar VCT Project, som började i september 2022.',
          en: 'Our reading, not the page\'s words: the plan (training for visa staff with EU member states, starting in 2022) matches the VCT Project, which started in September 2022.',
        },
        provenance: p(
          'Preliminär projektstart är under 2022.',
          'Projektet började september 2022 och förväntas pågå till december 2024.',
        ),
      },
    ],
    provenance: [
      f('kind', 'Preliminär projektstart är under 2022.'),
      f('status', 'Migrationsverket tittar på möjligheterna för att tillsammans med ett antal medlemsstater i EU ta fram ett utbildningsprogram för personer som arbetar med att ta emot, registrera och besluta kring visumansökningar.'),
      f('dates', 'Preliminär projektstart är under 2022.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 7. Planned pre-study on asylum and protection in Turkey, gender-based violence (no name; stale plan)
  {
    slug: 'turkey-gbv-pre-study',
    iatiIdentifier: id('TR-GBV-PRESTUDY'),
    kind: 'pre-study',
    status: 'pipeline',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld',
        summary: 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.',
        description: 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld. Om förstudien leder till ett projekt kommer det att inledas under 2022.',
      },
      en: {
        title: 'Pre-study on strengthened asylum and protection work in Turkey with a focus on gender-based violence',
        summary: 'In autumn 2021 the Swedish Migration Agency is to carry out a pre-study on strengthened asylum and protection work in Turkey with a focus on gender-based violence.',
        description: 'In autumn 2021 the Swedish Migration Agency is to carry out a pre-study on strengthened asylum and protection work in Turkey with a focus on gender-based violence. If the pre-study leads to a project, it will start in 2022.',
      },
    },
    dates: { planned: 'hösten 2021' },
    countries: [{ code: 'TR' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'),
      },
    ],
    alignment: [
      { framework: 'sdg-target', code: '5.2', basis: 'assessed', provenance: p('Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.') },
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.') },
    ],
    provenance: [
      f('kind', 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'),
      f('status', 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'),
      f('dates', 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'),
      f('countries', 'Under hösten 2021 ska Migrationsverket genomföra en förstudie om stärkt asyl- och skyddsarbete i Turkiet med fokus på genusrelaterat våld.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 8. EU Twinning project in Serbia, 2019–2022
  {
    slug: 'eu-twinning-serbia-2019',
    iatiIdentifier: id('RS-TWINNING-2019'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'EU-Twinning projektet',
        summary: 'EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.',
        description: [
          'EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.',
          'Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000. Sida har täckt viss finansiering för ansöknings- och kontraktskrivningsfasen, då EU täcker endast kostnader för implementeringsfasen av projektet.',
          'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU. Genom Twinning projektets resultat har Sverige bidragit till såväl reformer inom offentlig förvaltning och Serbiens närmande till EU, som till en demokratisk utveckling och ökad respekt för mänskliga rättigheter i Serbien. Under projektperiod har 66 expertuppdrag genomförts, i nära och mycket bra samarbete mellan med serbiska experter från flyktingkommissariatet samt inrikesministeriet i Serbien. Expertisen till dessa 66 expertuppdrag har kommit huvudsakligen från Migrationsverket, men även från de holländska och slovenska migrationsmyndigheterna.',
          'Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.',
          'EU-Twinning projektet finansierades genom EU:s IPA-medel (Instrument for Pre-Accession) som Europeiska unionen tillhandahåller för stöd till kandidatländer och potentiella kandidatländer i anpassningsprocessen. Syftet är att stödja mottagarlandet i arbetet med att uppfylla kriterierna för medlemskap eller att underlätta samarbete mellan EU och mottagarlandet.',
        ].join('\n\n'),
        objectives: 'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU.',
      },
      en: {
        title: 'EU Twinning project',
        summary: 'The EU Twinning project, a capacity-building project, was carried out by a consortium of the Swedish Migration Agency (lead project partner), the Netherlands\' Immigration and Naturalization Service (junior project partner) and Slovenia\'s Ministry of the Interior (junior project partner), in close cooperation with the Serbian Commissariat for Refugees and Migration (beneficiary partner) in Belgrade, Serbia.',
        description: [
          'The EU Twinning project, a capacity-building project, has been carried out by a consortium consisting of the Swedish Migration Agency (lead project partner), the Netherlands\' Immigration and Naturalization Service (junior project partner) and Slovenia\'s Ministry of the Interior (junior project partner), in close cooperation with the Serbian Commissariat for Refugees and Migration (beneficiary partner) in Belgrade, Serbia.',
          'The project ran from 7 October 2019 to 6 January 2022 and was funded by the EU with EUR 1,000,000. Sida covered some of the funding for the application and contracting phase, as the EU covers only the costs of the implementation phase of the project.',
          'The purpose of the project was to support the Serbian migration authorities in developing the country\'s asylum and migration policy ahead of accession to the EU. Through the results of the Twinning project, Sweden has contributed both to reforms in public administration and to Serbia\'s approximation to the EU, and to democratic development and greater respect for human rights in Serbia. During the project period, 66 expert missions were carried out, in close and very good cooperation with Serbian experts from the Commissariat for Refugees and Migration and the Ministry of the Interior of Serbia. The expertise for these 66 expert missions came mainly from the Swedish Migration Agency, but also from the Dutch and Slovenian migration authorities.',
          'In concrete terms, the project has resulted in, among other things, drafts of two new migration laws harmonised with EU norms and legislation (Law of Employment of foreigners and Law of foreigners), an action plan for a new EU fund system in Serbia, the development of the Commissariat\'s crisis preparedness system (early warning system), strengthened Serbian networking with the EU, exchange of experience, and further harmonisation of working methods and the like with the Union\'s common rules.',
          'The EU Twinning project was funded through the EU\'s IPA funds (Instrument for Pre-Accession), which the European Union provides to support candidate countries and potential candidate countries in the alignment process. The aim is to support the beneficiary country in meeting the criteria for membership or to facilitate cooperation between the EU and the beneficiary country.',
        ].join('\n\n'),
        objectives: 'To support the Serbian migration authorities in developing the country\'s asylum and migration policy ahead of accession to the EU.',
      },
    },
    dates: { actual: '7 oktober 2019 – 6 januari 2022' },
    countries: [{ code: 'RS' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
      },
      ...(['netherlands-ind', 'slovenia-ministry-interior'] as const).map((organisation) => ({
        organisation, role: 'junior-partner' as const,
        provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
      })),
      {
        organisation: 'serbia-commissariat-refugees-migration', role: 'beneficiary',
        provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
      },
      {
        organisation: 'serbia-ministry-interior', role: 'stakeholder',
        note: {
          sv: 'Experter från inrikesministeriet deltog i expertuppdragen; sidan ger ministeriet ingen formell roll i projektet.',
          en: 'Experts from the Ministry took part in the expert missions; the page gives the Ministry no formal role in the project.',
        },
        provenance: p('Under projektperiod har 66 expertuppdrag genomförts, i nära och mycket bra samarbete mellan med serbiska experter från flyktingkommissariatet samt inrikesministeriet i Serbien.'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000.'),
      },
      {
        organisation: 'sida', role: 'funder',
        note: { sv: 'Viss finansiering för ansöknings- och kontraktskrivningsfasen.', en: 'Some funding for the application and contracting phase.' },
        provenance: p('Sida har täckt viss finansiering för ansöknings- och kontraktskrivningsfasen, då EU täcker endast kostnader för implementeringsfasen av projektet.'),
      },
    ],
    funding: [
      {
        instrument: 'eu-ipa', funder: 'european-union',
        note: { sv: 'EU täcker endast kostnader för implementeringsfasen.', en: 'The EU covers only the costs of the implementation phase.' },
        flows: [{ kind: 'budget', amount: '1000000.00', currency: 'EUR', valueDate: '2019-10-07' }],
        provenance: p(
          'Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000.',
          'EU-Twinning projektet finansierades genom EU:s IPA-medel (Instrument for Pre-Accession) som Europeiska unionen tillhandahåller för stöd till kandidatländer och potentiella kandidatländer i anpassningsprocessen.',
        ),
      },
      {
        instrument: 'sida', funder: 'sida',
        note: {
          sv: 'Viss finansiering för ansöknings- och kontraktskrivningsfasen; belopp anges inte.',
          en: 'Some funding for the application and contracting phase; no amount is given.',
        },
        provenance: p('Sida har täckt viss finansiering för ansöknings- och kontraktskrivningsfasen, då EU täcker endast kostnader för implementeringsfasen av projektet.'),
      },
    ],
    relations: [
      {
        type: 'succeeded-by',
        target: { activity: 'western-balkans-migration-academy' },
        basis: 'assessed',
        note: {
          sv: 'Vår läsning, inte sidans ord: samma serbiska partner (flyktingkommissariatet) och samma syfte, Serbiens migrationsförvaltning inför EU-inträdet.',
          en: 'Our reading, not the page\'s words: the same Serbian partner (the Commissariat for Refugees and Migration) and the same aim, Serbia\'s migration administration ahead of EU accession.',
        },
        provenance: p(
          'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU.',
          'Migrationsverket kommer att tillsammans med Serbiens Kommissariat för flyktingar och migration och EU-delegationen i Serbien att genomföra ett projekt kring utveckling av en regional digital Migrationsakademi, gemensam för Västra Balkans¹ kandidatländer, som syftar till ökat regionalt samarbete mellan migrationsmyndigheter längs Västra Balkan rutten för både gemensam hantering av migrationstrycket på Västra Balkan och gemensamma initiativ i anslutningsprocessen till EU.',
        ),
      },
    ],
    alignment: [
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Genom Twinning projektets resultat har Sverige bidragit till såväl reformer inom offentlig förvaltning och Serbiens närmande till EU, som till en demokratisk utveckling och ökad respekt för mänskliga rättigheter i Serbien.') },
      { framework: 'sdg-target', code: '17.9', basis: 'assessed', provenance: p('EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU.') },
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU.') },
    ],
    keyFigures: [
      {
        value: 66,
        unit: { sv: 'expertuppdrag', en: 'expert missions' },
        label: { sv: 'Expertuppdrag under projektperioden', en: 'Expert missions during the project period' },
        asOf: '6 januari 2022',
        cumulative: true,
        provenance: p('Under projektperiod har 66 expertuppdrag genomförts, i nära och mycket bra samarbete mellan med serbiska experter från flyktingkommissariatet samt inrikesministeriet i Serbien.'),
      },
      {
        value: 1_000_000,
        unit: { sv: 'euro', en: 'euros' },
        currency: 'EUR',
        label: { sv: 'EU-finansiering', en: 'EU funding' },
        asOf: '6 januari 2022',
        provenance: p('Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000.'),
      },
      {
        value: 2,
        unit: { sv: 'förslag till nya migrationslagar', en: 'draft new migration laws' },
        label: { sv: 'Lagförslag harmoniserade med EU:s regelverk', en: 'Draft laws harmonised with EU legislation' },
        asOf: '6 januari 2022',
        cumulative: true,
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'Förslag till två nya migrationslagar harmoniserade med EU:s regelverk (Law of Employment of foreigners och Law of foreigners)',
          en: 'Drafts of two new migration laws harmonised with EU legislation (Law of Employment of foreigners and Law of foreigners)',
        },
        indicators: [
          {
            title: { sv: 'Antal lagförslag', en: 'Number of draft laws' },
            measure: 'unit',
            periods: [{ start: '2019-10-07', end: '2022-01-06', actual: '2' }],
          },
        ],
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
      {
        type: 'output',
        title: { sv: 'Handlingsplan för nytt EU-fondsystem i Serbien', en: 'Action plan for a new EU fund system in Serbia' },
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
      {
        type: 'output',
        title: {
          sv: 'Flyktingkommissariatets krisberedskapssystem (early warning system) utvecklat',
          en: 'The Commissariat\'s crisis preparedness system (early warning system) developed',
        },
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
      {
        type: 'outcome',
        title: { sv: 'Förstärkt serbiskt nätverkssamarbete med EU', en: 'Strengthened Serbian networking with the EU' },
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
      {
        type: 'outcome',
        title: {
          sv: 'Erfarenhetsutbyte och harmonisering av arbetsmetoder med unionens gemensamma regelverk',
          en: 'Exchange of experience and harmonisation of working methods with the Union\'s common rules',
        },
        provenance: p('Konkret har projektet resulterat i bl.a. förslag till två nya migrationslagar, harmoniserade till EU:s normer och regelverk lagstiftningar (Law of Employment of foreigners samt Law of foreigners), handlingsplan för nytt EU Fondsystem i Serbien, utveckling av flyktingkommissariatets krisberedskaps system (early warning system), förstärkning av det serbiska nätverkssamarbetet med EU, erfarenhetsutbyte samt övrig harmonisering av arbetsmetoder mm till unionens gemensamma regelverk.'),
      },
      {
        type: 'outcome',
        title: {
          sv: 'Bidrag till reformer inom offentlig förvaltning, Serbiens närmande till EU, demokratisk utveckling och ökad respekt för mänskliga rättigheter',
          en: 'Contribution to public administration reform, Serbia\'s approximation to the EU, democratic development and greater respect for human rights',
        },
        provenance: p('Genom Twinning projektets resultat har Sverige bidragit till såväl reformer inom offentlig förvaltning och Serbiens närmande till EU, som till en demokratisk utveckling och ökad respekt för mänskliga rättigheter i Serbien.'),
      },
    ],
    engagements: [
      {
        kind: 'expert-mission',
        title: { sv: 'Expertuppdrag', en: 'Expert missions' },
        count: 66,
        homeOrganisations: ['migrationsverket', 'netherlands-ind', 'slovenia-ministry-interior'],
        provenance: p(
          'Under projektperiod har 66 expertuppdrag genomförts, i nära och mycket bra samarbete mellan med serbiska experter från flyktingkommissariatet samt inrikesministeriet i Serbien.',
          'Expertisen till dessa 66 expertuppdrag har kommit huvudsakligen från Migrationsverket, men även från de holländska och slovenska migrationsmyndigheterna.',
        ),
      },
    ],
    provenance: [
      f('title', 'EU-Twinning projektet finansierades genom EU:s IPA-medel (Instrument for Pre-Accession) som Europeiska unionen tillhandahåller för stöd till kandidatländer och potentiella kandidatländer i anpassningsprocessen.'),
      f('kind', 'EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
      f('status', 'Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000.'),
      f('dates', 'Projektet varade 7 oktober 2019 – 6 januari 2022 och finansierades av EU EUR 1.000.000.'),
      f('countries', 'EU-Twinning projektet som var ett kapacitetsuppbyggande projekt, har genomförts av ett konsortium bestående av Migrationsverket (ledande projektpartner), Nederländernas Immigration and Naturalization Service, (junior projektpartner) och Sloveniens Ministry of the Interior (junior projektpartner) i nära samarbete med det serbiska flyktingkommissariatet (mottagarpartner) i Belgrad, Serbien.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 9. Twinning: Support to preparation for participation in EUROSUR network and EURODAC system
  {
    slug: 'eurosur-eurodac-twinning',
    iatiIdentifier: id('RS-EUROSUR-EURODAC'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'Support to preparation for participation in EUROSUR network and EURODAC system',
        summary: 'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.',
        description: [
          'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.',
          'Sveriges och Migrationsverkets insatser berörde arbetet med EURODAC och Dublinförordningen. Arbetet har syftat till att förbereda Serbien för anslutning till EURODAC (EU:s gemensamma fingeravtryckssystem för asylsökande och irreguljära migranter) genom en rad insatser på det tekniska, organisatoriska och juridiska området. Även ett utbildningsprogram arbetades fram för att öka förståelse för förordningarna bland handläggare, beslutsfattare och chefer. En rad studiebesök genomfördes till olika Medlemsstater, däribland även Sverige där serbiska tjänstemän fick se hur processen från registrering till ett Dublinärende går till i praktiken.',
          'Twinningprojektet finansierades genom EU:s IPA-medel (Instrumentt for Preaccession, så kallat föranslutningsstöd). Europeiska unionen tillhandahåller stödet sedan 2007 till kandidatländer och potentiella kandidatländer för att de ska kunna förbereda sig och anpassa sig till det kommande medlemskapet i unionen.',
        ].join('\n\n'),
        objectives: 'Arbetet har syftat till att förbereda Serbien för anslutning till EURODAC (EU:s gemensamma fingeravtryckssystem för asylsökande och irreguljära migranter) genom en rad insatser på det tekniska, organisatoriska och juridiska området.',
      },
      en: {
        title: 'Support to preparation for participation in EUROSUR network and EURODAC system',
        summary: 'From 2020 to 2022 Sweden, as lead state, ran the twinning project “Support to preparation for participation in EUROSUR network and EURODAC system” through the Swedish Migration Agency, together with Lithuania\'s border guard authority.',
        description: [
          'From 2020 to 2022 Sweden, as lead state, ran the twinning project “Support to preparation for participation in EUROSUR network and EURODAC system” through the Swedish Migration Agency, together with Lithuania\'s border guard authority.',
          'The contribution of Sweden and the Swedish Migration Agency concerned the work on EURODAC and the Dublin Regulation. The work aimed to prepare Serbia for joining EURODAC (the EU\'s common fingerprint system for asylum seekers and irregular migrants) through a series of measures in the technical, organisational and legal fields. A training programme was also developed to increase understanding of the regulations among caseworkers, decision-makers and managers. A series of study visits were made to various member states, including Sweden, where Serbian officials saw how the process from registration to a Dublin case works in practice.',
          'The twinning project was funded through the EU\'s IPA funds (Instrument for Pre-accession, known as pre-accession assistance). The European Union has provided this support since 2007 to candidate countries and potential candidate countries so that they can prepare for and adapt to future membership of the Union.',
        ].join('\n\n'),
        objectives: 'To prepare Serbia for joining EURODAC (the EU\'s common fingerprint system for asylum seekers and irregular migrants) through a series of measures in the technical, organisational and legal fields.',
      },
    },
    dates: { actual: '2020-2022' },
    countries: [{ code: 'RS' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sverige var ledande stat, genom Migrationsverket.',
          en: 'Sweden was the lead state, through the agency.',
        },
        provenance: p('Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      },
      {
        organisation: 'lithuania-border-guard', role: 'partner',
        provenance: p('Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Twinningprojektet finansierades genom EU:s IPA-medel (Instrumentt for Preaccession, så kallat föranslutningsstöd).'),
      },
    ],
    funding: [
      {
        instrument: 'eu-ipa', funder: 'european-union',
        provenance: p('Twinningprojektet finansierades genom EU:s IPA-medel (Instrumentt for Preaccession, så kallat föranslutningsstöd).'),
      },
    ],
    alignment: [
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Arbetet har syftat till att förbereda Serbien för anslutning till EURODAC (EU:s gemensamma fingeravtryckssystem för asylsökande och irreguljära migranter) genom en rad insatser på det tekniska, organisatoriska och juridiska området.') },
      { framework: 'gcm', code: '12', basis: 'assessed', provenance: p('En rad studiebesök genomfördes till olika Medlemsstater, däribland även Sverige där serbiska tjänstemän fick se hur processen från registrering till ett Dublinärende går till i praktiken.') },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'Utbildningsprogram om förordningarna för handläggare, beslutsfattare och chefer',
          en: 'Training programme on the regulations for caseworkers, decision-makers and managers',
        },
        provenance: p('Även ett utbildningsprogram arbetades fram för att öka förståelse för förordningarna bland handläggare, beslutsfattare och chefer.'),
      },
    ],
    engagements: [
      {
        kind: 'study-visit',
        title: { sv: 'Studiebesök till olika medlemsstater', en: 'Study visits to various member states' },
        provenance: p('En rad studiebesök genomfördes till olika Medlemsstater, däribland även Sverige där serbiska tjänstemän fick se hur processen från registrering till ett Dublinärende går till i praktiken.'),
      },
      {
        kind: 'study-visit',
        title: { sv: 'Studiebesök i Sverige', en: 'Study visit to Sweden' },
        topic: {
          sv: 'Processen från registrering till ett Dublinärende i praktiken',
          en: 'The process from registration to a Dublin case in practice',
        },
        place: { sv: 'Sverige', en: 'Sweden' },
        provenance: p('En rad studiebesök genomfördes till olika Medlemsstater, däribland även Sverige där serbiska tjänstemän fick se hur processen från registrering till ett Dublinärende går till i praktiken.'),
      },
    ],
    provenance: [
      f('title', 'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      f('kind', 'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      f('status', 'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      f('dates', 'Mellan 2020-2022 drev Sverige som ledande stat, genom Migrationsverket tillsammans med Litauens gränspolismyndighet twinningprojektet ”Support to preparation for participation in EUROSUR network and EURODAC system”.'),
      f('countries', 'Arbetet har syftat till att förbereda Serbien för anslutning till EURODAC (EU:s gemensamma fingeravtryckssystem för asylsökande och irreguljära migranter) genom en rad insatser på det tekniska, organisatoriska och juridiska området.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 10. ERRIN-SRA
  {
    slug: 'errin-sra',
    iatiIdentifier: id('ERRIN-SRA'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'European Return and Reintegration Network – Sustainable Reintegration in Afghanistan',
        acronym: 'ERRIN-SRA',
        summary: 'Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.',
        description: 'Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa. Under 2020 har projektet skapat och implementerat ett nytt koncept för hjälp med att starta eget företag och genomfört attitydförändrande arbete kring synen på återvändande i det afghanska civilsamhället. Projektet har spridit information direkt från projektets personal i Afghanistan till handläggare på Migrationsverket och europeiska migrationsmyndigheter. Projektet finansierades av den europeiska Asyl-, migrations- och integrationsfonden (AMIF) och bedrevs mellan november 2019 och juni 2021.',
        objectives: 'Projektet syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.',
      },
      en: {
        title: 'European Return and Reintegration Network – Sustainable Reintegration in Afghanistan',
        acronym: 'ERRIN-SRA',
        summary: 'The project European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) aimed to improve, in the long term, the prospects of re-establishment for Afghan nationals returning from Europe.',
        description: 'The project European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) aimed to improve, in the long term, the prospects of re-establishment for Afghan nationals returning from Europe. In 2020 the project created and implemented a new concept for helping people start their own businesses, and carried out work within Afghan civil society to change attitudes towards return. The project passed information directly from its staff in Afghanistan to caseworkers at the Swedish Migration Agency and at European migration authorities. The project was funded by the European Asylum, Migration and Integration Fund (AMIF) and ran between November 2019 and June 2021.',
        objectives: 'To improve, in the long term, the prospects of re-establishment for Afghan nationals returning from Europe.',
      },
    },
    dates: { actual: 'mellan november 2019 och juni 2021' },
    countries: [{ code: 'AF' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'stakeholder',
        note: {
          sv: 'Sidan säger inte vilken roll Migrationsverket hade, bara att projektet förmedlade information till Migrationsverkets handläggare.',
          en: 'The page does not say what role the agency had, only that the project passed information to the agency\'s caseworkers.',
        },
        provenance: p('Projektet har spridit information direkt från projektets personal i Afghanistan till handläggare på Migrationsverket och europeiska migrationsmyndigheter.'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Projektet finansierades av den europeiska Asyl-, migrations- och integrationsfonden (AMIF) och bedrevs mellan november 2019 och juni 2021.'),
      },
    ],
    funding: [
      {
        instrument: 'eu-amif', funder: 'european-union',
        provenance: p('Projektet finansierades av den europeiska Asyl-, migrations- och integrationsfonden (AMIF) och bedrevs mellan november 2019 och juni 2021.'),
      },
    ],
    relations: [
      {
        type: 'part-of',
        target: { external: { name: { sv: 'European Return and Reintegration Network (ERRIN)', en: 'European Return and Reintegration Network (ERRIN)' }, organisation: 'errin' } },
        basis: 'assessed',
        note: {
          sv: 'Vår läsning av projektets namn; sidan säger inte i ord att projektet ingick i ERRIN.',
          en: 'Our reading of the project\'s name; the page does not say in words that the project was part of ERRIN.',
        },
        provenance: p('Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.') },
      { framework: 'aim', code: '3', basis: 'assessed', provenance: p('Under 2020 har projektet skapat och implementerat ett nytt koncept för hjälp med att starta eget företag och genomfört attitydförändrande arbete kring synen på återvändande i det afghanska civilsamhället.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.') },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'Nytt koncept för hjälp med att starta eget företag, skapat och implementerat under 2020',
          en: 'New concept for help with starting one\'s own business, created and implemented in 2020',
        },
        provenance: p('Under 2020 har projektet skapat och implementerat ett nytt koncept för hjälp med att starta eget företag och genomfört attitydförändrande arbete kring synen på återvändande i det afghanska civilsamhället.'),
      },
      {
        type: 'output',
        title: {
          sv: 'Attitydförändrande arbete kring synen på återvändande i det afghanska civilsamhället',
          en: 'Work within Afghan civil society to change attitudes towards return',
        },
        provenance: p('Under 2020 har projektet skapat och implementerat ett nytt koncept för hjälp med att starta eget företag och genomfört attitydförändrande arbete kring synen på återvändande i det afghanska civilsamhället.'),
      },
      {
        type: 'output',
        title: {
          sv: 'Information direkt från projektets personal i Afghanistan till handläggare på Migrationsverket och europeiska migrationsmyndigheter',
          en: 'Information passed directly from project staff in Afghanistan to caseworkers at the agency and European migration authorities',
        },
        provenance: p('Projektet har spridit information direkt från projektets personal i Afghanistan till handläggare på Migrationsverket och europeiska migrationsmyndigheter.'),
      },
    ],
    provenance: [
      f('title', 'Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.'),
      f('kind', 'Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.'),
      f('status', 'Projektet finansierades av den europeiska Asyl-, migrations- och integrationsfonden (AMIF) och bedrevs mellan november 2019 och juni 2021.'),
      f('dates', 'Projektet finansierades av den europeiska Asyl-, migrations- och integrationsfonden (AMIF) och bedrevs mellan november 2019 och juni 2021.'),
      f('countries', 'Projektet European Return and Reintegration Network – Sustainable Reintegration in Afghanistan (ERRIN-SRA) syftade till att långsiktigt förbättra möjligheterna för återetablering för afghanska medborgare som återvänder från Europa.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 11. Resettlement project (no name on the page)
  {
    slug: 'resettlement-project',
    iatiIdentifier: id('RESETTLEMENT'),
    kind: 'project',
    status: 'closed',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Vidarebosättningsprojekt med Belgien, Italien, Nederländerna och Schweiz',
        summary: 'Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz. Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt.',
        description: [
          'Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz. EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.',
          'Finansieringen av programmet kom till övervägande del från EU:s Asyl-, migrations- och integrationsfond (AMIF särskilda åtgärder).',
          'Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt. Projektet syftade till att öka EU-staters operativa förutsättningar för att genomföra vidarebosättning.',
          'Projektet bedrevs under fem år och avslutades den 31 december 2020.',
        ].join('\n\n'),
        objectives: 'Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt. Projektet syftade till att öka EU-staters operativa förutsättningar för att genomföra vidarebosättning.',
      },
      en: {
        title: 'Resettlement project with Belgium, Italy, the Netherlands and Switzerland',
        summary: 'A resettlement project led by the Swedish Migration Agency together with the partner countries Belgium, Italy, the Netherlands and Switzerland. The project\'s goal was to enable more people to gain access to protection in the EU in a safe and well-functioning way.',
        description: [
          'A resettlement project led by the Swedish Migration Agency together with the partner countries Belgium, Italy, the Netherlands and Switzerland. The EU asylum agency EUAA (then EASO), the UN refugee agency UNHCR, the International Organisation for Migration (IOM), the International Catholic Migration Commission (ICMC) and the Migration Policy Institute (MPI) were also important stakeholders and partners in the project.',
          'The programme\'s funding came predominantly from the EU\'s Asylum, Migration and Integration Fund (AMIF Specific Actions).',
          'The project\'s goal was to enable more people to gain access to protection in the EU in a safe and well-functioning way. The project aimed to increase EU states\' operational capacity to carry out resettlement.',
          'The project ran for five years and ended on 31 December 2020.',
        ].join('\n\n'),
        objectives: 'To enable more people to gain access to protection in the EU in a safe and well-functioning way, and to increase EU states\' operational capacity to carry out resettlement.',
      },
    },
    dates: { actual: 'fem år, avslutades den 31 december 2020' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
      },
      ...(['belgien', 'italien', 'nederlanderna', 'schweiz'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        provenance: p('Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
      })),
      ...(['euaa', 'unhcr', 'iom', 'icmc', 'mpi'] as const).map((organisation) => ({
        organisation, role: 'stakeholder' as const,
        note: { sv: 'Sidan kallar dem viktiga intressenter och partners.', en: 'The page calls them important stakeholders and partners.' },
        provenance: p('EU:s asylbyrå EUAA (då EASO), FN:s flyktingorgan UNHCR, International Organisation for Migration (IOM), International Catholic Migration Commission (ICMC) och Migration Policy Institute (MPI) var också viktiga intressenter och partners i projektet.'),
      })),
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Finansieringen av programmet kom till övervägande del från EU:s Asyl-, migrations- och integrationsfond (AMIF särskilda åtgärder).'),
      },
    ],
    funding: [
      {
        instrument: 'eu-amif-specific-actions', funder: 'european-union',
        note: {
          sv: 'Till övervägande del; övrig finansiering anges inte.',
          en: 'Predominantly; the rest of the funding is not stated.',
        },
        provenance: p('Finansieringen av programmet kom till övervägande del från EU:s Asyl-, migrations- och integrationsfond (AMIF särskilda åtgärder).'),
      },
    ],
    alignment: [
      { framework: 'gcr', code: '3', basis: 'assessed', provenance: p('Projektet syftade till att öka EU-staters operativa förutsättningar för att genomföra vidarebosättning.') },
      { framework: 'gcm', code: '5', basis: 'assessed', provenance: p('Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt.') },
      { framework: 'aim', code: '1', basis: 'assessed', provenance: p('Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektets mål var att möjliggöra för fler personer att få tillgång till skydd i EU på ett säkert och välfungerande sätt.') },
    ],
    keyFigures: [
      {
        value: 5,
        unit: { sv: 'år', en: 'years' },
        label: { sv: 'Projektets längd', en: 'Project duration' },
        asOf: '31 december 2020',
        provenance: p('Projektet bedrevs under fem år och avslutades den 31 december 2020.'),
      },
    ],
    provenance: [
      f('kind', 'Ett vidarebosättningsprojekt som leddes av Migrationsverket tillsammans med partnerländerna Belgien, Italien, Nederländerna och Schweiz.'),
      f('status', 'Projektet bedrevs under fem år och avslutades den 31 december 2020.'),
      f('dates', 'Projektet bedrevs under fem år och avslutades den 31 december 2020.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 12. Promoting Turkish Compliance … (cooperation with DGMM since 2014)
  {
    slug: 'turkey-compliance',
    iatiIdentifier: id('TR-COMPLIANCE'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants',
        summary: 'I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”. Projektet utgick från de verktyg och metoder som tagits fram av Migrationsverket och syftade till att främja asylprövning av hög rättslig kvalitet som bygger på transparens, förutsägbarhet och trovärdighet.',
        description: [
          'Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.',
          'I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”. Projektet utgick från de verktyg och metoder som tagits fram av Migrationsverket och syftade till att främja asylprövning av hög rättslig kvalitet som bygger på transparens, förutsägbarhet och trovärdighet. Det syftade också till att, med utgångspunkt i ett rättighetsperspektiv, främja och skydda rättigheterna för sökande med särskilda behov.',
          'Projektet finansierades av Sida och avslutades i december 2020.',
        ].join('\n\n'),
        objectives: 'Projektet syftade till att främja asylprövning av hög rättslig kvalitet som bygger på transparens, förutsägbarhet och trovärdighet. Det syftade också till att, med utgångspunkt i ett rättighetsperspektiv, främja och skydda rättigheterna för sökande med särskilda behov.',
      },
      en: {
        title: 'Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants',
        summary: 'In September 2017 a three-year project, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”, began. The project built on the tools and methods developed by the Swedish Migration Agency and aimed to promote asylum determination of high legal quality, based on transparency, predictability and credibility.',
        description: [
          'Since 2014 the Swedish Migration Agency and the Turkish migration authority, the Directorate-General of Migration Management (DGMM), have cooperated to strengthen DGMM\'s work on international protection and management issues.',
          'In September 2017 a three-year project, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”, began. The project built on the tools and methods developed by the Swedish Migration Agency and aimed to promote asylum determination of high legal quality, based on transparency, predictability and credibility. It also aimed, from a rights perspective, to promote and protect the rights of applicants with special needs.',
          'The project was funded by Sida and ended in December 2020.',
        ].join('\n\n'),
        objectives: 'To promote asylum determination of high legal quality, based on transparency, predictability and credibility, and, from a rights perspective, to promote and protect the rights of applicants with special needs.',
      },
    },
    dates: { actualStart: 'september 2017', actualEnd: 'december 2020' },
    countries: [{ code: 'TR' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan säger att projektet utgick från Migrationsverkets verktyg och metoder inom samarbetet med DGMM; att Migrationsverket ledde är vår läsning.',
          en: 'The page says the project built on the agency\'s tools and methods within its cooperation with DGMM; that the agency led it is our reading.',
        },
        provenance: p('Projektet utgick från de verktyg och metoder som tagits fram av Migrationsverket och syftade till att främja asylprövning av hög rättslig kvalitet som bygger på transparens, förutsägbarhet och trovärdighet.'),
      },
      {
        organisation: 'dgmm', role: 'beneficiary',
        note: {
          sv: 'Projektet ingick i samarbetet med DGMM sedan 2014, enligt sidans sammanhang.',
          en: 'The project was part of the cooperation with DGMM since 2014, as the page presents it.',
        },
        provenance: p('Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.'),
      },
      {
        organisation: 'sida', role: 'funder',
        provenance: p('Projektet finansierades av Sida och avslutades i december 2020.'),
      },
    ],
    funding: [
      {
        instrument: 'sida', funder: 'sida',
        provenance: p('Projektet finansierades av Sida och avslutades i december 2020.'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '12', basis: 'assessed', provenance: p('Projektet utgick från de verktyg och metoder som tagits fram av Migrationsverket och syftade till att främja asylprövning av hög rättslig kvalitet som bygger på transparens, förutsägbarhet och trovärdighet.') },
      { framework: 'gcm', code: '7', basis: 'assessed', provenance: p('Det syftade också till att, med utgångspunkt i ett rättighetsperspektiv, främja och skydda rättigheterna för sökande med särskilda behov.') },
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Det syftade också till att, med utgångspunkt i ett rättighetsperspektiv, främja och skydda rättigheterna för sökande med särskilda behov.') },
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.') },
      { framework: 'sdg-target', code: '17.9', basis: 'assessed', provenance: p('Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.') },
    ],
    keyFigures: [
      {
        value: 3,
        unit: { sv: 'år', en: 'years' },
        label: { sv: 'Projektets längd enligt planen (treårigt projekt)', en: 'Planned project length (a three-year project)' },
        asOf: 'september 2017',
        provenance: p('I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”.'),
      },
    ],
    provenance: [
      f('title', 'I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”.'),
      f('kind', 'I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”.'),
      f('status', 'Projektet finansierades av Sida och avslutades i december 2020.'),
      f('dates', 'I september 2017 påbörjades ett treårigt projekt, “Promoting Turkish Compliance with International Obligations in the Protection of Refugees and Migrants”.'),
      f('dates', 'Projektet finansierades av Sida och avslutades i december 2020.'),
      f('countries', 'Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 13. EURLO
  {
    slug: 'eurlo',
    iatiIdentifier: id('EURLO'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'European Union Return Liaison Officers',
        acronym: 'EURLO',
        summary: 'Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).',
        description: [
          'Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).',
          'Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.',
          'Migrationsverket har inom ramen för projektet haft EURLO:s placerade i Kabul och Rabat.',
        ].join('\n\n'),
        objectives: 'Projektet fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.',
      },
      en: {
        title: 'European Union Return Liaison Officers',
        acronym: 'EURLO',
        summary: 'The Swedish Migration Agency took part in the EURLO project (European Union Return Liaison Officers), which is led by the Belgian migration authority and funded by the EU\'s Asylum, Migration and Integration Fund (AMIF – Specific Actions).',
        description: [
          'The Swedish Migration Agency took part in the EURLO project (European Union Return Liaison Officers), which is led by the Belgian migration authority and funded by the EU\'s Asylum, Migration and Integration Fund (AMIF – Specific Actions).',
          'The project, which ran over the period 2015–2020, focused on increasing practical cooperation on return between EU member states and countries outside the EU, through a network of return liaison officers posted to strategically important countries to improve dialogue and support practical return and reintegration work for people with expulsion decisions.',
          'Within the project, the Swedish Migration Agency has had EURLOs posted in Kabul and Rabat.',
        ].join('\n\n'),
        objectives: 'To increase practical cooperation on return between EU member states and countries outside the EU, through a network of return liaison officers posted to strategically important countries to improve dialogue and support practical return and reintegration work for people with expulsion decisions.',
      },
    },
    dates: { actual: '2015–2020' },
    countries: [{ code: 'AF' }, { code: 'MA' }],
    participations: [
      {
        organisation: 'belgium-migration-authority', role: 'lead',
        provenance: p('Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      },
      {
        organisation: 'migrationsverket', role: 'partner',
        provenance: p('Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      },
    ],
    funding: [
      {
        instrument: 'eu-amif-specific-actions', funder: 'european-union',
        provenance: p('Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.') },
      { framework: 'gcm', code: '23', basis: 'assessed', provenance: p('Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.') },
    ],
    engagements: (['Kabul', 'Rabat'] as const).map((place) => ({
      kind: 'deployment' as const,
      title: { sv: `EURLO placerad i ${place}`, en: `EURLO posted in ${place}` },
      place: { sv: place, en: place },
      homeOrganisations: ['migrationsverket'],
      provenance: p('Migrationsverket har inom ramen för projektet haft EURLO:s placerade i Kabul och Rabat.'),
    })),
    provenance: [
      f('title', 'Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      f('kind', 'Migrationsverket deltog\u00a0i projektet EURLO (European Union Return Liaison Officers) som leds av Belgiens migrationsmyndighet och finansieras av EU:s Asyl-, migrations- och integrationsfond (AMIF – särskilda åtgärder).'),
      f('status', 'Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.'),
      f('dates', 'Projektet, som pågick under perioden 2015–2020, fokuserade på att öka det praktiska samarbetet mellan EU-medlemsstater och länder utanför EU på återvändandeområdet genom ett nätverk av återvändandesambandsmän som utstationeras i strategiskt viktiga länder för att förbättra dialogen och stödja det praktiska återvändande- och återintegreringsarbetet för personer med beslut om utvisning.'),
      f('countries', 'Migrationsverket har inom ramen för projektet haft EURLO:s placerade i Kabul och Rabat.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 14. Kosovo project, 2016–February 2019 (no name on the page)
  {
    slug: 'kosovo-eu-approximation',
    iatiIdentifier: id('XK-EU-APPROXIMATION'),
    kind: 'project',
    status: 'closed',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Stöd till Kosovos EU-närmande på migrations- och asylområdet',
        summary: 'Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.',
        description: [
          'Projektet genomfördes under perioden 2016–februari 2019. Projektet leddes av Nederländerna med Sverige genom Migrationsverket och Österrike som projektpartners.',
          'Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet. Olika aktiviteter så som seminarier, utbildningar och formulering av rekommendationer anordnades med hjälp av experter från flera EU-medlemsstater.',
          'Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.',
        ].join('\n\n'),
        objectives: 'Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.',
      },
      en: {
        title: 'Support to Kosovo\'s EU approximation in migration and asylum',
        summary: 'The project aimed to support Kosovo\'s approximation to the EU and the development of the country\'s authorities in the field of migration and asylum.',
        description: [
          'The project was carried out over the period 2016–February 2019. The project was led by the Netherlands, with Sweden, through the Swedish Migration Agency, and Austria as project partners.',
          'The project aimed to support Kosovo\'s approximation to the EU and the development of the country\'s authorities in the field of migration and asylum. Various activities such as seminars, training courses and the formulation of recommendations were organised with the help of experts from several EU member states.',
          'The project was funded by the EU through the IPA funds and co-financed by Sida.',
        ].join('\n\n'),
        objectives: 'To support Kosovo\'s approximation to the EU and the development of the country\'s authorities in the field of migration and asylum.',
      },
    },
    dates: { actual: '2016–februari 2019' },
    countries: [{ code: 'XK' }],
    participations: [
      {
        organisation: 'nederlanderna', role: 'lead',
        provenance: p('Projektet leddes av Nederländerna med Sverige genom Migrationsverket och Österrike som projektpartners.'),
      },
      ...(['migrationsverket', 'osterrike'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        provenance: p('Projektet leddes av Nederländerna med Sverige genom Migrationsverket och Österrike som projektpartners.'),
      })),
      ...(['european-union', 'sida'] as const).map((organisation) => ({
        organisation, role: 'funder' as const,
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      })),
    ],
    funding: [
      {
        instrument: 'eu-ipa', funder: 'european-union',
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      },
      {
        instrument: 'sida', funder: 'sida', coFinancing: true,
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      },
    ],
    alignment: [
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.') },
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.') },
      { framework: 'sdg-target', code: '17.9', basis: 'assessed', provenance: p('Olika aktiviteter så som seminarier, utbildningar och formulering av rekommendationer anordnades med hjälp av experter från flera EU-medlemsstater.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.') },
    ],
    engagements: [
      {
        kind: 'seminar',
        title: { sv: 'Seminarier', en: 'Seminars' },
        provenance: p('Olika aktiviteter så som seminarier, utbildningar och formulering av rekommendationer anordnades med hjälp av experter från flera EU-medlemsstater.'),
      },
      {
        kind: 'training',
        title: { sv: 'Utbildningar', en: 'Training courses' },
        provenance: p('Olika aktiviteter så som seminarier, utbildningar och formulering av rekommendationer anordnades med hjälp av experter från flera EU-medlemsstater.'),
      },
    ],
    provenance: [
      f('kind', 'Projektet genomfördes under perioden 2016–februari 2019.'),
      f('status', 'Projektet genomfördes under perioden 2016–februari 2019.'),
      f('dates', 'Projektet genomfördes under perioden 2016–februari 2019.'),
      f('countries', 'Projektet syftade till att stödja Kosovos EU-närmande och landets myndigheters utveckling på migrations- och asylområdet.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 15. ERIN
  {
    slug: 'erin',
    iatiIdentifier: id('ERIN'),
    kind: 'programme',
    status: 'closed',
    texts: {
      sv: {
        title: 'ERIN',
        acronym: 'ERIN',
        summary: 'Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.',
        description: [
          'Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.',
          'Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).',
          'ERIN-programmet delfinansierades av Europeiska AMIF-fonden.',
        ].join('\n\n'),
        objectives: 'Att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.',
      },
      en: {
        title: 'ERIN',
        acronym: 'ERIN',
        summary: 'The Swedish Migration Agency has taken part in ERIN, a European cooperation programme aimed at promoting the sustainable return and reintegration of third-country nationals whose asylum applications have been rejected and who have no legal right to stay in the EU member states.',
        description: [
          'The Swedish Migration Agency has taken part in ERIN, a European cooperation programme aimed at promoting the sustainable return and reintegration of third-country nationals whose asylum applications have been rejected and who have no legal right to stay in the EU member states.',
          'The programme was led by the Netherlands and ran from 1 June 2016 to 30 September 2018, when it was integrated as a component into the broader European Return and Reintegration Network (ERRIN) programme.',
          'The ERIN programme was co-financed by the European AMIF fund.',
        ].join('\n\n'),
        objectives: 'To promote the sustainable return and reintegration of third-country nationals whose asylum applications have been rejected and who have no legal right to stay in the EU member states.',
      },
    },
    dates: { actual: '1 juni 2016 till 30 september 2018' },
    participations: [
      {
        organisation: 'nederlanderna', role: 'lead',
        provenance: p('Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).'),
      },
      {
        organisation: 'migrationsverket', role: 'partner',
        provenance: p('Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.'),
      },
      {
        organisation: 'european-union', role: 'funder',
        provenance: p('ERIN-programmet delfinansierades av Europeiska AMIF-fonden.'),
      },
    ],
    funding: [
      {
        instrument: 'eu-amif', funder: 'european-union', coFinancing: true,
        provenance: p('ERIN-programmet delfinansierades av Europeiska AMIF-fonden.'),
      },
    ],
    relations: [
      {
        type: 'integrated-into',
        target: { external: { name: { sv: 'European Return and Reintegration Network (ERRIN)', en: 'European Return and Reintegration Network (ERRIN)' }, organisation: 'errin' } },
        basis: 'stated',
        provenance: p('Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '21', basis: 'assessed', provenance: p('Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.') },
      { framework: 'gcm', code: '23', basis: 'assessed', provenance: p('Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.') },
    ],
    provenance: [
      f('title', 'Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.'),
      f('kind', 'Migrationsverket har deltagit i ERIN, ett europeiskt samarbetsprogram med syfte att främja ett hållbart återvändande och reintegrering av tredjelandsmedborgare som har fått avslag på asylansökan och inte har laglig rätt att vistas i EU:s medlemsstater.'),
      f('status', 'Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).'),
      f('dates', 'Programmet leddes av Nederländerna och löpte från 1 juni 2016 till 30 september 2018 då programmet integrerades som en komponent i det vidgade programmet European Return and Reintegration Network (ERRIN).'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 16. Serbia project, September 2015–February 2018 (no name on the page)
  {
    slug: 'serbia-asylum-migration-2015',
    iatiIdentifier: id('RS-2015'),
    kind: 'project',
    status: 'closed',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Stöd till Serbiens asyl- och migrationspolitik inför EU-inträdet',
        summary: 'Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien. Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.',
        description: [
          'Projektet genomfördes under perioden september 2015 till februari 2018.',
          'Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien. Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.',
          'Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.',
        ].join('\n\n'),
        objectives: 'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.',
      },
      en: {
        title: 'Support to Serbia\'s asylum and migration policy ahead of EU accession',
        summary: 'The project was led by the Swedish Migration Agency and carried out in cooperation with migration authorities in the Netherlands, Slovenia and Serbia. Its purpose was to support the Serbian migration authorities in developing the country\'s asylum and migration policy ahead of accession to the EU.',
        description: [
          'The project was carried out over the period September 2015 to February 2018.',
          'The project was led by the Swedish Migration Agency and carried out in cooperation with migration authorities in the Netherlands, Slovenia and Serbia. The purpose of the project was to support the Serbian migration authorities in developing the country\'s asylum and migration policy ahead of accession to the EU.',
          'The project was funded by the EU through the IPA funds and co-financed by Sida.',
        ].join('\n\n'),
        objectives: 'To support the Serbian migration authorities in developing the country\'s asylum and migration policy ahead of accession to the EU.',
      },
    },
    dates: { actual: 'september 2015 till februari 2018' },
    countries: [{ code: 'RS' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien.'),
      },
      ...(['nederlanderna', 'slovenien'] as const).map((organisation) => ({
        organisation, role: 'partner' as const,
        note: {
          sv: 'Sidan nämner landets migrationsmyndigheter utan att namnge dem.',
          en: 'The page refers to the country\'s migration authorities without naming them.',
        },
        provenance: p('Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien.'),
      })),
      {
        organisation: 'serbien', role: 'beneficiary',
        note: {
          sv: 'Sidan nämner Serbiens migrationsmyndigheter utan att namnge dem; projektet stödde deras utveckling.',
          en: 'The page refers to Serbia\'s migration authorities without naming them; the project supported their development.',
        },
        provenance: p(
          'Projektet leddes av Migrationsverket och genomfördes i samarbete med migrationsmyndigheter i Nederländerna, Slovenien och Serbien.',
          'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.',
        ),
      },
      ...(['european-union', 'sida'] as const).map((organisation) => ({
        organisation, role: 'funder' as const,
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      })),
    ],
    funding: [
      {
        instrument: 'eu-ipa', funder: 'european-union',
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      },
      {
        instrument: 'sida', funder: 'sida', coFinancing: true,
        provenance: p('Projektet finansierades av EU genom IPA-fonderna och delfinansierades av Sida.'),
      },
    ],
    relations: [
      {
        type: 'succeeded-by',
        target: { activity: 'eu-twinning-serbia-2019' },
        basis: 'assessed',
        note: {
          sv: 'Vår läsning, inte sidans ord: samma partnerländer (Nederländerna, Slovenien, Serbien) och samma syfte med samma ordalydelse.',
          en: 'Our reading, not the page\'s words: the same partner countries (the Netherlands, Slovenia, Serbia) and the same aim, in the same words.',
        },
        provenance: p(
          'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.',
          'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrations politik inför inträdet i EU.',
        ),
      },
    ],
    alignment: [
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.') },
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.') },
      { framework: 'sdg-target', code: '17.9', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.') },
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.') },
    ],
    provenance: [
      f('kind', 'Projektet genomfördes under perioden september 2015 till februari 2018.'),
      f('status', 'Projektet genomfördes under perioden september 2015 till februari 2018.'),
      f('dates', 'Projektet genomfördes under perioden september 2015 till februari 2018.'),
      f('countries', 'Syftet med projektet var att stödja de serbiska migrationsmyndigheternas utveckling av landets asyl- och migrationspolitik inför inträdet i EU.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 17. Support function for the Eastern Partnership Panel on Migration and Asylum
  {
    slug: 'eap-panel-support',
    iatiIdentifier: id('EAP-PANEL'),
    kind: 'support-function',
    status: 'closed',
    texts: {
      sv: {
        title: 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl',
        summary: 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.',
        description: [
          'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.',
          'Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen. Panelen var främst ett forum för informations- och erfarenhetsutbyte och främjade partnerländernas utveckling på migrations- och asylområdet.',
          'Arbetet bedrevs i nära samarbete med International Organisation for Migration (IOM). Migrationsverkets arbete med stödfunktionen avslutades i augusti 2016.',
        ].join('\n\n'),
        objectives: 'Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen.',
      },
      en: {
        title: 'Support Function for the Eastern Partnership Panel on Migration and Asylum',
        summary: 'A support function for the Eastern Partnership Panel on Migration and Asylum was set up at the Swedish Migration Agency in 2012 as a continuation of the earlier Söderköping Process.',
        description: [
          'A support function for the Eastern Partnership Panel on Migration and Asylum was set up at the Swedish Migration Agency in 2012 as a continuation of the earlier Söderköping Process.',
          'The function aimed to support the European Commission and the participating states in planning and holding panel and expert meetings within the framework of the panel\'s work. The panel was primarily a forum for the exchange of information and experience, and it promoted the partner countries\' development in the field of migration and asylum.',
          'The work was carried out in close cooperation with the International Organisation for Migration (IOM). The Swedish Migration Agency\'s work on the support function ended in August 2016.',
        ].join('\n\n'),
        objectives: 'To support the European Commission and the participating states in planning and holding panel and expert meetings within the framework of the panel\'s work.',
      },
    },
    dates: { actualStart: '2012', actualEnd: 'augusti 2016' },
    regions: ['eastern-partnership'],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Stödfunktionen var inrättad på Migrationsverket.',
          en: 'The support function was hosted by the agency.',
        },
        provenance: p('Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
      },
      {
        organisation: 'iom', role: 'partner',
        provenance: p('Arbetet bedrevs i nära samarbete med International Organisation for Migration (IOM).'),
      },
      {
        organisation: 'european-commission', role: 'stakeholder',
        note: {
          sv: 'Funktionen gav stöd till EU-kommissionen och de deltagande staterna.',
          en: 'The function supported the European Commission and the participating states.',
        },
        provenance: p('Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen.'),
      },
    ],
    relations: [
      {
        type: 'continuation-of',
        target: { external: { name: { sv: 'Söderköpingsprocessen', en: 'Söderköping Process' } } },
        basis: 'stated',
        provenance: p('Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '23', basis: 'assessed', provenance: p('Panelen var främst ett forum för informations- och erfarenhetsutbyte och främjade partnerländernas utveckling på migrations- och asylområdet.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Panelen var främst ett forum för informations- och erfarenhetsutbyte och främjade partnerländernas utveckling på migrations- och asylområdet.') },
    ],
    engagements: [
      {
        kind: 'meeting',
        title: { sv: 'Panelmöten', en: 'Panel meetings' },
        provenance: p('Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen.'),
      },
      {
        kind: 'meeting',
        title: { sv: 'Expertmöten', en: 'Expert meetings' },
        provenance: p('Funktionen syftade till att ge stöd till EU-kommissionen och deltagande stater med att planera och genomföra panel- och expertmöten inom ramen för arbetet i panelen.'),
      },
    ],
    provenance: [
      f('title', 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
      f('kind', 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
      f('status', 'Migrationsverkets arbete med stödfunktionen avslutades i augusti 2016.'),
      f('dates', 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
      f('dates', 'Migrationsverkets arbete med stödfunktionen avslutades i augusti 2016.'),
      f('regions', 'Stödfunktion för Östliga partnerskapets Panel för Migration och Asyl inrättades på Migrationsverket 2012 som fortsättning på den tidigare Söderköpingsprocessen.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 18. Bilateral cooperation project with Turkey, 1.5 years to March 2016 (no name on the page)
  {
    slug: 'turkey-bilateral',
    iatiIdentifier: id('TR-BILATERAL'),
    kind: 'project',
    status: 'closed',
    workingTitle: true,
    texts: {
      sv: {
        title: 'Bilateralt samarbetsprojekt med Turkiet',
        summary: 'Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.',
        description: [
          'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.',
          'Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder. Migrationsverket bidrog med teknisk assistans inom migrationsanalys, management, frivilligt återvändande, tredjelandssamarbete samt kvalitetssäkring.',
          'Projektet finansierades av Sida.',
        ].join('\n\n'),
        objectives: 'Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.',
      },
      en: {
        title: 'Bilateral cooperation project with Turkey',
        summary: 'The project aimed to strengthen the Turkish migration authority\'s capacity to handle migration and asylum matters in line with European standards.',
        description: [
          'The bilateral cooperation project with Turkey ran for 1.5 years and ended in March 2016.',
          'The project aimed to strengthen the Turkish migration authority\'s capacity to handle migration and asylum matters in line with European standards. The Swedish Migration Agency contributed technical assistance in migration analysis, management, voluntary return, cooperation with third countries and quality assurance.',
          'The project was funded by Sida.',
        ].join('\n\n'),
        objectives: 'To strengthen the Turkish migration authority\'s capacity to handle migration and asylum matters in line with European standards.',
      },
    },
    dates: { actual: '1,5 år, avslutades i mars 2016' },
    countries: [{ code: 'TR' }],
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        note: {
          sv: 'Sidan säger att Migrationsverket bidrog med teknisk assistans; att Migrationsverket ledde är vår läsning.',
          en: 'The page says the agency contributed technical assistance; that the agency led the project is our reading.',
        },
        provenance: p('Migrationsverket bidrog med teknisk assistans inom migrationsanalys, management, frivilligt återvändande, tredjelandssamarbete samt kvalitetssäkring.'),
      },
      {
        organisation: 'dgmm', role: 'beneficiary',
        note: {
          sv: 'Sidan säger "den turkiska migrationsmyndigheten", som den på annat ställe identifierar som DGMM.',
          en: 'The page says "the Turkish migration authority", which it identifies elsewhere as DGMM.',
        },
        provenance: p(
          'Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.',
          'Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.',
        ),
      },
      {
        organisation: 'sida', role: 'funder',
        provenance: p('Projektet finansierades av Sida.'),
      },
    ],
    funding: [
      { instrument: 'sida', funder: 'sida', provenance: p('Projektet finansierades av Sida.') },
    ],
    relations: [
      {
        type: 'succeeded-by',
        target: { activity: 'turkey-compliance' },
        basis: 'assessed',
        note: {
          sv: 'Vår läsning, inte sidans ord: båda projekten stärker den turkiska migrationsmyndigheten (DGMM), som Migrationsverket enligt sidan samarbetat med sedan 2014; detta projekt började omkring 2014 (1,5 år fram till mars 2016).',
          en: 'Our reading, not the page\'s words: both projects strengthen the Turkish migration authority (DGMM), with which the page says the agency has cooperated since 2014; this project began around 2014 (1.5 years up to March 2016).',
        },
        provenance: p(
          'Migrationsverket och den turkiska migrationsmyndigheten Directorate-General of Migration Management (DGMM) har sedan 2014 samarbetat för att stärka DGMM:s arbete med internationellt skydd och management-frågor.',
          'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.',
        ),
      },
    ],
    alignment: [
      { framework: 'aim', code: '2', basis: 'assessed', provenance: p('Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.') },
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.') },
      { framework: 'sdg-target', code: '17.9', basis: 'assessed', provenance: p('Migrationsverket bidrog med teknisk assistans inom migrationsanalys, management, frivilligt återvändande, tredjelandssamarbete samt kvalitetssäkring.') },
      { framework: 'sdg-target', code: '10.7', basis: 'assessed', provenance: p('Projektet syftade till att stärka den turkiska migrationsmyndighetens kapacitet att hantera migrations- och asylfrågor i enlighet med europeiska standarder.') },
    ],
    keyFigures: [
      {
        value: 1.5,
        unit: { sv: 'år', en: 'years' },
        label: { sv: 'Projektets längd', en: 'Project duration' },
        asOf: 'mars 2016',
        provenance: p('Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.'),
      },
    ],
    provenance: [
      f('kind', 'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.'),
      f('status', 'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.'),
      f('dates', 'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.'),
      f('countries', 'Det bilaterala samarbetsprojektet med Turkiet bedrevs under 1,5 år och avslutades i mars 2016.'),
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 19. PP7
  {
    slug: 'pp7',
    iatiIdentifier: id('PP7'),
    kind: 'project',
    status: 'closed',
    texts: {
      sv: {
        title: 'Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence',
        acronym: 'PP7',
        summary: 'Pilotprojektet Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) var en fortsättning på pilotprojektet PP4. Syftet med projektet var att stärka de deltagande ländernas kapacitet vad gäller kvalitet i asylprocessen och i synnerhet beslutsfattandet.',
        description: [
          'Pilotprojektet Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) var en fortsättning på pilotprojektet PP4.',
          'Projektet leddes av Migrationsverket i samarbete med tyska migrationsmyndigheten BAMF. Syftet med projektet var att stärka de deltagande ländernas kapacitet vad gäller kvalitet i asylprocessen och i synnerhet beslutsfattandet.',
          'Projektet bedrevs under tiden november 2014 till mars 2016 och resulterade i riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis; se https://www.pragueprocess.eu/.',
        ].join('\n\n'),
        objectives: 'Syftet med projektet var att stärka de deltagande ländernas kapacitet vad gäller kvalitet i asylprocessen och i synnerhet beslutsfattandet.',
      },
      en: {
        title: 'Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence',
        acronym: 'PP7',
        summary: 'The pilot project Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) was a continuation of the pilot project PP4. Its purpose was to strengthen the participating countries\' capacity regarding quality in the asylum process, and in decision-making in particular.',
        description: [
          'The pilot project Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) was a continuation of the pilot project PP4.',
          'The project was led by the Swedish Migration Agency in cooperation with the German migration authority BAMF. The purpose of the project was to strengthen the participating countries\' capacity regarding quality in the asylum process, and in decision-making in particular.',
          'The project ran from November 2014 to March 2016 and resulted in guidelines on how advanced training can be organised using the content of (international) case law; see https://www.pragueprocess.eu/.',
        ].join('\n\n'),
        objectives: 'To strengthen the participating countries\' capacity regarding quality in the asylum process, and in decision-making in particular.',
      },
    },
    dates: { actual: 'november 2014 till mars 2016' },
    participations: [
      {
        organisation: 'migrationsverket', role: 'lead',
        provenance: p('Projektet leddes av Migrationsverket i samarbete med tyska migrationsmyndigheten BAMF.'),
      },
      {
        organisation: 'bamf', role: 'partner',
        provenance: p('Projektet leddes av Migrationsverket i samarbete med tyska migrationsmyndigheten BAMF.'),
      },
    ],
    relations: [
      {
        type: 'continuation-of',
        target: { external: { name: { sv: 'Pilotprojektet PP4', en: 'Pilot project PP4' } } },
        basis: 'stated',
        provenance: p('Pilotprojektet Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) var en fortsättning på pilotprojektet PP4.'),
      },
    ],
    alignment: [
      { framework: 'gcm', code: '12', basis: 'assessed', provenance: p('Syftet med projektet var att stärka de deltagande ländernas kapacitet vad gäller kvalitet i asylprocessen och i synnerhet beslutsfattandet.') },
      { framework: 'sdg-target', code: '16.6', basis: 'assessed', provenance: p('Syftet med projektet var att stärka de deltagande ländernas kapacitet vad gäller kvalitet i asylprocessen och i synnerhet beslutsfattandet.') },
    ],
    results: [
      {
        type: 'output',
        title: {
          sv: 'Riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis',
          en: 'Guidelines on how advanced training can be organised using the content of (international) case law',
        },
        provenance: p('Projektet bedrevs under tiden november 2014 till mars 2016 och resulterade i riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis; se https://www.pragueprocess.eu/ Länk till annan webbplats, öppnas i nytt fönster..'),
      },
    ],
    documents: [
      {
        url: 'https://www.pragueprocess.eu/',
        title: { sv: 'Pragprocessen', en: 'Prague Process' },
        category: 'A12',
        provenance: p('Projektet bedrevs under tiden november 2014 till mars 2016 och resulterade i riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis; se https://www.pragueprocess.eu/ Länk till annan webbplats, öppnas i nytt fönster..'),
      },
    ],
    provenance: [
      f('title', 'Pilotprojektet Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) var en fortsättning på pilotprojektet PP4.'),
      f('kind', 'Pilotprojektet Quality in Decision-making in the Asylum Process – Continuous Training Using Content of Jurisprudence (PP7) var en fortsättning på pilotprojektet PP4.'),
      f('status', 'Projektet bedrevs under tiden november 2014 till mars 2016 och resulterade i riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis; se https://www.pragueprocess.eu/ Länk till annan webbplats, öppnas i nytt fönster..'),
      f('dates', 'Projektet bedrevs under tiden november 2014 till mars 2016 och resulterade i riktlinjer för hur fördjupningsutbildning kan organiseras med användande av innehåll i (internationell) praxis; se https://www.pragueprocess.eu/ Länk till annan webbplats, öppnas i nytt fönster..'),
    ],
  },
];
