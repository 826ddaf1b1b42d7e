// The HR records as the API answers them: the models of api/hr/*/model.ts as JSON, with the names
// its lists join in declared there (imported as types only).
import type { Json, Listed } from '../../../api/core/json';
import type {
  Assessment,
  AssessmentYear,
  Licence,
  Post,
  Rotation,
  RotationPlan,
  Staff,
  StaffHistory,
  TitlePromotion,
  VillageDoctorContract,
} from '../../../api/hr';

/** GET /api/staff: a person, with the names of their units and the licence flags (the ID number's hash and cipher never leave the server) */
export type StaffRecord = Omit<
  Listed<Staff, 'employer_name' | 'work_unit_name' | 'licence_expired' | 'licence_expires_on'>,
  'id_number_hash' | 'id_number_cipher'
>;

/** One change of a person's record (GET /api/staff/:id/history) */
export type StaffHistoryRecord = Json<StaffHistory>;

/** GET /api/rotations: a rotation, with the person's and the units' names */
export type RotationRecord = Listed<Rotation, 'staff_name' | 'staff_title' | 'home_name' | 'host_name' | 'home_level' | 'host_level'>;

/** GET /api/rotation-plans */
export type RotationPlanRecord = Json<RotationPlan>;

/** GET /api/posts */
export type PostRecord = Json<Post>;

/** GET /api/licences: with the holder's name and the days left */
export type LicenceRecord = Listed<Licence, 'staff_name' | 'days_left'>;

/** GET /api/assessment-years: keyed by the year */
export type AssessmentYearRecord = Json<AssessmentYear>;

/** GET /api/title-promotions */
export type TitlePromotionRecord = Listed<TitlePromotion, 'staff_name'>;

/** GET /api/assessments */
export type AssessmentRecord = Listed<Assessment, 'staff_name'>;

/** GET /api/village-doctor-contracts */
export type VillageDoctorContractRecord = Listed<VillageDoctorContract, 'staff_name'>;
