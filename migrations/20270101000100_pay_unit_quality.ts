// The unit's quality score in performance pay (issue 19): the scheme's bands turning a unit's quality score
// (quality's inspections less its open findings, the year up to the month's end) into points ± a month, and
// on each pay line the unit whose score applied, the score and the points. Lines calculated before keep none.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('pay_settings', (t) => {
    /** [{ min_score: 95, points: 5 }, …] */
    t.jsonb('unit_quality_bands');
  });
  await knex('pay_settings')
    .where('id', 1)
    .update({
      unit_quality_bands: JSON.stringify([
        { min_score: 95, points: 5 },
        { min_score: 85, points: 0 },
        { min_score: 70, points: -5 },
        { min_score: 0, points: -10 },
      ]),
    });
  await knex.raw('ALTER TABLE pay_settings ALTER COLUMN unit_quality_bands SET NOT NULL');
  await knex.schema.alterTable('pay_lines', (t) => {
    t.integer('quality_org_unit_id');
    t.decimal('unit_quality_score', 5, 2);
    t.decimal('unit_quality_points', 8, 2).notNullable().defaultTo(0);
    t.check('unit_quality_score between 0 and 100', [], 'pay_lines_unit_quality_score');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('pay_lines', (t) => {
    t.dropChecks(['pay_lines_unit_quality_score']);
    t.dropColumns('quality_org_unit_id', 'unit_quality_score', 'unit_quality_points');
  });
  await knex.schema.alterTable('pay_settings', (t) => t.dropColumns('unit_quality_bands'));
}
