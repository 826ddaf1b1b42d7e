// The built admin UI (admin-ui/dist), served for a phone on a slow link:
// - each file in the best coding the browser accepts, from the `.br` and `.gz` copies the build
//   wrote beside it (scripts/uiBuild.ts), with its own Content-Type, Content-Encoding and
//   `Vary: Accept-Encoding`;
// - hashed files (/assets/…: the name changes with the content) cached for a year as immutable;
//   index.html and anything else unhashed (a service worker, a manifest) revalidated each time
//   (`no-cache`), answered 304 while its ETag holds;
// - any other path outside /api (without a file's extension) is a screen of the single-page app:
//   index.html.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import { notFound } from '../core/errors';
import { acceptedCoding, type Coding } from './compression';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Content types of what a build holds; anything else is sent as bytes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The files the build writes `.br` and `.gz` copies of (scripts/uiBuild.ts reads this too). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|webmanifest|svg|txt)$/;

const CODING_SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

async function statFile(file: string): Promise<fs.Stats | undefined> {
  try {
    const s = await fs.promises.stat(file);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

const etagOf = (s: fs.Stats) => `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`;

/** Whether the client's copy (If-None-Match, else If-Modified-Since) is still this one. */
function fresh(req: Request, etag: string, mtime: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  const ims = req.headers['if-modified-since'];
  return !!ims && Math.floor(mtime.getTime() / 1000) <= Math.floor(Date.parse(ims) / 1000);
}

/** Sends `file` (a path inside the build) in the best coding its copies and the request allow. */
async function sendFile(req: Request, res: Response, file: string, stat: fs.Stats, cacheControl: string) {
  const compressible = COMPRESSIBLE.test(file);
  let served = { file, stat, coding: undefined as Coding | undefined };
  if (compressible) {
    // the codings present on disk, in our order; then the one the client takes
    const copies = new Map<Coding, fs.Stats>();
    for (const coding of ['br', 'gzip'] as const) {
      const s = await statFile(file + CODING_SUFFIX[coding]);
      if (s) copies.set(coding, s);
    }
    const coding = acceptedCoding(req.headers['accept-encoding'], [...copies.keys()]);
    if (coding) served = { file: file + CODING_SUFFIX[coding], stat: copies.get(coding)!, coding };
    res.setHeader('Vary', 'Accept-Encoding');
  }
  const etag = etagOf(served.stat);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', served.stat.mtime.toUTCString());
  if (fresh(req, etag, served.stat.mtime)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  if (served.coding) res.setHeader('Content-Encoding', served.coding);
  res.setHeader('Content-Length', served.stat.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(fs.createReadStream(served.file), res);
  } catch (e) {
    // the client went away mid-file (a closed tab, a village's link lost): nobody left to answer
    if (res.destroyed || (e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw e;
  }
}

/**
 * The UI's files and its screens' paths, from `dist` (which may be built after the app starts:
 * each request looks at the disk). Paths under /api are left to the API.
 */
export function uiFiles(dist: string): RequestHandler {
  const root = path.resolve(dist);
  const index = path.join(root, 'index.html');
  return async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(root, rel);
    const hashed = rel.startsWith('/assets/');
    const stat = !rel.includes('\0') && file.startsWith(root + path.sep) && !path.basename(file).startsWith('.') ? await statFile(file) : undefined;
    if (stat) return sendFile(req, res, file, stat, hashed ? IMMUTABLE : REVALIDATE);
    // a file that is not there (an old build's chunk, a favicon) is a 404, never the app's page; a
    // screen's path has no extension, also under /assets/ (the fixed-assets screens: /assets/create)
    if (/\.[a-z0-9]+$/i.test(rel)) throw notFound('file', rel);
    const indexStat = await statFile(index);
    if (!indexStat) return next();
    return sendFile(req, res, index, indexStat, REVALIDATE);
  };
}
