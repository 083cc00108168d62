/** One organisation and the activities it took part in, with its role in each. */
import type { Activity } from '../../activities/activity.schema.ts';
import type { Organisation } from '../../organisations/organisation.schema.ts';
import { PARTICIPATION_ROLES, unknownCodeLabel } from '../../reference/codes.ts';
import { countryName } from '../../reference/countries.ts';
import { ORGANISATION_TYPE_NAMES } from '../../reference/iati-codes.generated.ts';
import type { Lang } from '../../shared/i18n.ts';
import { ActivityCard, pick } from '../components.tsx';
import { Layout, type PageMeta } from '../layout.tsx';
import { M } from '../messages.ts';
import { organisationPath } from '../paths.ts';

export interface OrganisationPageData {
  organisation: Organisation;
  parent?: Organisation | undefined;
  activities: { activity: Activity; roles: string[] }[];
}

const CHANNEL = { sv: 'Kanal för finansieringen', en: 'Funding channel' };

/** The organisation type's name; a code the registry's copy of the codelist lacks (OPEN_CODELISTS) as itself. */
function typeName(code: string, lang: Lang): string {
  const en = ORGANISATION_TYPE_NAMES[code];
  if (en === undefined) return unknownCodeLabel(code)[lang];
  return lang === 'sv' ? TYPE_SV[code] ?? en : en;
}

/** IATI's organisation types in Swedish; the English names are IATI's own. */
const TYPE_SV: Record<string, string> = {
  '10': 'Statlig myndighet eller departement', '11': 'Regional eller lokal myndighet', '15': 'Annan offentlig organisation',
  '21': 'Internationell frivilligorganisation', '22': 'Nationell frivilligorganisation', '23': 'Regional frivilligorganisation',
  '24': 'Frivilligorganisation i samarbetslandet', '30': 'Offentlig-privat samverkan', '40': 'Multilateral organisation',
  '60': 'Stiftelse', '70': 'Privat sektor', '71': 'Privat sektor i givarlandet', '72': 'Privat sektor i mottagarlandet',
  '73': 'Privat sektor i tredje land', '80': 'Akademi, utbildning och forskning', '90': 'Annan',
};

function roleLabel(role: string, lang: Lang): string {
  if (role === 'channel') return CHANNEL[lang];
  return PARTICIPATION_ROLES.find((r) => r.code === role)?.label[lang] ?? role;
}

export function OrganisationPage({ meta, data }: { meta: PageMeta; data: OrganisationPageData }) {
  const { lang } = meta;
  const o = data.organisation;
  const name = pick(o.name, lang);
  const parentName = data.parent ? pick(data.parent.name, lang) : undefined;
  return (
    <Layout meta={meta}>
      <h1 lang={name && name.lang !== lang ? name.lang : undefined}>{name?.text ?? o.slug}{o.acronym && o.acronym !== name?.text ? ` (${o.acronym})` : ''}</h1>
      <dl class="facts">
        {o.type ? <><dt>{lang === 'sv' ? 'Typ' : 'Type'}</dt><dd>{typeName(o.type, lang)}</dd></> : null}
        {o.country ? <><dt>{M.country[lang]}</dt><dd>{countryName(o.country, lang)}</dd></> : null}
        {data.parent ? <><dt>{M.parentOrganisation[lang]}</dt><dd><a href={organisationPath(lang, data.parent.slug)}>{parentName?.text ?? data.parent.slug}</a></dd></> : null}
        {o.website ? <><dt>{M.website[lang]}</dt><dd><a href={o.website}>{o.website}</a></dd></> : null}
      </dl>
      <h2>{M.activitiesOf[lang]}</h2>
      <ul class="cards">
        {data.activities.map(({ activity, roles }) => (
          <ActivityCard key={activity.slug} activity={activity} lang={lang} note={`${M.role[lang]}: ${roles.map((r) => roleLabel(r, lang).toLowerCase()).join(', ')}`} />
        ))}
      </ul>
    </Layout>
  );
}
