// The township director and the village doctor (on a desk and on a phone) walk every list and its
// first row, in Chinese, without an error (walk.ts).
import { PHONE } from './browser';
import { walkEveryList } from './walk';

walkEveryList('admin UI: every list and its first row, for the township and the village', [
  { username: 'director-T01' },
  { username: 'doctor-V001' },
  { username: 'doctor-V001', viewport: PHONE },
]);
