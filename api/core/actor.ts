// Who is acting: what every use-case receives instead of an HTTP request.
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  orgUnitId: number;
  /** ltree path of the caller's own unit */
  unitPath: string;
  /** ltree path the caller may see: their unit, or the whole group for group roles */
  scopePath: string;
  /** the scope's only unit, when it holds just one (a village clinic): lists filter by equality */
  scopeUnitId?: number;
  /** the scope holds every unit of the group (group roles, the HQ's director): lists filter by nothing */
  scopeIsWholeGroup?: boolean;
  ip?: string;
  /** the account's token version: a password, role or account change bumps it, revoking older tokens */
  tokenVersion?: number;
}

/** The actor for scheduled jobs and seeds: group-wide, audited under its own name. */
export const systemActor = (name = 'system'): Actor => ({
  id: 0,
  username: name,
  displayName: name,
  roles: ['group_admin'],
  orgUnitId: 0,
  unitPath: '',
  scopePath: '',
});
