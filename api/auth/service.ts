// Login, token verification and "who am I".
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config';
import { db } from '../db/knex';
import { tooManyRequests, unauthorized } from '../http/errors';
import type { Actor } from './actor';
import { verifyPassword } from './password';
import { permissionsFor, scopePathFor } from './rules';

// one key object for every token: jsonwebtoken would otherwise build one per verification
let key: ReturnType<typeof createSecretKey> | undefined;
const secretKey = () => (key ??= createSecretKey(Buffer.from(config.jwtSecret)));

interface UserWithUnit {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  org_unit_id: number;
  active: boolean;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  unit_level: number;
}

function findUser(where: { 'users.id': number } | { 'users.username': string }) {
  return db()('users')
    .join('org_units', 'org_units.id', 'users.org_unit_id')
    .select('users.*', 'org_units.path as unit_path', 'org_units.code as unit_code', 'org_units.name as unit_name', 'org_units.level as unit_level')
    .where(where)
    .first() as Promise<UserWithUnit | undefined>;
}

function toActor(u: UserWithUnit): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    orgUnitId: u.org_unit_id,
    unitPath: u.unit_path,
    scopePath: scopePathFor(u.roles, u.unit_path),
  };
}

/** Refuses a login when the username or the client address has too many recent failures. */
async function checkRateLimit(username: string, ip: string | undefined) {
  const since = new Date(Date.now() - config.loginWindowMinutes * 60_000);
  const [{ by_user, by_ip }] = await db()('login_attempts')
    .where('at', '>', since)
    .where('succeeded', false)
    .select(
      db().raw('count(*) filter (where username = ?)::int as by_user', [username]),
      db().raw('count(*) filter (where client_ip = ?)::int as by_ip', [ip ?? '']),
    );
  // an address may try several accounts (a shared clinic PC), so it gets a wider allowance
  if (by_user >= config.loginMaxFailures || by_ip >= config.loginMaxFailures * 5) {
    throw tooManyRequests(`too many failed logins; try again in ${config.loginWindowMinutes} minutes`);
  }
}

export async function login(username: string, password: string, ip?: string) {
  await checkRateLimit(username, ip);
  const user = await findUser({ 'users.username': username });
  const ok = !!user && user.active && (await verifyPassword(password, user.password_hash));
  await db()('login_attempts').insert({ username, client_ip: ip ?? null, succeeded: ok });
  if (!ok || !user) throw unauthorized('wrong username or password');
  const token = jwt.sign({ sub: String(user.id) }, secretKey(), { expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'] });
  return { token, user: me(toActor(user), user) };
}

// Who a token's user is, remembered for a few seconds: every request needs it, and a change
// to an account or a unit reaches every replica within that time (this one at once).
const actors = new Map<number, { actor: Promise<Actor>; until: number }>();
export const forgetActors = () => actors.clear();

// A token once verified is known until it expires: its signature cannot change, and checking
// it again (HMAC, base64, JSON) on every request is a measurable share of a hot list's work.
const verified = new Map<string, { sub: string | undefined; expiresMs: number }>();
const MAX_VERIFIED = 10_000;

function subjectOf(token: string): string | undefined {
  const known = verified.get(token);
  if (known && known.expiresMs > Date.now()) return known.sub;
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKey()) as jwt.JwtPayload;
  } catch (e) {
    throw unauthorized(e instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token');
  }
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, { sub: payload.sub, expiresMs: (payload.exp ?? 0) * 1000 });
  return payload.sub;
}

export function actorFromToken(token: string): Promise<Actor> {
  const id = Number(subjectOf(token));
  const cached = actors.get(id);
  if (cached && cached.until > Date.now()) return cached.actor;
  // one load per user at a time: the requests that find the entry stale meanwhile share it
  const actor = loadActor(id);
  const entry = { actor, until: Date.now() + config.actorCacheSeconds * 1000 };
  actors.set(id, entry);
  // a failed load (an inactive account, a lost connection) is not remembered
  actor.catch(() => actors.get(id) === entry && actors.delete(id));
  return actor;
}

async function loadActor(id: number): Promise<Actor> {
  const user = await findUser({ 'users.id': id });
  if (!user || !user.active) throw unauthorized('account inactive or removed');
  const actor = toActor(user);
  // a scope of one unit (a village clinic), or of the whole group, lets the lists say so plainly
  const [scope] = await db()('org_units').select(
    db().raw('min(id) filter (where path <@ ?::ltree) as id, (count(*) filter (where path <@ ?::ltree))::int as units, count(*)::int as all_units', [actor.scopePath, actor.scopePath]),
  );
  if (scope.units === 1) actor.scopeUnitId = scope.id;
  if (scope.units === scope.all_units) actor.scopeIsWholeGroup = true;
  return actor;
}

export async function whoAmI(actor: Actor) {
  const user = await findUser({ 'users.id': actor.id });
  if (!user) throw unauthorized('account removed');
  return me(actor, user);
}

function me(actor: Actor, u: UserWithUnit) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.display_name,
    roles: u.roles,
    org_unit: { id: u.org_unit_id, code: u.unit_code, name: u.unit_name, level: u.unit_level, path: u.unit_path },
    scope_path: actor.scopePath,
    permissions: permissionsFor(u.roles),
  };
}
