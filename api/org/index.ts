// The org domain's public face: the group's units and departments as other domains read them.
// Other domains import only this file; org's tables are read through the functions of ./units.
export type { OrgUnit } from './model';
export { childPath } from './rules';
export { onSubtreeMoved } from './moves';
export * from './units';
export { orgUnitRoutes, departmentRoutes } from './routes';
