/** The environment, checked once at start-up against one schema. */
import { z } from 'zod';
import { ConfigError } from './shared/errors.ts';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('./data/samverka.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The publisher's IATI organisation identifier; activity identifiers start with it. */
  /** The portal's public address (for canonical and hreflang links); by default taken from each request. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
  IATI_REPORTING_ORG: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/).default('SE-ON-2021002163'),
  /** A staff session ends after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** …and at the latest this many hours after sign-in. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Failed sign-ins allowed per IP address and per e-mail address in one window. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Behind a load balancer: `true` (trust every proxy), a number of hops, or the proxies' addresses
   * (comma-separated), so the client's address comes from X-Forwarded-For. Unset: the peer's address.
   */
  TRUST_PROXY: z.string().regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/, ]+)$/).optional()
    .transform((v) => (v === undefined || v === 'false' ? undefined : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
  throw new ConfigError({
    sv: `Ogiltig miljövariabel: ${names}. Se README.md, avsnittet Konfiguration.`,
    en: `Invalid environment variable: ${names}. See README.md, section Configuration.`,
  });
}
