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

/**
 * Sends `file` (a path inside the build) in the best coding its copies and the request allow;
 * ETag (of the copy sent), 304, HEAD and Content-Length are express's sendFile's.
 */
async function sendFile(req: Request, res: Response, file: string, cacheControl: string) {
  let served = file;
  if (COMPRESSIBLE.test(file)) {
    // the codings present on disk, in our order; then the one the client takes
    const copies: Coding[] = [];
    for (const coding of ['br', 'gzip'] as const) if (await statFile(file + CODING_SUFFIX[coding])) copies.push(coding);
    const coding = acceptedCoding(req.headers['accept-encoding'], copies);
    if (coding) {
      served = file + CODING_SUFFIX[coding];
      res.setHeader('Content-Encoding', coding);
    }
    res.setHeader('Vary', 'Accept-Encoding');
  }
  res.setHeader('Cache-Control', cacheControl);
  // the type of the file, not of its .br or .gz copy (sendFile keeps a type already set)
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  await new Promise<void>((resolve, reject) =>
    res.sendFile(served, { cacheControl: false, dotfiles: 'allow' }, (e?: Error & { code?: string }) =>
      // the client went away mid-file (a closed tab, a village's link lost): nobody left to answer
      !e || res.destroyed || e.code === 'ECONNABORTED' || e.code === 'ECONNRESET' ? resolve() : reject(e),
    ),
  );
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
    if (stat) return sendFile(req, res, file, hashed ? IMMUTABLE : REVALIDATE);
    // a file that is not there (an old build's chunk, a favicon) is a 404, never the app's page; a
    // screen's path has no extension, also under /assets/ (the fixed-assets screens: /assets/create)
    if (/\.[a-z0-9]+$/i.test(rel)) throw notFound('file', rel);
    if (!(await statFile(index))) return next();
    return sendFile(req, res, index, REVALIDATE);
  };
}
