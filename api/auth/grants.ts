// Each domain states what its roles may do in its own rules.ts; they are merged here.
// A new domain adds its table to this list.
import type { GrantTable } from './rules';

export const domainGrants: GrantTable[] = [];
