// 输入数据（冻结）: the health indicators a version's allocation read — each township's 规范管理率 and 控制率 over the
// run's months, with the counts they are of — and, for a version after another, what changed (before → after): a
// follow-up recorded after the month was signed off shows here, not in the version before.
import { Alert, Box, Card, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { pct, type RunInputs } from '../types';

type Counts = { numerator: number; denominator: number; value: number | null };
const counts = (c: Counts | null) => (c ? `${pct(c.value)}（${c.numerator}/${c.denominator}）` : '—');

export const RunInputsCard = ({ inputs, input_changes: changes, inputs_compared_with: compared }: RunInputs) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`settlement.inputs.${k}`, o);
  if (!inputs.length) return null;
  const label = (k: string) => translate(`enums.health_input.${k}`);
  return (
    <Card sx={{ mb: 2 }} data-testid="run-inputs">
      <CardHeader title={t('title')} subheader={t('help')} />
      {changes !== null && compared && (
        <Box sx={{ px: 2, pb: 2 }} data-testid="input-changes">
          {changes.length === 0 ? (
            <Alert severity="success">{t('unchanged', { run: compared.run_id, n: compared.version })}</Alert>
          ) : (
            <>
              <Alert severity="warning" sx={{ mb: 1 }}>
                {t('changed', { count: changes.length, run: compared.run_id, n: compared.version })}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('unit')}</TableCell>
                    <TableCell>{t('indicator')}</TableCell>
                    <TableCell align="right">{t('before')}</TableCell>
                    <TableCell align="right">{t('after')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {changes.map((c) => (
                    <TableRow key={`${c.org_unit_id}-${c.indicator}`} data-testid={`input-change-${c.code}-${c.indicator}`}>
                      <TableCell>
                        {c.name}（{c.code}）
                      </TableCell>
                      <TableCell>{label(c.indicator)}</TableCell>
                      <TableCell align="right">{counts(c.before)}</TableCell>
                      <TableCell align="right">{counts(c.after)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Box>
      )}
      <Box sx={{ overflowX: 'auto', maxHeight: 420 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell>{t('unit')}</TableCell>
              <TableCell>{t('indicator')}</TableCell>
              <TableCell align="right">{t('value')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {inputs.map((i) => (
              <TableRow key={`${i.org_unit_id}-${i.indicator}`} data-testid={`input-${i.code}-${i.indicator}`}>
                <TableCell>
                  {i.name}（{i.code}）
                </TableCell>
                <TableCell>{label(i.indicator)}</TableCell>
                <TableCell align="right">{i.value === null ? translate('settlement.inputs.no_data') : counts(i)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Card>
  );
};
