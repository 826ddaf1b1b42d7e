// The default pools' labels (a fund year may name other pools), in a module of their own: the pay
// screens name them (the trace) and carry them in pay's catalogue without the whole of settlement's
// lists (7 kB on the village doctor's first load). Part of settlement's lists (enums.ts re-exports it).
import { defineEnum } from '../core/enums';

export const POOL = defineEnum('pool', {
  health_management: { zh: '健康管理', en: 'Health management' },
  staff_performance: { zh: '绩效奖励', en: 'Staff performance' },
});
