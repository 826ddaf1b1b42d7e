// A titled card of a settings form (转诊参数, 点评规则): its inputs side by side, wrapping on a phone.
import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export const SettingsSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate(title)}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ columnGap: 2, flexWrap: 'wrap' }}>
          {children}
        </Stack>
      </CardContent>
    </Card>
  );
};
