// What the login page may know before anyone logs in: the product, and — only when this
// database holds the demo group (the demo loader's audit row says so) — the demo accounts.
import { config } from '../config';
import { db } from '../db/knex';
import { wasRecorded } from '../audit';
import { joinUnit } from '../org';

export const PRODUCT_NAME = '医联体综合管理平台';

/** One account of each kind a visitor would try first, in the README's order. */
const DEMO_USERNAMES = ['admin', 'finance', 'hr', 'procurement', 'referral', 'auditor', 'director-HQ', 'director-B1', 'director-T01', 'doctor-V001'];
const DEFAULT_DEMO_PASSWORD = 'demo123';

// the demo is loaded before the API serves and never unloaded: one look per process
let demoLoaded: Promise<boolean> | undefined;
const isDemo = () =>
  (demoLoaded ??= wasRecorded('demo', 'seed').catch((e) => {
    demoLoaded = undefined; // a database outage is not an answer
    throw e;
  }));

export async function loginInfo() {
  if (!(await isDemo())) return { product: PRODUCT_NAME, demo: false };
  const users = await joinUnit(db()('users as u'), 'o', 'u.org_unit_id')
    .select<{ username: string; display_name: string; roles: string[]; unit_name: string }[]>('u.username', 'u.display_name', 'u.roles', 'o.name as unit_name')
    .whereIn('u.username', DEMO_USERNAMES)
    .where('u.active', true);
  const order = (name: string) => DEMO_USERNAMES.indexOf(name);
  return {
    product: PRODUCT_NAME,
    demo: true,
    // a password of the operator's own choosing (DEMO_PASSWORD) is not shown to strangers
    password: config.demoPassword === DEFAULT_DEMO_PASSWORD ? DEFAULT_DEMO_PASSWORD : null,
    logins: users.sort((a, b) => order(a.username) - order(b.username)),
  };
}
