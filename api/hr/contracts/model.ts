// 乡聘村用: the village-doctor contracts.
import { Model } from 'objection';

export class VillageDoctorContract extends Model {
  id!: number;
  staff_id!: number;
  employer_org_unit_id!: number;
  work_org_unit_id!: number;
  start_on!: string;
  end_on!: string;
  status!: 'active' | 'renewed' | 'expired' | 'exited';
  renewed_from_id!: number | null;
  exit_reason!: string | null;
  exit_on!: string | null;
  note!: string | null;
  created_at!: string;
  updated_at!: string;
  /** the village doctor's name, added by the list (service.ts contractResource.applyCustom) */
  declare staff_name?: string;

  static tableName = 'village_doctor_contracts';
}
