// A pay line's items (the follow-ups, contracts and missed tasks behind it, the drill-down) kept as one JSON list per
// line instead of a row each: the group's month writes some 250,000 items, and as rows — each with its key, its index
// entry and its foreign-key check — they were the largest part of calculating the month (issue 19's bench). The
// drill-down reads one line's list whole; nothing queries the items across lines. Each item keeps its fields
// (kind, ref_id, on, type, mode, attendees, resident, points) and `id`, its place in the line's list.
import type { Knex } from 'knex';

const FIELDS = ['kind', 'ref_id', 'on', 'type', 'mode', 'attendees', 'resident', 'points'];

export async function up(knex: Knex) {
  await knex.schema.createTable('pay_line_work', (t) => {
    t.integer('line_id').primary().references('pay_lines.id').onDelete('CASCADE');
    /** [{ id, kind, ref_id, on, type, mode, attendees, resident, points }], by date then as recorded */
    t.jsonb('items').notNullable();
  });
  await knex.raw(
    `insert into pay_line_work (line_id, items)
     select line_id, jsonb_agg(jsonb_build_object('id', n, ${FIELDS.map((f) => `'${f}', "${f}"`).join(', ')}) order by n)
       from (select i.*, row_number() over (partition by line_id order by "on", id) as n from pay_line_items i) i
      group by line_id`,
  );
  await knex.schema.dropTable('pay_line_items');
}

export async function down(knex: Knex) {
  await knex.schema.createTable('pay_line_items', (t) => {
    t.bigIncrements('id');
    t.integer('line_id').notNullable().references('pay_lines.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('ref_id').notNullable();
    t.date('on').notNullable();
    t.text('type').notNullable();
    t.text('mode');
    t.integer('attendees');
    t.text('resident');
    t.decimal('points', 10, 2).notNullable();
    t.index('line_id');
    t.check(`kind in ('followup', 'contract', 'missed_task')`, [], 'pay_line_items_kind');
  });
  await knex.raw(
    `insert into pay_line_items (line_id, ${FIELDS.map((f) => `"${f}"`).join(', ')})
     select w.line_id, x.kind, x.ref_id, x."on", x.type, x.mode, x.attendees, x.resident, x.points
       from pay_line_work w cross join lateral jsonb_to_recordset(w.items)
         as x(id int, kind text, ref_id text, "on" date, type text, mode text, attendees int, resident text, points numeric)
      order by w.line_id, x.id`,
  );
  await knex.schema.dropTable('pay_line_work');
}
