// Builds the admin UI with Vite when a file it was built from has changed since, so that
// `npm start` and the browser tests always serve the current screens without a separate step;
// then writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file, which the
// API serves to browsers that take them (api/http/uiFiles.ts). `npm run build:ui` builds anew.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { COMPRESSIBLE } from '../api/http/uiFiles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui');
const built = path.join(root, 'dist/index.html');

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

/** What a build was made from: each source file of the repository it read (its own, and the api/ enums and rules it imports), with its content's hash. */
const SOURCES = path.join(root, 'dist/.sources.json');
const repo = path.dirname(root);
const hashOf = (file: string) => createHash('sha1').update(fs.readFileSync(file)).digest('hex');

/** The repository's files a build read: its modules outside node_modules, the page, the config, the lock file and public/. */
function sourcesOf(output: unknown): string[] {
  const outputs = (Array.isArray(output) ? output : [output]) as { output: { type: string; moduleIds?: string[] }[] }[];
  const modules = outputs.flatMap((o) => o.output.flatMap((c) => (c.type === 'chunk' ? (c.moduleIds ?? []) : [])));
  const inRepo = modules.map((id) => id.split('?')[0]).filter((id) => id.startsWith(repo) && !id.includes('node_modules') && fs.existsSync(id));
  const fixed = ['admin-ui/index.html', 'admin-ui/vite.config.ts', 'package-lock.json'].map((f) => path.join(repo, f));
  return [...new Set([...inRepo, ...fixed, ...files(path.join(root, 'public'))])].sort();
}

/** Builds the UI (production) into admin-ui/dist and precompresses it; `info` lists the chunks. */
export async function buildUi(logLevel: 'info' | 'warn' = 'warn') {
  const { build } = await import('vite');
  // Vite builds for the NODE_ENV it finds: the tests run with NODE_ENV=test, which would give
  // React's development build (and its JSX runtime) to a bundle that npm start may serve later
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  // admin-ui's own files are hashed before the build reads them: one edited meanwhile leaves the build stale, not marked current
  const before = new Map(
    files(root)
      .filter((f) => !f.includes(`${path.sep}dist${path.sep}`))
      .map((f) => [f, hashOf(f)]),
  );
  try {
    const output = await build({ root, configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel });
    const sources = sourcesOf(output).map((f) => [path.relative(repo, f), before.get(f) ?? hashOf(f)]);
    fs.writeFileSync(SOURCES, JSON.stringify(Object.fromEntries(sources), null, 1));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return precompress();
}

/**
 * Whether admin-ui/dist was built from the files as they are now: every file the build read has the
 * content it had then. Content, not modification times: a checkout, a revert or an edit during a
 * build moves times in ways that once left a stale build serving screens from another branch.
 */
function builtFromCurrentSources(): boolean {
  if (!fs.existsSync(SOURCES) || !fs.existsSync(`${built}.br`)) return false;
  const recorded = JSON.parse(fs.readFileSync(SOURCES, 'utf8')) as Record<string, string>;
  const publicNow = files(path.join(root, 'public')).map((f) => path.relative(repo, f));
  if (publicNow.some((f) => !(f in recorded))) return false;
  return Object.entries(recorded).every(([file, hash]) => fs.existsSync(path.join(repo, file)) && hashOf(path.join(repo, file)) === hash);
}

export async function ensureUiBuilt(log: (m: string) => void = (m) => process.stdout.write(`${m}\n`)) {
  if (builtFromCurrentSources()) return false;
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
