// A resident's record actions: move to another village (迁往他村, kept as history on the
// record) and close the record (注销档案) with its reason. Shown to who may do them.
import { Autocomplete, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { ActionDialog } from '../ActionDialog';
import { DEREGISTRATION_REASON } from '../../../../api/health/enums';
import { shanghaiDate } from '../../shared/time';

interface Resident {
  id: number;
  org_unit_id: number;
}
interface Village {
  id: number;
  code: string;
  name: string;
}

export const TransferButton = ({ record }: { record: Resident }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'residents', action: 'transfer' });
  // the villages the user can see (a director: the township's; the group: all 289)
  const { data: villages = [] } = useGetList<Village>(
    'org-units',
    { filter: { kind: 'village', active: true }, sort: { field: 'code', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: !!canAccess },
  );
  const [to, setTo] = useState<Village | null>(null);
  const [on, setOn] = useState(shanghaiDate());
  const [reason, setReason] = useState('');
  const targets = villages.filter((v) => v.id !== record.org_unit_id);
  // a village doctor sees only their own village: the move is then done at the township
  if (!canAccess || !targets.length) return null;
  return (
    <ActionDialog
      label="health.resident.transfer"
      url={`/api/residents/${record.id}/transfer`}
      body={{ to_org_unit_id: to?.id, transferred_on: on, reason: reason.trim() || null }}
      ready={!!to && !!on}
      testId="resident-transfer"
    >
      <Autocomplete
        options={targets}
        getOptionLabel={(v) => `${v.code} ${v.name}`}
        value={to}
        onChange={(_, v) => setTo(v)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('health.resident.to_village')}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'transfer-village' } }}
          />
        )}
      />
      <TextField
        type="date"
        label={translate('health.resident.transferred_on')}
        value={on}
        onChange={(e) => setOn(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label={translate('health.resident.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'transfer-reason' } }}
      />
    </ActionDialog>
  );
};

export const DeregisterButton = ({ record }: { record: Resident }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'residents', action: 'deregister' });
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(shanghaiDate());
  if (!canAccess) return null;
  return (
    <ActionDialog
      label="health.resident.deregister"
      url={`/api/residents/${record.id}/deregister`}
      body={{ reason, on }}
      ready={!!reason && !!on}
      testId="resident-deregister"
      color="error"
    >
      <TextField
        select
        label={translate('health.resident.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'deregister-reason' } }}
      >
        {DEREGISTRATION_REASON.values.map((r) => (
          <MenuItem key={r} value={r}>
            {translate(`enums.deregistration_reason.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        label={translate('health.resident.deregistered_on')}
        value={on}
        onChange={(e) => setOn(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </ActionDialog>
  );
};
