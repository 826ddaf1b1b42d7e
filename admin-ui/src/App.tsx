import { AccessDenied, Admin, CanAccess, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { domains } from './registry';
import { queryClient } from './shared/fullRecord';

const resources = domains.flatMap((d) => d.resources);
const pages = domains.flatMap((d) => d.pages ?? []);

export const App = () => (
  <BrowserRouter>
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
              <CanAccess resource={p.resource} action="list" accessDenied={<AccessDenied />}>
                {p.element}
              </CanAccess>
            }
          />
        ))}
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
