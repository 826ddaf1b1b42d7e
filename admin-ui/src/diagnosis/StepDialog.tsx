// The frame of a step's dialog on the request and the consultation pages: its title, its fields,
// cancel and confirm; confirming posts the body to the step's URL, says it is done and refreshes the page.
import { useState, type ReactNode } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';

export const StepDialog = ({
  title,
  url,
  body,
  ready,
  onClose,
  children,
}: {
  title: string;
  url: string;
  body: () => Record<string, unknown>;
  ready: boolean;
  onClose: () => void;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await httpClient(url, { method: 'POST', body: JSON.stringify(body()) });
      notify('diagnosis.done', { type: 'success', messageArgs: { action: title } });
      onClose();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" data-testid="confirm-step" disabled={busy || !ready} onClick={() => void submit()}>
          {translate('diagnosis.confirm')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

const WITHDRAWING = ['return', 'cancel'];
/** One button per step open to the user, labelled `<prefix>.<step>`: a return or a cancellation outlined in red, a referral apart. */
export const StepButtons = ({ actions, prefix, onOpen }: { actions: readonly string[]; prefix: string; onOpen: (step: string) => void }) => {
  const translate = useTranslate();
  return actions.map((a) => (
    <MuiButton
      key={a}
      data-testid={`step-${a}`}
      variant={WITHDRAWING.includes(a) ? 'outlined' : 'contained'}
      color={WITHDRAWING.includes(a) ? 'error' : a === 'refer' ? 'secondary' : 'primary'}
      onClick={() => onOpen(a)}
    >
      {translate(`${prefix}.${a}`)}
    </MuiButton>
  ));
};
