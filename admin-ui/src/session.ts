// The logged-in user as the API describes it (login and GET /api/auth/me), kept in localStorage.

export interface Permission {
  resource: string;
  actions: string[];
}

export interface CurrentUser {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  org_unit: { id: number; code: string; name: string; level: number; path: string };
  scope_path: string;
  permissions: Permission[];
}

const TOKEN_KEY = 'erp.token';
const USER_KEY = 'erp.user';

export const storedToken = () => localStorage.getItem(TOKEN_KEY);

export function storedUser(): CurrentUser | null {
  const raw = localStorage.getItem(USER_KEY);
  return raw ? (JSON.parse(raw) as CurrentUser) : null;
}

export function storeSession(token: string, user: CurrentUser) {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

/** Whether `user` (the logged-in one unless said) holds `action` on `resource`. */
export const may = (resource: string, action: string, user = storedUser()) =>
  !!user?.permissions.find((p) => p.resource === resource)?.actions.includes(action);
