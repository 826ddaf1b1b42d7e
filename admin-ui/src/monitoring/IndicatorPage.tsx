// 医共体监测指标: the 14 national indicators of the county (the group's root) or a member's subtree
// by dimension, the year against the year before, the year's target and the colour against it; a
// click on a numerator or denominator lists the records behind it (masked), as api/monitoring defines them.
import DownloadIcon from '@mui/icons-material/Download';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useLocale, useTranslate } from 'react-admin';
import { DIMENSION, INDICATOR, type IndicatorCode } from '../../../api/monitoring/enums';
import { apiError, apiGet } from '../finance/api';
import { downloadReport } from '../finance/download';
import { shanghaiDate } from '../shared/time';
import type { IndicatorAnswer, IndicatorRow } from './records';
import { formatValue } from './format';
import { RecordsDialog } from './RecordsDialog';
import { ScopeFields, STANDING_COLOUR, useScopeUnits } from './ScopeFields';

/** The county and its branches: the scopes the indicators are read for. */
const LEVELS = [1, 2];

export const IndicatorPage = () => {
  const translate = useTranslate();
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const t = (k: string, o?: object) => translate(`monitoring.${k}`, o);
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const { units, unitId, setUnitId, error: unitsError } = useScopeUnits(LEVELS);
  const [year, setYear] = useState(thisYear);
  const [answer, setAnswer] = useState<IndicatorAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ code: IndicatorCode; part: 'numerator' | 'denominator' } | null>(null);

  useEffect(() => {
    let live = true;
    if (unitId === '') return;
    apiGet<IndicatorAnswer>('/monitoring-indicators', { unit_id: unitId, year })
      .then((r) => {
        if (!live) return;
        setAnswer(r);
        setError(null);
      })
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [unitId, year]);

  const value = (row: IndicatorRow, v: number | null) => formatValue(INDICATOR.labels[row.code].unit, v);
  const partCell = (row: IndicatorRow, part: 'numerator' | 'denominator') => {
    const def = INDICATOR.labels[row.code];
    const figure = row[part];
    if (def.kind === 'qualitative') {
      if (part === 'denominator') return '—';
      return (
        <Button size="small" data-testid={`drill-${row.code}-${part}`} onClick={() => setDrill({ code: row.code, part })}>
          {t('evidence', { n: row.evidence?.documents.length ?? 0 })}
        </Button>
      );
    }
    const source = part === 'denominator' ? row.denominator_source : undefined;
    return (
      <>
        <Button size="small" data-testid={`drill-${row.code}-${part}`} title={def[part]?.[locale] ?? ''} onClick={() => setDrill({ code: row.code, part })}>
          {figure == null ? '—' : Number(figure).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}
        </Button>
        {source && (
          <Typography variant="caption" data-testid={`source-${row.code}`} sx={{ display: 'block', color: 'text.secondary' }}>
            {translate(`enums.monitoring_population_source.${source}`)}
          </Typography>
        )}
      </>
    );
  };

  return (
    <Card>
      <Title title={translate('menu.monitoring_indicators')} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <ScopeFields units={units} unitId={unitId} onUnit={setUnitId} year={year} thisYear={thisYear} onYear={setYear} />
          <Button
            startIcon={<DownloadIcon />}
            disabled={unitId === ''}
            data-testid="monitoring-download"
            onClick={() =>
              downloadReport(`/reports/monitoring.xlsx?unit_id=${unitId}&year=${year}`, `医共体监测指标-${year}.xlsx`).catch((e: unknown) =>
                setError(apiError(e).message),
              )
            }
          >
            {t('download')}
          </Button>
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('help')}
        </Alert>
        {(unitsError ?? error) && <Alert severity="error">{unitsError ?? error}</Alert>}
        {answer &&
          DIMENSION.values.map((dim) => (
            <Stack key={dim} sx={{ mb: 3 }}>
              <Typography variant="h6" sx={{ mb: 1 }}>
                {translate(`enums.monitoring_dimension.${dim}`)}
              </Typography>
              <Table size="small" data-testid={`dimension-${dim}`}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('indicator')}</TableCell>
                    <TableCell align="right">{t('numerator')}</TableCell>
                    <TableCell align="right">{t('denominator')}</TableCell>
                    <TableCell align="right">{t('this_year', { year: answer.year })}</TableCell>
                    <TableCell align="right">{t('last_year', { year: answer.year - 1 })}</TableCell>
                    <TableCell align="right">{t('change')}</TableCell>
                    <TableCell align="right">{t('target')}</TableCell>
                    <TableCell>{t('standing')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answer.indicators
                    .filter((r) => INDICATOR.labels[r.code].dimension === dim)
                    .map((r) => (
                      <TableRow key={r.code} data-testid={`indicator-${r.code}`}>
                        <TableCell>
                          {translate(`enums.monitoring_indicator.${r.code}`)}
                          <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                            {translate(`enums.monitoring_better.${INDICATOR.labels[r.code].better}`)} ·{' '}
                            {translate(`enums.monitoring_source.${INDICATOR.labels[r.code].source}`)}
                          </Typography>
                        </TableCell>
                        <TableCell align="right">{partCell(r, 'numerator')}</TableCell>
                        <TableCell align="right">{partCell(r, 'denominator')}</TableCell>
                        <TableCell align="right" data-testid={`value-${r.code}`}>
                          <b>{value(r, r.value)}</b>
                        </TableCell>
                        <TableCell align="right">{value(r, r.last.value)}</TableCell>
                        <TableCell align="right">{r.change == null ? '—' : `${r.change > 0 ? '+' : ''}${(r.change * 100).toFixed(1)}%`}</TableCell>
                        <TableCell align="right">{value(r, r.target)}</TableCell>
                        <TableCell>
                          <Chip size="small" color={STANDING_COLOUR[r.standing]} label={translate(`enums.monitoring_standing.${r.standing}`)} />
                        </TableCell>
                      </TableRow>
                    ))}
                </TableBody>
              </Table>
            </Stack>
          ))}
      </CardContent>
      {drill && answer && <RecordsDialog code={drill.code} part={drill.part} unitId={answer.unit.id} year={answer.year} onClose={() => setDrill(null)} />}
    </Card>
  );
};
