// The insurer's claims and satisfaction scores as objection models. Money columns arrive from pg as decimal strings.
import { Model } from 'objection';

/** One settled visit or stay of an insured resident. */
export class Claim extends Model {
  id!: number;
  fund_year_id!: number;
  claim_no!: string;
  id_number_hash!: string;
  id_number_masked!: string;
  id_number_cipher!: string;
  insured_name!: string | null;
  insured_unit_id!: number | null;
  provider_class!: string;
  org_unit_id!: number | null;
  provider_name!: string | null;
  care_type!: string;
  visit_on!: string;
  discharged_on!: string | null;
  settled_on!: string;
  period_month!: number;
  total_cost!: string;
  fund_paid!: string;
  self_pay!: string;
  self_funded!: string;
  drug_cost!: string;
  consumables_cost!: string;
  diagnosis!: string | null;
  referred_up!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'claims';

  // the ID number leaves the server masked only
  $formatJson(json: Record<string, unknown>) {
    const { id_number_hash: _h, id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

export class SatisfactionScore extends Model {
  id!: number;
  fund_year_id!: number;
  month!: number;
  score!: string;
  respondents!: number;
  created_at!: string;
  updated_at!: string;

  static tableName = 'satisfaction_scores';
}
