// 组织机构: units (list and tree), departments, user accounts.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { DomainModule } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';
import { departments } from './departments';
import { orgUnits } from './orgUnits';
import { users } from './users';

// pages and home widgets, each module fetched when first shown
const { OrgTree } = lazyScreens(() => import('./orgUnits/OrgTree'));
const { UnitsPerLevelChart } = lazyScreens(() => import('./orgUnits/UnitsPerLevelChart'));

export const orgDomain: DomainModule = {
  group: 'org',
  label: 'menu.groups.org',
  resources: [orgUnits, departments, users],
  pages: [{ path: '/org-tree', label: 'menu.org_tree', icon: AccountTreeIcon, element: <OrgTree />, resource: 'org-units' }],
  // the whole group's shape for those who look after all of it; the others have their day's work
  dashboardWidgets: [{ resource: 'org-units', roles: ['group_admin', 'auditor', 'procurement'], component: UnitsPerLevelChart }],
};
