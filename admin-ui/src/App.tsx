import { AccessDenied, Admin, CanAccess, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { domains, screensAt, userScreens } from './registry';
import { queriesBusy, queryClient } from './shared/fullRecord';
import { prefetchScreens, prefetchWhenQuiet } from './shared/lazyScreens';
import { storedUser } from './session';

const resources = domains.flatMap((d) => d.resources);
const pages = domains.flatMap((d) => d.pages ?? []);

// The screens of the page being opened are fetched while the app starts (not once its router has
// drawn the layout); once that page is drawn and the network is quiet, the rest of this user's
// screens, so that a village doctor's follow-up form opens without a network.
if (storedUser()) void prefetchScreens(screensAt(window.location.pathname));
prefetchWhenQuiet(userScreens, queriesBusy);

// No transitions: by default the router renders the next screen in the background while the one
// it replaces stays live, and a list still live then applies its search half a second after the
// typing — a resident tapped within that half second sent the doctor back to the list.
export const App = () => (
  <BrowserRouter useTransitions={false}>
    <Admin
      title="医联体综合管理平台"
      loginPage={LoginPage}
      dataProvider={dataProvider}
      queryClient={queryClient}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={localStorageStore(undefined, 'erp-admin')}
      dashboard={Dashboard}
      layout={AppLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {resources.map((r) => (
        <Resource key={r.name} {...r} />
      ))}
      <CustomRoutes>
        {pages.map((p) => (
          <Route
            key={p.path}
            path={p.path}
            element={
              <CanAccess resource={p.resource} action={p.action ?? 'list'} accessDenied={<AccessDenied />}>
                {p.element}
              </CanAccess>
            }
          />
        ))}
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
