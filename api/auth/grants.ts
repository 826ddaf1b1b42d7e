// Each domain states what its roles may do in its own rules.ts; they are merged here.
// A new domain adds its table to this list.
import type { GrantTable } from './rules';
import { healthGrants } from '../health/rules';
import { hrGrants } from '../hr/grants';
import { referralGrants } from '../referrals/rules';
import { settlementGrants } from '../settlement/grants';
import { financeGrants } from '../finance/rules';
import { procurementGrants } from '../procurement/rules';
import { notificationGrants } from '../notifications/rules';

export const domainGrants: GrantTable[] = [hrGrants, referralGrants, healthGrants, settlementGrants, financeGrants, procurementGrants, notificationGrants];
