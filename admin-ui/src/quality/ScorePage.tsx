// 单位质量得分: each unit's quality score for a period — its inspections' mean score minus the
// findings still open at the period's end by severity (doubled when overdue), as api/quality/rules.ts
// defines it and performance pay reads it (score / 100).
import { useEffect, useState } from 'react';
import { Alert, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { apiError, apiGet } from '../finance/api';
import { shanghaiDate } from '../shared/time';
import type { UnitScore } from './records';

const yearStart = () => `${shanghaiDate().slice(0, 4)}-01-01`;

export const ScorePage = () => {
  const translate = useTranslate();
  const t = (k: string) => translate(`quality.score.${k}`);
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(() => shanghaiDate());
  const [rows, setRows] = useState<UnitScore[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!from || !to) return;
    apiGet<UnitScore[]>('/quality-scores', { from, to })
      .then((r) => {
        if (!live) return;
        setRows(r);
        setError(null);
      })
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [from, to]);
  return (
    <Card>
      <Title title={translate('menu.quality_scores')} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <MuiTextField
            type="date"
            size="small"
            label={t('from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <MuiTextField
            type="date"
            size="small"
            label={t('to')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('rule')}
        </Alert>
        {error && <Alert severity="error">{error}</Alert>}
        {rows && !rows.length && <Typography>{t('none')}</Typography>}
        {rows && rows.length > 0 && (
          <Table size="small" data-testid="quality-scores">
            <TableHead>
              <TableRow>
                <TableCell>{t('unit')}</TableCell>
                <TableCell align="right">{t('inspections')}</TableCell>
                <TableCell align="right">{t('base')}</TableCell>
                <TableCell align="right">{t('open')}</TableCell>
                <TableCell align="right">{t('overdue')}</TableCell>
                <TableCell align="right">{t('deduction')}</TableCell>
                <TableCell align="right">{t('score')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.org_unit_id} data-testid={`score-row-${r.unit_code}`}>
                  <TableCell>{r.unit_name}</TableCell>
                  <TableCell align="right">{r.inspections}</TableCell>
                  <TableCell align="right">{r.base ?? '—'}</TableCell>
                  <TableCell align="right">{r.open}</TableCell>
                  <TableCell align="right" sx={r.overdue ? { color: 'error.main' } : undefined}>
                    {r.overdue}
                  </TableCell>
                  <TableCell align="right">{r.deduction}</TableCell>
                  <TableCell align="right" data-testid={`score-${r.unit_code}`}>
                    <b>{r.score ?? t('not_inspected')}</b>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
