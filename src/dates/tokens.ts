/**
 * Splits a date phrase into words, numbers, ISO dates and punctuation, keeping where each token
 * stood so that a bound can quote the user's own words. Whether whitespace preceded a token is
 * kept too: it is what tells "2023-Q3" (one quarter) from "2023 – Q3 2024" (a period).
 */
import { problem } from './fuzzy-date.error.ts';

interface TokenBase {
  /** Lower-case; a word's abbreviation dot is dropped ("sep." reads as "sep"). */
  text: string;
  start: number;
  end: number;
  /** Whitespace stood before the token. */
  spaced: boolean;
}

export type Token =
  | (TokenBase & { kind: 'number'; value: number; integer: boolean })
  | (TokenBase & { kind: 'word' | 'iso-day' | 'iso-month' | 'dash' | 'slash' | 'comma' });

export type NumberToken = Extract<Token, { kind: 'number' }>;

/** A token before its place in the text is known; distributes over the kinds of Token. */
type Unplaced<T> = T extends unknown ? Omit<T, 'start' | 'end' | 'spaced'> : never;

type Rule = readonly [RegExp, (match: string) => Unplaced<Token>];

const RULES: readonly Rule[] = [
  // Swedish "from and including" / "up to and including": the inclusive reading is the only one for dates.
  [/fr\.\s*o\.\s*m\.?/iy, () => ({ kind: 'word', text: 'från' })],
  [/t\.\s*o\.\s*m\.?/iy, () => ({ kind: 'word', text: 'till' })],
  [/\d{4}-\d{2}-\d{2}(?!\d)/y, (m) => ({ kind: 'iso-day', text: m })],
  [/\d{4}-\d{2}(?!\d|-\d)/y, (m) => ({ kind: 'iso-month', text: m })],
  [/\d+(?:[.,]\d+)?/y, (m) => {
    const value = Number(m.replace(',', '.'));
    return { kind: 'number', text: m, value, integer: /^\d+$/.test(m) };
  }],
  [/\p{L}+\.?/uy, (m) => ({ kind: 'word', text: m.replace(/\.$/, '').toLowerCase() })],
  [/[-‐‑‒–—―−]/y, (m) => ({ kind: 'dash', text: m })],
  [/\//y, () => ({ kind: 'slash', text: '/' })],
  [/,/y, () => ({ kind: 'comma', text: ',' })],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let spaced = false;
  while (position < text.length) {
    const whitespace = /\s+/y;
    whitespace.lastIndex = position;
    if (whitespace.test(text)) {
      position = whitespace.lastIndex;
      spaced = true;
      continue;
    }
    const token = readToken(text, position, spaced);
    if (!token) throw problem.character(String.fromCodePoint(text.codePointAt(position) ?? 0));
    tokens.push(token);
    position = token.end;
    spaced = false;
  }
  return tokens;
}

function readToken(text: string, start: number, spaced: boolean): Token | undefined {
  for (const [pattern, make] of RULES) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match) return { ...make(match[0]), start, end: start + match[0].length, spaced };
  }
  return undefined;
}

/** A read position in a token list, with the look-ahead the grammars need. */
export class Cursor {
  position = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly text: string,
  ) {}

  get atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  next(): Token | undefined {
    const token = this.tokens[this.position];
    if (token) this.position += 1;
    return token;
  }

  isWord(words: string | ReadonlySet<string> | ReadonlyMap<string, unknown>, offset = 0): boolean {
    const token = this.peek(offset);
    if (token?.kind !== 'word') return false;
    return typeof words === 'string' ? token.text === words : words.has(token.text);
  }

  /** Consumes the word if it is one of those given. */
  acceptWord(words: string | ReadonlySet<string> | ReadonlyMap<string, unknown>): string | undefined {
    if (!this.isWord(words)) return undefined;
    return this.next()?.text;
  }

  /** Consumes the first of the word sequences that the text continues with, longest first. */
  acceptSequence(sequences: readonly (readonly string[])[]): readonly string[] | undefined {
    const ordered = [...sequences].sort((a, b) => b.length - a.length);
    const found = ordered.find((words) => words.every((word, i) => this.isWord(word, i)));
    if (found) this.position += found.length;
    return found;
  }

  /** A hyphen with no space on either side, as in "mid-2024" and "2023-Q3". */
  isJoiningDash(): boolean {
    return this.peek()?.kind === 'dash' && !this.peek()?.spaced && this.peek(1)?.spaced === false;
  }

  peekNumber(offset = 0): NumberToken | undefined {
    const token = this.peek(offset);
    return token?.kind === 'number' ? token : undefined;
  }

  /** The original words of tokens [first, end). */
  textOf(first: number, end: number): string {
    const a = this.tokens[first];
    const b = this.tokens[end - 1];
    return a && b ? this.text.slice(a.start, b.end) : '';
  }

  rest(): string {
    return this.textOf(this.position, this.tokens.length);
  }

  clone(): Cursor {
    const copy = new Cursor(this.tokens, this.text);
    copy.position = this.position;
    return copy;
  }
}
