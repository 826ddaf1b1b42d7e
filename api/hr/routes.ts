// HR over HTTP: the routers of its sub-domains (staff, careers, contracts, rotations), in the order
// the app mounts them. The rotations' are built first, as before the split, so that the OpenAPI
// document (paths in the order the routers are built) stays the same.
import { rotationPlanRoutes, rotationRoutes } from './rotations/routes';
import { staffHistoryRoutes, staffRoutes } from './staff/routes';
import { assessmentRoutes, assessmentYearRoutes, licenceRoutes, postRoutes, promotionRoutes } from './careers/routes';
import { contractRoutes } from './contracts/routes';

export const hrRouters = [
  staffRoutes,
  staffHistoryRoutes,
  postRoutes,
  licenceRoutes,
  promotionRoutes,
  assessmentYearRoutes,
  assessmentRoutes,
  contractRoutes,
  rotationPlanRoutes,
  rotationRoutes,
];
