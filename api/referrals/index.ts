// The referrals domain's public face: the fee and slot rules the demo loader books referrals with.
export { DEFAULT_SETTINGS, computeFees, dueAt, slotStarts, storedFees, type Direction, type Purpose, type Urgency } from './rules';
export { referralGrants } from './rules';
export { escalationJob } from './jobs';
export { referralsReport } from './service';
export { periodQuery as referralPeriodQuery, referralRouters } from './routes';
