/** Debian's Chromium driven by playwright-core, headless, with a fresh profile per launch. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.CI === 'true' || process.env.SAMVERKA_REQUIRE_BROWSER === '1';

/** False when the browser tests can run; otherwise the reason they are skipped. */
export const browserSkip: string | false = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
if (browserSkip && required) throw new Error(`${browserSkip}: browser tests are required (CI=true or SAMVERKA_REQUIRE_BROWSER=1)`);
if (browserSkip) console.warn(`# ${browserSkip}: the browser tests are SKIPPED.`);

/** Playwright gives every non-persistent launch a fresh temporary profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
