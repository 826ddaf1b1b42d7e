// The UI's files over HTTP as a phone's browser gets them: precompressed copies chosen by
// Accept-Encoding (decompressing to the very bytes of the file), the right types and caching
// (hashed files immutable for a year, the rest revalidated, 304 while the ETag holds), the app's
// paths answered with index.html, a missing hashed file a 404. And the API's JSON compressed for
// a client that asks, left as it is for one that does not.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'chai';
import express from 'express';
import { precompress } from '../../scripts/uiBuild';
import { system, tokenFor, type Problem } from '../../scripts/test/harness';
import { errorHandler } from './errors';
import { acceptedCoding } from './compression';
import { uiFiles } from './uiFiles';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body comes back as sent (Node's fetch would decompress it). */
function raw(base: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body) : r.body;

describe('acceptedCoding (Accept-Encoding)', () => {
  it('prefers brotli, then gzip, honours q=0 and *, and none without the header', () => {
    expect(acceptedCoding('gzip, deflate, br, zstd')).to.equal('br');
    expect(acceptedCoding('gzip, deflate')).to.equal('gzip');
    expect(acceptedCoding('br;q=0, gzip;q=0.5')).to.equal('gzip');
    expect(acceptedCoding('identity')).to.equal(undefined);
    expect(acceptedCoding('*')).to.equal('br');
    expect(acceptedCoding('*;q=0')).to.equal(undefined);
    expect(acceptedCoding('BR;Q=1')).to.equal('br');
    expect(acceptedCoding('x-gzip')).to.equal('gzip');
    expect(acceptedCoding(undefined)).to.equal(undefined);
    expect(acceptedCoding('br, gzip', ['gzip'])).to.equal('gzip');
  });
});

describe('the UI files (a built dist precompressed, served by uiFiles)', () => {
  let dist: string;
  let server: http.Server;
  let base: string;
  const js = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: '居民${i}', due: '2026-0${(i % 9) + 1}-15' }`).join(',\n')}];\n`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>医联体 ERP</title><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>\n`;
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  before(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-ui-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), html);
    fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js'), js);
    fs.writeFileSync(path.join(dist, 'assets/logo-XyZ789.png'), png);
    fs.writeFileSync(path.join(dist, 'manifest.webmanifest'), JSON.stringify({ name: '医联体', icons: [], start_url: '/', display: 'standalone' }));
    const app = express();
    app.get('/api/ping', (_req, res) => {
      res.json({ pong: true });
    });
    app.use(uiFiles(dist));
    app.use(errorHandler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('the build step writes a smaller .br and .gz beside each compressible file, none beside an image', async () => {
    const t = await precompress(dist);
    expect(t.files).to.equal(3);
    const file = path.join(dist, 'assets/index-AbC123.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).toString()).to.equal(js);
    expect(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString()).to.equal(js);
    expect(fs.statSync(`${file}.br`).size).to.be.below(fs.statSync(`${file}.gz`).size);
    expect(fs.statSync(`${file}.gz`).size).to.be.below(js.length / 4);
    expect(fs.existsSync(path.join(dist, 'assets/logo-XyZ789.png.br'))).to.equal(false);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).to.equal(true);
  });

  it('a hashed script: brotli, gzip or as is by Accept-Encoding, each decoding to the file, cached a year as immutable', async () => {
    for (const [accept, coding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const r = await raw(base, '/assets/index-AbC123.js', { 'accept-encoding': accept });
      expect(r.status, accept).to.equal(200);
      expect(r.headers['content-encoding'], accept).to.equal(coding);
      expect(r.headers['content-type']).to.equal('text/javascript; charset=utf-8');
      expect(r.headers.vary).to.equal('Accept-Encoding');
      expect(r.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
      expect(Number(r.headers['content-length'])).to.equal(r.body.length);
      expect(decode(r).toString(), accept).to.equal(js);
    }
    const br = await raw(base, '/assets/index-AbC123.js', { 'accept-encoding': 'br' });
    expect(br.body.length).to.equal(fs.statSync(path.join(dist, 'assets/index-AbC123.js.br')).size);
    // no Accept-Encoding at all: the file itself
    const none = await raw(base, '/assets/index-AbC123.js');
    expect(none.headers['content-encoding']).to.equal(undefined);
    expect(none.body.toString()).to.equal(js);
  });

  it('index.html and the app’s own paths: the page, compressed, revalidated each time (no-cache); 304 while its ETag holds', async () => {
    for (const p of ['/', '/index.html', '/tasks', '/followups/create?task_id=7']) {
      const r = await raw(base, p, { 'accept-encoding': 'gzip, br' });
      expect(r.status, p).to.equal(200);
      expect(r.headers['content-type'], p).to.equal('text/html; charset=utf-8');
      expect(r.headers['content-encoding'], p).to.equal('br');
      expect(r.headers['cache-control'], p).to.equal('no-cache');
      expect(decode(r).toString(), p).to.equal(html);
    }
    const first = await raw(base, '/tasks', { 'accept-encoding': 'br' });
    const again = await raw(base, '/tasks', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! });
    expect(again.status).to.equal(304);
    expect(again.body.length).to.equal(0);
    expect(again.headers.etag).to.equal(first.headers.etag);
    expect(again.headers['cache-control']).to.equal('no-cache');
    // each coding is its own representation: the gzip copy's ETag does not match the brotli one
    const gz = await raw(base, '/tasks', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });
    expect(gz.status).to.equal(200);
    expect(gz.headers['content-encoding']).to.equal('gzip');
    expect(gz.headers.etag).to.not.equal(first.headers.etag);
    // a new build (the file changed): the old ETag no longer holds
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dist, 'index.html.br'), later, later);
    const changed = await raw(base, '/tasks', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! });
    expect(changed.status).to.equal(200);
    expect(decode(changed).toString()).to.equal(html);
  });

  it('an unhashed file (a manifest, later a service worker) is revalidated; an image goes as it is', async () => {
    const m = await raw(base, '/manifest.webmanifest', { 'accept-encoding': 'gzip' });
    expect(m.headers['content-type']).to.equal('application/manifest+json; charset=utf-8');
    expect(m.headers['cache-control']).to.equal('no-cache');
    expect(m.headers['content-encoding']).to.equal(undefined); // its gzip copy was not smaller than it
    expect((JSON.parse(decode(m).toString()) as { name: string }).name).to.equal('医联体');
    const img = await raw(base, '/assets/logo-XyZ789.png', { 'accept-encoding': 'br, gzip' });
    expect(img.headers['content-type']).to.equal('image/png');
    expect(img.headers['content-encoding']).to.equal(undefined);
    expect(img.headers.vary).to.equal(undefined);
    expect(img.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
    expect(img.body.equals(png)).to.equal(true);
  });

  it('HEAD gives the headers alone; a missing file (a hashed chunk, a favicon) is a JSON 404, never the page; nothing outside the build is served', async () => {
    const head = await raw(base, '/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).to.equal(200);
    expect(head.body.length).to.equal(0);
    expect(Number(head.headers['content-length'])).to.equal(fs.statSync(path.join(dist, 'assets/index-AbC123.js.br')).size);
    for (const p of ['/assets/index-OldOld.js', '/favicon.ico']) {
      const gone = await raw(base, p, { 'accept-encoding': 'br' });
      expect(gone.status, p).to.equal(404);
      expect(gone.headers['content-type'], p).to.match(/application\/json/);
      expect((JSON.parse(gone.body.toString()) as Problem).error.code, p).to.equal('not_found');
    }
    // the fixed-assets resource's screens share the hashed files' folder: a screen is the page
    for (const p of ['/assets/create', '/assets/12/show']) {
      const screen = await raw(base, p);
      expect(screen.status, p).to.equal(200);
      expect(decode(screen).toString(), p).to.equal(html);
    }
    // a path climbing out of the build gets the page, not the file
    const out = await raw(base, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(out.status).to.equal(200);
    expect(decode(out).toString()).to.equal(html);
    // the API's own paths are not the UI's
    const api = await raw(base, '/api/ping');
    expect(JSON.parse(api.body.toString())).to.deep.equal({ pong: true });
  });
});

describe('the API’s JSON, compressed for a client that asks', () => {
  it('a list page of 1 kB or more: brotli or gzip by Accept-Encoding, the same JSON; as it is without the header or below 1 kB', async () => {
    const { url } = await system();
    const auth = { authorization: `Bearer ${await tokenFor('admin')}` };
    const page = '/api/org-units?range=%5B0%2C49%5D';
    const plain = await raw(url, page, auth);
    expect(plain.status).to.equal(200);
    expect(plain.headers['content-encoding']).to.equal(undefined);
    expect(plain.body.length).to.be.above(1024);
    const rows = JSON.parse(plain.body.toString()) as unknown[]; // the units' rows, compared whole
    expect(rows).to.have.length(50);
    for (const coding of ['br', 'gzip']) {
      const r = await raw(url, page, { ...auth, 'accept-encoding': coding === 'br' ? 'gzip, deflate, br' : 'gzip' });
      expect(r.headers['content-encoding']).to.equal(coding);
      expect(r.headers.vary).to.equal('Accept-Encoding');
      expect(r.headers['content-range']).to.equal(plain.headers['content-range']);
      expect(Number(r.headers['content-length'])).to.equal(r.body.length);
      expect(r.body.length).to.be.below(plain.body.length / 3);
      expect(JSON.parse(decode(r).toString())).to.deep.equal(rows);
    }
    const small = await raw(url, '/api/org-units?range=%5B0%2C0%5D', { ...auth, 'accept-encoding': 'br' });
    expect(small.body.length).to.be.below(1024);
    expect(small.headers['content-encoding']).to.equal(undefined);
    expect(JSON.parse(small.body.toString())).to.deep.equal([rows[0]]);
  });
});

describe('the security headers of the app', () => {
  it('a hashed file carries those that bear on a script (nosniff, same-origin), not the document policy the page and the API carry', async () => {
    const { url } = await system();
    const asset = await raw(url, '/assets/index-NotBuilt.js', { 'accept-encoding': 'br' });
    expect(asset.status).to.equal(404);
    expect(asset.headers['x-content-type-options']).to.equal('nosniff');
    expect(asset.headers['cross-origin-resource-policy']).to.equal('same-origin');
    expect(asset.headers['content-security-policy']).to.equal(undefined);
    expect(asset.headers['x-frame-options']).to.equal(undefined);
    const api = await raw(url, '/api/health');
    expect(api.headers['content-security-policy']).to.match(/script-src 'self'/);
    expect(api.headers['x-frame-options']).to.equal('SAMEORIGIN');
    expect(api.headers['x-content-type-options']).to.equal('nosniff');
  });
});
