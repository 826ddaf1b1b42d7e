// One advance (预拨付) the fund paid the group for a month of a fund year. Money arrives from pg as a decimal string.
import { Model } from 'objection';

export class SettlementAdvance extends Model {
  id!: number;
  fund_year_id!: number;
  month!: number;
  amount!: string;
  paid_on!: string;
  reference!: string;
  note!: string | null;
  created_by!: number | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'settlement_advances';
}
