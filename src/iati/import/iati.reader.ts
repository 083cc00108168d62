/**
 * A streaming reader for IATI activity files. Bytes are decoded strictly as UTF-8 and fed to saxes
 * without namespace processing; each `iati-activity` is built as a small tree with line numbers,
 * handed out, and forgotten, so memory stays flat whatever the file size. Anything that makes the
 * file untrustworthy (not XML, not IATI 2.0x, a DOCTYPE, a limit exceeded) ends the read with an
 * IatiCriticalError naming the line.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Message } from '../../shared/i18n.ts';

/**
 * An element's attributes as names and values alternately, in the file's order: `[name1, value1,
 * name2, value2, …]`. Read one with attributeValue(). A flat array costs one allocation per element
 * with attributes (a Map per element was a visible part of reading), is searched faster than an
 * object keyed by arbitrary names, and makes names such as `__proto__` plain data.
 */
export type XmlAttributes = readonly string[];

/** The value of the attribute with this name, if the element has it (names are unique: saxes refuses duplicates). */
export function attributeValue(attributes: XmlAttributes, name: string): string | undefined {
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

const NO_ATTRIBUTES: XmlAttributes = Object.freeze([]);
/** The children of every leaf (most elements): one array fewer per element. */
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

export interface XmlNode {
  name: string;
  attributes: XmlAttributes;
  /** In the file's order; elements without children share one frozen empty array. */
  children: readonly XmlNode[];
  text: string;
  line: number;
  /**
   * The children by name, made by the mapping on its first lookup in an element with many
   * children (iati.to-activity.ts); undefined until then.
   */
  byName: Map<string, XmlNode[]> | undefined;
}

export interface RootInfo {
  version: string;
  attributes: XmlAttributes;
  line: number;
}

export interface ReadActivity {
  root: RootInfo;
  activity: XmlNode;
}

export interface CriticalProblem {
  severity: 'critical';
  code: string;
  line: number;
  message: Message;
}

export class IatiCriticalError extends Error {
  readonly problem: CriticalProblem;
  constructor(code: string, line: number, message: Message) {
    super(message.en);
    this.name = 'IatiCriticalError';
    this.problem = { severity: 'critical', code, line, message };
  }
}

export interface ReaderLimits {
  /** Total bytes read; the IATI Registry refuses files above 60 000 000. */
  maxBytes: number;
  /** Element nesting, counted from the root. */
  maxDepth: number;
  maxAttributes: number;
  /** Characters of one text node, after references are expanded. */
  maxText: number;
  /** Entity and character references within one run of text between two tags. */
  maxReferences: number;
  maxElementsPerActivity: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxBytes: 60_000_000,
  maxDepth: 64,
  maxAttributes: 256,
  maxText: 1_000_000,
  maxReferences: 100_000,
  maxElementsPerActivity: 200_000,
};

export const SUPPORTED_VERSIONS = ['2.01', '2.02', '2.03'];

const critical = (code: string, line: number, sv: string, en: string) => new IatiCriticalError(code, line, { sv, en });

/** Line breaks in text[from, to). */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** The handler properties saxes keeps, one per event. */
interface SaxesHandlers {
  xmldeclHandler: unknown; textHandler: unknown; piHandler: unknown; doctypeHandler: unknown; commentHandler: unknown;
  openTagStartHandler: unknown; attributeHandler: unknown; openTagHandler: unknown; closeTagHandler: unknown;
  cdataHandler: unknown; errorHandler: unknown; endHandler: unknown; readyHandler: unknown;
}

/**
 * saxes stores each handler under a computed property name (`this[name] = handler`). After more
 * than a few such stores V8 turns the parser into a slow dictionary object, and every property
 * read in its inner loop pays for it: with the nine handlers below, parsing took about 3.5 times
 * as long. Creating the properties up front, by name, keeps the object fast.
 */
class Parser extends SaxesParser<{ xmlns: false; position: true }> {
  constructor() {
    super({ xmlns: false, position: true });
    const h = this as unknown as SaxesHandlers;
    h.xmldeclHandler = undefined; h.textHandler = undefined; h.piHandler = undefined; h.doctypeHandler = undefined;
    h.commentHandler = undefined; h.openTagStartHandler = undefined; h.attributeHandler = undefined; h.openTagHandler = undefined;
    h.closeTagHandler = undefined; h.cdataHandler = undefined; h.errorHandler = undefined; h.endHandler = undefined; h.readyHandler = undefined;
  }
}

/** saxes' two steps for attributes (private in its types): collecting one, and checking a tag's at its end. */
interface SaxesAttributeSteps {
  pushAttrib: (name: string, value: string) => void;
  processAttribs: () => void;
}

/**
 * saxes collects each attribute as an object, hands it to the `attribute` event, and at the tag's
 * end copies all of the tag's attributes into a prototype-less object (a dictionary, one per
 * element) to find duplicates. The reader only needs the flat XmlAttributes array, so both steps
 * are replaced: `push` puts each attribute straight into it, and `check` finds duplicates in it,
 * failing where saxes did (the tag's end) with saxes' message. Reading took about a fifth less.
 */
function replaceAttributeSteps(parser: Parser, push: (name: string, value: string) => void, check: () => void): void {
  const steps = parser as unknown as SaxesAttributeSteps;
  steps.pushAttrib = push;
  steps.processAttribs = check;
}

/**
 * The first name that occurs earlier among these attributes, as saxes reports it. A few are
 * compared pairwise; many (up to maxAttributes) through a set, so that a hostile element costs
 * linear time.
 */
function duplicateName(attributes: readonly string[]): string | undefined {
  if (attributes.length <= 32) {
    for (let i = 2; i < attributes.length; i += 2) {
      for (let j = 0; j < i; j += 2) if (attributes[i] === attributes[j]) return attributes[i];
    }
    return undefined;
  }
  const seen = new Set<string>();
  for (let i = 0; i < attributes.length; i += 2) {
    const name = attributes[i]!;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/**
 * Reads activities from a byte stream (a file or an upload). `onBytes` is told the running byte
 * count after each chunk, for progress reports.
 */
export async function* readIatiActivities(
  input: AsyncIterable<Uint8Array | string>,
  options: Partial<ReaderLimits> & { onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<ReadActivity> {
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'number')) };
  const parser = new Parser();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ready: ReadActivity[] = [];
  let root: RootInfo | undefined;
  let rootClosed = false;
  let depth = 0;
  /** The open elements of the current activity, outermost first, and the innermost of them. */
  const stack: XmlNode[] = [];
  let current: XmlNode | undefined;
  let elementsInActivity = 0;
  /** The attributes of the tag being read, collected as saxes reports them. */
  let attributesOfTag: string[] | undefined;
  let bytes = 0;
  /** Characters and references since the last `<`, carried over chunk boundaries. */
  let runLength = 0;
  let runReferences = 0;
  /** The tail of the previous chunk, so that `<!DOCTYPE` split over two chunks is still seen. */
  let tail = '';

  let closing = false;
  parser.on('error', (error) => {
    if (closing) {
      throw critical('truncated', parser.line, `Filen tar slut mitt i (rad ${parser.line}): den är avkortad. ${error.message}`,
        `The file ends early (line ${parser.line}): it is truncated. ${error.message}`);
    }
    throw critical('malformed-xml', parser.line, `Filen är inte välformad XML (rad ${parser.line}): ${error.message}`,
      `The file is not well-formed XML (line ${parser.line}): ${error.message}`);
  });
  parser.on('doctype', () => {
    throw critical('doctype', parser.line, `Filen har en DOCTYPE-deklaration (rad ${parser.line}). IATI-filer har ingen, och den kan användas för attacker (externa entiteter, entitetsbomber). Ta bort den.`,
      `The file has a DOCTYPE declaration (line ${parser.line}). IATI files have none, and it can carry attacks (external entities, entity bombs). Remove it.`);
  });
  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw critical('encoding', parser.line, `Filen säger sig vara kodad som ${decl.encoding}; bara UTF-8 läses. Spara om filen som UTF-8.`,
        `The file declares the encoding ${decl.encoding}; only UTF-8 is read. Save the file as UTF-8.`);
    }
  });
  replaceAttributeSteps(parser, (name, value) => {
    attributesOfTag ??= [];
    attributesOfTag.push(name, value);
    if (attributesOfTag.length > 2 * limits.maxAttributes) {
      throw critical('too-many-attributes', parser.line, `Ett element har fler än ${limits.maxAttributes} attribut (rad ${parser.line}).`,
        `An element has more than ${limits.maxAttributes} attributes (line ${parser.line}).`);
    }
  }, () => {
    const duplicate = attributesOfTag && duplicateName(attributesOfTag);
    if (duplicate !== undefined) parser.fail(`duplicate attribute: ${duplicate}.`);
  });
  parser.on('opentagstart', () => {
    attributesOfTag = undefined;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    const line = parser.line;
    if (depth > limits.maxDepth) {
      throw critical('too-deep', line, `Elementen är nästlade djupare än ${limits.maxDepth} nivåer (rad ${line}).`,
        `Elements are nested deeper than ${limits.maxDepth} levels (line ${line}).`);
    }
    const attributes = attributesOfTag ?? NO_ATTRIBUTES;
    if (depth === 1) {
      root = openRoot(tag.name, attributes, line);
      return;
    }
    if (stack.length === 0) {
      if (depth !== 2 || tag.name !== 'iati-activity') return; // Outside any activity: nothing IATI needs.
      elementsInActivity = 0;
    }
    elementsInActivity += 1;
    if (elementsInActivity > limits.maxElementsPerActivity) {
      throw critical('activity-too-large', line, `En aktivitet har fler än ${limits.maxElementsPerActivity} element (rad ${line}).`,
        `An activity has more than ${limits.maxElementsPerActivity} elements (line ${line}).`);
    }
    const node: XmlNode = { name: tag.name, attributes, children: NO_CHILDREN, text: '', line, byName: undefined };
    if (current !== undefined) {
      if (current.children === NO_CHILDREN) current.children = [node];
      else (current.children as XmlNode[]).push(node);
    }
    stack.push(node);
    current = node;
  });
  const onText = (text: string) => {
    const node = current;
    if (!node) return;
    node.text += text;
    if (node.text.length > limits.maxText) {
      throw critical('text-too-long', parser.line, `En text är längre än ${limits.maxText} tecken (rad ${parser.line}).`,
        `A text is longer than ${limits.maxText} characters (line ${parser.line}).`);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth -= 1;
    if (depth === 0) {
      rootClosed = true;
      return;
    }
    const node = stack.pop();
    current = stack[stack.length - 1];
    if (node && stack.length === 0 && root) ready.push({ root, activity: node });
  });
  // Processing instructions (xml-stylesheet and the like) are ignored: never fetched, never run.

  const feed = (text: string) => {
    // Cheap guards on the raw text before saxes buffers it: a DOCTYPE before the root, and runs of
    // text (or references) too long to be anything but an attack.
    if (!root) {
      const window = tail + text;
      const at = window.indexOf('<!DOCTYPE');
      if (at !== -1) {
        // The parser has counted the lines of everything before this chunk, the tail included.
        const line = parser.line + newlines(window, 0, at) - newlines(tail, 0, tail.length);
        throw critical('doctype', line, `Filen har en DOCTYPE-deklaration (rad ${line}). IATI-filer har ingen, och den kan användas för attacker (externa entiteter, entitetsbomber). Ta bort den.`,
          `The file has a DOCTYPE declaration (line ${line}). IATI files have none, and it can carry attacks (external entities, entity bombs). Remove it.`);
      }
      tail = window.slice(-8);
    }
    // Walk the runs between `<`s: each run's length and references carry over chunk boundaries.
    // Both searches only move forward, so a chunk is scanned once whatever its size (a search for
    // the next `&` from every run's start would scan to the chunk's end for each run).
    let from = 0;
    let amp = text.indexOf('&');
    for (;;) {
      const lt = text.indexOf('<', from);
      const end = lt === -1 ? text.length : lt;
      runLength += end - from;
      for (; amp !== -1 && amp < end; amp = text.indexOf('&', amp + 1)) runReferences += 1;
      if (runLength > limits.maxText * 8) {
        throw critical('text-too-long', parser.line, `En text är längre än ${limits.maxText} tecken (nära rad ${parser.line}).`,
          `A text is longer than ${limits.maxText} characters (near line ${parser.line}).`);
      }
      if (runReferences > limits.maxReferences) {
        throw critical('too-many-references', parser.line, `En text har fler än ${limits.maxReferences} tecken- eller entitetsreferenser (nära rad ${parser.line}).`,
          `A text has more than ${limits.maxReferences} character or entity references (near line ${parser.line}).`);
      }
      if (lt === -1) break;
      runLength = 0;
      runReferences = 0;
      from = lt + 1;
    }
    parser.write(text);
  };

  try {
    for await (const chunk of input) {
      const data = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      bytes += data.byteLength;
      if (bytes > limits.maxBytes) {
        throw critical('file-too-large', parser.line, `Filen är större än ${limits.maxBytes} byte. IATI-registret tar emot högst 60 000 000 byte per fil; dela upp filen.`,
          `The file is larger than ${limits.maxBytes} bytes. The IATI Registry accepts at most 60,000,000 bytes per file; split the file.`);
      }
      feed(decoder.decode(data, { stream: true }));
      options.onBytes?.(bytes);
      // Hand out what this chunk completed, and let it go.
      while (ready.length) yield ready.shift()!;
    }
    feed(decoder.decode());
    closing = true;
    parser.close();
  } catch (error) {
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) {
      throw critical('not-utf8', parser.line, `Filen är inte giltig UTF-8 (nära rad ${parser.line}). Spara om filen som UTF-8.`,
        `The file is not valid UTF-8 (near line ${parser.line}). Save the file as UTF-8.`);
    }
    throw error;
  }
  while (ready.length) yield ready.shift()!;
  if (!root) {
    throw critical('empty', parser.line, 'Filen innehåller inget XML-element.', 'The file contains no XML element.');
  }
  if (!rootClosed) {
    throw critical('truncated', parser.line, `Filen tar slut mitt i (rad ${parser.line}): den är avkortad.`, `The file ends early (line ${parser.line}): it is truncated.`);
  }
}

function openRoot(name: string, attributes: XmlAttributes, line: number): RootInfo {
  if (name === 'iati-organisations') {
    throw critical('organisation-file', line, 'Det här är en IATI-organisationsfil; importen läser aktivitetsfiler (iati-activities).',
      'This is an IATI organisation file; the import reads activity files (iati-activities).');
  }
  if (name !== 'iati-activities') {
    throw critical('not-iati', line, `Rotelementet är <${name}>, inte <iati-activities>: det här är ingen IATI-aktivitetsfil.`,
      `The root element is <${name}>, not <iati-activities>: this is not an IATI activity file.`);
  }
  const version = attributeValue(attributes, 'version')?.trim() ?? '';
  if (/^1\./.test(version)) {
    throw critical('unsupported-version', line, `Filen följer IATI ${version}. Version 1 stöds inte längre av IATI; konvertera filen till 2.03 (eller 2.01–2.02) och importera igen.`,
      `The file follows IATI ${version}. Version 1 is no longer supported by IATI; convert the file to 2.03 (or 2.01–2.02) and import it again.`);
  }
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw critical('unsupported-version', line, `IATI-versionen "${version}" stöds inte; filen måste följa 2.01, 2.02 eller 2.03.`,
      `IATI version "${version}" is not supported; the file must follow 2.01, 2.02 or 2.03.`);
  }
  return { version, attributes, line };
}
