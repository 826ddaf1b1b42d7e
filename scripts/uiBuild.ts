// Builds the admin UI with Vite when its sources are newer than the last build, so that
// `npm start` and the browser tests always serve the current screens without a separate step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui');
const built = path.join(root, 'dist/index.html');

function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

export async function ensureUiBuilt(log: (m: string) => void = (m) => process.stdout.write(`${m}\n`)) {
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'public')),
    fs.statSync(path.join(root, 'index.html')).mtimeMs,
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return false;
  log('building the admin UI (vite)…');
  const { build } = await import('vite');
  // Vite builds for the NODE_ENV it finds: the tests run with NODE_ENV=test, which would give
  // React's development build (and its JSX runtime) to a bundle that npm start may serve later
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
