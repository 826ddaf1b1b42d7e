// Unified HR (统一人事管理): one staff registry for every member, effective-dated history,
// posts and headcount (岗位设置), title promotions, licences, annual assessment (年度考核),
// village-doctor contracts (乡聘村用) and rotations (下派驻点 / 上派进修) with yearly plans.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  // the no-overlap rule for rotations is an exclusion constraint: equality on staff_id inside a gist index
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');

  // 岗位: sanctioned posts per unit and department; `filled` is kept by the service under a row lock
  await knex.schema.createTable('posts', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('department_id').references('departments.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.text('category').notNullable();
    t.integer('headcount').notNullable();
    t.integer('filled').notNullable().defaultTo(0);
    t.text('status').notNullable().defaultTo('vacant'); // vacant | occupied | closed
    t.text('note');
    t.timestamps(true, true);
    t.check('headcount > 0', [], 'posts_headcount_positive');
    t.check('filled >= 0 and filled <= headcount', [], 'posts_filled_within_headcount');
    t.check("status in ('vacant','occupied','closed')", [], 'posts_status');
    t.index(['org_unit_id']);
  });

  await knex.schema.createTable('staff', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('sex').notNullable();
    t.date('birth_date').notNullable();
    // 身份证号: keyed hash (duplicates), masked form (lists), AES-GCM ciphertext (audited reveal)
    t.text('id_number_hash').notNullable().unique();
    t.text('id_number_masked').notNullable();
    t.text('id_number_cipher').notNullable();
    t.text('phone');
    t.text('category').notNullable();
    t.text('title'); // 职称 code; null for admin staff without one
    t.integer('department_id').references('departments.id').onDelete('RESTRICT');
    t.integer('post_id').references('posts.id').onDelete('RESTRICT');
    t.text('employment_type').notNullable(); // establishment (编制内) | contract | township_hired (乡聘村用)
    t.integer('employer_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('work_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.date('hire_date').notNullable();
    t.text('status').notNullable().defaultTo('active'); // active | on_leave | left
    t.text('leave_reason'); // coded reason when status = left
    t.date('left_on');
    t.integer('user_id').unique().references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.check("sex in ('M','F')", [], 'staff_sex');
    t.check("status in ('active','on_leave','left')", [], 'staff_status');
    t.check("(status = 'left') = (leave_reason is not null)", [], 'staff_left_has_reason');
    t.check("employment_type in ('establishment','contract','township_hired')", [], 'staff_employment_type');
  });
  await knex.raw('CREATE INDEX staff_employer ON staff (employer_org_unit_id, status)');
  await knex.raw('CREATE INDEX staff_work ON staff (work_org_unit_id, status)');
  await knex.raw('CREATE INDEX staff_title ON staff (title, category)');
  await knex.raw('CREATE INDEX staff_post ON staff (post_id) WHERE post_id IS NOT NULL');

  // effective-dated change history: who changed what, when, from what to what
  await knex.schema.createTable('staff_history', (t) => {
    t.bigIncrements('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('CASCADE');
    t.text('field').notNullable();
    t.text('from_value');
    t.text('to_value');
    t.date('effective_on').notNullable();
    t.text('reason');
    t.integer('changed_by');
    t.text('changed_by_name').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['staff_id', 'effective_on']);
  });

  await knex.schema.createTable('licences', (t) => {
    t.increments('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('kind').notNullable(); // physician | assistant_physician | nurse | pharmacist | technician | village_doctor
    t.text('number').notNullable().unique();
    t.text('scope'); // 执业范围
    t.date('issued_on').notNullable();
    t.date('expires_on').notNullable();
    t.text('status').notNullable().defaultTo('valid'); // valid | revoked
    t.timestamps(true, true);
    t.check('expires_on > issued_on', [], 'licences_dates');
    t.check("status in ('valid','revoked')", [], 'licences_status');
    t.index(['staff_id']);
    t.index(['expires_on']);
  });

  await knex.schema.createTable('title_promotions', (t) => {
    t.increments('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('year').notNullable();
    t.text('from_title');
    t.text('to_title').notNullable();
    t.text('status').notNullable().defaultTo('submitted'); // submitted → reviewed → approved | rejected
    t.text('note');
    t.text('unit_opinion');
    t.text('reject_reason');
    t.date('effective_on');
    t.text('submitted_by').notNullable();
    t.text('reviewed_by');
    t.timestamp('reviewed_at', { useTz: true });
    t.text('decided_by');
    t.timestamp('decided_at', { useTz: true });
    t.timestamps(true, true);
    t.check("status in ('submitted','reviewed','approved','rejected')", [], 'title_promotions_status');
    t.check("status <> 'rejected' or reject_reason is not null", [], 'title_promotions_reject_reason');
    t.index(['staff_id']);
    t.index(['org_unit_id', 'status']);
  });

  // 年度考核: one assessment year (group-wide quota, locked on approval) and a row per staff
  await knex.schema.createTable('assessment_years', (t) => {
    t.integer('year').primary();
    t.decimal('excellent_share', 4, 3).notNullable().defaultTo(0.2);
    t.text('status').notNullable().defaultTo('open'); // open | approved
    t.text('approved_by');
    t.timestamp('approved_at', { useTz: true });
    t.timestamps(true, true);
    t.check('excellent_share > 0 and excellent_share <= 1', [], 'assessment_years_share');
    t.check("status in ('open','approved')", [], 'assessment_years_status');
  });
  await knex.schema.createTable('assessments', (t) => {
    t.increments('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('year').notNullable().references('assessment_years.year').onDelete('RESTRICT');
    t.decimal('score', 5, 2).notNullable();
    t.text('grade').notNullable(); // excellent 优秀 | qualified 合格 | basically_qualified 基本合格 | unqualified 不合格
    t.text('comment');
    t.timestamps(true, true);
    t.unique(['staff_id', 'year']);
    t.check('score >= 0 and score <= 100', [], 'assessments_score');
    t.check("grade in ('excellent','qualified','basically_qualified','unqualified')", [], 'assessments_grade');
    t.index(['org_unit_id', 'year', 'grade']);
  });

  // 乡聘村用: employed by the township centre, working in one of its village clinics
  await knex.schema.createTable('village_doctor_contracts', (t) => {
    t.increments('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.integer('employer_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('work_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.date('start_on').notNullable();
    t.date('end_on').notNullable();
    t.text('status').notNullable().defaultTo('active'); // active | renewed | expired | exited
    t.integer('renewed_from_id').references('village_doctor_contracts.id').onDelete('RESTRICT');
    t.text('exit_reason'); // 准入退出: coded reason
    t.date('exit_on');
    t.text('note');
    t.timestamps(true, true);
    t.check('end_on > start_on', [], 'village_doctor_contracts_dates');
    t.check("status in ('active','renewed','expired','exited')", [], 'village_doctor_contracts_status');
    t.check("(status = 'exited') = (exit_reason is not null)", [], 'village_doctor_contracts_exit_reason');
    t.index(['staff_id']);
    t.index(['employer_org_unit_id']);
    t.index(['work_org_unit_id']);
  });
  // at most one running contract per doctor
  await knex.raw("CREATE UNIQUE INDEX village_doctor_contracts_one_active ON village_doctor_contracts (staff_id) WHERE status = 'active'");

  await knex.schema.createTable('rotation_plans', (t) => {
    t.increments('id');
    t.integer('year').notNullable().unique();
    // direction key → quota, e.g. {"down_hq_branch":18,"down_branch_township":30,"up_branch_hq":18,"up_township_branch":30}
    t.jsonb('quotas').notNullable();
    t.text('note');
    t.timestamps(true, true);
  });

  await knex.schema.createTable('rotations', (t) => {
    t.increments('id');
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.text('type').notNullable(); // down_expert 下派 | up_training 上派进修
    t.integer('home_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('host_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.date('start_on').notNullable();
    t.date('planned_end_on').notNullable();
    t.date('actual_end_on');
    t.text('status').notNullable().defaultTo('planned'); // planned → active → completed, or cancelled
    t.text('purpose');
    t.text('end_reason'); // needed when ending before the planned end, or cancelling
    t.timestamps(true, true);
    t.check("type in ('down_expert','up_training')", [], 'rotations_type');
    t.check("status in ('planned','active','completed','cancelled')", [], 'rotations_status');
    t.check('planned_end_on >= start_on', [], 'rotations_planned_end');
    t.check('actual_end_on is null or actual_end_on >= start_on', [], 'rotations_actual_end');
    t.check('home_org_unit_id <> host_org_unit_id', [], 'rotations_two_units');
    t.index(['start_on']);
    t.index(['host_org_unit_id', 'start_on']);
    t.index(['home_org_unit_id', 'start_on']);
    t.index(['status', 'start_on']);
  });
  // one person, one rotation at a time (the service names the other one first; this stops races)
  await knex.raw(`
    ALTER TABLE rotations ADD CONSTRAINT rotations_no_overlap EXCLUDE USING gist (
      staff_id WITH =,
      daterange(start_on, coalesce(actual_end_on, planned_end_on), '[]') WITH &&
    ) WHERE (status <> 'cancelled')`);
}

export async function down(knex: Knex) {
  await knex.raw(
    'DROP TABLE IF EXISTS rotations, rotation_plans, village_doctor_contracts, assessments, assessment_years, title_promotions, licences, staff_history, staff, posts CASCADE',
  );
}
