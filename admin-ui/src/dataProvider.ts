// simple-rest against /api, plus the two non-CRUD reads the screens need.
import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';
import type { CurrentUser } from './session';

export interface OrgTreeNode {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  children: OrgTreeNode[];
}

export const dataProvider = {
  ...simpleRestProvider('/api', httpClient),
  /** the units in the user's scope, nested */
  getOrgTree: async () => (await httpClient('/api/org-units/tree')).json as OrgTreeNode[],
  /** the user with their unit and permissions, fresh from the server */
  getCurrentUser: async () => (await httpClient('/api/auth/me')).json as CurrentUser,
};

export type ErpDataProvider = typeof dataProvider;
