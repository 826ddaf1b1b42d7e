// 身份证号 (GB 11643-1999) as text: the check digit and why a number is refused. Pure (no node
// module), so the admin UI's bundle may read the problem kinds through a domain's enums.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function checkDigit(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Why an ID number is refused, by kind (the settlement import names the kind for its translation). */
export const ID_NUMBER_PROBLEM = {
  id_number_format: 'must be 17 digits and a digit or X',
  id_number_birth_date: 'birth date part is not a date',
  id_number_check_digit: 'check digit does not match',
} as const;

/** The kind of problem with `id` as an 18-digit ID number, or null when it is valid. */
export function idNumberProblemKind(id: string): keyof typeof ID_NUMBER_PROBLEM | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'id_number_format';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return 'id_number_birth_date';
  if (checkDigit(id.slice(0, 17)) !== id[17]) return 'id_number_check_digit';
  return null;
}
