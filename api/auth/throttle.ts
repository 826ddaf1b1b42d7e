// Login throttling (登录限速), shared by every API worker through one atomic upsert.
// Two counters a login passes: its username at its client address, and the address itself (a
// wider allowance: a clinic PC is shared). An attempt is counted before the password is checked,
// so parallel guesses cannot race past the limit. Past the limit each attempt waits a growing
// delay (30 s, 1 min, 2 min … up to the window) instead of a lock: a stranger guessing from elsewhere
// slows only their own address, never the real user's. The first delay is long enough that a burst of
// parallel guesses, however slowly the server answers it, is refused past the allowance.
import { config } from '../config';
import { db } from '../db/knex';
import { tooMany } from '../core/errors';

/** The wait after the allowance is used up; each further attempt doubles it. */
const FIRST_DELAY_SECONDS = 30;

/** The counters of one login attempt, with the attempts each allows before delays begin. */
export function throttleKeys(username: string, ip: string) {
  return [
    { key: `user:${username.toLowerCase()}@${ip}`, allowance: config.loginMaxFailures },
    { key: `ip:${ip}`, allowance: config.loginMaxFailures * 5 },
  ];
}

/**
 * Counts one attempt on each counter; refuses it (429 with Retry-After) while a counter waits out
 * its delay. A counter whose last attempt is older than the window starts again.
 */
export async function takeAttempt(username: string, ip: string) {
  const keys = throttleKeys(username, ip);
  const windowSeconds = config.loginWindowMinutes * 60;
  const { rows } = await db().raw<{ rows: { refused: boolean; wait_seconds: number | null }[] }>(
    `insert into login_throttle as t (key, allowance, attempts, last_at)
     select k.key, k.allowance, 1, now() from jsonb_to_recordset(?::jsonb) as k(key text, allowance int)
     order by k.key
     on conflict (key) do update set
       refused = t.wait_until is not null and t.wait_until > now(),
       attempts = case when t.wait_until > now() then t.attempts
                       when t.last_at < now() - make_interval(secs => ?) then 1
                       else t.attempts + 1 end,
       wait_until = case when t.wait_until > now() then t.wait_until
                         when t.last_at >= now() - make_interval(secs => ?) and t.attempts + 1 >= excluded.allowance
                           then now() + make_interval(secs => least(? * power(2, t.attempts + 1 - excluded.allowance), ?))
                         else null end,
       last_at = now()
     returning refused, ceil(extract(epoch from wait_until - now()))::int as wait_seconds`,
    [JSON.stringify(keys), windowSeconds, windowSeconds, FIRST_DELAY_SECONDS, windowSeconds],
  );
  const refused = rows.filter((r) => r.refused);
  if (refused.length) {
    const wait = Math.max(1, ...refused.map((r) => r.wait_seconds ?? 1));
    throw tooMany(`too many login attempts; try again in ${wait} s`, wait);
  }
}

/** A successful login clears its username's counter and gives the address its attempt back. */
export async function attemptSucceeded(username: string, ip: string) {
  const [user, address] = throttleKeys(username, ip);
  await db().raw(
    `with cleared as (delete from login_throttle where key = ?)
     update login_throttle set attempts = greatest(attempts - 1, 0) where key = ?`,
    [user.key, address.key],
  );
}
