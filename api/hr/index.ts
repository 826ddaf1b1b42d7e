// The HR domain's public face: staff (finance's risk fund), the career rules the demo loader uses,
// the data of the HR workbooks, and what api/domains.ts wires (routers, grants, the daily job).
// HR is split into sub-domains, each with its model, rules, service and routes: staff/ (the
// registry), careers/ (posts, licences, promotions, assessments), contracts/ (乡聘村用), rotations/.
export { activeStaffIds, staffByUnitAndName, staffNames, staffRosterRows, staffRosterUnit, type StaffRosterRow } from './staff/service';
export { addDays, addYears, LADDER_OF, LADDERS, type Category } from './staff/rules';
export { excellentQuota } from './careers/rules';
export { SEX } from './enums';
export { REFERENCE_QUOTAS, statusOn } from './rotations/rules';
export { staffQualifications, type StaffQualification } from './qualifications';
export { assessmentGrades, expertsSentFrom, payrollPeople, payrollPersonOfUser, rotatedExperts, type PayrollPerson, type RotatedExpert } from './payFacts';
export { rotationRosterData, type RotationRosterData } from './rotations/service';
export { STAFF_ROSTER_COLUMNS } from './staff/fields';
export { unitQuery, yearQuery } from './shared';
export { hrGrants } from './grants';
export { hrDaily } from './jobs';
export { hrRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { Staff, StaffHistory } from './staff/model';
export type { Rotation, RotationPlan } from './rotations/model';
export type { Assessment, AssessmentYear, Licence, Post, TitlePromotion } from './careers/model';
export type { VillageDoctorContract } from './contracts/model';
// the national monitoring indicators' reads of rotations and staff (api/monitoring)
export { averageHeadcountByTier, payrollStaff, secondedDoctors, SENIOR_DOCTOR_TITLES, type PaidStaff, type SecondedDoctor } from './rotations/monitoring';
