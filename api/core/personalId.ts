// 身份证号 (GB 11643-1999): validation with the check digit, protection at rest, masking.
// Stored as AES-256-GCM ciphertext (readable in full only by roles that need it, audited)
// plus an HMAC for equality look-ups (the same ID twice) and the masked form for lists.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { secrets } from './secrets';
import { checkDigit, ID_NUMBER_PROBLEM, idNumberProblemKind } from './idNumber';

export { checkDigit };

/** Why `id` is not a valid 18-digit ID number, or null when it is. */
export function idNumberProblem(id: string): string | null {
  const kind = idNumberProblemKind(id);
  return kind && ID_NUMBER_PROBLEM[kind];
}

export const normaliseIdNumber = (id: string) => id.trim().toUpperCase();

/** 630121199001011234 → 6301**********1234 */
export const maskIdNumber = (id: string) => `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;

/** Birth date (YYYY-MM-DD) and sex encoded in an ID number. */
export function idNumberFacts(id: string): { birthDate: string; sex: 'M' | 'F' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
  };
}

// the AES and HMAC key, derived once per secret (the secret in force is installed at boot)
let derived: { secret: string; key: Buffer } | undefined;
function key(secret = secrets().piiSecret) {
  if (derived?.secret !== secret) derived = { secret, key: createHash('sha256').update(`pii:${secret}`).digest() };
  return derived.key;
}

export interface ProtectedId {
  id_number_hash: string;
  id_number_masked: string;
  id_number_cipher: string;
}

/** The three stored columns for an ID number. */
export function protectIdNumber(id: string, secret?: string): ProtectedId {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
  return {
    id_number_hash: hashIdNumber(id, secret),
    id_number_masked: maskIdNumber(id),
    id_number_cipher: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  };
}

/** Keyed hash for equality look-ups: the same ID always hashes the same, and cannot be guessed offline without the key. */
export const hashIdNumber = (id: string, secret?: string) => createHmac('sha256', key(secret)).update(id).digest('hex');

export function revealIdNumber(stored: string, secret?: string): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
