// The one entry to the demo data: what the composition roots (npm start, the test harness, the
// benchmarks) give to boot. The server itself never imports seeds/.
import type { Demo } from '../api/main';
import { loadDemoIfEmpty } from './demo';
import { GROUP_USERS } from './org';

export const demo: Demo = {
  load: loadDemoIfEmpty,
  logins: [
    ...GROUP_USERS.map(([u, name]) => `${u} (${name})`),
    'director-<unit code>  e.g. director-HQ, director-B1, director-T01, director-V001',
    'doctor-<village code> e.g. doctor-V001',
  ],
};
