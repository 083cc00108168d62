/** The organisation form codec: an organisation ⇄ flat form fields, validated by organisationSchema. */
import { organisationSchema, type Organisation } from '../organisations/organisation.schema.ts';
import { bodyToTree, encodeRow, normaliseTree, validateTree, type FormResult, type FormSpec, type FormTree } from './form.codec.ts';

export const ORGANISATION_FORM: FormSpec = {
  key: '',
  controls: ['_version', '_reason', '_csrf', '_action'],
  fields: [
    { key: ['slug'], kind: 'text' },
    { key: ['name'], kind: 'bilingual' },
    { key: ['acronym'], kind: 'text' },
    { key: ['type'], kind: 'select' },
    { key: ['country'], kind: 'select' },
    { key: ['iatiRef'], kind: 'text' },
    { key: ['website'], kind: 'text' },
    { key: ['parent'], kind: 'text' },
    { key: ['provenance'], kind: 'hidden-json' },
  ],
};

export function organisationToForm(organisation: Organisation): FormTree {
  return encodeRow(ORGANISATION_FORM, organisation);
}

export function newOrganisationForm(): FormTree {
  return { slug: '', name: { sv: '', en: '' } };
}

export function readOrganisationForm(body: unknown): FormResult<Organisation> {
  return validateTree(ORGANISATION_FORM, organisationSchema, normaliseTree(ORGANISATION_FORM, bodyToTree(body), { dropBlank: true }));
}
