// What each role may do with settlement resources (merged into the grant table in api/domains.ts).
// group_finance imports, calculates and reviews; group_admin approves (four-eyes: never the
// reviewer of the same run); directors read their own unit's figures; the auditor reads all.
// Advances paid (预拨付) are recorded by group finance only. The month's health data is signed off (health-signoffs)
// by the village doctor, the township's director and group finance, each for their own unit (signoffs/rules.ts).
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
    'health-signoffs': [...read, 'sign'],
  },
  group_admin: {
    'fund-years': read,
    'fund-year-populations': read,
    claims: read,
    'satisfaction-scores': read,
    'settlement-runs': [...read, 'approve', 'comment'],
    'surplus-allocations': read,
    'settlement-advances': read,
    'health-signoffs': read,
  },
  director: {
    'fund-years': read,
    claims: read,
    'settlement-runs': read,
    'surplus-allocations': read,
    'health-signoffs': [...read, 'sign'],
  },
  village_doctor: { 'health-signoffs': [...read, 'sign'] },
};
