// The base part's defaults (基础绩效, issue 19) raised to what a western county pays: with 院长岗 80 and 乡村医生岗 20
// points a month the base was smaller than a village doctor's month of follow-ups (≈ 200 points at the demo's full
// scale), so a village doctor out-earned the township's director. A group that changed its figures keeps them: only
// the old defaults are replaced.
import type { Knex } from 'knex';

const OLD = {
  post_points: { director: 80, clinical: 40, public_health: 40, nursing: 35, pharmacy: 30, technology: 35, administration: 30, village_doctor: 20 },
  title_points: { senior: 40, associate: 30, intermediate: 20, junior: 10, assistant: 5, none: 0 },
};
const NEW = {
  post_points: { director: 600, clinical: 300, public_health: 280, nursing: 260, pharmacy: 240, technology: 260, administration: 240, village_doctor: 60 },
  title_points: { senior: 200, associate: 150, intermediate: 100, junior: 50, assistant: 25, none: 0 },
};

async function replace(knex: Knex, from: typeof OLD, to: typeof OLD) {
  for (const column of ['post_points', 'title_points'] as const)
    await knex('pay_settings')
      .where('id', 1)
      .whereRaw(`${column} = ?::jsonb`, [JSON.stringify(from[column])])
      .update({ [column]: JSON.stringify(to[column]) });
}

export const up = (knex: Knex) => replace(knex, OLD, NEW);
export const down = (knex: Knex) => replace(knex, NEW, OLD);
