/**
 * Test helpers for IATI files: a small strict reader for the XML the exporter writes (elements,
 * attributes, text, the five entities and character references; anything else is an error), and
 * the official schema check through xmllint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const entity = ENTITIES[ref];
    if (entity === undefined) throw new Error(`Unknown entity ${whole}`);
    return entity;
  });
}

export function parseXml(xml: string): XmlElement {
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  let position = 0;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    position = token.lastIndex;
    const [, close, open, attributes, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (close !== undefined) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open !== undefined) {
      const element: XmlElement = { name: open, attributes: {}, children: [], text: '' };
      for (const [, name, value] of (attributes ?? '').matchAll(/([^\s=]+)="([^"]*)"/g)) element.attributes[name!] = decode(value!);
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      top.text += decode(text);
    }
  }
  if (position !== xml.length) throw new Error(`Cannot read XML at ${position}: ${JSON.stringify(xml.slice(position, position + 40))}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  const root = stack[0]!.children;
  if (root.length !== 1) throw new Error('Not exactly one root element');
  return root[0]!;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

/** The activity with this IATI identifier. */
export function activity(root: XmlElement, identifier: string): XmlElement {
  const found = children(root, 'iati-activity').find((a) => child(a, 'iati-identifier').text === identifier);
  if (!found) throw new Error(`No activity ${identifier}`);
  return found;
}

/** Narratives of an element as [language, text], the activity's default language filled in. */
export function narratives(element: XmlElement, defaultLang = 'en'): [string, string][] {
  return children(element, 'narrative').map((n) => [n.attributes['xml:lang'] ?? defaultLang, n.text]);
}

export const SCHEMA = fileURLToPath(new URL('../../../shared/iati/schema/iati-activities-schema.xsd', import.meta.url));

/** Why the schema check cannot run here, or undefined when it can. CI must have xmllint: there it fails instead. */
export function schemaCheckUnavailable(): string | undefined {
  if (!existsSync(SCHEMA)) return `the IATI schema is not at ${SCHEMA} (../shared/iati/schema/): XSD validation SKIPPED`;
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    if (process.env.CI === 'true') throw new Error('xmllint is required in CI (apt-get install -y libxml2-utils) but was not found');
    return 'xmllint is not installed (apt-get install -y libxml2-utils): XSD validation SKIPPED';
  }
  return undefined;
}

/** xmllint's verdict on a file against the IATI 2.03 activities schema: exit status and its messages. */
export function validateWithXsd(file: string): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}
