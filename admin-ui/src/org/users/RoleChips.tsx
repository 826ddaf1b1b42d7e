import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A user's roles as translated chips. */
export const RoleChips = (_props: { label?: string }) => {
  const user = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {(user?.roles as string[] | undefined)?.map((role) => (
        <Chip key={role} size="small" label={translate(`enums.role.${role}`)} />
      ))}
    </Stack>
  );
};
