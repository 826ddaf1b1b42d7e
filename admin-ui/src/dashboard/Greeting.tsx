import { Card, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ErpDataProvider } from '../dataProvider';

/** Who is logged in and for which unit, as the server sees it now. */
export const Greeting = () => {
  const dataProvider = useDataProvider<ErpDataProvider>();
  const translate = useTranslate();
  const { data: user } = useQuery({ queryKey: ['auth', 'me'], queryFn: () => dataProvider.getCurrentUser() });
  if (!user) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" data-testid="greeting">
          {translate('dashboard.greeting', { name: user.display_name })}
        </Typography>
        <Typography color="text.secondary">{translate('dashboard.unit', { unit: `${user.org_unit.name} (${user.org_unit.code})` })}</Typography>
      </CardContent>
    </Card>
  );
};
