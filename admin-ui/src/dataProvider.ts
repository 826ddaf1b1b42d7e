// simple-rest against /api, plus the two non-CRUD reads the screens need.
import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';
import { markPartial } from './shared/fullRecord';
import type { CurrentUser } from './session';

export interface OrgTreeNode {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  children: OrgTreeNode[];
}

const rest = simpleRestProvider('/api', httpClient);

export const dataProvider = {
  ...rest,
  // list rows are lean (only the list's columns): marked so show and edit pages wait for their own read
  getList: async (...args: Parameters<typeof rest.getList>) => {
    const page = await rest.getList(...args);
    return { ...page, data: markPartial(page.data) };
  },
  /** the units in the user's scope, nested */
  getOrgTree: async () => (await httpClient('/api/org-units/tree')).json as OrgTreeNode[],
  /** the user with their unit and permissions, fresh from the server */
  getCurrentUser: async () => (await httpClient('/api/auth/me')).json as CurrentUser,
};

export type ErpDataProvider = typeof dataProvider;
