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
  /** institution, or pharmacy (定点药店) */
  provider_kind!: string;
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
  /** a reversal (冲正): the claim it reverses; its amounts are ≤ 0 */
  reverses_claim_id!: number | null;
  /** a reversal settled in a locked month counts in this (the next open) month */
  lands_in_month!: number | null;
  /** 1 for a claim; a reversal −1 when it leaves nothing of its original, else 0 */
  claim_count!: number;
  /** numbers every write of the claim: a calculation keeps the highest it read (null: stored before revisions) */
  revision!: number | null;
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
