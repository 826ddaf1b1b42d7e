// `npm run check:architecture`: the dependency rule of api/architecture.test.ts, on its own, with counts per rule.
import path from 'node:path';
import { checkArchitecture, formatViolation } from './architecture';

const violations = checkArchitecture(path.resolve(import.meta.dirname, '..'));
for (const v of violations) console.log(formatViolation(v));
const perRule = new Map<string, number>();
for (const v of violations) perRule.set(v.rule, (perRule.get(v.rule) ?? 0) + 1);
const counts = [...perRule].map(([rule, n]) => `${rule} ${n}`);
console.log(violations.length ? `${violations.length} violations: ${counts.join(', ')}` : 'no violations');
process.exitCode = violations.length ? 1 : 0;
