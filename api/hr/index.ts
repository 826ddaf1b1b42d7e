// The HR domain's public face: staff (finance's risk fund), the career rules the demo loader uses.
export { activeStaffIds, staffNames } from './people';
export { addDays, addYears, excellentQuota, LADDER_OF, LADDERS, type Category } from './rules';
export { SEX } from './enums';
export { REFERENCE_QUOTAS, statusOn } from './rotationRules';
export { rotationRosterData, staffRosterRows, staffRosterUnit, type RotationRosterData, type StaffRosterRow } from './reportService';
export { STAFF_ROSTER_COLUMNS } from './staffFields';
export { unitQuery, yearQuery } from './schemas';
export { hrGrants } from './grants';
export { hrDaily } from './jobs';
export { hrRouters } from './routes';
