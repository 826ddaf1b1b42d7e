// Login against the API; what the user may open comes from the permissions it returns.
import { HttpError, type AuthProvider } from 'react-admin';
import { httpClient } from './httpClient';
import { clearSession, storeSession, storedToken, storedUser, type CurrentUser } from './session';
import { forgetOfflineData } from './shared/offline';
import { loadMessagesFor } from './i18n';

/** The login form shows the thrown message as an i18n key: the API's error code, in the user's language. */
function loginProblem(e: unknown): string {
  const code = e instanceof HttpError ? (e.body as { code?: string } | undefined)?.code : undefined;
  if (code === 'unauthorized') return 'app.login.wrong_password';
  if (code === 'too_many_requests') return 'app.login.too_many_attempts';
  if (code === 'unavailable') return 'app.login.unavailable';
  return 'ra.auth.sign_in_error';
}

/** POST /api/auth/login's answer (api/auth/routes.ts) */
interface LoginAnswer {
  token: string;
  user: CurrentUser;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await httpClient('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
      const { token, user } = json as LoginAnswer;
      storeSession(token, user);
    } catch (e) {
      throw new Error(loginProblem(e));
    }
    // the words of this user's domains before their first screen
    await loadMessagesFor(storedUser()).catch(() => undefined);
  },
  async logout() {
    // what the phone kept of this user's data goes with the login (a visit waiting to be sent stays, theirs to send)
    await forgetOfflineData();
    clearSession();
  },
  async checkAuth() {
    if (!storedToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      await forgetOfflineData();
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // 403 is a refused action, not a lost session: stay logged in
  },
  async getIdentity() {
    const user = storedUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.display_name };
  },
  async getPermissions() {
    return storedUser()?.permissions ?? [];
  },
  async canAccess({ resource, action }) {
    const granted = storedUser()?.permissions.find((p) => p.resource === resource);
    return !!granted?.actions.includes(action);
  },
};
