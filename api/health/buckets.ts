// "My tasks" buckets, defined once for the API (taskService's SQL says the same) and for the
// phone's offline copy of the village's tasks (the admin UI imports this file: nothing from node
// or the database here).
// - today: every open task due by today — the overdue ones first, then today's. Due dates are
//   spread over the first weeks of each window (rules.ts dueOn), so on most days hardly any task
//   falls due on that very day (in the last month of a quarter none does): "due on today" alone
//   was an empty list while the overdue work waited. Today's work is what is due by today.
// - overdue: open and past its due date; this_month: open and due in this calendar month; open: all.
import type { TaskBucket, TaskState } from './enums';

/** The states of a task still to be done. */
export const OPEN_TASK_STATES: readonly TaskState[] = ['upcoming', 'due'];

export interface BucketTask {
  state: string;
  due_on: string;
}

const isOpen = (t: BucketTask) => OPEN_TASK_STATES.includes(t.state as TaskState);

/** Whether a task is in a bucket on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function inBucket(task: BucketTask, bucket: TaskBucket, today: string): boolean {
  if (!isOpen(task)) return false;
  switch (bucket) {
    case 'today':
      return task.due_on <= today;
    case 'overdue':
      return task.due_on < today;
    case 'this_month':
      return task.due_on.slice(0, 7) === today.slice(0, 7);
    case 'open':
      return true;
  }
}

/** The count of each bucket, and of the tasks due on today itself (part of `today`). */
export type TaskSummary = Record<TaskBucket, number> & { due_today: number };

/** The counts of tasks as the summary endpoint answers them. */
export function bucketCounts(tasks: readonly BucketTask[], today: string): TaskSummary {
  const counts: TaskSummary = { overdue: 0, today: 0, this_month: 0, open: 0, due_today: 0 };
  for (const t of tasks) {
    if (!isOpen(t)) continue;
    for (const b of ['overdue', 'today', 'this_month', 'open'] as const) if (inBucket(t, b, today)) counts[b] += 1;
    if (t.due_on === today) counts.due_today += 1;
  }
  return counts;
}
