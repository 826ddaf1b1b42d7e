// Builds the admin UI with Vite when its sources are newer than the last build, so that
// `npm start` and the browser tests always serve the current screens without a separate step;
// then writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file, which the
// API serves to browsers that take them (api/http/uiFiles.ts). `npm run build:ui` builds anew.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { COMPRESSIBLE } from '../api/http/uiFiles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui');
const built = path.join(root, 'dist/index.html');

function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside each compressible
 * file of `dir`, where smaller than the file (a stale copy that is not is removed). Returns the
 * bytes before and after, per coding.
 */
export async function precompress(dir = path.join(root, 'dist')) {
  const targets = files(dir).filter((f) => COMPRESSIBLE.test(f));
  const total = { files: targets.length, bytes: 0, br: 0, gzip: 0 };
  await Promise.all(
    targets.map(async (file) => {
      const data = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      total.bytes += data.length;
      for (const [suffix, bytes, key] of [
        ['.br', br, 'br'],
        ['.gz', gz, 'gzip'],
      ] as const) {
        if (bytes.length < data.length) {
          await fs.promises.writeFile(file + suffix, bytes);
          total[key] += bytes.length;
        } else {
          await fs.promises.rm(file + suffix, { force: true });
          total[key] += data.length;
        }
      }
    }),
  );
  return total;
}

/** Builds the UI (production) into admin-ui/dist and precompresses it; `info` lists the chunks. */
export async function buildUi(logLevel: 'info' | 'warn' = 'warn') {
  const { build } = await import('vite');
  // Vite builds for the NODE_ENV it finds: the tests run with NODE_ENV=test, which would give
  // React's development build (and its JSX runtime) to a bundle that npm start may serve later
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return precompress();
}

export async function ensureUiBuilt(log: (m: string) => void = (m) => process.stdout.write(`${m}\n`)) {
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'public')),
    fs.statSync(path.join(root, 'index.html')).mtimeMs,
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  // a build is current when it is newer than the sources and was precompressed (index.html.br)
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources && fs.existsSync(`${built}.br`)) return false;
  log('building the admin UI (vite)…');
  await buildUi();
  return true;
}

// `npm run build:ui`
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const t = await buildUi('info');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`admin-ui/dist: ${t.files} compressible files, ${kb(t.bytes)}; brotli ${kb(t.br)}, gzip ${kb(t.gzip)}`);
}
