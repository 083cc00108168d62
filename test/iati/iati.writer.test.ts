/** The streaming XML writer: escaping, characters XML cannot hold, and backpressure. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { XmlWriter, escapeAttribute, escapeText, xmlSafe } from '../../src/iati/iati.writer.ts';
import { child, parseXml } from './xml.ts';

/** A sink that keeps what it is given. */
function collector(): { sink: Writable; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, text: () => chunks.join('') };
}

async function written(build: (w: XmlWriter) => void): Promise<string> {
  const { sink, text } = collector();
  const w = new XmlWriter(sink);
  w.declaration();
  build(w);
  await w.finish({ end: true });
  return text();
}

const NASTY = `Tom & "Jerry's" <b>bold</b> ]]> \u0000nul\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF lone\uD800 surrogate, kept: tab\t nl\n cr\r emoji 🇸🇪 ä`;

describe('XML writer: escaping', () => {
  it('escapes markup in text and attributes', () => {
    assert.equal(escapeText(`a < b & c > d "q" 'a'`), `a &lt; b &amp; c &gt; d "q" 'a'`);
    assert.equal(escapeAttribute(`a < b & c > d "q" 'a'`), `a &lt; b &amp; c &gt; d &quot;q&quot; 'a'`);
    assert.equal(escapeText(']]>'), ']]&gt;');
  });

  it('keeps tab, newline and carriage return where an XML parser would fold them', () => {
    assert.equal(escapeAttribute('a\tb\nc\rd'), 'a&#9;b&#10;c&#13;d');
    assert.equal(escapeText('a\tb\nc\rd'), 'a\tb\nc&#13;d');
  });

  it('drops the characters XML 1.0 forbids and keeps every other', () => {
    assert.equal(xmlSafe('\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800'), ''); // the last two: lone surrogates, the wrong way round
    assert.equal(xmlSafe('\t\n\r \u007F\u0085\uD7FF\uE000\uFFFD🇸🇪 åäö'), '\t\n\r \u007F\u0085\uD7FF\uE000\uFFFD🇸🇪 åäö');
  });

  it('writes a document that reads back to the same text (and xmllint finds well-formed)', async () => {
    const xml = await written((w) => {
      w.start('root', { 'xmlns:x': 'urn:test', note: NASTY });
      w.element('text', { 'x:empty': '', skipped: undefined, none: null }, NASTY);
      w.element('empty');
      w.end();
    });
    const root = parseXml(xml);
    const expected = xmlSafe(NASTY);
    assert.equal(root.attributes.note, expected);
    assert.equal(child(root, 'text').text, expected);
    assert.deepEqual(child(root, 'text').attributes, { 'x:empty': '' });
    assert.ok(![...xml].some((c) => c.codePointAt(0)! < 0x20 && !'\t\n\r'.includes(c)), 'no control characters but tab, LF and CR');
    const probe = spawnSync('xmllint', ['--version']);
    if (probe.error) return;
    const dir = mkdtempSync(join(tmpdir(), 'samverka-writer-'));
    try {
      writeFileSync(join(dir, 'nasty.xml'), xml);
      const run = spawnSync('xmllint', ['--noout', join(dir, 'nasty.xml')], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names that are not XML names, and unbalanced elements', async () => {
    const { sink } = collector();
    const w = new XmlWriter(sink);
    assert.throws(() => w.element('a b'), /not an element or attribute name/);
    assert.throws(() => w.element('a', { 'on"x': '1' }), /not an element or attribute name/);
    assert.throws(() => w.end(), /without an open element/);
    w.start('open');
    await assert.rejects(w.finish({ end: true }), /still open/);
  });
});

describe('XML writer: streaming', () => {
  it('waits for the stream to drain instead of buffering the whole document', async () => {
    const highWaterMark = 4096;
    let received = 0;
    let largestBacklog = 0;
    const sink = new Writable({
      highWaterMark,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        received += chunk.length;
        largestBacklog = Math.max(largestBacklog, this.writableLength);
        setTimeout(callback, 1); // a slow disk or a slow client
      },
    });
    const w = new XmlWriter(sink, { chunkSize: 1024 });
    w.start('root');
    const element = 'x'.repeat(200);
    for (let i = 0; i < 2000; i++) {
      w.element('item', { n: i }, element);
      await w.flush();
    }
    w.end();
    await w.finish({ end: true });
    assert.ok(received > 400_000, `the whole document arrived (${received})`);
    // Without backpressure the backlog would be the whole document; with it, a high-water mark and a chunk.
    assert.ok(largestBacklog <= highWaterMark + 2048, `backlog stayed small (${largestBacklog})`);
  });

  it('reports a stream that fails instead of waiting for it forever', async () => {
    const sink = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        setTimeout(() => callback(new Error('disk full')), 1);
      },
    });
    const w = new XmlWriter(sink, { chunkSize: 16 });
    w.start('root');
    w.element('a', {}, 'x'.repeat(100));
    await assert.rejects(async () => {
      for (let i = 0; i < 100; i++) {
        w.element('a', {}, 'x'.repeat(100));
        await w.flush();
      }
    }, /disk full|closed/);
  });
});
