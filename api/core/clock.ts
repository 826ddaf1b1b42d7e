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

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` later (the last day of a shorter month: 31 May + 3 months = 31 August, 30 Nov + 3 = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return iso(ty, tm, Math.min(d, lastDay(ty, tm)));
}

/** First and last day of the month containing `day`. */
export function monthOf(day: string): { start: string; end: string } {
  const [y, m] = day.split('-').map(Number);
  return { start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) };
}

/** Whole days from `a` to `b` (YYYY-MM-DD; negative when b is earlier). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The month YYYY-MM of a day. */
export const monthKey = (day: string) => day.slice(0, 7);
/** First and last day of a month YYYY-MM. */
export const monthRange = (month: string) => monthOf(`${month}-01`);
/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
