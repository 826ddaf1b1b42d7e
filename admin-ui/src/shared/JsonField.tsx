import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** A JSON column, pretty-printed; scrolls sideways rather than widening the page. */
export const JsonField = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  if (value == null) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 13, maxWidth: '100%' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
