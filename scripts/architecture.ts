// The dependency rule of the code base (issue 14): domains meet through their public face (index.ts),
// the layers below the domains (core, http, db, shared) know no domain, domains form no circle, only the
// composition root reaches reports/ and seeds/, and no domain names another domain's tables.
// A plain import scanner: TypeScript 7 has no JS API for a parser-based tool to use.
import fs from 'node:fs';
import path from 'node:path';

/** Which layer may import which: the layers under the domains, each with what it builds on. */
const LAYERS: Record<string, string[]> = {
  shared: ['shared'],
  core: ['core', 'db', 'shared'],
  db: ['db', 'core', 'shared'],
  http: ['http', 'core', 'db', 'shared'],
};

/** The domains: every folder under api/ that is not a layer (a new domain is checked from its first file). */
function domainFolders(root: string): string[] {
  const api = path.join(root, 'api');
  if (!fs.existsSync(api)) return [];
  return fs
    .readdirSync(api, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !LAYERS[e.name])
    .map((e) => e.name)
    .sort();
}

/** Settings every layer may read: leaves that import nothing of the code base. */
const SETTINGS = ['api/config.ts', 'api/paths.ts'];

/** The composition root: the files that wire everything together, reports/ and seeds/ included. */
const ROOT_FILES = ['api/app.ts', 'api/server.ts', 'api/main.ts', 'api/worker.ts', 'api/cluster.ts', 'api/domains.ts'];

/** Tables with no model, with the domain (or layer) that owns them. */
const TABLES_WITHOUT_MODEL: Record<string, string> = {
  idempotency_keys: 'http',
  claim_totals: 'settlement',
  login_attempts: 'auth',
  login_throttle: 'auth',
  patient_unit_history: 'referrals',
  stock_movements: 'procurement',
  team_villages: 'health',
};

export type Rule = 'reach' | 'layer' | 'circle' | 'root' | 'table';

export interface Violation {
  file: string;
  target: string;
  rule: Rule;
}

export const formatViolation = (v: Violation) => `${v.file} → ${v.target} (${v.rule})`;

const isTest = (file: string) => file.endsWith('.test.ts');

function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]*)['"]/gm;

/** The repository paths a file imports from the repository (packages are not followed). */
function importsOf(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => resolve(root, path.posix.join(path.posix.dirname(file), m[1])));
}

function resolve(root: string, spec: string): string {
  const base = spec.replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}.d.ts`]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return `${base}.ts`;
}

/** The first two segments of a path under api/ (`api/hr/x.ts` → `hr`), or the top folder elsewhere. */
function areaOf(file: string): string {
  const [top, second] = file.split('/');
  return top === 'api' && second && !second.endsWith('.ts') ? second : top;
}

/** The domain a file belongs to, if any. */
type DomainOf = (file: string) => string | undefined;
const domainLookup =
  (domains: string[]): DomainOf =>
  (file) =>
    file.startsWith('api/') && domains.includes(areaOf(file)) ? areaOf(file) : undefined;

function importViolation(domainOf: DomainOf, file: string, target: string): Rule | undefined {
  const from = domainOf(file);
  const to = domainOf(target);
  const area = areaOf(file);
  if (to && to !== from && (from || area === 'reports' || area === 'seeds') && target !== `api/${to}/index.ts`) return 'reach';
  const layerMayUse = (t: string) => LAYERS[area].includes(areaOf(t)) || SETTINGS.includes(t);
  if (file.startsWith('api/') && LAYERS[area] && target.startsWith('api/') && !layerMayUse(target)) return 'layer';
  const reachesOut = areaOf(target) === 'reports' || areaOf(target) === 'seeds';
  if (file.startsWith('api/') && reachesOut && !ROOT_FILES.includes(file) && !isTest(file)) return 'root';
  return undefined;
}

/** Domain → the domains it imports, each with one import that shows it. */
type DomainGraph = Map<string, Map<string, Violation>>;

/** The circles of the domain graph: each strongly connected component, walked once round. */
function circles(graph: DomainGraph): Violation[] {
  const found: Violation[] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const visit = (d: string) => {
    index.set(d, index.size);
    low.set(d, index.get(d)!);
    stack.push(d);
    for (const e of graph.get(d)?.keys() ?? []) {
      if (!index.has(e)) {
        visit(e);
        low.set(d, Math.min(low.get(d)!, low.get(e)!));
      } else if (stack.includes(e)) low.set(d, Math.min(low.get(d)!, index.get(e)!));
    }
    if (low.get(d) !== index.get(d)) return;
    const component = stack.splice(stack.indexOf(d));
    if (component.length > 1) found.push(...walkRound(graph, new Set(component)));
  };
  for (const d of [...graph.keys()].sort()) if (!index.has(d)) visit(d);
  return found;
}

/** Every edge inside one component, named by the import that makes it. */
function walkRound(graph: DomainGraph, component: Set<string>): Violation[] {
  const edges: Violation[] = [];
  for (const d of [...component].sort()) {
    for (const [e, v] of graph.get(d) ?? []) if (component.has(e)) edges.push({ ...v, rule: 'circle' });
  }
  return edges;
}

/** Each table's owner: the models' `static tableName` (a domain's model.ts, or its sub-domains'), then the model-less tables. */
function tableOwners(root: string, domains: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const d of domains) {
    for (const model of sourceFiles(root, `api/${d}`).filter((f) => path.posix.basename(f) === 'model.ts')) {
      for (const m of fs.readFileSync(path.join(root, model), 'utf8').matchAll(/static\s+(?:override\s+)?tableName\s*=\s*['"](\w+)['"]/g)) owners.set(m[1], d);
    }
  }
  for (const [table, owner] of Object.entries(TABLES_WITHOUT_MODEL)) if (!owners.has(table)) owners.set(table, owner);
  return owners;
}

const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
/** A table in SQL text, a knex call's table argument, or a column qualified by its table. */
const TABLE_USE = [/\b(?:from|join|into|update|table)\s+(?:only\s+)?"?(\w+)/gi, /^['"`](\w+)(?:\s+as\s+\w+)?['"`]$/g, /\b(\w+)\.(?:\w+|\*)/g];
const KNEX_CALL = /(?:\b(?:db\(\)|trx|tx|knex)\s*\(|\.(?:from|into|table|join|leftJoin|innerJoin|rightJoin|fullOuterJoin|crossJoin|with|withSchema)\s*\()\s*$/;

function tableReaches(root: string, domainOf: DomainOf, file: string, owners: Map<string, string>): Violation[] {
  const own = domainOf(file);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const named = new Set<string>();
  for (const m of text.matchAll(LITERAL)) {
    const literal = m[0].replace(/\$\{[^}]*\}/g, ' '); // the text, not the expressions placed in it
    const [sql, whole, qualified] = TABLE_USE.map((re) => [...literal.matchAll(re)].map((t) => t[1]));
    const knexArgument = KNEX_CALL.test(text.slice(Math.max(0, m.index - 40), m.index)) ? whole : [];
    for (const table of [...sql, ...knexArgument, ...qualified]) if (owners.has(table) && owners.get(table) !== own) named.add(table);
  }
  return [...named].sort().map((table) => ({ file, target: `${owners.get(table)}.${table}`, rule: 'table' as const }));
}

/** The tree's imports: every violation of the import rules, and the graph of domain → domain imports (tests left out). */
function scanImports(root: string, files: string[], domainOf: DomainOf): { violations: Violation[]; graph: DomainGraph } {
  const violations: Violation[] = [];
  const graph: DomainGraph = new Map();
  for (const file of files) {
    for (const target of new Set(importsOf(root, file))) {
      const rule = importViolation(domainOf, file, target);
      if (rule) violations.push({ file, target, rule });
      const [from, to] = [domainOf(file), domainOf(target)];
      if (from && to && from !== to && !isTest(file)) {
        const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
        if (!edges.has(to)) edges.set(to, { file, target, rule: 'circle' });
      }
    }
  }
  return { violations, graph };
}

const treeFiles = (root: string) => ['api', 'reports', 'seeds'].flatMap((dir) => sourceFiles(root, dir));

/** Every violation of the dependency rule in the tree at `root`. */
export function checkArchitecture(root: string): Violation[] {
  const files = treeFiles(root);
  const domains = domainFolders(root);
  const domainOf = domainLookup(domains);
  const { violations, graph } = scanImports(root, files, domainOf);
  const owners = tableOwners(root, domains);
  const domainSources = files.filter((f) => domainOf(f) && !isTest(f));
  return [...violations, ...circles(graph), ...domainSources.flatMap((f) => tableReaches(root, domainOf, f, owners))];
}

/** Each domain with the domains it imports (sorted): the import graph the README and the closing notes show. */
export function domainEdges(root: string): [string, string[]][] {
  const domains = domainFolders(root);
  const { graph } = scanImports(root, treeFiles(root), domainLookup(domains));
  return domains.map((d) => [d, [...(graph.get(d)?.keys() ?? [])].sort()]);
}
