// The village doctor's copy of their village (offline-first, issue 16): every open task, every
// registered resident and every household of the village, fetched whole when the network is there
// and kept in IndexedDB per user. With no network the task list, the home counts, the chips, a task,
// the resident picker, the households and a household's page are answered from it (on the API's own protocol, shared/offline), and the screens
// say when it was taken ("同步于 HH:mm"). A visit waiting in the outbox takes its task off the
// lists until the server has it.
import { useSyncExternalStore } from 'react';
import { fetchUtils } from 'react-admin';
import { storedToken, storedUser } from '../session';
import { answerList, idbGet, idbSet, isReachable, jsonAnswer, keepOffline, userPrefix, type JsonAnswer, type RowFilter } from '../shared/offline';
import { shanghaiDate } from '../shared/time';
import { bucketCounts, inBucket, OPEN_TASK_STATES } from '../../../api/health/buckets';
import { TASK_BUCKET, type TaskBucket } from '../../../api/health/enums';
import { waitingTaskIds } from './outbox';
import type { TaskRecord } from './records';

interface ResidentRow {
  id: number;
  name: string;
  household?: string | null;
  phone?: string | null;
  id_number_masked?: string | null;
  tags?: string[];
  deregistered_on?: string | null;
  [field: string]: unknown;
}

interface HouseholdRow {
  id: number;
  code: string;
  address: string | null;
  org_unit_id: number;
  head_name?: string | null;
  member_count?: number;
  due_count?: number;
  [field: string]: unknown;
}

export interface VillageCopy {
  user_id: number;
  /** when it was taken (ISO instant) */
  at: string;
  tasks: TaskRecord[];
  residents: ResidentRow[];
  /** absent from a copy taken before households were kept */
  households?: HouseholdRow[];
}

const PAGE = 1000; // the API's largest page
/** A copy older than this is taken again when the network is there. */
const FRESH_MS = 10 * 60_000;

/** Whether this login keeps a copy: a village doctor's scope is one village. */
export const keepsVillageCopy = () => !!storedUser()?.roles.includes('village_doctor');

// ---------------------------------------------------------------- the copy and its state

let copy: VillageCopy | undefined;
let loaded: Promise<VillageCopy | undefined> | undefined;
let state = { at: undefined as string | undefined, syncing: false, failed: false };
const listeners = new Set<() => void>();
const setState = (patch: Partial<typeof state>) => {
  state = { ...state, ...patch };
  for (const l of listeners) l();
};

const storeKey = () => {
  const prefix = userPrefix();
  return prefix && `${prefix}health:village`;
};

/** The copy of the logged-in user, read from IndexedDB once. */
export function villageCopy(): Promise<VillageCopy | undefined> {
  const user = storedUser();
  if (!user) return Promise.resolve(undefined);
  if (copy?.user_id === user.id) return Promise.resolve(copy);
  loaded ??= idbGet<VillageCopy>(storeKey()!)
    .catch(() => undefined)
    .then((kept) => {
      loaded = undefined;
      if (kept && kept.user_id === storedUser()?.id) {
        copy = kept;
        setState({ at: kept.at });
      }
      return copy?.user_id === storedUser()?.id ? copy : undefined;
    });
  return loaded;
}

async function fetchAll<T>(path: string, filter: Record<string, unknown>, sort: [string, string]): Promise<T[]> {
  const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${storedToken()}` });
  const rows: T[] = [];
  for (let start = 0; ; start += PAGE) {
    const q = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: JSON.stringify([start, start + PAGE - 1]) });
    const answer: JsonAnswer = await fetchUtils.fetchJson(`/api/${path}?${q}`, { headers });
    const { json, headers: h } = answer;
    rows.push(...(json as T[]));
    const total = Number(h.get('Content-Range')?.split('/')[1] ?? rows.length);
    if (rows.length >= total || !(json as T[]).length) return rows;
  }
}

let syncing: Promise<VillageCopy | undefined> | undefined;

/** Takes the copy again from the server (the village doctor's open tasks and residents). */
export function syncVillage(): Promise<VillageCopy | undefined> {
  const user = storedUser();
  if (!user || !storedToken() || !keepsVillageCopy()) return Promise.resolve(undefined);
  syncing ??= (async () => {
    setState({ syncing: true });
    try {
      const at = new Date().toISOString();
      const [tasks, residents, households] = await Promise.all([
        fetchAll<TaskRecord>('tasks', { bucket: 'open' }, ['due_on', 'ASC']),
        fetchAll<ResidentRow>('residents', { active: true, care_columns: true }, ['name', 'ASC']),
        fetchAll<HouseholdRow>('households', {}, ['code', 'ASC']),
      ]);
      if (storedUser()?.id !== user.id) return undefined; // logged out meanwhile
      copy = { user_id: user.id, at, tasks, residents, households };
      await idbSet(storeKey()!, copy).catch(() => undefined);
      setState({ at, failed: false });
      return copy;
    } catch {
      setState({ failed: true });
      return undefined;
    } finally {
      setState({ syncing: false });
      syncing = undefined;
    }
  })();
  return syncing;
}

/** Takes the copy when there is none for this user or it is older than FRESH_MS (and the network is there). */
export async function ensureVillageCopy() {
  if (!keepsVillageCopy() || !isReachable()) return;
  const kept = await villageCopy();
  if (!kept || Date.now() - Date.parse(kept.at) > FRESH_MS) await syncVillage();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const current = () => state;

/** When the copy was taken, and whether it is being taken now. */
export const useVillageCopyState = () => useSyncExternalStore(subscribe, current);

// ---------------------------------------------------------------- answering the API offline

/** The copy's open tasks as of today: overdue recomputed, those with a visit waiting in the outbox left out. */
async function openTasks(): Promise<TaskRecord[] | undefined> {
  const kept = await villageCopy();
  if (!kept) return undefined;
  const today = shanghaiDate();
  const waiting = waitingTaskIds();
  return kept.tasks
    .filter((t) => !waiting.has(t.id) && OPEN_TASK_STATES.includes(t.state as never))
    .map((t) => ({ ...t, overdue: inBucket(t, 'overdue', today) }));
}

const taskFilter: RowFilter<TaskRecord> = (t, key, value) => {
  if (key === 'bucket') return (TASK_BUCKET.values as readonly string[]).includes(String(value)) ? inBucket(t, value as TaskBucket, shanghaiDate()) : false;
  if (key === 'overdue') return t.overdue === value;
  if (key === 'q') return t.resident_name.includes(String(value).trim());
  return undefined;
};

/** The copy answers only lists of open tasks (a bucket, or open states): a resident's history needs the server. */
const asksOpenTasks = (url: URL) => {
  const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as Record<string, unknown>;
  const states = [filter.state ?? []].flat().map(String);
  return filter.bucket !== undefined || (states.length > 0 && states.every((s) => OPEN_TASK_STATES.includes(s as never)));
};

const residentFilter: RowFilter<ResidentRow> = (r, key, value) => {
  if (key === 'q') {
    const q = String(value).trim();
    return [r.name, r.household, r.phone, r.id_number_masked].some((f) => typeof f === 'string' && f.includes(q));
  }
  if (key === 'active') return value === true ? !r.deregistered_on : !!r.deregistered_on;
  if (key === 'tag') return !!r.tags?.includes(String(value));
  // the copy was taken with the my-patients columns
  if (key === 'care_columns') return true;
  return undefined;
};

// ---------------------------------------------------------------- households, from the copy

const RELATION_ORDER = ['head', 'spouse', 'parent', 'child', 'grandchild', 'sibling', 'other'];
const relationRank = (r: unknown) => (typeof r === 'string' && RELATION_ORDER.includes(r) ? RELATION_ORDER.indexOf(r) : RELATION_ORDER.length);

/** Full years from a birth date to today. */
function ageOn(birth: string, today: string) {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The copy's households, each with its members and the tasks a visit today can do (those waiting in the outbox left out), as the API gives them. */
async function householdsNow() {
  const kept = await villageCopy();
  const tasks = await openTasks();
  if (!kept?.households || !tasks) return undefined;
  const today = shanghaiDate();
  const doable = tasks.filter((t) => t.window_start <= today).sort((a, b) => (a.due_on === b.due_on ? (a.id < b.id ? -1 : 1) : a.due_on < b.due_on ? -1 : 1));
  return kept.households.map((h) => {
    const members = kept.residents
      .filter((r) => r.household_id === h.id && !r.deregistered_on)
      .sort((a, b) => relationRank(a.household_relation) - relationRank(b.household_relation) || String(a.birth_date).localeCompare(String(b.birth_date)))
      .map((m) => ({
        id: m.id,
        name: m.name,
        sex: m.sex,
        birth_date: m.birth_date,
        age: typeof m.age === 'number' ? m.age : ageOn(String(m.birth_date), today),
        tags: m.tags ?? [],
        household_relation: m.household_relation ?? null,
        id_number_masked: m.id_number_masked ?? null,
        tasks: doable.filter((t) => t.resident_id === m.id).map((t) => ({ ...t, overdue: t.due_on < today })),
      }));
    return {
      ...h,
      member_count: members.length,
      head_name: members.find((m) => m.household_relation === 'head')?.name ?? h.head_name ?? null,
      due_count: members.reduce((n, m) => n + m.tasks.length, 0),
      members,
    };
  });
}

type HouseholdNow = NonNullable<Awaited<ReturnType<typeof householdsNow>>>[number];

const householdFilter: RowFilter<HouseholdNow> = (h, key, value) => {
  if (key === 'q') return [h.code, h.address].some((f) => typeof f === 'string' && f.includes(String(value).trim()));
  if (key === 'member') return h.members.some((m) => m.name.includes(String(value).trim()));
  if (key === 'due') return h.due_count > 0 === (value === true || value === 'true');
  return undefined;
};

/** Registers the paths the village doctor opens offline: tasks, counts, a task, residents; me and the schedules as last seen. */
export function keepVillageOffline() {
  keepOffline(/^\/api\/tasks\/summary$/, {
    read: async (url) => {
      const tasks = await openTasks();
      const type = url.searchParams.get('type');
      return tasks && jsonAnswer({ ...bucketCounts(type ? tasks.filter((t) => t.type === type) : tasks, shanghaiDate()), as_of: shanghaiDate() });
    },
  });
  keepOffline(/^\/api\/tasks\/[^/]+$/, {
    remember: keepsVillageCopy,
    read: async (url) => {
      const id = decodeURIComponent(url.pathname.split('/').pop()!);
      const task = (await openTasks())?.find((t) => t.id === id);
      return task && jsonAnswer(task);
    },
  });
  keepOffline(/^\/api\/tasks$/, {
    remember: keepsVillageCopy,
    read: async (url) => {
      const tasks = asksOpenTasks(url) ? await openTasks() : undefined;
      return tasks && answerList(url, 'tasks', tasks, taskFilter);
    },
  });
  keepOffline(/^\/api\/residents$/, {
    remember: keepsVillageCopy,
    read: async (url) => {
      const kept = await villageCopy();
      return kept && answerList(url, 'residents', kept.residents, residentFilter);
    },
  });
  keepOffline(/^\/api\/residents\/\d+$/, { remember: keepsVillageCopy });
  keepOffline(/^\/api\/households$/, {
    read: async (url) => {
      const households = await householdsNow();
      const answer = households && answerList(url, 'households', households, householdFilter);
      // the list's rows without their members (the page has them)
      return (
        answer &&
        jsonAnswer(
          (answer.json as HouseholdNow[]).map(({ members: _, ...h }) => h),
          { 'Content-Range': answer.headers.get('Content-Range') ?? '' },
        )
      );
    },
  });
  keepOffline(/^\/api\/households\/\d+$/, {
    read: async (url) => {
      const id = Number(url.pathname.split('/').pop());
      const household = (await householdsNow())?.find((h) => h.id === id);
      return household && jsonAnswer(household);
    },
  });
  keepOffline(/^\/api\/followup-schedules$/, { remember: keepsVillageCopy });
  keepOffline(/^\/api\/auth\/me$/, { remember: keepsVillageCopy });
}
