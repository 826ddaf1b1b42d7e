// Every office role walks every list and its first row, in Chinese, without an error (walk.ts).
import { walkEveryList } from './walk';

walkEveryList('admin UI: every list and its first row, for every office role', [
  { username: 'admin' },
  { username: 'finance' },
  { username: 'hr' },
  { username: 'procurement' },
  { username: 'referral' },
  { username: 'auditor', reader: true },
]);
