// The base part of performance pay by post and title (基础绩效, issue 19): the scheme's points a month for
// each post (岗位: the township's director, or the person's category) and each title level (职称: 正高 …
// 无职称), and on each pay line the post, the title level and the base points it was paid for. Lines
// calculated before keep no post (null) and 0 base points: what they were paid.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const POSTS = ['director', 'clinical', 'public_health', 'nursing', 'pharmacy', 'technology', 'administration', 'village_doctor'];
const TITLE_LEVELS = ['senior', 'associate', 'intermediate', 'junior', 'assistant', 'none'];

export async function up(knex: Knex) {
  await knex.schema.alterTable('pay_settings', (t) => {
    /** { director: 80, clinical: 40, … } points a month */
    t.jsonb('post_points');
    /** { senior: 40, associate: 30, … } points a month */
    t.jsonb('title_points');
  });
  await knex('pay_settings')
    .where('id', 1)
    .update({
      post_points: JSON.stringify({
        director: 80,
        clinical: 40,
        public_health: 40,
        nursing: 35,
        pharmacy: 30,
        technology: 35,
        administration: 30,
        village_doctor: 20,
      }),
      title_points: JSON.stringify({ senior: 40, associate: 30, intermediate: 20, junior: 10, assistant: 5, none: 0 }),
    });
  await knex.raw('ALTER TABLE pay_settings ALTER COLUMN post_points SET NOT NULL, ALTER COLUMN title_points SET NOT NULL');
  await knex.schema.alterTable('pay_lines', (t) => {
    t.text('post');
    t.text('title_level');
    t.decimal('base_points', 12, 2).notNullable().defaultTo(0);
    t.check(checkIn('post', POSTS), [], 'pay_lines_post');
    t.check(checkIn('title_level', TITLE_LEVELS), [], 'pay_lines_title_level');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('pay_lines', (t) => {
    t.dropChecks(['pay_lines_post', 'pay_lines_title_level']);
    t.dropColumns('post', 'title_level', 'base_points');
  });
  await knex.schema.alterTable('pay_settings', (t) => t.dropColumns('post_points', 'title_points'));
}
