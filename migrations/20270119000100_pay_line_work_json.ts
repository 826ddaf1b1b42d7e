// A pay line's list of items (pay_line_work) kept as json, not jsonb: the list is written whole when the month is
// calculated (some 250,000 items for the group's month, each list passed as its own parameter) and read whole by the
// drill-down; nothing queries inside it. json is stored as given, after a check of its syntax, where jsonb is parsed
// into its binary form: writing the group's month's lists took the database some 4× the CPU as jsonb (issue 19's
// bench). The items no longer carry the resident's name (the drill-down reads it); lists written before keep theirs.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('alter table pay_line_work alter column items type json using items::json');
}

export async function down(knex: Knex) {
  await knex.raw('alter table pay_line_work alter column items type jsonb using items::jsonb');
}
