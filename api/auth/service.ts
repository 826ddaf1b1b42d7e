// Login, token verification and "who am I".
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config';
import { db } from '../db/knex';
import { keyId, secrets } from '../core/secrets';
import { unauthorized } from '../core/errors';
import type { Actor } from '../core/actor';
import { joinUnit, onSubtreeMoved, scopeSize } from '../org';
import { hashPassword, verifyPassword } from './password';
import { attemptSucceeded, takeAttempt } from './throttle';
import { scopePathFor } from './rules';
import { permissionsFor } from '../core/access';

// the signing keys by id: the current one signs, a previous one (rotation) still verifies
let keys: { signing: { kid: string; key: KeyObject }; byKid: Map<string, KeyObject> } | undefined;
function signingKeys() {
  if (keys) return keys;
  const { jwtSecret, jwtPreviousSecret } = secrets();
  const entry = (secret: string) => ({ kid: keyId(secret), key: createSecretKey(Buffer.from(secret)) });
  const signing = entry(jwtSecret);
  const all = [signing, ...(jwtPreviousSecret ? [entry(jwtPreviousSecret)] : [])];
  keys = { signing, byKid: new Map(all.map((k) => [k.kid, k.key])) };
  return keys;
}

// a real hash to check unknown usernames against, so that both cost the same work
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

interface UserWithUnit {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  org_unit_id: number;
  active: boolean;
  token_version: number;
  unit_path: string;
  unit_code: string;
  unit_name: string;
  unit_level: number;
}

function findUser(where: { 'users.id': number } | { 'users.username': string }) {
  return joinUnit(db()('users'), 'o', 'users.org_unit_id')
    .select('users.*', 'o.path as unit_path', 'o.code as unit_code', 'o.name as unit_name', 'o.level as unit_level')
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
    tokenVersion: u.token_version,
  };
}

export async function login(username: string, password: string, ip = '') {
  await takeAttempt(username, ip);
  const user = await findUser({ 'users.username': username });
  const checked = await verifyPassword(password, user?.password_hash ?? (await unknownUserHash));
  const ok = !!user && user.active && checked;
  await db()('login_attempts').insert({ username, client_ip: ip || null, succeeded: ok });
  if (!ok || !user) throw unauthorized('wrong username or password');
  await attemptSucceeded(username, ip);
  const { kid, key } = signingKeys().signing;
  const token = jwt.sign({ sub: String(user.id), ver: user.token_version }, key, { keyid: kid, expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'] });
  return { token, user: me(toActor(user), user) };
}

// Who a token's user is, remembered for a few seconds: every request needs it, and a change
// to an account or a unit reaches every replica within that time (this one at once).
const actors = new Map<number, { actor: Promise<Actor>; until: number }>();
export const forgetActors = () => actors.clear();
onSubtreeMoved(forgetActors); // a moved unit changes the scopes below it

// A token once verified is known until it expires: its signature cannot change, and checking
// it again (HMAC, base64, JSON) on every request is a measurable share of a hot list's work.
const verified = new Map<string, { sub: number; ver: number; expiresMs: number }>();
const MAX_VERIFIED = 10_000;

function claimsOf(token: string): { sub: number; ver: number } {
  const known = verified.get(token);
  if (known && known.expiresMs > Date.now()) return known;
  let payload: jwt.JwtPayload;
  try {
    const kid = jwt.decode(token, { complete: true })?.header.kid;
    const key = kid ? signingKeys().byKid.get(kid) : undefined;
    if (!key) throw new jwt.JsonWebTokenError('unknown key');
    payload = jwt.verify(token, key, { algorithms: ['HS256'] }) as jwt.JwtPayload;
  } catch (e) {
    throw unauthorized(e instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token');
  }
  const claims = { sub: Number(payload.sub), ver: Number(payload.ver), expiresMs: (payload.exp ?? 0) * 1000 };
  if (!Number.isSafeInteger(claims.sub) || !Number.isSafeInteger(claims.ver)) throw unauthorized('invalid token');
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, claims);
  return claims;
}

/** The actor a token stands for; a token from before a password, role or account change is refused. */
export async function actorFromToken(token: string): Promise<Actor> {
  const { sub, ver } = claimsOf(token);
  const actor = await cachedActor(sub);
  if (actor.tokenVersion !== ver) throw unauthorized('token revoked: log in again');
  return actor;
}

function cachedActor(id: number): Promise<Actor> {
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
  const scope = await scopeSize(actor.scopePath);
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
