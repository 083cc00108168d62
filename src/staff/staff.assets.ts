/** The editing pages' one script, served under a name that changes with its content (CSP script-src 'self'). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const EDITING_SCRIPT = readFileSync(new URL('./assets/editing.js', import.meta.url), 'utf8');
export const EDITING_SCRIPT_PATH = `/assets/editing.${createHash('sha256').update(EDITING_SCRIPT).digest('hex').slice(0, 12)}.js`;
