// Plain helpers for job scheduling: lock keys and run keys. No I/O.

/** A stable 32-bit key for pg_try_advisory_lock, derived from the job name. */
export function lockKey(job: string): number {
  let h = 0x811c9dc5;
  for (const ch of job) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
