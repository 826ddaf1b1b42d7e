// 调整名额: the quota of each direction of a year's plan (a copied plan keeps last year's
// figures, an empty one starts with none). Saving is an audited edit of the plan.
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { DIRECTION_KEYS } from './choices';
import { problemText } from './problems';

interface Plan {
  id: number;
  year: number;
  quotas: Record<string, number>;
}

export const QuotaEditor = ({ plan, onSaved }: { plan: Plan; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: 'rotation-plans', action: 'edit' });
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!canAccess) return null;
  const open = () => {
    setProblem(null);
    setValues(Object.fromEntries(DIRECTION_KEYS.map((k) => [k, String(plan.quotas[k] ?? 0)])));
  };
  const save = async () => {
    // directions without a quota are left out: the plan lists what it plans
    const quotas = Object.fromEntries(
      Object.entries(values!)
        .filter(([, v]) => Number(v) > 0)
        .map(([k, v]) => [k, Number(v)]),
    );
    try {
      await dataProvider.update('rotation-plans', { id: plan.id, data: { quotas }, previousData: plan });
      notify('hr.planner.quotas_saved', { type: 'success', messageArgs: { year: plan.year } });
      setValues(null);
      onSaved();
    } catch (e) {
      setProblem(problemText(e, translate));
    }
  };
  return (
    <>
      <Button size="small" startIcon={<EditIcon />} onClick={open} data-testid="edit-quotas">
        {translate('hr.planner.edit_quotas')}
      </Button>
      <Dialog open={values !== null} onClose={() => setValues(null)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('hr.planner.edit_quotas_title', { year: plan.year })}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            {values &&
              DIRECTION_KEYS.map((k) => (
                <TextField
                  key={k}
                  size="small"
                  type="number"
                  label={translate(`enums.direction.${k}`)}
                  value={values[k]}
                  onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                  slotProps={{ htmlInput: { min: 0, step: 1, 'data-testid': `quota-input-${k}` } }}
                />
              ))}
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setValues(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void save()} data-testid="save-quotas">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
