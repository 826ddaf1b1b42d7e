// What the pay workbook (GET /api/reports/pay-runs/:id.xlsx) reads: the run as its page shows it,
// with the names of its township, of the villages its people work in and of who calculated,
// reviewed and approved it; a line per person; the scheme kept on the run; and the trace.
import type { Actor } from '../core/actor';
import { accounts } from '../auth';
import { unitsByIds } from '../org';
import type { PayLine } from './model';
import type { SchemeView } from './scheme';
import { readRun } from './service';
import { traceRun, type PayTrace } from './trace';

export interface PayRunReport {
  run: Omit<Awaited<ReturnType<typeof readRun>>, 'lines'> & { township: string; calculated_by_name: string | null };
  /** works_at: the work unit's name; quality_unit: the unit whose quality score applied, home_unit: the unit that sent an expert down ('' when none) */
  lines: (PayLine & { works_at: string; quality_unit: string; home_unit: string; department: string })[];
  /** the scheme the run was calculated with */
  scheme: SchemeView;
  trace: PayTrace;
}

/** A calculated run for its workbook, read as the caller may read the run (409 before it is calculated: nothing to pay). */
export async function payRunReport(actor: Actor, id: number): Promise<PayRunReport> {
  // the trace checks the grant, the scope and that the run is calculated
  const trace = await traceRun(actor, id);
  const { lines, ...run } = await readRun(actor, id);
  const names = new Map(
    (
      await unitsByIds(
        [run.org_unit_id, ...lines.flatMap((l) => [l.work_org_unit_id, l.quality_org_unit_id ?? run.org_unit_id, l.home_org_unit_id ?? run.org_unit_id])],
        ['id', 'name'],
      )
    ).map((u) => [u.id, u.name]),
  );
  const nameOf = (id: number | null) => (id === null ? '' : (names.get(id) ?? ''));
  // an HQ or branch run's departments (科室绩效): each line's department by name
  const departmentOf = new Map(run.departments.map((d) => [d.department_id, d.name]));
  const calculator = run.calculated_by === null ? undefined : await accounts(['display_name']).where('id', run.calculated_by).first();
  return {
    run: Object.assign(run, { township: names.get(run.org_unit_id) ?? '', calculated_by_name: calculator?.display_name ?? null }),
    lines: lines.map((l) =>
      Object.assign(l, {
        works_at: names.get(l.work_org_unit_id) ?? '',
        quality_unit: nameOf(l.quality_org_unit_id),
        home_unit: nameOf(l.home_org_unit_id),
        department: run.departments.length ? (departmentOf.get(l.department_id) ?? '') : '',
      }),
    ),
    scheme: run.scheme as SchemeView,
    trace,
  };
}
