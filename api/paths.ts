// Where the project's folders are, found from this module: the same answer whether the code
// runs from source (tsx) or from the API bundle the cluster workers run (api/cluster.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(dir: string): string {
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const up = path.dirname(dir);
  if (up === dir) throw new Error('project root (package.json) not found');
  return findRoot(up);
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const uiDist = path.join(projectRoot, 'admin-ui/dist');
export const migrationsDir = path.join(projectRoot, 'migrations');
