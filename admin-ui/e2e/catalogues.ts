// Which lists of values (`enums.<name>`) each screen names and which catalogue it would find them in.
// The words load per domain (src/i18n: a domain's messages.ts for the users of its screens; org's and
// the system's are in the shell's zh.ts), so a screen naming another domain's list — health's
// residents show HR's 性别 — finds it only if its catalogue carries that list too. Read from the
// sources: the `enums.<name>.` keys a file writes, and the lists it imports from the API's enums.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chinese } from '../src/i18n/zh';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
/** Components shared by several domains' screens name lists on behalf of their caller. */
const SHARED = ['shared', 'i18n'];

const sources = () =>
  (fs.readdirSync(SRC, { recursive: true }) as string[]).filter(
    (f) => /\.tsx?$/.test(f) && !/(^|[\\/])messages(\.en)?\.ts$/.test(f) && !SHARED.includes(f.split(/[\\/]/)[0]),
  );

const isEnum = (v: unknown): v is { name: string; messages: unknown } => typeof v === 'object' && v !== null && 'name' in v && 'messages' in v && 'values' in v;

/** The list names a source file uses: `enums.<name>.` keys, and lists imported from the API. */
async function namedLists(file: string): Promise<string[]> {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  const names = new Set([...text.matchAll(/\benums\.([a-z][a-z0-9_]*)\./g)].map((m) => m[1]));
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'((?:\.\.\/)+api\/[^']+)'/g)) {
    const module = (await import(pathToFileURL(path.resolve(path.dirname(path.join(SRC, file)), m[2])).href)) as Record<string, unknown>;
    for (const binding of m[1].split(',').map((b) => b.trim())) {
      if (binding.startsWith('type ')) continue;
      const value = module[binding.split(/\s+as\s+/)[0]];
      if (isEnum(value)) names.add(value.name);
    }
  }
  return [...names];
}

/** The lists each catalogue carries, by its folder (relative to src); '' is the shell's. */
async function catalogues(): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>([['', new Set(Object.keys((chinese as { enums?: object }).enums ?? {}))]]);
  for (const f of fs.readdirSync(SRC, { recursive: true }) as string[]) {
    if (!/(^|[\\/])messages\.ts$/.test(f)) continue;
    const { zh } = (await import(pathToFileURL(path.join(SRC, f)).href)) as { zh: { enums?: object } };
    out.set(path.dirname(f), new Set(Object.keys(zh.enums ?? {})));
  }
  return out;
}

/** Each list a screen names that none of its catalogues (its folder's and its ancestors', and the shell's) carries: `file: name`. */
export async function listsWithoutWords(): Promise<string[]> {
  const byFolder = await catalogues();
  const missing: string[] = [];
  for (const file of sources()) {
    const folders = [...byFolder.keys()].filter((d) => d === '' || file.startsWith(`${d}${path.sep}`));
    for (const name of await namedLists(file)) {
      if (!folders.some((d) => byFolder.get(d)!.has(name))) missing.push(`${file}: ${name}`);
    }
  }
  return missing.sort();
}
