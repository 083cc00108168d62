/**
 * The progress bar of `samverka import FILE.xml`: one line on the terminal, drawn again after each
 * batch, with how much of the file has been read, the activities so far, activities per second
 * and, once there is a rate to go by, the time left. Shown only when standard error is a terminal
 * (a log gets the summary alone) and not with --no-progress.
 */
import type { Lang } from '../shared/i18n.ts';

export interface ImportProgress {
  /** Bytes of the file read so far. */
  bytes: number;
  /** The file's size in bytes. */
  totalBytes: number;
  /** Activities read so far. */
  activities: number;
  /** Seconds since the import started. */
  seconds: number;
}

const BAR_CELLS = 24;

const numbers = { sv: new Intl.NumberFormat('sv-SE'), en: new Intl.NumberFormat('en-GB') };
const megabytes = {
  sv: new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A duration the way the line says it: seconds under two minutes, then minutes. */
function duration(seconds: number): string {
  if (seconds < 120) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}

/**
 * `[██████████░░░░░░░░░░░░░░]  42 %  16,6 av 39,5 MB  2 315 aktiviteter  1 850 aktiviteter/s  cirka 12 s kvar`
 * (or the same in English). The share is of the file's bytes, which the import reads at the pace
 * it imports; the time left assumes the rest goes as fast as what is done.
 */
export function progressLine(p: ImportProgress, lang: Lang): string {
  const share = p.totalBytes > 0 ? Math.min(1, Math.max(0, p.bytes / p.totalBytes)) : 0;
  const filled = Math.round(share * BAR_CELLS);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}]`;
  const percent = `${String(Math.floor(share * 100)).padStart(3)} %`;
  const mb = (bytes: number) => megabytes[lang].format(bytes / 1e6);
  const read = lang === 'sv' ? `${mb(p.bytes)} av ${mb(p.totalBytes)} MB` : `${mb(p.bytes)} of ${mb(p.totalBytes)} MB`;
  const one = p.activities === 1;
  const activities = `${numbers[lang].format(p.activities)} ${lang === 'sv' ? (one ? 'aktivitet' : 'aktiviteter') : one ? 'activity' : 'activities'}`;
  const parts = [bar, percent, read, activities];
  if (p.seconds > 0) parts.push(`${numbers[lang].format(Math.round(p.activities / p.seconds))} ${lang === 'sv' ? 'aktiviteter/s' : 'activities/s'}`);
  if (share > 0 && share < 1 && p.seconds >= 1) {
    const left = duration((p.seconds / share) * (1 - share));
    parts.push(lang === 'sv' ? `cirka ${left} kvar` : `about ${left} left`);
  }
  return parts.join('  ');
}

/**
 * Draws the line in place on a terminal: back to the start of the line, the text, then the rest
 * of the line cleared (a shorter line leaves nothing of the longer one before it). Cut to the
 * terminal's width when it is known: a line that wrapped could not be drawn over, as the return
 * goes back to the start of its last row only.
 */
export function redraw(line: string, columns?: number): string {
  const fitted = columns !== undefined && columns > 1 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
  return `\r${fitted}\x1b[K`;
}
