// The claims summed by the groups a settlement run reads (issue 18, a province's 20,000,000 claims):
// fund year, month, provider class, care type, providing unit, insured's township and the up-referral
// flag. Kept by the database in the statement that writes the claims (statement triggers over the
// transition tables: one aggregate per import batch, not a row at a time), so a run reads a few
// thousand rows instead of every claim and can never disagree with them. `claim_rows` counts the
// claim lines behind a group: a group is there exactly while a claim line is (a fully reversed
// stay nets to zero but stays, as it does in an aggregate over the claims).
import type { Knex } from 'knex';

const KEY = 'fund_year_id, period_month, provider_class, care_type, org_unit_id, insured_unit_id, referred_up';
const SUMS = ['claims', 'total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'];

/** The claims of a transition table summed by the key, signed (+1 for new rows, −1 for old ones). */
const summed = (table: string, sign: 1 | -1) =>
  `SELECT ${KEY}, ${sign} * count(*) AS claim_rows, ${sign} * sum(claim_count) AS claims,
          ${SUMS.slice(1)
            .map((c) => `${sign} * sum(${c}) AS ${c}`)
            .join(', ')}
     FROM ${table} GROUP BY ${KEY}`;

/** Adds the rows of `source` (summed by the key) to the totals, then drops the groups no claim line is left in. */
const apply = (source: string) => `
  INSERT INTO claim_totals AS t (${KEY}, claim_rows, ${SUMS.join(', ')})
  SELECT ${KEY}, sum(claim_rows), ${SUMS.map((c) => `sum(${c})`).join(', ')}
    FROM (${source}) s GROUP BY ${KEY} ORDER BY ${KEY}
  ON CONFLICT ON CONSTRAINT claim_totals_key DO UPDATE
     SET claim_rows = t.claim_rows + excluded.claim_rows, ${SUMS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')};
  DELETE FROM claim_totals WHERE claim_rows = 0;`;

export async function up(knex: Knex) {
  await knex.raw(`CREATE TABLE claim_totals (
    fund_year_id integer NOT NULL REFERENCES fund_years(id) ON DELETE CASCADE,
    period_month smallint NOT NULL,
    provider_class text NOT NULL,
    care_type text NOT NULL,
    org_unit_id integer,
    insured_unit_id integer,
    referred_up boolean NOT NULL,
    claim_rows bigint NOT NULL,
    ${SUMS.map((c) => `${c} ${c === 'claims' ? 'bigint' : 'numeric(18,2)'} NOT NULL`).join(',\n    ')},
    CONSTRAINT claim_totals_key UNIQUE NULLS NOT DISTINCT (${KEY})
  )`);
  await knex.raw(`CREATE FUNCTION claim_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${apply(summed('new_rows', 1))}
      ELSIF TG_OP = 'UPDATE' THEN ${apply(`${summed('new_rows', 1)} UNION ALL ${summed('old_rows', -1)}`)}
      ELSIF TG_OP = 'DELETE' THEN ${apply(summed('old_rows', -1))}
      ELSE DELETE FROM claim_totals;
      END IF;
      RETURN NULL;
    END $$`);
  // a trigger with transition tables fires on one event only
  await knex.raw(
    'CREATE TRIGGER claim_totals_insert AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_totals_apply()',
  );
  await knex.raw(
    'CREATE TRIGGER claim_totals_update AFTER UPDATE ON claims REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_totals_apply()',
  );
  await knex.raw(
    'CREATE TRIGGER claim_totals_delete AFTER DELETE ON claims REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_totals_apply()',
  );
  await knex.raw('CREATE TRIGGER claim_totals_truncate AFTER TRUNCATE ON claims FOR EACH STATEMENT EXECUTE FUNCTION claim_totals_apply()');
  await knex.raw(`INSERT INTO claim_totals (${KEY}, claim_rows, ${SUMS.join(', ')}) ${summed('claims', 1)}`);
}

export async function down(knex: Knex) {
  await knex.raw('DROP TABLE IF EXISTS claim_totals');
  await knex.raw('DROP FUNCTION IF EXISTS claim_totals_apply() CASCADE');
}
