// Finance and HR walk every list and its first row, in Chinese, without an error (walk.ts; the office
// roles' walks are split over three files: see first-row.test.ts).
import { walkEveryList } from './walk';

walkEveryList('admin UI: every list and its first row, for finance and HR', [{ username: 'finance' }, { username: 'hr' }]);
