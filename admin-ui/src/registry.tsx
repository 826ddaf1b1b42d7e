// Every business domain of the admin UI, in menu order. A domain is one folder exporting a
// DomainModule; adding it here is all it takes to get its resources, pages, menu group and
// dashboard widgets. App.tsx, the menu and the dashboard only read this list.
import type { ComponentType, ReactElement } from 'react';
import type { ResourceProps } from 'react-admin';
import { financeDomain } from './finance';
import { healthDomain } from './health';
import { hrDomain } from './hr';
import { orgDomain } from './org';
import { procurementDomain } from './procurement';
import { referralsDomain } from './referrals';
import { settlementDomain } from './settlement';
import { systemDomain } from './system';

/** A react-admin resource: the name is the API path under /api and the permission name. */
export type ResourceEntry = Pick<ResourceProps, 'name' | 'list' | 'show' | 'edit' | 'create' | 'icon' | 'options' | 'recordRepresentation'>;

/** A custom screen at `path`; users see it (menu and route) when they may list `resource`. */
export interface PageEntry {
  path: string;
  /** i18n key of the menu label */
  label: string;
  icon: ComponentType;
  element: ReactElement;
  resource: string;
}

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
  /** the domain's own translations, merged into the app's (zh-CN first, en second) */
  messages?: { zh: object; en: object };
  /** roles whose menu shows this group first (their day's work) */
  firstFor?: string[];
  /** background work from app start, before the first screen (health: the offline copy and the outbox) */
  start?: () => void;
}

export const domains: DomainModule[] = [orgDomain, hrDomain, healthDomain, referralsDomain, settlementDomain, financeDomain, procurementDomain, systemDomain];
