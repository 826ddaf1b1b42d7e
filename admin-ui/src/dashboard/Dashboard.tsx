// 首页: the greeting, then every widget the registry's domains offer to this user.
import { Stack } from '@mui/material';
import { Title, useCanAccessResources } from 'react-admin';
import { domains } from '../registry';
import { Greeting } from './Greeting';

const widgets = domains.flatMap((d) => d.dashboardWidgets ?? []);

export const Dashboard = () => {
  const { canAccess } = useCanAccessResources({ action: 'list', resources: [...new Set(widgets.map((w) => w.resource))] });
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Greeting />
      {canAccess && widgets.filter((w) => canAccess[w.resource]).map((w, i) => <w.component key={i} />)}
    </Stack>
  );
};
