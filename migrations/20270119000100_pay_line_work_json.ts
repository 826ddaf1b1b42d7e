// A pay line's list of items (pay_line_work) kept as json, not jsonb, and each item as a tuple — [kind, ref_id, on,
// type, mode, attendees, points], its id its place in the list — not an object naming its fields: the group's month
// writes some 250,000 items, and the list is written whole and read whole by the drill-down (nothing queries inside
// it). json is stored as given after a check of its syntax, where jsonb is parsed into its binary form: writing the
// month's lists took the database some 4× the CPU as jsonb (issue 19's bench); the tuples halve the bytes written.
// The resident's name is no longer kept (the drill-down reads it); the lists written before lose theirs.
import type { Knex } from 'knex';

const FIELDS = ['kind', 'ref_id', 'on', 'type', 'mode', 'attendees', 'points'];

export async function up(knex: Knex) {
  await knex.raw('alter table pay_line_work add column list json');
  await knex.raw(
    `update pay_line_work w
        set list = (select coalesce(json_agg(json_build_array(${FIELDS.map((f) => (f === 'attendees' ? `(x->>'${f}')::int` : `x->>'${f}'`)).join(', ')}) order by (x->>'id')::int), '[]'::json)
                      from jsonb_array_elements(w.items) x)`,
  );
  await knex.raw('alter table pay_line_work drop column items');
  await knex.raw('alter table pay_line_work rename column list to items');
  await knex.raw('alter table pay_line_work alter column items set not null');
}

export async function down(knex: Knex) {
  await knex.raw('alter table pay_line_work add column list jsonb');
  await knex.raw(
    `update pay_line_work w
        set list = (select coalesce(jsonb_agg(jsonb_build_object('id', n, ${FIELDS.map((f, i) => `'${f}', x->${i}`).join(', ')}, 'resident', null) order by n), '[]'::jsonb)
                      from json_array_elements(w.items) with ordinality as e(x, n))`,
  );
  await knex.raw('alter table pay_line_work drop column items');
  await knex.raw('alter table pay_line_work rename column list to items');
  await knex.raw('alter table pay_line_work alter column items set not null');
}
