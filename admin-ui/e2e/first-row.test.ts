// Every office role walks every list and its first row, in Chinese, without an error (walk.ts). The
// six office roles are walked in three files (this one, first-row-finance and first-row-audit), so
// that the test runner's workers walk them at once instead of one worker walking all six.
import { walkEveryList } from './walk';

walkEveryList('admin UI: every list and its first row, for the administrator and the referral office', [{ username: 'admin' }, { username: 'referral' }]);
