// The org domain's public face: the group's units and departments as other domains read them.
// Other domains import only this file; org's tables are read through the functions of ./units.
// Its routers are not here: the HTTP edge loads auth, auth loads this face, and org's routes
// need the edge loaded first (the composition root imports ./routes itself).
export type { OrgUnit } from './model';
export { childPath } from './rules';
export { onSubtreeMoved } from './moves';
export * from './units';
export { UNIT_LEVEL } from './enums';
export type { Department } from './model';
