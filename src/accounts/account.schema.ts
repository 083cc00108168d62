/** The inputs of accounts, one schema each, shared by the web forms, the CLI and tests. */
import { z } from 'zod';
import { addProblem, freeText } from '../shared/schema-helpers.ts';
import { ROLES } from './access.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';

/** Lower-cased and trimmed, so "Anna@Example.SE" and "anna@example.se" are one account. */
export const email = z.string().trim().toLowerCase().superRefine((value, ctx) => {
  if (value === '') addProblem(ctx, 'required', { sv: 'Ange en e-postadress.', en: 'Give an e-mail address.' });
  else if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    addProblem(ctx, 'email', { sv: 'Ange en e-postadress som namn@exempel.se.', en: 'Give an e-mail address such as name@example.com.' });
  }
});

/** Counted in characters as a person types them; the upper bound only keeps hashing cheap. */
export const password = z.string().superRefine((value, ctx) => {
  const length = [...value].length;
  if (length < PASSWORD_MIN) {
    addProblem(ctx, 'password-too-short', { sv: `Lösenordet måste ha minst ${PASSWORD_MIN} tecken.`, en: `The password must have at least ${PASSWORD_MIN} characters.` });
  } else if (length > PASSWORD_MAX) {
    addProblem(ctx, 'password-too-long', { sv: `Lösenordet får ha högst ${PASSWORD_MAX} tecken.`, en: `The password may have at most ${PASSWORD_MAX} characters.` });
  }
});

export const role = z.enum(ROLES, { error: 'unknown-code' });

const optionalName = freeText().trim().max(200, { error: 'too-long' }).optional().transform((v) => (v ? v : null));

export const newUserSchema = z.object({ email, role, name: optionalName, password });
export type NewUser = z.input<typeof newUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).default(''),
  password: z.string().max(PASSWORD_MAX * 4).default(''),
});

export const changePasswordSchema = z.object({
  current: z.string().max(PASSWORD_MAX * 4).default(''),
  password,
  confirm: z.string().default(''),
}).superRefine((v, ctx) => {
  if (v.password !== v.confirm) addProblem(ctx, 'password-mismatch', { sv: 'Lösenorden är inte lika.', en: 'The passwords do not match.' }, ['confirm']);
});

export const tokenNameSchema = z.object({
  name: freeText().trim().min(1, { error: 'empty' }).max(100, { error: 'too-long' }),
});
