// 村级慢病管理人群住院率: the managed hypertension and diabetes patients' admission rate of each village
// under the county, a branch or a township for a year (GET /api/monitoring-indicators/chronic-admissions:
// the resident–claim join by the ID number's hash), each rate beside its numerator and denominator, ranked
// and judged against the year's target only with at least MIN_VILLAGE_PATIENTS patients; a click on the
// stays or the patients lists the village's patients behind them (masked, the indicator's records).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import type { AnswerOf } from '../../../api/core/json';
import type { chronicAdmissionsOf } from '../../../api/monitoring';
import { apiError, apiGet } from '../finance/api';
import { shanghaiDate } from '../shared/time';
import { formatValue } from './format';
import type { UnitOption } from './records';
import { RecordsDialog } from './RecordsDialog';
import { ScopeFields, STANDING_COLOUR, useScopeUnits } from './ScopeFields';

type Answer = AnswerOf<typeof chronicAdmissionsOf>;
type Village = Answer['villages'][number];
type Unit = UnitOption & { parent_id: number | null };

// the scopes (county, branches, townships) and the villages, whose township each row names
const LEVELS = [1, 2, 3, 4];

const percent = (v: number | null | undefined) => formatValue('percent', v);

export const ChronicAdmissionsPage = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`monitoring.chronic.${k}`, o);
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const { units, unitId, setUnitId, error: unitsError } = useScopeUnits<Unit>(LEVELS);
  const [year, setYear] = useState(thisYear);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ village: Village; part: 'numerator' | 'denominator' } | null>(null);

  useEffect(() => {
    let live = true;
    if (unitId === '') return;
    Promise.all([
      apiGet<Answer>('/monitoring-indicators/chronic-admissions', { unit_id: unitId, year }),
      apiGet<{ targets: Record<string, number> }>(`/monitoring-targets/${year}`).catch((): { targets: Record<string, number> } => ({ targets: {} })),
    ])
      .then(([r, targets]) => {
        if (!live) return;
        setAnswer(r);
        setTarget(targets.targets.chronic_admission_rate ?? null);
        setError(null);
      })
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [unitId, year]);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const townshipOf = (villageId: number) => {
    const parent = byId.get(villageId)?.parent_id;
    return parent != null ? (byId.get(parent)?.name ?? '—') : '—';
  };
  const totals = (answer?.villages ?? []).reduce((a, v) => ({ patients: a.patients + v.patients, stays: a.stays + v.stays }), { patients: 0, stays: 0 });
  const judged = answer?.villages.filter((v) => v.judged).length ?? 0;
  const figure = (v: Village, part: 'numerator' | 'denominator') => (
    <Button
      size="small"
      data-testid={`village-${v.unit_id}-${part}`}
      disabled={part === 'numerator' && v.stays === 0}
      onClick={() => setDrill({ village: v, part })}
    >
      {(part === 'numerator' ? v.stays : v.patients).toLocaleString('zh-CN')}
    </Button>
  );

  return (
    <Card>
      <Title title={translate('menu.chronic_admissions')} />
      <CardContent>
        <Stack direction="row" sx={{ gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <ScopeFields units={units.filter((u) => u.level <= 3)} unitId={unitId} onUnit={setUnitId} year={year} thisYear={thisYear} onYear={setYear} />
        </Stack>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('help', { min: answer?.min_patients ?? '' })}
        </Alert>
        {(unitsError ?? error) && <Alert severity="error">{unitsError ?? error}</Alert>}
        {answer && (
          <>
            <Alert severity="success" icon={false} sx={{ mb: 2 }} data-testid="chronic-summary">
              {t('summary', {
                villages: answer.villages.length,
                judged,
                stays: totals.stays,
                patients: totals.patients,
                rate: percent(totals.patients ? totals.stays / totals.patients : null),
                target: percent(target),
              })}
            </Alert>
            {answer.villages.length === 0 ? (
              <Alert severity="info">{t('none')}</Alert>
            ) : (
              <Table size="small" data-testid="chronic-villages">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('township')}</TableCell>
                    <TableCell>{t('village')}</TableCell>
                    <TableCell align="right">{t('stays')}</TableCell>
                    <TableCell align="right">{t('patients')}</TableCell>
                    <TableCell align="right">{t('rate')}</TableCell>
                    <TableCell align="right">{t('rank')}</TableCell>
                    <TableCell>{translate('monitoring.standing')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answer.villages.map((v) => (
                    <TableRow key={v.unit_id} data-testid={`village-${v.unit_id}`}>
                      <TableCell>{townshipOf(v.unit_id)}</TableCell>
                      <TableCell>{v.unit_name}</TableCell>
                      <TableCell align="right">{figure(v, 'numerator')}</TableCell>
                      <TableCell align="right">{figure(v, 'denominator')}</TableCell>
                      <TableCell align="right">
                        <b>{percent(v.rate)}</b>
                      </TableCell>
                      <TableCell align="right">{v.rank ?? '—'}</TableCell>
                      <TableCell>
                        {v.judged ? (
                          <Chip
                            size="small"
                            color={STANDING_COLOUR[v.standing ?? 'none']}
                            label={translate(`enums.monitoring_standing.${v.standing ?? 'none'}`)}
                          />
                        ) : (
                          <Chip size="small" variant="outlined" label={t('too_few', { min: answer.min_patients })} />
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </CardContent>
      {drill && answer && (
        <RecordsDialog
          code="chronic_admission_rate"
          part={drill.part}
          unitId={drill.village.unit_id}
          year={answer.year}
          subtitle={drill.village.unit_name}
          onClose={() => setDrill(null)}
        />
      )}
    </Card>
  );
};
