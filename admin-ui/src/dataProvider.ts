// simple-rest against /api, plus the two non-CRUD reads the screens need.
import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';
import { markPartial } from './shared/fullRecord';
import type { RaRecord } from 'react-admin';
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

// ids per getMany request: the list endpoint answers it as a page, so the range must cover the
// ids (its default is 25 rows), and the ids travel in the URL, which must stay short
const MANY_CHUNK = 200;

export const dataProvider = {
  ...rest,
  // list rows are lean (only the list's columns): marked so show and edit pages wait for their own read
  getList: async (...args: Parameters<typeof rest.getList>) => {
    const page = await rest.getList(...args);
    return { ...page, data: markPartial(page.data) };
  },
  // many records by id, in chunks, each asked as a list page as long as its ids
  getMany: async <R extends RaRecord = RaRecord>(resource: string, { ids, signal }: Parameters<typeof rest.getMany>[1]) => {
    const data: R[] = [];
    for (let i = 0; i < ids.length; i += MANY_CHUNK) {
      const chunk = ids.slice(i, i + MANY_CHUNK);
      const page = await rest.getList<R>(resource, {
        filter: { id: chunk },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: chunk.length },
        signal,
      });
      data.push(...page.data);
    }
    return { data: markPartial(data) };
  },
  /** the units in the user's scope, nested */
  getOrgTree: async () => (await httpClient('/api/org-units/tree')).json as OrgTreeNode[],
  /** the user with their unit and permissions, fresh from the server */
  getCurrentUser: async () => (await httpClient('/api/auth/me')).json as CurrentUser,
};

export type ErpDataProvider = typeof dataProvider;
