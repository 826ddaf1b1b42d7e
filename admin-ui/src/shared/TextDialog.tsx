// A dialog that asks for a text (a reason, a comment) and sends it: the one form behind a settlement
// run's steps and a pay run's correction. It holds the text, the busy state and the refusal, shown
// on the dialog until the user changes something or gives up.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';

export interface TextDialogProps {
  /** data-testid of the dialog; its text box, refusal and submit button take `ids` */
  testId: string;
  ids: { text: string; error: string; submit: string };
  title: ReactNode;
  /** shown above the text box */
  help?: ReactNode;
  label: string;
  required: boolean;
  cancelLabel: string;
  submitLabel: string;
  /** sends the trimmed text; a throw is a refusal, put into words by `refusal` */
  send: (text: string) => Promise<void>;
  refusal: (e: unknown) => string;
  onClose: () => void;
}

export const TextDialog = ({ testId, ids, title, help, label, required, cancelLabel, submitLabel, send, refusal, onClose }: TextDialogProps) => {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await send(text.trim());
    } catch (e) {
      setError(refusal(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {help && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {help}
          </Alert>
        )}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          label={label}
          required={required}
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': ids.text } }}
        />
        {error && (
          <Alert severity="error" data-testid={ids.error}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{cancelLabel}</Button>
        <Button variant="contained" disabled={busy || (required && !text.trim())} onClick={() => void submit()} data-testid={ids.submit}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
