// Every business domain of the admin UI, in menu order. A domain is one folder exporting a
// DomainModule; adding it here is all it takes to get its resources, pages, menu group and
// dashboard widgets. App.tsx, the menu and the dashboard only read this list. The screens are
// fetched when first shown (shared/lazyScreens.ts): a resource's index.ts names them through
// lazyScreens, so that a first load brings only the shell and the screens of that page.
import type { ComponentType, ReactElement } from 'react';
import type { ResourceProps } from 'react-admin';
import { financeDomain } from './finance';
import { healthDomain } from './health';
import { hrDomain } from './hr';
import { orgDomain } from './org';
import { payDomain } from './pay';
import { procurementDomain } from './procurement';
import { qualityDomain } from './quality';
import { pharmacyDomain } from './pharmacy';
import { monitoringDomain } from './monitoring';
import { referralsDomain } from './referrals';
import { diagnosisDomain } from './diagnosis';
import { settlementDomain } from './settlement';
import { systemDomain } from './system';
import { may, storedUser, type CurrentUser } from './session';

/** A react-admin resource: the name is the API path under /api and the permission name. */
export type ResourceEntry = Pick<ResourceProps, 'name' | 'list' | 'show' | 'edit' | 'create' | 'icon' | 'options' | 'recordRepresentation'>;

/** A custom screen at `path`; users see it (menu and route) when they may `action` (list, unless said) `resource`. */
export interface PageEntry {
  path: string;
  /** i18n key of the menu label */
  label: string;
  icon: ComponentType;
  element: ReactElement;
  resource: string;
  /** a page that is work only some of the resource's readers may do (集中采购: creating orders) */
  action?: string;
  /** words only this page needs, loaded for its users alone (src/i18n): `module` is the folder of
   *  its messages.ts under src/, by which the route-preload script finds their chunk */
  messages?: DomainMessages & { module: string };
}

/** A domain's (or a page's) translations: zh-CN before the first screen of its users, en when English is chosen. */
export interface DomainMessages {
  zh: () => Promise<object>;
  en: () => Promise<object>;
}

/** Whether this user may open the page (see it in the menu). */
export const pageAllowed = (page: PageEntry, user = storedUser()) => may(page.resource, page.action ?? 'list', user);

/**
 * A piece of the home page (首页), shown to users who may list `resource` — and, where roles
 * share that permission but not the work, only to `roles`. A `todo` widget gives figures that
 * join the one 待办 card at the top; the others are cards of their own.
 */
export interface DashboardWidget {
  resource: string;
  roles?: string[];
  todo?: boolean;
  component: ComponentType;
}

export interface DomainModule {
  /** menu group id */
  group: string;
  /** i18n key of the menu group header */
  label: string;
  resources: ResourceEntry[];
  pages?: PageEntry[];
  dashboardWidgets?: DashboardWidget[];
  /** the domain's own translations, merged into the app's for the users who work in the domain (src/i18n) */
  messages?: DomainMessages;
  /** roles whose menu shows this group first (their day's work) */
  firstFor?: string[];
  /** background work from app start, before the first screen (health: the offline copy and the outbox) */
  start?: () => void;
}

export const domains: DomainModule[] = [
  orgDomain,
  hrDomain,
  healthDomain,
  referralsDomain,
  diagnosisDomain,
  settlementDomain,
  payDomain,
  financeDomain,
  procurementDomain,
  qualityDomain,
  pharmacyDomain,
  monitoringDomain,
  systemDomain,
];

const resources = () => domains.flatMap((d) => d.resources);
const pages = () => domains.flatMap((d) => d.pages ?? []);

/**
 * The screens drawn at `path` (a resource's list, create, show or edit; a page; the home page's
 * widgets of this user), so that their modules can be fetched while the app starts rather than
 * once its router has drawn the layout.
 */
export function screensAt(path: string, user = storedUser()): unknown[] {
  const [, first = '', second, third] = path.split('/');
  const resource = resources().find((r) => r.name === first);
  if (resource) {
    if (!second) return [resource.list];
    if (second === 'create') return [resource.create];
    return [third === 'show' ? resource.show : (resource.edit ?? resource.show)];
  }
  if (!first) return homeWidgets(user);
  const page = pages().find((p) => p.path === `/${first}`);
  return page ? [page.element.type] : [];
}

function homeWidgets(user: CurrentUser | null): unknown[] {
  const listable = new Set(user?.permissions.filter((p) => p.actions.includes('list')).map((p) => p.resource));
  return domains
    .flatMap((d) => d.dashboardWidgets ?? [])
    .filter((w) => listable.has(w.resource) && (!w.roles || w.roles.some((r) => user?.roles.includes(r))))
    .map((w) => w.component);
}

/** Every screen this user may open: those of the resources and pages they may list, and their home widgets. */
export function userScreens(user = storedUser()): unknown[] {
  const listable = new Set(user?.permissions.filter((p) => p.actions.includes('list')).map((p) => p.resource));
  return [
    ...resources()
      .filter((r) => listable.has(r.name))
      .flatMap((r) => [r.list, r.create, r.show, r.edit]),
    ...pages()
      .filter((p) => pageAllowed(p, user))
      .map((p) => p.element.type),
    ...homeWidgets(user),
  ];
}
