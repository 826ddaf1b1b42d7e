// One menu entry, drawn as react-admin's MenuItemLink (its class names, so the theme and the tests
// find it), but redrawn only when it becomes or stops being the current page. MenuItemLink and
// react-router's Link read the location themselves, so each of the ~80 entries an administrator
// sees redrew, with its icon and typography, on every page change: a tenth of a click's script.
// The menu's one FollowLocation keeps the current path here, outside React, and each entry
// subscribes to its own "am I current" flag.
import { memo, useLayoutEffect, useSyncExternalStore, type ComponentType, type MouseEvent } from 'react';
import { ListItemIcon, MenuItem, Tooltip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { styled } from '@mui/material/styles';
import { useLocation, useNavigate, type NavigateFunction } from 'react-router-dom';
import { useSidebarState } from 'react-admin';

const Item = styled(MenuItem, { name: 'RaMenuItemLink', overridesResolver: (_props, styles) => styles.root })(({ theme }) => ({
  color: theme.palette.text.secondary,
  '& .RaMenuItemLink-icon': { color: theme.palette.text.secondary, minWidth: theme.spacing(5) },
  '&.RaMenuItemLink-active': { color: theme.palette.text.primary },
})) as typeof MenuItem;

/** Whether the page at `pathname` is under the entry to `to` (the home entry only on the home page). */
export const entryActive = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

const router: { pathname: string; navigate?: NavigateFunction } = { pathname: window.location.pathname };
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Rendered once in the menu: tells the entries where the user is, and lends them the router's navigate. */
export function FollowLocation() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useLayoutEffect(() => {
    router.navigate = navigate;
    router.pathname = pathname;
    for (const listener of listeners) listener();
  }, [pathname, navigate]);
  return null;
}

/** A plain click goes through the router; a click that opens a new tab or window is the browser's. */
const follow = (to: string) => (e: MouseEvent) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !router.navigate) return;
  e.preventDefault();
  void router.navigate(to, { state: { _scrollToTop: true } });
};

export interface MenuEntryProps {
  to: string;
  label: string;
  icon: ComponentType;
}

export const MenuEntry = memo(function MenuEntry({ to, label, icon: Icon }: MenuEntryProps) {
  const active = useSyncExternalStore(subscribe, () => entryActive(to, router.pathname));
  const [open, setOpen] = useSidebarState();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const go = follow(to);
  const item = (
    <Item
      component="a"
      href={to}
      className={active ? 'RaMenuItemLink-root RaMenuItemLink-active' : 'RaMenuItemLink-root'}
      onClick={(e: MouseEvent) => {
        go(e);
        // on a phone the menu is a drawer over the page: it closes once an entry is chosen
        if (small) setOpen(false);
      }}
    >
      <ListItemIcon className="RaMenuItemLink-icon">
        <Icon />
      </ListItemIcon>
      <Typography variant="inherit" noWrap sx={{ flexGrow: 1 }}>
        {label}
      </Typography>
    </Item>
  );
  // a collapsed sidebar shows the icons alone: the label becomes the icon's tooltip
  return open ? (
    item
  ) : (
    <Tooltip title={label} placement="right">
      {item}
    </Tooltip>
  );
});
