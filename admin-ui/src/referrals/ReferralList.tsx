// All referrals in scope, and the two boxes: a unit's inbox (open requests, green channel on
// top, a live timer each) and its outbox (what it sent).
import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceInput, SearchInput, SelectInput, SimpleList, TextInput, useTranslate } from 'react-admin';
import { storedUser } from '../session';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import type { Column } from '../shared/exporter';
import { useIsSmall } from '../shared/useIsSmall';
import { DIRECTION_CHOICES, STATUS_CHOICES, URGENCY_CHOICES, type ReferralRecord } from './choices';
import { LiveTimer, UrgencyChip } from './LiveTimer';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <SelectInput key="direction" source="direction" choices={DIRECTION_CHOICES} />,
  <SelectInput key="urgency" source="urgency" choices={URGENCY_CHOICES} />,
  <TextInput key="diagnosis_code" source="diagnosis_code" />,
];

type Box = 'inbox' | 'outbox' | undefined;

const ALL_COLUMNS: Column[] = [
  { source: 'id', kind: 'text' },
  { source: 'urgency', kind: 'choice', choices: URGENCY_CHOICES },
  { source: 'patient_name', kind: 'text' },
  { source: 'patient_id_number_masked', kind: 'text' },
  { source: 'diagnosis_text', kind: 'computed', value: (r) => `${r.diagnosis_code} ${r.diagnosis_text}` },
  { source: 'direction', kind: 'choice', choices: DIRECTION_CHOICES },
  { source: 'from_unit_name', kind: 'text' },
  { source: 'to_unit_name', kind: 'text' },
  { source: 'to_department_name', kind: 'text' },
  { source: 'status', kind: 'choice', choices: STATUS_CHOICES },
  { source: 'requested_at', kind: 'datetime' },
  { source: 'appointment_at', kind: 'datetime' },
];

// the inbox is all incoming (no direction, no receiver), the outbox all sent (no sender)
const HIDDEN: Record<string, string[]> = { all: ['appointment_at'], inbox: ['direction', 'to_unit_name', 'appointment_at'], outbox: ['from_unit_name'] };

/** A box's columns, on the screen and in its export; `allUnits`: every unit's inbox (the referral office), so each row names its receiver. */
const columnsOf = (box: Box, allUnits = false) =>
  ALL_COLUMNS.filter((c) => !HIDDEN[box ?? 'all'].includes(c.source) || (allUnits && c.source === 'to_unit_name'));

const Grid = ({ box, allUnits }: { box?: Box; allUnits?: boolean }) => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  if (isSmall) {
    return (
      <SimpleList<ReferralRecord & { patient_name: string; from_unit_name: string; to_unit_name: string; diagnosis_text: string }>
        primaryText={(r) => `${r.patient_name} · ${r.diagnosis_text}`}
        secondaryText={(r) => `${r.from_unit_name} → ${r.to_unit_name}`}
        // the inbox keeps its live timer and the green channel on a phone too
        tertiaryText={(r) =>
          box === 'inbox' ? (
            <>
              <UrgencyChip /> <LiveTimer />
            </>
          ) : (
            translate(`enums.referral_status.${r.status}`)
          )
        }
        linkType="show"
      />
    );
  }
  const [id, urgency, ...rest] = columnFields(columnsOf(box, allUnits), { urgency: <FunctionField source="urgency" render={() => <UrgencyChip />} /> });
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      {id}
      {urgency}
      {box === 'inbox' && <FunctionField label="referrals.timer.title" render={() => <LiveTimer />} />}
      {rest}
    </Datagrid>
  );
};

export const ReferralList = () => (
  <List filters={filters} sort={{ field: 'requested_at', order: 'DESC' }} actions={<ListActions columns={columnsOf(undefined)} />}>
    <Grid />
  </List>
);

/** The box's title with the unit's name; on a phone the app bar has room for the short one only. */
const useBoxTitle = () => {
  const user = storedUser();
  const translate = useTranslate();
  const isSmall = useIsSmall();
  return (box: 'inbox' | 'outbox') =>
    isSmall ? translate(`referrals.${box}.short`) : translate(`referrals.${box}.title`, { unit: user?.org_unit.name ?? '' });
};

// the office's inbox spans every receiving unit; it narrows it to one unit here
const officeFilters = [
  <ReferenceInput key="to_org_unit_id" source="to_org_unit_id" reference="org-units" sort={{ field: 'path', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="referrals.inbox.unit" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  ...filters,
];

export const ReferralInbox = () => {
  const user = storedUser();
  const boxTitle = useBoxTitle();
  const translate = useTranslate();
  // the group referral office (双向转诊办公室) coordinates every unit: it sees every unit's inbox
  if (user?.roles.includes('referral_coordinator')) {
    return (
      <List
        resource="referrals"
        storeKey="referrals.inbox.all"
        filter={{ inbox_all: true }}
        filters={officeFilters}
        sort={{ field: 'requested_at', order: 'ASC' }}
        title={translate('referrals.inbox.all_units')}
        disableSyncWithLocation
        actions={<ListActions columns={columnsOf('inbox', true)} />}
      >
        <Grid box="inbox" allUnits />
      </List>
    );
  }
  return (
    <List
      resource="referrals"
      storeKey="referrals.inbox"
      filter={{ inbox: user?.org_unit.id }}
      filters={filters}
      sort={{ field: 'requested_at', order: 'ASC' }}
      title={boxTitle('inbox')}
      disableSyncWithLocation
      actions={<ListActions columns={columnsOf('inbox')} />}
    >
      <Grid box="inbox" />
    </List>
  );
};

export const ReferralOutbox = () => {
  const user = storedUser();
  const boxTitle = useBoxTitle();
  return (
    <List
      resource="referrals"
      storeKey="referrals.outbox"
      filter={{ outbox: user?.org_unit.id }}
      filters={filters}
      sort={{ field: 'requested_at', order: 'DESC' }}
      title={boxTitle('outbox')}
      disableSyncWithLocation
      actions={<ListActions columns={columnsOf('outbox')} />}
    >
      <Grid box="outbox" />
    </List>
  );
};
