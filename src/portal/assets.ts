/** The stylesheet, read once and served under a name that changes with its content, so it can be cached for a year. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The portal's own rules, the rules the SVG charts rely on (focus, hover, wide and narrow copies), then the staff pages' rules. */
export const STYLESHEET = [
  readFileSync(new URL('./assets/portal.css', import.meta.url), 'utf8'),
  readFileSync(new URL('../charts/charts.css', import.meta.url), 'utf8'),
  readFileSync(new URL('../staff/staff.css', import.meta.url), 'utf8'),
  readFileSync(new URL('../staff/editing.css', import.meta.url), 'utf8'),
].join('\n');
const hash = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = `/assets/portal.${hash}.css`;
