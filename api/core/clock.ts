// The system's one clock: every "now" and "today" of the services, jobs, demo loader and tests
// comes from here, so a whole run can be moved to another day (TEST_TODAY in tests, CLOCK_AT for a
// demo) and still agree with itself. The clock keeps running from the instant it was set to.
// Token lifetimes and login windows stay on the real clock: they guard against real attackers.

/** Asia/Shanghai is UTC+8 all year (no daylight saving): the group's calendar day. */
const SHANGHAI_MS = 8 * 3600_000;

let offsetMs = 0;

/** The current instant. */
export const now = (): Date => new Date(Date.now() + offsetMs);

/** The current instant as ISO text (timestamps written by the services). */
export const nowIso = (): string => now().toISOString();

/** An instant shifted so that its UTC fields read Shanghai wall time (for Excel cells, month arithmetic). */
export const shanghaiWallTime = (at: Date): Date => new Date(at.getTime() + SHANGHAI_MS);

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export const dayKey = (at: Date): string => shanghaiWallTime(at).toISOString().slice(0, 10);

/** Midnight (Asia/Shanghai) starting `day` (YYYY-MM-DD). */
export const shanghaiMidnight = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS);

/** Today in Asia/Shanghai (YYYY-MM-DD). */
export const today = (): string => dayKey(now());

/** Moves the clock so that it reads `at` now and runs on from there; no argument puts it back. */
export function setClock(at?: Date): void {
  offsetMs = at ? at.getTime() - Date.now() : 0;
}

/**
 * Reads a clock setting: a day (`2028-02-29`, taken at 10:00 in Shanghai) or an instant with its
 * offset (`2028-02-29T23:30+08:00`). Anything else is refused, naming the variable.
 */
export function parseClockSetting(name: string, text: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const at = new Date(day ? `${text}T10:00:00+08:00` : text);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  if ((!day && !instant) || Number.isNaN(at.getTime()) || (day && dayKey(at) !== text)) {
    throw new Error(`${name} must be a real day (YYYY-MM-DD) or an instant with its offset (YYYY-MM-DDTHH:mm+08:00), not "${text}"`);
  }
  return at;
}

/** Sets the clock from an environment variable when it is present. */
export function setClockFromEnv(name: string, env = process.env): void {
  const text = env[name];
  if (text) setClock(parseClockSetting(name, text));
}

/** The day `n` days after `day` (both YYYY-MM-DD; n may be negative). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
