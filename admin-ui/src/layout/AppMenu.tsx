// The menu, one group per domain of the registry, each showing only what the user may list.
import { ListSubheader } from '@mui/material';
import { Menu, useCanAccessResources, useSidebarState, useTranslate } from 'react-admin';
import { domains, pageAllowed, type DomainModule } from '../registry';
import { storedUser } from '../session';

const DomainMenuGroup = ({ domain }: { domain: DomainModule }) => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const pages = domain.pages ?? [];
  const { canAccess } = useCanAccessResources({
    action: 'list',
    resources: domain.resources.map((r) => r.name),
  });
  if (!canAccess) return null;
  const resources = domain.resources.filter((r) => canAccess[r.name]);
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
        <Menu.ResourceItem key={r.name} name={r.name} />
      ))}
      {visiblePages.map((p) => (
        <Menu.Item key={p.path} to={p.path} primaryText={translate(p.label)} leftIcon={<p.icon />} />
      ))}
    </>
  );
};

/** The registry's order, with the groups a role works in first (a village doctor: 健康管理). */
const menuOrder = (roles: string[]) => [
  ...domains.filter((d) => d.firstFor?.some((r) => roles.includes(r))),
  ...domains.filter((d) => !d.firstFor?.some((r) => roles.includes(r))),
];

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    {menuOrder(storedUser()?.roles ?? []).map((domain) => (
      <DomainMenuGroup key={domain.group} domain={domain} />
    ))}
  </Menu>
);
