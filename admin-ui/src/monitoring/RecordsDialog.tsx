// The records behind an indicator's numerator or denominator for a unit and year (masked), as
// api/monitoring defines them: the county screen's drill-down, and a village's admission rate's.
import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { INDICATOR, type IndicatorCode } from '../../../api/monitoring/enums';
import { apiError, apiGet } from '../finance/api';
import type { RecordsAnswer } from './records';
import { cellText, RECORD_COLUMNS } from './format';

export const RecordsDialog = ({
  code,
  part,
  unitId,
  year,
  subtitle,
  onClose,
}: {
  code: IndicatorCode;
  part: 'numerator' | 'denominator';
  unitId: number;
  year: number;
  /** what the records are of, beside the indicator (a village's name) */
  subtitle?: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const [answer, setAnswer] = useState<RecordsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    apiGet<RecordsAnswer>(`/monitoring-indicators/${code}/records`, { unit_id: unitId, year, part, limit: 200 })
      .then((r) => live && setAnswer(r))
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [code, part, unitId, year]);
  const columns = answer?.rows[0] ? RECORD_COLUMNS.filter((c) => c in (answer.rows[0] as object)) : [];
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="records-dialog">
      <DialogTitle>
        {translate(`enums.monitoring_indicator.${code}`)} · {subtitle ? `${subtitle} · ` : ''}
        {translate(`monitoring.${part}`)}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {INDICATOR.labels[code].kind === 'qualitative' ? translate('monitoring.documents') : (INDICATOR.labels[code][part]?.[locale] ?? '')}
        </Typography>
      </DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{error}</Alert>}
        {answer && <Typography sx={{ mb: 1 }}>{translate('monitoring.record_count', { n: answer.total, shown: answer.rows.length })}</Typography>}
        {answer && answer.rows.length > 0 && (
          <Table size="small" data-testid="records">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c}>{translate(`monitoring.record.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {answer.rows.map((r, i) => (
                <TableRow key={i}>
                  {columns.map((c) => (
                    <TableCell key={c}>{cellText(c, (r as Record<string, unknown>)[c], translate)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
