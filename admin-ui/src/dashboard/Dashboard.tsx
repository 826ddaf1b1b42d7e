// 首页: the greeting, the 待办 card (what waits for this user, from every domain), then the
// cards of the domains this user works with — chosen by permission, and by role where roles
// share a permission but not the work.
import { Stack } from '@mui/material';
import { Suspense } from 'react';
import { Title, useCanAccessResources, useTranslate } from 'react-admin';
import { domains, type DashboardWidget } from '../registry';
import { storedUser } from '../session';
import { HomeCard } from './figures';
import { Greeting } from './Greeting';

const widgets = domains.flatMap((d) => d.dashboardWidgets ?? []);

export const Dashboard = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccessResources({ action: 'list', resources: [...new Set(widgets.map((w) => w.resource))] });
  const roles = storedUser()?.roles ?? [];
  const mine = (w: DashboardWidget) => !!canAccess?.[w.resource] && (!w.roles || w.roles.some((r) => roles.includes(r)));
  const todo = widgets.filter((w) => w.todo && mine(w));
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Title title="ra.page.dashboard" />
      <Greeting />
      {todo.length > 0 && (
        <HomeCard title={translate('home.todo')} testId="home-todo">
          {todo.map((w, i) => (
            <Suspense key={i} fallback={null}>
              <w.component />
            </Suspense>
          ))}
        </HomeCard>
      )}
      {widgets
        .filter((w) => !w.todo && mine(w))
        .map((w, i) => (
          // each domain's widgets are fetched when first shown; the page does not wait for them
          <Suspense key={i} fallback={null}>
            <w.component />
          </Suspense>
        ))}
    </Stack>
  );
};
