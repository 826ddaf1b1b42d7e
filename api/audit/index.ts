// The audit domain's public face: whether an action was ever recorded (the login page), and its routes.
export { wasRecorded } from './recorded';
export { trailOf } from './service';
export { auditRoutes } from './routes';
