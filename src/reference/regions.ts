/**
 * Regions the unit works in, each a named set of countries. The IATI region is the DAC region an
 * export falls back to when an activity names the region rather than its countries.
 */
import type { Message } from '../shared/i18n.ts';

export interface Region {
  code: string;
  name: Message;
  countries: readonly string[];
  iatiRegion: string;
}

export const REGIONS: readonly Region[] = [
  { code: 'western-balkans', name: { sv: 'Västra Balkan', en: 'Western Balkans' }, countries: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'], iatiRegion: '89' },
  { code: 'eastern-partnership', name: { sv: 'Östliga partnerskapet', en: 'Eastern Partnership' }, countries: ['AM', 'AZ', 'BY', 'GE', 'MD', 'UA'], iatiRegion: '89' },
  { code: 'horn-of-africa', name: { sv: 'Afrikas horn', en: 'Horn of Africa' }, countries: ['DJ', 'ER', 'ET', 'SO'], iatiRegion: '298' },
  { code: 'middle-east', name: { sv: 'Mellanöstern', en: 'Middle East' }, countries: ['IQ', 'IR', 'JO', 'LB', 'SY', 'YE'], iatiRegion: '589' },
  {
    code: 'eu', name: { sv: 'EU:s medlemsstater', en: 'EU member states' },
    countries: ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
    iatiRegion: '89',
  },
];

export const REGION_CODES = REGIONS.map((r) => r.code) as [string, ...string[]];

export function findRegion(code: string): Region | undefined {
  return REGIONS.find((r) => r.code === code);
}
