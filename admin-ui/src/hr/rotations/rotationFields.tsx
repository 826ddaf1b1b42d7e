// The fields every view of a rotation shows, in one order: type, units by name, dates, status
// (the list, the staff page's rotations tab and the export all draw from these columns).
import { ROTATION_STATUS_CHOICES, ROTATION_TYPE_CHOICES } from '../choices';
import { columnFields } from '../../shared/columnFields';
import type { Column } from '../../shared/exporter';

export const rotationColumns: Column[] = [
  { source: 'type', kind: 'choice', choices: ROTATION_TYPE_CHOICES },
  { source: 'home_name', kind: 'text', label: 'resources.rotations.fields.home_org_unit_id' },
  { source: 'host_name', kind: 'text', label: 'resources.rotations.fields.host_org_unit_id' },
  { source: 'start_on', kind: 'date' },
  { source: 'planned_end_on', kind: 'date' },
  { source: 'actual_end_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: ROTATION_STATUS_CHOICES },
];

export const rotationFields = () => columnFields(rotationColumns);
