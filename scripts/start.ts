// `npm start`: build the admin UI if its sources changed, then boot everything.
import { ensureUiBuilt } from './uiBuild';

await ensureUiBuilt();
await import('./serve');
