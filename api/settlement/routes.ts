// The settlement domain's routers, each from its sub-domain. The imports run in this order, so that
// the routes are described (/api/openapi.json) in the order they are mounted.
import { fundYearRoutes, populationRoutes } from './fundYears/routes';
import { claimRoutes, satisfactionRoutes } from './claims/routes';
import { allocationRoutes, runRoutes } from './runs/routes';
import { advanceRoutes } from './advances/routes';
import { signoffRoutes } from './signoffs/routes';
import { spectrumRoutes } from './spectrum/routes';

export const settlementRouters = [
  fundYearRoutes,
  populationRoutes,
  claimRoutes,
  satisfactionRoutes,
  runRoutes,
  allocationRoutes,
  advanceRoutes,
  signoffRoutes,
  spectrumRoutes,
];
