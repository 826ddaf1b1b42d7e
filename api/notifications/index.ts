// The notifications domain's public face: other domains notify users.
export { notify, type Notice } from './service';
export { notificationGrants } from './rules';
export { notificationRoutes } from './routes';
