// 组织机构: units (list and tree), departments, user accounts.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { DomainModule } from '../registry';
import { departments } from './departments';
import { orgUnits } from './orgUnits';
import { OrgTree } from './orgUnits/OrgTree';
import { UnitsPerLevelChart } from './orgUnits/UnitsPerLevelChart';
import { users } from './users';

export const orgDomain: DomainModule = {
  group: 'org',
  label: 'menu.groups.org',
  resources: [orgUnits, departments, users],
  pages: [{ path: '/org-tree', label: 'menu.org_tree', icon: AccountTreeIcon, element: <OrgTree />, resource: 'org-units' }],
  dashboardWidgets: [{ resource: 'org-units', component: UnitsPerLevelChart }],
};
