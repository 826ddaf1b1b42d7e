// The menu, one group per domain of the registry, each showing only what the user may list. It is
// drawn once: react-admin redraws the layout on every page change, and the menu's only part that
// changes with the page is which entry is current, which each entry follows itself (MenuEntry).
import { memo, type ComponentType } from 'react';
import { ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/Dashboard';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Menu, useCanAccessResources, useGetResourceLabel, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { domains, pageAllowed, type DomainModule } from '../registry';
import { storedUser } from '../session';
import { FollowLocation, MenuEntry } from './MenuEntry';

const DomainMenuGroup = ({ domain }: { domain: DomainModule }) => {
  const translate = useTranslate();
  const resourceLabel = useGetResourceLabel();
  const definitions = useResourceDefinitions();
  const [sidebarOpen] = useSidebarState();
  const pages = domain.pages ?? [];
  const { canAccess } = useCanAccessResources({
    action: 'list',
    resources: domain.resources.map((r) => r.name),
  });
  if (!canAccess) return null;
  const resources = domain.resources.filter((r) => canAccess[r.name] && definitions[r.name]);
  const visiblePages = pages.filter((p) => pageAllowed(p));
  if (!resources.length && !visiblePages.length) return null;
  return (
    <>
      {sidebarOpen && (
        // not sticky: a transparent group title that stuck to the top would lie over the entries scrolled under it
        <ListSubheader disableSticky data-testid={`menu-group-${domain.group}`} sx={{ bgcolor: 'transparent', lineHeight: '36px', mt: 1 }}>
          {translate(domain.label)}
        </ListSubheader>
      )}
      {resources.map((r) => (
        <MenuEntry
          key={r.name}
          to={`/${r.name}`}
          label={resourceLabel(r.name, 2)}
          icon={(definitions[r.name].icon as ComponentType | undefined) ?? ViewListIcon}
        />
      ))}
      {visiblePages.map((p) => (
        <MenuEntry key={p.path} to={p.path} label={translate(p.label)} icon={p.icon} />
      ))}
    </>
  );
};

/** The registry's order, with the groups a role works in first (a village doctor: 健康管理). */
const menuOrder = (roles: string[]) => [
  ...domains.filter((d) => d.firstFor?.some((r) => roles.includes(r))),
  ...domains.filter((d) => !d.firstFor?.some((r) => roles.includes(r))),
];

export const AppMenu = memo(function AppMenu() {
  const translate = useTranslate();
  return (
    <Menu>
      <FollowLocation />
      <MenuEntry to="/" label={translate('ra.page.dashboard')} icon={DashboardIcon} />
      {menuOrder(storedUser()?.roles ?? []).map((domain) => (
        <DomainMenuGroup key={domain.group} domain={domain} />
      ))}
    </Menu>
  );
});
