// Offline-first (issue 16): what the phone keeps to open with no network, and whether the server
// answers. The service worker (admin-ui/vite.config.ts) keeps the app itself; this keeps the data.
export {
  answerableOffline,
  forgetOfflineData,
  jsonAnswer,
  keepOffline,
  offlineAnswer,
  rememberAnswer,
  userPrefix,
  type JsonAnswer,
  type OfflineReader,
} from './answers';
export { isReachable, onReconnect, setReachable, useReachable } from './connection';
export { idbGet, idbSet } from './idb';
export { answerList, type RowFilter } from './localList';
