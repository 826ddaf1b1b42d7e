import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { checkArchitecture, formatViolation } from '../scripts/architecture';

describe('architecture', () => {
  it('keeps each domain behind its public face, the layers free of domains, and the domains free of circles', () => {
    const violations = checkArchitecture(path.resolve(import.meta.dirname, '..')).map(formatViolation);
    if (violations.length) expect.fail(`${violations.length} violations of the dependency rule:\n${violations.join('\n')}`);
  });

  describe('the checker', () => {
    let root: string;
    const write = (files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
    };
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'architecture-'))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('reports a reach into a domain, a layer on a domain, the root kept for reports, a named table and a circle', () => {
      write({
        'api/org/index.ts': "export { OrgUnit } from './model';\n",
        'api/org/model.ts': "export class OrgUnit {\n  static tableName = 'org_units';\n}\n",
        'api/org/service.ts': "import { staffCount } from '../hr/index';\nexport const size = staffCount;\n",
        'api/hr/index.ts': "export { staffCount } from './service';\n",
        'api/hr/service.ts': [
          "import { OrgUnit } from '../org/model';",
          "import type { OrgUnit as Unit } from '../org';",
          "import { roster } from '../../reports/roster';",
          'export const staffCount = (u: Unit) => db.raw(`SELECT count(*) FROM staff JOIN org_units ON true`, [u, OrgUnit, roster]);',
          '',
        ].join('\n'),
        'api/hr/hr.test.ts': "import { roster } from '../../reports/roster';\nexport const r = roster;\n",
        'api/http/guard.ts': "import { staffCount } from '../hr';\nexport const g = staffCount;\n",
        'api/app.ts': "import { roster } from '../reports/roster';\nexport const a = roster;\n",
        'reports/roster.ts': "import { size } from '../api/org/service';\nexport const roster = size;\n",
      });
      expect(checkArchitecture(root).map(formatViolation)).to.have.members([
        'api/hr/service.ts → api/org/model.ts (reach)',
        'api/hr/service.ts → reports/roster.ts (root)',
        'api/http/guard.ts → api/hr/index.ts (layer)',
        'reports/roster.ts → api/org/service.ts (reach)',
        'api/hr/service.ts → api/org/model.ts (circle)',
        'api/org/service.ts → api/hr/index.ts (circle)',
        'api/hr/service.ts → org.org_units (table)',
      ]);
    });

    it('counts the tables of a sub-domain’s model.ts as its domain’s', () => {
      write({
        'api/hr/rotations/model.ts': "export class Rotation {\n  static tableName = 'rotations';\n}\n",
        'api/hr/rotations/service.ts': "export const rotations = () => 'SELECT * FROM rotations';\n",
        'api/org/service.ts': "export const moved = () => 'SELECT count(*) FROM rotations';\n",
      });
      expect(checkArchitecture(root).map(formatViolation)).to.deep.equal(['api/org/service.ts → hr.rotations (table)']);
    });

    it('accepts domains that meet through their public faces', () => {
      write({
        'api/org/index.ts': "export const units = () => 'SELECT * FROM org_units';\n",
        'api/org/model.ts': "export class OrgUnit {\n  static tableName = 'org_units';\n}\n",
        'api/hr/model.ts': "export class Staff {\n  static tableName = 'staff';\n}\n",
        'api/hr/service.ts': "import { units } from '../org';\nexport const staff = () => [units(), 'SELECT * FROM staff'];\n",
        'api/org/count.ts': 'export const counted = (staff: unknown[]) => `${staff.length} staff`;\n',
      });
      expect(checkArchitecture(root)).to.deep.equal([]);
    });
  });
});
