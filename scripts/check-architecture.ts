// `npm run check:architecture`: the dependency rule of api/architecture.test.ts, on its own, with counts per rule;
// `-- --graph` prints the domains' import graph first (domain → the domains it imports).
import path from 'node:path';
import { checkArchitecture, domainEdges, formatViolation } from './architecture';

const root = path.resolve(import.meta.dirname, '..');
if (process.argv.includes('--graph')) for (const [d, to] of domainEdges(root)) console.log(`${d} → ${to.join(', ') || '(none)'}`);
const violations = checkArchitecture(root);
for (const v of violations) console.log(formatViolation(v));
const perRule = new Map<string, number>();
for (const v of violations) perRule.set(v.rule, (perRule.get(v.rule) ?? 0) + 1);
const counts = [...perRule].map(([rule, n]) => `${rule} ${n}`);
console.log(violations.length ? `${violations.length} violations: ${counts.join(', ')}` : 'no violations');
process.exitCode = violations.length ? 1 : 0;
