// Fixtures shared by the health tests (API and browser).

/**
 * The answers the national record requires of every hypertension or diabetes visit (rules.ts
 * RECORD_REQUIRED): 无症状, 规律服药, no adverse reaction, no new complication — a visit with
 * nothing to report, for tests about something else.
 */
export const ANSWERED = { symptoms: ['none'], medication_adherence: 'regular', adverse_reaction: false, new_complication: false } as const;
