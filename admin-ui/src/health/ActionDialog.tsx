// A button that opens a small form in a dialog and posts it to one API action (transfer,
// deregister, cancel…): full-screen on a phone, the API's message and field problems shown in
// the dialog, the page refreshed on success.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type ButtonProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';
import { useIsSmall } from '../shared/useIsSmall';

interface Props {
  /** i18n key of the button and the dialog title */
  label: string;
  url: string;
  body: Record<string, unknown>;
  /** false keeps the confirm button disabled (a required field is empty) */
  ready: boolean;
  testId: string;
  color?: ButtonProps['color'];
  onDone?: () => void;
  children: ReactNode;
}

export const ActionDialog = ({ label, url, body, ready, testId, color = 'primary', onDone, children }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const isSmall = useIsSmall();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      setOpen(false);
      if (onDone) onDone();
      else refresh();
    } catch (e) {
      const problems = e instanceof HttpError ? (e.body as { details?: { field: string; message: string }[] } | undefined)?.details : undefined;
      setError(
        [
          e instanceof Error ? e.message : String(e),
          ...(Array.isArray(problems) ? problems.map((p) => `${translate(p.field, { _: p.field })}: ${p.message}`) : []),
        ].join(' · '),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" color={color} onClick={() => setOpen(true)} data-testid={testId}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullScreen={isSmall} fullWidth maxWidth="xs">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {error && (
              <Alert severity="error" data-testid={`${testId}-error`}>
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={color} disabled={!ready || busy} onClick={() => void submit()} data-testid={`${testId}-confirm`}>
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
