// The keys the system needs and never ships: the token signing key, the key for personal ID
// numbers at rest, and (embedded PostgreSQL only) the passwords of its three roles.
// On the embedded database the first start makes them at random and keeps them with the data
// (mode 0600), so a second start signs the same tokens and still reads the 身份证号. Against an
// external database (DATABASE_URL) they must come from the environment: no value is built in.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AppSecrets {
  /** signs login tokens (HS256) */
  jwtSecret: string;
  /** the previous signing key, still accepted while tokens signed with it live (rotation) */
  jwtPreviousSecret?: string;
  /** encrypts and keys personal ID numbers */
  piiSecret: string;
}

export interface EmbeddedSecrets extends AppSecrets {
  /** the embedded server's superuser, used only to create the database and the two roles below */
  superuserPassword: string;
  /** owns the tables; migrations and the demo loader run as it */
  ownerPassword: string;
  /** the API's login: reads and writes rows, never alters the schema or the audit trail */
  apiPassword: string;
}

const FILE = 'erp-secrets.json';
const random = () => randomBytes(32).toString('base64url');

/** The file the embedded database's secrets are kept in. */
export const secretsFile = (dataDir: string) => path.join(dataDir, FILE);

/** Reads the secrets kept with an embedded database's data, or undefined when there are none yet. */
export function readEmbeddedSecrets(dataDir: string): EmbeddedSecrets | undefined {
  const file = secretsFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddedSecrets;
}

/** New random secrets for a new embedded database. */
export const newEmbeddedSecrets = (): EmbeddedSecrets => ({
  jwtSecret: random(),
  piiSecret: random(),
  superuserPassword: random(),
  ownerPassword: random(),
  apiPassword: random(),
});

/** Keeps the secrets with the data, readable by this user only. */
export function writeEmbeddedSecrets(dataDir: string, secrets: EmbeddedSecrets) {
  fs.writeFileSync(secretsFile(dataDir), JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.chmodSync(secretsFile(dataDir), 0o600);
}

/**
 * The application's secrets: the environment's where set, else those kept with the embedded
 * data. Without either, a one-line error naming the variable.
 */
export function appSecrets(env: NodeJS.ProcessEnv, kept?: AppSecrets): AppSecrets {
  const pick = (name: string, keptValue?: string) => {
    const value = env[name] || keptValue;
    if (!value) throw new Error(`${name} is not set: with DATABASE_URL the system needs it from the environment (at least 32 random characters)`);
    if (value.length < 32) throw new Error(`${name} is too short: use at least 32 random characters`);
    return value;
  };
  return {
    jwtSecret: pick('JWT_SECRET', kept?.jwtSecret),
    jwtPreviousSecret: env.JWT_PREVIOUS_SECRET || undefined,
    piiSecret: pick('PII_SECRET', kept?.piiSecret),
  };
}

/** A key's id in a token header: a short hash of the key, so rotation can name which key signed. */
export const keyId = (secret: string) => createHash('sha256').update(`kid:${secret}`).digest('hex').slice(0, 12);

let current: AppSecrets | undefined;

/** Installs the secrets this process works with (at boot, and in each API worker). */
export function useSecrets(secrets: AppSecrets) {
  current = secrets;
}

/** The secrets in force; a process that has not booted has none. */
export function secrets(): AppSecrets {
  if (!current) throw new Error('secrets not loaded: boot() installs them');
  return current;
}

/** The secrets as environment variables, to hand to the API workers. */
export const secretsEnv = (s: AppSecrets): Record<string, string> => ({
  JWT_SECRET: s.jwtSecret,
  PII_SECRET: s.piiSecret,
  ...(s.jwtPreviousSecret ? { JWT_PREVIOUS_SECRET: s.jwtPreviousSecret } : {}),
});
