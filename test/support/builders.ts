/** Small builders for test records: a valid default, overridden where a test cares. */
import type { ActivityInput } from '../../src/activities/activity.schema.ts';
import type { OrganisationInput } from '../../src/organisations/organisation.schema.ts';
import { PORTFOLIO_FORMAT, PORTFOLIO_FORMAT_VERSION } from '../../src/exchange/portfolio.schema.ts';

export function buildOrganisation(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    slug: 'test-agency',
    name: { sv: 'Testmyndigheten', en: 'The Test Agency' },
    type: '10',
    country: 'SE',
    ...overrides,
  };
}

export function buildActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    slug: 'test-project',
    iatiIdentifier: 'SE-ON-2021002163-TEST',
    kind: 'project',
    status: 'implementation',
    texts: { sv: { title: 'Testprojektet' }, en: { title: 'The test project' } },
    dates: { actual: 'september 2022 till december 2024' },
    countries: [{ code: 'RS' }],
    participations: [{ organisation: 'test-agency', role: 'lead' }],
    ...overrides,
  };
}

export function buildPortfolio(parts: { organisations?: unknown[]; activities?: unknown[]; sources?: unknown[] } = {}) {
  return {
    format: PORTFOLIO_FORMAT,
    formatVersion: PORTFOLIO_FORMAT_VERSION,
    sources: parts.sources ?? [{ slug: 'seed-page', title: { sv: 'Testkälla', en: 'Test source' } }],
    organisations: parts.organisations ?? [buildOrganisation()],
    activities: parts.activities ?? [buildActivity()],
  };
}
