/**
 * A small streaming XML writer: elements, attributes and text go into a buffer that is handed to a
 * Writable in chunks, waiting for 'drain' when the stream asks for it, so a file of any size is
 * written in constant memory. There is no DOM and the whole document never exists as one string.
 *
 * Everything written is escaped here, once: markup characters become entities, and characters XML
 * 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, because
 * no escape can carry them and a single one makes the whole file unreadable.
 */
import type { Writable } from 'node:stream';

export type AttributeValue = string | number | boolean | undefined | null;
/** Attributes in the order they are written; undefined and null values are left out. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** Everything XML 1.0 forbids: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/;

/** The text as XML 1.0 can hold it: forbidden characters removed. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Character data: `&`, `<` and `>` (so `]]>` can never appear) as entities; CR kept as a reference so parsers do not fold it. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ENTITIES[c]!);
}

/** An attribute value in double quotes; tab, LF and CR as references so attribute normalisation keeps them. */
export function escapeAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c]!);
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

export interface XmlWriterOptions {
  /** Bytes (roughly: UTF-16 code units) collected before they are handed to the stream. */
  chunkSize?: number;
  /** Two spaces per level and one element a line; false writes everything on one line. */
  indent?: boolean;
}

export class XmlWriter {
  private readonly out: Writable;
  private readonly chunkSize: number;
  private readonly indent: boolean;
  private buffer: string[] = [];
  private buffered = 0;
  private readonly open: string[] = [];
  private readonly checkedNames = new Set<string>();
  private failure: Error | undefined;
  /** Characters handed to the stream so far. */
  written = 0;

  constructor(out: Writable, options: XmlWriterOptions = {}) {
    this.out = out;
    this.chunkSize = options.chunkSize ?? 64 * 1024;
    this.indent = options.indent ?? true;
    // A stream that fails while nobody waits for it would otherwise crash the process.
    out.on('error', this.onError);
  }

  private readonly onError = (error: Error): void => {
    this.failure ??= error;
  };

  declaration(): this {
    this.push('<?xml version="1.0" encoding="UTF-8"?>');
    return this;
  }

  /** Opens an element that will have child elements; close it with end(). */
  start(name: string, attributes: Attributes = {}): this {
    this.newline();
    this.push(`<${this.name(name)}${this.attributes(attributes)}>`);
    this.open.push(name);
    return this;
  }

  /** Closes the element opened last. */
  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter: end() without an open element');
    this.newline();
    this.push(`</${name}>`);
    return this;
  }

  /** A whole element: empty (`<a x="1"/>`) or with text content. */
  element(name: string, attributes: Attributes = {}, text?: string): this {
    this.newline();
    const tag = this.name(name);
    const attrs = this.attributes(attributes);
    this.push(text === undefined ? `<${tag}${attrs}/>` : `<${tag}${attrs}>${escapeText(text)}</${tag}>`);
    return this;
  }

  /** How deep the writer is: 0 outside the root element. */
  get depth(): number {
    return this.open.length;
  }

  /**
   * Hands what is buffered to the stream once there is at least a chunk of it (or always, with
   * force), and waits while the stream is over its high-water mark. Call it between records.
   */
  async flush(force = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffered === 0 || (!force && this.buffered < this.chunkSize)) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    this.written += chunk.length;
    if (this.out.destroyed || this.out.writableEnded) throw this.failure ?? new Error('XmlWriter: the output stream is closed');
    if (!this.out.write(chunk)) await this.drained();
  }

  /** Writes the rest; with end: true also ends the stream and waits until it has finished. */
  async finish(options: { end: boolean }): Promise<void> {
    if (this.open.length) throw new Error(`XmlWriter: <${this.open.at(-1)}> is still open`);
    if (this.indent) this.push('\n');
    await this.flush(true);
    this.out.off('error', this.onError);
    if (options.end) await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        this.out.off('drain', onDrain);
        this.out.off('error', onError);
        this.out.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onError = (error: Error) => done(error);
      const onClose = () => done(this.failure ?? new Error('XmlWriter: the output stream closed before it drained'));
      this.out.on('drain', onDrain);
      this.out.on('error', onError);
      this.out.on('close', onClose);
    });
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length;
  }

  private newline(): void {
    if (this.indent && (this.open.length > 0 || this.written > 0 || this.buffered > 0)) this.push(`\n${'  '.repeat(this.open.length)}`);
  }

  private name(name: string): string {
    if (!this.checkedNames.has(name)) {
      if (!NAME.test(name)) throw new Error(`XmlWriter: not an element or attribute name: ${JSON.stringify(name)}`);
      this.checkedNames.add(name);
    }
    return name;
  }

  private attributes(attributes: Attributes): string {
    let out = '';
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null) continue;
      out += ` ${this.name(name)}="${escapeAttribute(String(value))}"`;
    }
    return out;
  }
}
