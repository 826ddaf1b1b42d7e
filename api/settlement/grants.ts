// What each role may do with settlement resources (merged into the grant table in api/domains.ts).
// group_finance imports, calculates and reviews; group_admin approves (four-eyes: never the
// reviewer of the same run); directors read their own unit's figures; the auditor reads all.
// Advances paid (预拨付) are recorded by group finance only.
import { all, read, type GrantTable } from '../core/access';

export const settlementGrants: GrantTable = {
  group_finance: {
    'fund-years': [...read, 'create', 'edit'],
    'fund-year-populations': [...all, 'import'],
    claims: [...read, 'import'],
    'satisfaction-scores': [...read, 'import'],
    'settlement-runs': [...read, 'create', 'calculate', 'review', 'comment'],
    'surplus-allocations': read,
    'settlement-advances': [...read, 'create'],
  },
  group_admin: {
    'fund-years': read,
    'fund-year-populations': read,
    claims: read,
    'satisfaction-scores': read,
    'settlement-runs': [...read, 'approve', 'comment'],
    'surplus-allocations': read,
    'settlement-advances': read,
  },
  director: {
    'fund-years': read,
    claims: read,
    'settlement-runs': read,
    'surplus-allocations': read,
  },
};
