// The rows of an xlsx file's first worksheet, streamed: the zip's central directory read from the
// file on disk (so the worksheet and its shared strings are opened in the order needed, whatever
// order the writer stored them in), each part inflated as a stream, and the XML scanned row by row
// as latin1 text (one character a byte: the markup is ASCII, no character is cut between chunks, and
// the scan runs over one-byte strings), only each cell's own text decoded as UTF-8 — decoding the
// whole XML (a 500,000-row file inflates to about 400 MB) was the reader's largest cost.
//
// Why not exceljs' WorkbookReader: it decodes each inflated chunk on its own (`TextDecoder.decode`
// without `stream: true`), so a Chinese character whose three bytes straddle two chunks becomes
// U+FFFD — 13 rows of the 100,000-row prescription benchmark were refused for a 门诊 or 注射 read as
// "门���" — and it reads about 3,500 rows a second where this reads well over 50,000.
//
// Cells come as exceljs' streamed reader gave them to the imports (styles ignored): text, a number
// (a date is its Excel serial number), a boolean, an error's text (#N/A), a formula's cached result,
// rich text joined; a missing cell is undefined.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';

export type XlsxCell = string | number | boolean | Date | null | undefined;

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

class NotXlsx extends Error {}

/** The zip's entries by name, from its central directory (no zip64: an xlsx file is far below 4 GB). */
async function zipEntries(fd: fs.promises.FileHandle): Promise<Map<string, ZipEntry>> {
  const { size } = await fd.stat();
  const tailSize = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailSize);
  await fd.read(tail, 0, tailSize, size - tailSize);
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotXlsx('not a zip file (no end of central directory)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new NotXlsx('zip64 files are not supported');
  const cd = Buffer.alloc(cdSize);
  await fd.read(cd, 0, cdSize, cdOffset);
  const entries = new Map<string, ZipEntry>();
  for (let p = 0, n = 0; n < count; n++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new NotXlsx('corrupt zip central directory');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), localOffset: cd.readUInt32LE(p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** One zip entry's content as a stream of bytes. */
async function entryStream(fd: fs.promises.FileHandle, path: string, entry: ZipEntry): Promise<Readable> {
  const local = Buffer.alloc(30);
  await fd.read(local, 0, 30, entry.localOffset);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new NotXlsx('corrupt zip local header');
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  // 64 KB pieces: each one's text is a young string, collected as soon as it is scanned (with 256 KB ones the
  // reading took 2.3 s of CPU per 100,000 prescription rows, with these 1.65 s)
  const raw = fs.createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new NotXlsx(`zip compression method ${entry.method} is not supported`);
  return raw.pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
}

/** Each complete `<tag …>…</tag>` (or `<tag …/>`) of a stream of XML, as its attributes and inner text; a namespace prefix is allowed. */
async function* elements(stream: Readable, tag: string): AsyncGenerator<{ attrs: string; inner: string }> {
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`, 'g');
  let buf = '';
  for await (const chunk of stream) {
    buf += (chunk as Buffer).toString('latin1');
    re.lastIndex = 0;
    let end = 0;
    for (let m = re.exec(buf); m; m = re.exec(buf)) {
      end = re.lastIndex;
      yield { attrs: m[1], inner: m[2] ?? '' };
    }
    // keep what may be the start of an element not yet complete
    if (end) buf = buf.slice(end);
  }
  re.lastIndex = 0;
  for (let m = re.exec(buf); m; m = re.exec(buf)) yield { attrs: m[1], inner: m[2] ?? '' };
}

const NOT_ASCII = /[\x80-\xff]/; // (a latin1 string has no character above \xff)
/** A cell's text read as latin1 (its UTF-8 bytes one character each) → the text. */
const utf8 = (s: string) => (NOT_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s);

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]));

const TEXT = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic guides left out. */
function itemText(inner: string): string {
  const s = inner.includes('rPh') ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(s); m; m = TEXT.exec(s)) out += m[1] ?? '';
  return unescape(utf8(out));
}

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
};
const ROW_R = /\br="(\d+)"/;
const R_ATTR = /\br="([A-Z]+)(\d*)"/;
const T_ATTR = /\bt="(\w+)"/;
const V = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

const columnIndex = (letters: string) => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
};

function cellValue(type: string | undefined, inner: string, shared: readonly string[]): XlsxCell {
  if (type === 'inlineStr') {
    // the usual <is><t>text</t></is> without the regular expressions
    if (inner.startsWith('<is><t>') && inner.endsWith('</t></is>') && inner.indexOf('<', 7) === inner.length - 9) return unescape(utf8(inner.slice(7, -9)));
    const is = IS.exec(inner);
    return is ? itemText(is[1]) : null;
  }
  const v = V.exec(inner);
  if (!v) return null;
  const text = v[1];
  switch (type) {
    case 's':
      return shared[Number(text)] ?? null;
    case 'str':
    case 'e':
      return unescape(utf8(text));
    case 'b':
      return text === '1' || text === 'true';
    case 'd':
      return new Date(text);
    default:
      return text === '' ? null : Number(text);
  }
}

/** A part's path inside the zip, from a relationship's target (relative to xl/, or absolute). */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/**
 * The rows of the workbook's first sheet in order, each with its number (as the spreadsheet shows it)
 * and its cells 0-based by column. A file that is not a readable xlsx throws an Error saying why.
 */
export async function* xlsxRows(path: string): AsyncGenerator<{ row: number; values: XlsxCell[] }> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const entries = await zipEntries(fd);
    const read = async (name: string) => {
      const e = entries.get(name);
      if (!e) return null;
      const chunks: Buffer[] = [];
      for await (const c of await entryStream(fd, path, e)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const workbook = await read('xl/workbook.xml');
    if (workbook === null) throw new NotXlsx('no xl/workbook.xml');
    const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
    const relTarget = new Map<string, { target: string; type: string }>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g))
      relTarget.set(attr(m[1], 'Id') ?? '', { target: attr(m[1], 'Target') ?? '', type: attr(m[1], 'Type') ?? '' });
    const firstSheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbook);
    const rid = firstSheet ? /\b[\w]+:id="([^"]*)"/.exec(firstSheet[1])?.[1] : undefined;
    const sheetPath = rid && relTarget.get(rid) ? partPath(relTarget.get(rid)!.target) : 'xl/worksheets/sheet1.xml';
    const sheetEntry = entries.get(sheetPath);
    if (!sheetEntry) throw new NotXlsx(`no worksheet ${sheetPath}`);
    const sharedRel = [...relTarget.values()].find((r) => r.type.endsWith('/sharedStrings'));
    const sharedPath = sharedRel ? partPath(sharedRel.target) : 'xl/sharedStrings.xml';

    const shared: string[] = [];
    const sharedEntry = entries.get(sharedPath);
    if (sharedEntry) for await (const si of elements(await entryStream(fd, path, sharedEntry), 'si')) shared.push(itemText(si.inner));

    let rowNumber = 0;
    for await (const row of elements(await entryStream(fd, path, sheetEntry), 'row')) {
      const r = ROW_R.exec(row.attrs);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      const values: XlsxCell[] = [];
      let col = -1;
      CELL.lastIndex = 0;
      for (let c = CELL.exec(row.inner); c; c = CELL.exec(row.inner)) {
        const ref = R_ATTR.exec(c[1]);
        col = ref ? columnIndex(ref[1]) : col + 1;
        values[col] = cellValue(T_ATTR.exec(c[1])?.[1], c[2] ?? '', shared);
      }
      yield { row: rowNumber, values };
    }
  } finally {
    await fd.close();
  }
}
