/**
 * The policy objectives an activity can align with (see shared FRAMEWORKS.md). English titles are
 * the official ones; the Swedish wording is ours. SDG goal and target titles in English come from
 * the IATI codelists; Swedish titles exist for the goals and for the targets migration work serves.
 */
import type { Message } from '../shared/i18n.ts';
import type { AlignmentFramework } from './codes.ts';
import { SDG_GOAL_NAMES, SDG_TARGET_NAMES } from './iati-codes.generated.ts';

export interface Objective {
  framework: AlignmentFramework;
  code: string;
  title: { sv?: string; en: string };
}

const AIMS: [string, string, string][] = [
  ['1', 'Skapa förutsättningar för att människor som väljer att migrera ska kunna göra så på ett säkert, ordnat och reglerat sätt',
    'Make it possible for people who choose to migrate to do so in a safe, orderly and regular way'],
  ['2', 'Stärka mottagande länders förmåga att hantera migration på ett sätt som säkrar flyktingars och migranters rättigheter och som bidrar till ländernas utveckling',
    "Strengthen receiving countries' capacity to manage migration in a way that secures refugees' and migrants' rights and contributes to the countries' development"],
  ['3', 'Öka migrationens positiva utvecklingseffekter och minska de negativa effekterna i ursprungsländerna',
    "Increase migration's positive development effects and reduce its negative effects in countries of origin"],
];

const GCM: [string, string][] = [
  ['Samla in och använda korrekta och uppdelade data som grund för evidensbaserad politik', 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies'],
  ['Minimera de negativa drivkrafter och strukturella faktorer som tvingar människor att lämna sitt ursprungsland', 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin'],
  ['Ge korrekt information i rätt tid i migrationens alla skeden', 'Provide accurate and timely information at all stages of migration'],
  ['Säkerställa att alla migranter har bevis på sin rättsliga identitet och lämpliga handlingar', 'Ensure that all migrants have proof of legal identity and adequate documentation'],
  ['Öka tillgången till och flexibiliteten i vägar för reguljär migration', 'Enhance availability and flexibility of pathways for regular migration'],
  ['Underlätta rättvis och etisk rekrytering och värna villkor som säkerställer anständigt arbete', 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work'],
  ['Hantera och minska sårbarheter i samband med migration', 'Address and reduce vulnerabilities in migration'],
  ['Rädda liv och upprätta samordnade internationella insatser för försvunna migranter', 'Save lives and establish coordinated international efforts on missing migrants'],
  ['Stärka det gränsöverskridande arbetet mot smuggling av migranter', 'Strengthen the transnational response to smuggling of migrants'],
  ['Förebygga, bekämpa och utrota människohandel i samband med internationell migration', 'Prevent, combat and eradicate trafficking in persons in the context of international migration'],
  ['Förvalta gränser på ett integrerat, säkert och samordnat sätt', 'Manage borders in an integrated, secure and coordinated manner'],
  ['Stärka säkerheten och förutsebarheten i migrationsförfaranden för lämplig kontroll, bedömning och hänvisning', 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral'],
  ['Använda förvar av migranter endast som en sista utväg och arbeta för alternativ', 'Use migration detention only as a measure of last resort and work towards alternatives'],
  ['Förbättra konsulärt skydd, bistånd och samarbete under hela migrationscykeln', 'Enhance consular protection, assistance and cooperation throughout the migration cycle'],
  ['Ge migranter tillgång till grundläggande tjänster', 'Provide access to basic services for migrants'],
  ['Ge migranter och samhällen möjlighet att uppnå full inkludering och social sammanhållning', 'Empower migrants and societies to realize full inclusion and social cohesion'],
  ['Avskaffa alla former av diskriminering och främja en evidensbaserad offentlig debatt som formar synen på migration', 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration'],
  ['Investera i kompetensutveckling och underlätta ömsesidigt erkännande av färdigheter, kvalifikationer och kompetenser', 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences'],
  ['Skapa förutsättningar för migranter och diasporor att fullt ut bidra till hållbar utveckling i alla länder', 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries'],
  ['Främja snabbare, säkrare och billigare penningöverföringar och migranters finansiella inkludering', 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants'],
  ['Samarbeta för att underlätta ett säkert och värdigt återvändande och återtagande samt en hållbar återintegrering', 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration'],
  ['Inrätta mekanismer för överförbarhet av socialförsäkringsrättigheter och intjänade förmåner', 'Establish mechanisms for the portability of social security entitlements and earned benefits'],
  ['Stärka internationellt samarbete och globala partnerskap för säker, ordnad och reguljär migration', 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration'],
];

const GCR: [string, string][] = [
  ['Minska trycket på värdländer', 'Ease pressures on host countries'],
  ['Stärka flyktingars egenförsörjning', 'Enhance refugee self-reliance'],
  ['Öka tillgången till lösningar i tredjeland', 'Expand access to third-country solutions'],
  ['Stödja förutsättningar i ursprungsländer för ett återvändande under säkra och värdiga former', 'Support conditions in countries of origin for return in safety and dignity'],
];

const SDG_GOALS_SV: Record<string, string> = {
  '1': 'Ingen fattigdom', '2': 'Ingen hunger', '3': 'Hälsa och välbefinnande', '4': 'God utbildning för alla',
  '5': 'Jämställdhet', '6': 'Rent vatten och sanitet för alla', '7': 'Hållbar energi för alla',
  '8': 'Anständiga arbetsvillkor och ekonomisk tillväxt', '9': 'Hållbar industri, innovationer och infrastruktur',
  '10': 'Minskad ojämlikhet', '11': 'Hållbara städer och samhällen', '12': 'Hållbar konsumtion och produktion',
  '13': 'Bekämpa klimatförändringarna', '14': 'Hav och marina resurser', '15': 'Ekosystem och biologisk mångfald',
  '16': 'Fredliga och inkluderande samhällen', '17': 'Genomförande och globalt partnerskap',
};

const SDG_TARGETS_SV: Record<string, string> = {
  '10.7': 'Underlätta ordnad, säker, reguljär och ansvarsfull migration och rörlighet för människor, bland annat genom att genomföra en planerad och välskött migrationspolitik',
  '16.6': 'Bygga upp effektiva, ansvarsskyldiga och transparenta institutioner på alla nivåer',
  '16.9': 'Senast 2030 tillhandahålla en rättslig identitet för alla, inklusive födelseregistrering',
  '5.2': 'Avskaffa alla former av våld mot alla kvinnor och flickor i det offentliga och privata rummet',
  '8.8': 'Skydda arbetstagares rättigheter och främja en trygg och säker arbetsmiljö för alla arbetstagare, inklusive arbetstagare som är migranter',
  '17.9': 'Öka det internationella stödet för effektiv och målinriktad kapacitetsuppbyggnad i utvecklingsländer',
};

function objectives(): Objective[] {
  const all: Objective[] = [];
  for (const [code, sv, en] of AIMS) all.push({ framework: 'aim', code, title: { sv, en } });
  GCM.forEach(([sv, en], i) => all.push({ framework: 'gcm', code: String(i + 1), title: { sv, en } }));
  GCR.forEach(([sv, en], i) => all.push({ framework: 'gcr', code: String(i + 1), title: { sv, en } }));
  for (const [code, en] of Object.entries(SDG_GOAL_NAMES)) all.push({ framework: 'sdg-goal', code, title: { sv: SDG_GOALS_SV[code], en } });
  for (const [code, en] of Object.entries(SDG_TARGET_NAMES)) all.push({ framework: 'sdg-target', code, title: { sv: SDG_TARGETS_SV[code], en } });
  return all;
}

export const OBJECTIVES: readonly Objective[] = objectives();

export function findObjective(framework: AlignmentFramework, code: string): Objective | undefined {
  return OBJECTIVES.find((o) => o.framework === framework && o.code === code);
}

export function objectiveTitle(o: Objective): Message {
  return { sv: o.title.sv ?? o.title.en, en: o.title.en };
}
