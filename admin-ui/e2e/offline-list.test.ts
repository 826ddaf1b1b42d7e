// The phone's answers to list requests without network (admin-ui/src/shared/offline/localList.ts),
// without a browser: the same protocol as the API's lists — filter, sort, range, Content-Range —
// and no answer at all for a filter the phone cannot judge.
import { expect } from 'chai';
import { answerList, type RowFilter } from '../src/shared/offline/localList';
import { inBucket } from '../../api/health/buckets';
import type { TaskBucket } from '../../api/health/enums';

interface Task {
  id: string;
  resident_name: string;
  type: string;
  due_on: string;
  state: string;
  window_end: string | null;
}

const rows: Task[] = [
  { id: '3-h-Q4', resident_name: '王芳', type: 'hypertension', due_on: '2026-11-20', state: 'due', window_end: '2026-12-31' },
  { id: '1-h-Q4', resident_name: '李强', type: 'hypertension', due_on: '2026-10-05', state: 'due', window_end: '2026-12-31' },
  { id: '2-d-Q4', resident_name: '张伟', type: 'diabetes', due_on: '2026-12-06', state: 'due', window_end: null },
  { id: '4-t-12', resident_name: '王磊', type: 'tb', due_on: '2026-12-18', state: 'due', window_end: '2026-12-31' },
  { id: '5-h-Q1', resident_name: '赵敏', type: 'hypertension', due_on: '2027-01-12', state: 'upcoming', window_end: '2027-03-31' },
];
const today = '2026-12-06';
const filter: RowFilter<Task> = (t, key, value) => {
  if (key === 'bucket') return inBucket(t, value as TaskBucket, today);
  if (key === 'q') return t.resident_name.includes(String(value));
  return undefined;
};
const ask = (params: Record<string, unknown>) =>
  new URL(`http://phone/api/tasks?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]))}`);
const ids = (a: ReturnType<typeof answerList>) => (a!.json as Task[]).map((t) => t.id);

describe('offline list answers (the phone’s copy, on the API’s list protocol)', () => {
  it('filters by the domain’s filters and plain fields, sorts, pages and says the total', () => {
    const overdue = answerList(ask({ filter: { bucket: 'today', type: 'hypertension' }, sort: ['due_on', 'ASC'], range: [0, 24] }), 'tasks', rows, filter);
    expect(ids(overdue)).to.deep.equal(['1-h-Q4', '3-h-Q4']);
    expect(overdue!.headers.get('Content-Range')).to.equal('tasks 0-1/2');
    const today_ = answerList(ask({ filter: { bucket: 'today' }, sort: ['due_on', 'ASC'] }), 'tasks', rows, filter);
    expect(ids(today_)).to.deep.equal(['1-h-Q4', '3-h-Q4', '2-d-Q4']);

    const page2 = answerList(ask({ filter: { bucket: 'open' }, sort: ['due_on', 'DESC'], range: [2, 3] }), 'tasks', rows, filter);
    expect(ids(page2)).to.deep.equal(['2-d-Q4', '3-h-Q4']);
    expect(page2!.headers.get('Content-Range')).to.equal('tasks 2-3/5');
    expect(page2!.status).to.equal(200);
    expect(JSON.parse(page2!.body)).to.deep.equal(page2!.json);
  });

  it('answers lists of ids (getMany), ranges of dates and searches; nulls sort last ascending', () => {
    expect(ids(answerList(ask({ filter: { id: ['4-t-12', '2-d-Q4', 'gone'] }, sort: ['id', 'ASC'] }), 'tasks', rows, filter))).to.deep.equal([
      '2-d-Q4',
      '4-t-12',
    ]);
    expect(
      ids(answerList(ask({ filter: { due_on_gte: '2026-12-01', due_on_lt: '2027-01-01' }, sort: ['due_on', 'ASC'] }), 'tasks', rows, filter)),
    ).to.deep.equal(['2-d-Q4', '4-t-12']);
    expect(ids(answerList(ask({ filter: { q: '王' }, sort: ['resident_name', 'ASC'] }), 'tasks', rows, filter))).to.have.members(['3-h-Q4', '4-t-12']);
    expect(ids(answerList(ask({ sort: ['window_end', 'ASC'] }), 'tasks', rows, filter)).at(-1)).to.equal('2-d-Q4');
  });

  it('an empty answer reads as the API’s; a filter the phone cannot judge is no answer', () => {
    const none = answerList(ask({ filter: { q: '没有这个人' } }), 'tasks', rows, filter);
    expect(none!.json).to.deep.equal([]);
    expect(none!.headers.get('Content-Range')).to.equal('tasks 0-0/0');
    expect(answerList(ask({ filter: { contracted: true } }), 'tasks', rows, filter)).to.equal(undefined);
  });
});
