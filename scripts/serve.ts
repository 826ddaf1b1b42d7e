// The whole system with the demo group, as `npm start` runs it once the UI is built: the
// composition root that gives the server its demo data.
import { start } from '../api/main';
import { demo } from '../seeds/index';

await start(demo);
