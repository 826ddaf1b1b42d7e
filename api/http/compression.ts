// Content codings for responses: which one a client accepts (Accept-Encoding, RFC 9110 §12.5.3),
// and the API's JSON compressed when it is worth it. The UI's files are compressed at build time
// (scripts/uiBuild.ts) and served as they are (uiFiles.ts); only API bodies are compressed here.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Coding = 'br' | 'gzip';

/** The codings we produce, best first. */
export const CODINGS: readonly Coding[] = ['br', 'gzip'];

/**
 * The first of `offered` (in our order of preference) that the Accept-Encoding header accepts:
 * named with a q-value above 0, or covered by `*` with one. No header: none (identity).
 */
export function acceptedCoding(header: string | undefined, offered: readonly Coding[] = CODINGS): Coding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  return offered.find((c) => {
    const v = q.get(c) ?? (c === 'gzip' ? q.get('x-gzip') : undefined) ?? star;
    return v !== undefined && v > 0;
  });
}

/** API bodies below this many bytes go out as they are: a packet's worth costs more to compress than it saves. */
export const COMPRESS_MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A JSON text compressed for the client: brotli at quality 5 (a fraction of a millisecond for a
 * list page, a sixth smaller than gzip's best) or gzip at level 6, on libuv's thread pool so
 * that the event loop goes on serving.
 */
export function compressText(text: string, coding: Coding): Promise<Buffer> {
  if (coding === 'br')
    return brotli(text, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length,
      },
    });
  return gzip(text, { level: 6 });
}
