// The scope (the county or a member unit) and the year a monitoring screen reads: the indicators, the villages' admission rates.
import { useEffect, useState } from 'react';
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { apiError, apiGet } from '../finance/api';
import type { UnitOption } from './records';

/**
 * The active units of `levels` (1 the county's root, 2 the branches, 3 the townships, 4 the villages),
 * in tree order, and the chosen scope: the county until the user picks another.
 */
export function useScopeUnits<T extends UnitOption = UnitOption>(levels: readonly number[]) {
  const [units, setUnits] = useState<T[]>([]);
  const [unitId, setUnitId] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const key = levels.join();
  useEffect(() => {
    let live = true;
    const level = (n: string) =>
      apiGet<T[]>('/org-units', { filter: JSON.stringify({ level: Number(n), active: true }), range: '[0,999]', sort: '["path","ASC"]' });
    Promise.all(key.split(',').map(level))
      .then((byLevel) => {
        if (!live) return;
        setUnits(byLevel.flat());
        const root = byLevel.flat().find((u) => u.level === 1);
        if (root) setUnitId((u) => (u === '' ? root.id : u));
      })
      .catch((e) => live && setError(apiError(e).message));
    return () => {
      live = false;
    };
  }, [key]);
  return { units, unitId, setUnitId, error };
}

/** The colour of a standing against the target. */
export const STANDING_COLOUR = { met: 'success', near: 'warning', missed: 'error', none: 'default' } as const;

export const ScopeFields = ({
  units,
  unitId,
  onUnit,
  year,
  thisYear,
  onYear,
}: {
  units: readonly UnitOption[];
  unitId: number | '';
  onUnit: (id: number) => void;
  year: number;
  thisYear: number;
  onYear: (year: number) => void;
}) => {
  const translate = useTranslate();
  return (
    <>
      <MuiTextField
        select
        size="small"
        label={translate('monitoring.unit')}
        value={unitId}
        onChange={(e) => onUnit(Number(e.target.value))}
        sx={{ minWidth: 240 }}
      >
        {units.map((u) => (
          <MenuItem key={u.id} value={u.id} sx={{ pl: 2 * u.level }}>
            {u.level === 1 ? translate('monitoring.county', { name: u.name }) : u.name}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField select size="small" label={translate('monitoring.year')} value={year} onChange={(e) => onYear(Number(e.target.value))}>
        {[0, 1, 2, 3].map((k) => (
          <MenuItem key={k} value={thisYear - k}>
            {thisYear - k}
          </MenuItem>
        ))}
      </MuiTextField>
    </>
  );
};
