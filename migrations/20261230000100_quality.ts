// Quality management (issue 21, part 2): the group's professional committees and management
// departments with their members (from the HR registry) and meetings; checklists (configuration)
// with items and their maximum scores; inspections of a member unit by a committee or by another
// unit (交叉检查), scored per item; findings with severity, owner unit and deadline, rectified by the
// unit and verified by the inspector (整改闭环), each step an event; overdue ones escalated.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

export async function up(knex: Knex) {
  await knex.schema.createTable('quality_committees', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.text('kind').notNullable().defaultTo('committee');
    /** what the committee looks after (its remit) */
    t.text('remit');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(checkIn('kind', ['committee', 'department']), [], 'quality_committees_kind');
  });
  await knex.schema.createTable('quality_committee_members', (t) => {
    t.increments('id');
    t.integer('committee_id').notNullable().references('quality_committees.id').onDelete('CASCADE');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.text('role').notNullable().defaultTo('member');
    t.date('joined_on');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['committee_id', 'staff_id']);
    t.index('staff_id');
    t.check(checkIn('role', ['chair', 'vice_chair', 'secretary', 'member']), [], 'quality_committee_members_role');
  });
  await knex.raw("CREATE UNIQUE INDEX quality_committee_one_chair ON quality_committee_members (committee_id) WHERE role = 'chair'");
  await knex.schema.createTable('quality_meetings', (t) => {
    t.increments('id');
    t.integer('committee_id').notNullable().references('quality_committees.id').onDelete('CASCADE');
    t.text('kind').notNullable().defaultTo('meeting');
    t.date('held_on').notNullable();
    t.text('topic').notNullable();
    t.text('minutes');
    t.text('decisions');
    t.integer('attendees');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['committee_id', 'held_on']);
    t.check(checkIn('kind', ['meeting', 'training']), [], 'quality_meetings_kind');
    t.check('attendees IS NULL OR attendees >= 0', [], 'quality_meetings_attendees');
  });
  await knex.schema.createTable('quality_checklists', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.integer('committee_id').references('quality_committees.id').onDelete('SET NULL');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('quality_checklist_items', (t) => {
    t.increments('id');
    t.integer('checklist_id').notNullable().references('quality_checklists.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('title').notNullable();
    t.decimal('max_score', 6, 2).notNullable();
    t.unique(['checklist_id', 'seq']);
    t.check('max_score > 0', [], 'quality_checklist_items_max');
  });
  await knex.schema.createTable('quality_inspections', (t) => {
    t.increments('id');
    t.text('kind').notNullable();
    t.integer('committee_id').references('quality_committees.id').onDelete('RESTRICT');
    /** the inspecting unit of a cross-inspection */
    t.integer('inspector_org_unit_id').references('org_units.id').onDelete('RESTRICT');
    /** the inspected unit */
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('checklist_id').notNullable().references('quality_checklists.id').onDelete('RESTRICT');
    t.date('inspected_on').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.text('summary');
    /** 0–100: the items' scores over their maxima, set on completion */
    t.decimal('score', 5, 2);
    t.timestamp('completed_at', { useTz: true });
    t.integer('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['org_unit_id', 'inspected_on']);
    t.check(checkIn('kind', ['committee', 'cross']), [], 'quality_inspections_kind');
    t.check(checkIn('status', ['open', 'completed']), [], 'quality_inspections_status');
    t.check(
      "(kind = 'committee') = (committee_id IS NOT NULL) AND (kind = 'cross') = (inspector_org_unit_id IS NOT NULL) AND inspector_org_unit_id IS DISTINCT FROM org_unit_id",
      [],
      'quality_inspections_inspector',
    );
    t.check("(status = 'completed') = (score IS NOT NULL AND completed_at IS NOT NULL)", [], 'quality_inspections_score');
  });
  await knex.schema.createTable('quality_inspection_scores', (t) => {
    t.increments('id');
    t.integer('inspection_id').notNullable().references('quality_inspections.id').onDelete('CASCADE');
    t.integer('item_id').notNullable().references('quality_checklist_items.id').onDelete('RESTRICT');
    t.decimal('score', 6, 2).notNullable();
    t.text('note');
    t.unique(['inspection_id', 'item_id']);
    t.check('score >= 0', [], 'quality_inspection_scores_score');
  });
  await knex.schema.createTable('quality_findings', (t) => {
    t.increments('id');
    t.integer('inspection_id').notNullable().references('quality_inspections.id').onDelete('RESTRICT');
    /** the unit that owns the rectification */
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    /** the inspection's inspecting unit (a cross-inspection's), kept here so that it sees the findings it verifies */
    t.integer('inspector_org_unit_id').references('org_units.id').onDelete('RESTRICT');
    t.text('severity').notNullable();
    t.text('title').notNullable();
    t.text('description');
    t.date('deadline').notNullable();
    t.text('status').notNullable().defaultTo('open');
    /** the unit's last rectification report and its evidence */
    t.text('rectification');
    t.text('evidence');
    t.timestamp('reported_at', { useTz: true });
    t.integer('rejections').notNullable().defaultTo(0);
    t.timestamp('closed_at', { useTz: true });
    t.timestamp('escalated_at', { useTz: true });
    t.integer('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['org_unit_id', 'status']);
    t.index('inspection_id');
    t.check(checkIn('severity', ['minor', 'major', 'critical']), [], 'quality_findings_severity');
    t.check(checkIn('status', ['open', 'reported', 'verified']), [], 'quality_findings_status');
    t.check("(status = 'verified') = (closed_at IS NOT NULL)", [], 'quality_findings_closed');
  });
  await knex.raw("CREATE INDEX quality_findings_overdue ON quality_findings (deadline) WHERE status = 'open' AND escalated_at IS NULL");
  await knex.schema.createTable('quality_finding_events', (t) => {
    t.bigIncrements('id');
    t.integer('finding_id').notNullable().references('quality_findings.id').onDelete('CASCADE');
    /** the step: create, report, verify, reject, escalate */
    t.text('kind').notNullable();
    t.text('from_status');
    t.text('to_status');
    t.integer('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('note');
    t.index(['finding_id', 'at']);
  });
}

export async function down(knex: Knex) {
  for (const table of [
    'quality_finding_events',
    'quality_findings',
    'quality_inspection_scores',
    'quality_inspections',
    'quality_checklist_items',
    'quality_checklists',
    'quality_meetings',
    'quality_committee_members',
    'quality_committees',
  ])
    await knex.schema.dropTable(table);
}
