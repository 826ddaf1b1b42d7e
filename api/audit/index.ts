// The audit domain's public face: writing an audit row outside a request (the demo loader), and
// whether an action was ever recorded (the login page).
export { record } from './service';
export { wasRecorded } from './recorded';
export { auditRoutes } from './routes';
