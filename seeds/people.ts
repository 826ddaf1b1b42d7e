// The demo's people: a birth date drawn by age and a valid 身份证号 for it — one generator for the
// insured on claims, the residents, referral patients from outside the records and the staff.
import { checkDigit } from '../api/core/personalId';
import { between, type Rng } from '../api/shared/random';
import type { Sex } from './names';

/**
 * A birth date (YYYY-MM-DD) of someone `youngest`–`oldest` years old in `year` (born in year − age,
 * on a day 1–28 of any month), with the age drawn: three draws, age first.
 */
export function drawBirth(rng: Rng, year: number, youngest: number, oldest: number): { age: number; birth: string } {
  const age = between(rng, youngest, oldest);
  const birth = `${year - age}-${String(between(rng, 1, 12)).padStart(2, '0')}-${String(between(rng, 1, 28)).padStart(2, '0')}`;
  return { age, birth };
}

/** How many sequences a region and birth date hold for each sex (the 3-digit sequence is 2q + 1 for a man, 2q for a woman). */
export const SEQUENCES = 500;

/**
 * The 18-digit ID number of a person of `sex` born on `birth` (YYYY-MM-DD or YYYYMMDD) in `region`
 * (6 digits): the sequence 2q + 1 for a man, 2q for a woman (the 17th digit odd for a man, even for
 * a woman), q from `start` (0–499) or, when `used` already holds that number, the next free one;
 * then the check digit. The number is added to `used`: one person, one number.
 */
export function idNumberFor(region: string, birth: string, sex: Sex, start: number, used?: Set<string>): string {
  const date = birth.replace(/-/g, '');
  for (let k = 0; k < SEQUENCES; k++) {
    const q = (start + k) % SEQUENCES;
    const first17 = `${region}${date}${String(2 * q + (sex === 'M' ? 1 : 0)).padStart(3, '0')}`;
    const id = first17 + checkDigit(first17);
    if (used?.has(id)) continue;
    used?.add(id);
    return id;
  }
  throw new Error(`demo people: every ID number of ${region} ${birth} ${sex} is taken`);
}
