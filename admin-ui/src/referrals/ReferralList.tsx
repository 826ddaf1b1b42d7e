// All referrals in scope, and the two boxes: a unit's inbox (open requests, green channel on
// top, a live timer each) and its outbox (what it sent).
import { AutocompleteInput, Datagrid, DateField, FunctionField, List, ReferenceInput, SearchInput, SelectField, SelectInput, SimpleList, TextField, TextInput, useTranslate } from 'react-admin';
import { storedUser } from '../session';
import { useIsSmall } from '../shared/useIsSmall';
import { DIRECTION_CHOICES, STATUS_CHOICES, URGENCY_CHOICES, type ReferralRecord } from './choices';
import { DATE_TIME_OPTIONS } from './time';
import { LiveTimer, UrgencyChip } from './LiveTimer';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <SelectInput key="direction" source="direction" choices={DIRECTION_CHOICES} />,
  <SelectInput key="urgency" source="urgency" choices={URGENCY_CHOICES} />,
  <TextInput key="diagnosis_code" source="diagnosis_code" />,
];

/** `allUnits`: the inbox of every receiving unit (the group referral office), so each row names its unit. */
const Grid = ({ box, allUnits }: { box?: 'inbox' | 'outbox'; allUnits?: boolean }) => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  if (isSmall) {
    return (
      <SimpleList<ReferralRecord & { patient_name: string; from_unit_name: string; to_unit_name: string; diagnosis_text: string }>
        primaryText={(r) => `${r.patient_name} · ${r.diagnosis_text}`}
        secondaryText={(r) => `${r.from_unit_name} → ${r.to_unit_name}`}
        // the inbox keeps its live timer and the green channel on a phone too
        tertiaryText={(r) => (box === 'inbox' ? <><UrgencyChip /> <LiveTimer /></> : translate(`enums.referral_status.${r.status}`))}
        linkType="show"
      />
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <FunctionField source="urgency" render={() => <UrgencyChip />} />
      {box === 'inbox' && <FunctionField label="referrals.timer.title" render={() => <LiveTimer />} />}
      <TextField source="patient_name" />
      <TextField source="patient_id_number_masked" />
      <FunctionField source="diagnosis_text" render={(r) => `${r.diagnosis_code} ${r.diagnosis_text}`} />
      {box !== 'inbox' && <SelectField source="direction" choices={DIRECTION_CHOICES} />}
      {box !== 'outbox' && <TextField source="from_unit_name" />}
      {(box !== 'inbox' || allUnits) && <TextField source="to_unit_name" />}
      <TextField source="to_department_name" />
      <SelectField source="status" choices={STATUS_CHOICES} />
      <DateField source="requested_at" showTime options={DATE_TIME_OPTIONS} />
      {box === 'outbox' && <DateField source="appointment_at" showTime options={DATE_TIME_OPTIONS} />}
    </Datagrid>
  );
};

export const ReferralList = () => (
  <List filters={filters} sort={{ field: 'requested_at', order: 'DESC' }}>
    <Grid />
  </List>
);

/** The box's title with the unit's name; on a phone the app bar has room for the short one only. */
const useBoxTitle = () => {
  const user = storedUser();
  const translate = useTranslate();
  const isSmall = useIsSmall();
  return (box: 'inbox' | 'outbox') => (isSmall ? translate(`referrals.${box}.short`) : translate(`referrals.${box}.title`, { unit: user?.org_unit.name ?? '' }));
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
      <List resource="referrals" storeKey="referrals.inbox.all" filter={{ inbox_all: true }} filters={officeFilters} sort={{ field: 'requested_at', order: 'ASC' }} title={translate('referrals.inbox.all_units')} disableSyncWithLocation>
        <Grid box="inbox" allUnits />
      </List>
    );
  }
  return (
    <List resource="referrals" storeKey="referrals.inbox" filter={{ inbox: user?.org_unit.id }} filters={filters} sort={{ field: 'requested_at', order: 'ASC' }} title={boxTitle('inbox')} disableSyncWithLocation>
      <Grid box="inbox" />
    </List>
  );
};

export const ReferralOutbox = () => {
  const user = storedUser();
  const boxTitle = useBoxTitle();
  return (
    <List resource="referrals" storeKey="referrals.outbox" filter={{ outbox: user?.org_unit.id }} filters={filters} sort={{ field: 'requested_at', order: 'DESC' }} title={boxTitle('outbox')} disableSyncWithLocation>
      <Grid box="outbox" />
    </List>
  );
};
