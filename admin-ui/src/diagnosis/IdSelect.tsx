// A choice of one record by its id (the worklist's centre, the chest-pain channel's PCI hospital): a small select of names.
import { MenuItem, TextField, type SxProps, type Theme } from '@mui/material';

export const IdSelect = ({
  label,
  value,
  options,
  onChange,
  testId,
  sx = { minWidth: 220 },
}: {
  label: string;
  value: number | null;
  options: readonly { id: number; name: string }[];
  onChange: (id: number) => void;
  testId: string;
  sx?: SxProps<Theme>;
}) => (
  <TextField
    select
    size="small"
    label={label}
    value={value ?? ''}
    onChange={(e) => onChange(Number(e.target.value))}
    sx={sx}
    slotProps={{ htmlInput: { 'data-testid': testId } }}
  >
    {options.map((o) => (
      <MenuItem key={o.id} value={o.id}>
        {o.name}
      </MenuItem>
    ))}
  </TextField>
);
