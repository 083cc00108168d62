/**
 * The import's report while it runs: one entry per activity read, in file order. A large file has
 * tens of thousands of activities and almost all of them have no problems, so an entry without
 * problems is kept as its identifier, slug, line and outcome in flat arrays (the strings are the
 * ones the import keeps anyway to find duplicates and taken slugs) instead of as an object of its
 * own; only entries with problems stay objects. The entries are made whole when the import ends.
 */
import type { ActivityOutcome, ActivityReport } from './iati.mapper.ts';
import type { ImportProblem } from './iati.to-activity.ts';

const OUTCOMES: readonly ActivityOutcome[] = ['created', 'updated', 'unchanged', 'skipped'];
const CODE = new Map(OUTCOMES.map((o, i) => [o, i]));

export class ReportLedger {
  private readonly identifiers: string[] = [];
  private readonly slugs: (string | undefined)[] = [];
  private lines = new Uint32Array(1024);
  private outcomes = new Uint8Array(1024);
  /** The entries with problems, by position. */
  private readonly flagged = new Map<number, ActivityReport>();

  /** Activities read so far. */
  get size(): number {
    return this.identifiers.length;
  }

  /** Appends an entry; returns its position, by which the other methods find it. */
  add(entry: ActivityReport): number {
    const position = this.identifiers.length;
    if (position === this.lines.length) this.grow();
    this.identifiers.push(entry.identifier);
    this.slugs.push(entry.slug);
    this.lines[position] = entry.line;
    this.outcomes[position] = CODE.get(entry.outcome)!;
    if (entry.problems.length > 0) this.flagged.set(position, entry);
    return position;
  }

  outcome(position: number): ActivityOutcome {
    return OUTCOMES[this.outcomes[position]!]!;
  }

  setOutcome(position: number, outcome: ActivityOutcome): void {
    this.outcomes[position] = CODE.get(outcome)!;
  }

  addProblem(position: number, problem: ImportProblem): void {
    const entry = this.flagged.get(position) ?? this.entry(position);
    entry.problems.push(problem);
    this.flagged.set(position, entry);
  }

  /** The slugs of the activities with this outcome, in file order. */
  slugsWith(outcome: ActivityOutcome): string[] {
    const code = CODE.get(outcome)!;
    const slugs: string[] = [];
    for (let position = 0; position < this.slugs.length; position += 1) {
      const slug = this.slugs[position];
      if (slug !== undefined && this.outcomes[position] === code) slugs.push(slug);
    }
    return slugs;
  }

  /** Every entry, in file order, as the report gives it. */
  entries(): ActivityReport[] {
    return this.identifiers.map((_, position) => this.entry(position));
  }

  private entry(position: number): ActivityReport {
    const flagged = this.flagged.get(position);
    if (flagged) {
      flagged.outcome = this.outcome(position);
      return flagged;
    }
    const slug = this.slugs[position];
    return { identifier: this.identifiers[position]!, ...(slug === undefined ? {} : { slug }), line: this.lines[position]!, outcome: this.outcome(position), problems: [] };
  }

  private grow(): void {
    const lines = new Uint32Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
    const outcomes = new Uint8Array(this.outcomes.length * 2);
    outcomes.set(this.outcomes);
    this.outcomes = outcomes;
  }
}
