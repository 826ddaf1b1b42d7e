// The audit domain's public face: writing an audit row outside a request (the demo loader).
export { record } from './service';
export { auditRoutes } from './routes';
