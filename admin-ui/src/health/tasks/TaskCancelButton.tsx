// Cancel an open task with a reason (e.g. the resident is in hospital the whole quarter); the
// reason goes into the task's history.
import { TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useTranslate } from 'react-admin';
import { ActionDialog } from '../ActionDialog';

export const TaskCancelButton = ({ task, onDone }: { task: { id: string; state: string }; onDone?: () => void }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'cancel' });
  const [reason, setReason] = useState('');
  if (!canAccess || !['upcoming', 'due'].includes(task.state)) return null;
  return (
    <ActionDialog
      label="health.tasks.cancel"
      url={`/api/tasks/${encodeURIComponent(task.id)}/cancel`}
      body={{ reason: reason.trim() }}
      ready={reason.trim().length >= 2}
      testId="task-cancel"
      color="error"
      onDone={onDone}
    >
      <TextField
        label={translate('health.tasks.cancel_reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'task-cancel-reason' } }}
      />
    </ActionDialog>
  );
};
