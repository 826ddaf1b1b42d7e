// The referrals domain's public face: the fee and slot rules the demo loader books referrals with.
export { DEFAULT_SETTINGS, computeFees, dueAt, slotStarts, storedFees, type Direction, type Purpose, type Urgency } from './rules';
export { referralGrants } from './rules';
export type { Referral } from './model';
export { DIRECTION as REFERRAL_DIRECTION, PURPOSE as REFERRAL_PURPOSE, STATUS as REFERRAL_STATUS, URGENCY as REFERRAL_URGENCY } from './enums';
export { REFERRAL_ENUMS } from './enums';
export { escalationJob } from './jobs';
export { referralsReport } from './service';
export { periodQuery as referralPeriodQuery, referralRouters } from './routes';
// who a request is about: a resident, or an external patient with a protected ID number (the diagnosis centres' requests too)
export { resolvePatient, type PatientInput } from './patients';
// the diagnosis centres' chest-pain channel refers the patient up in one step (the referral carries the request)
export { createReferral, referralStatus, transition as referralTransition, type ReferralInput } from './service';
// the HQ's and branches' department pay credits the department that referred down
export { downReferralsByDiagnosis } from './payFacts';
