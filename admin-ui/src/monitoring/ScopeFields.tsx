// The scope (the county or a member unit) and the year a monitoring screen reads: the indicators, the villages' admission rates.
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { UnitOption } from './records';

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
