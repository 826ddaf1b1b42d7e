// The health records as the API answers them: its models (api/health/model.ts, with the names its
// lists join in declared there) as JSON, and the answers of its reads (imported as types only).
import type { AnswerOf, Json, Listed } from '../../../api/core/json';
import type {
  Contract,
  DoctorTarget,
  FollowupSchedule,
  Household,
  readFollowup,
  readHousehold,
  readResident,
  readTask,
  residentView,
  Task,
  Team,
} from '../../../api/health';

/** GET /api/residents: a resident, with the tags and age the API derives */
export type ResidentRecord = AnswerOf<typeof residentView>;

/** GET /api/residents/:id: a resident with the active contract and the history of units */
export type ResidentDetail = AnswerOf<typeof readResident>;

/** A row of GET /api/residents (my patients, filter care_columns): the last readings, the control of the last chronic visit, the next task */
export type PatientRecord = ResidentRecord & {
  [K in 'last_bp' | 'last_glucose' | 'control' | 'next_due_on' | 'overdue']-?: Exclude<ResidentRecord[K], undefined>;
};

/** GET /api/households: a household, with its head, its members and their visits due (list rows) */
export type HouseholdRecord = Listed<Household, 'head_name' | 'member_count' | 'due_count'>;

/** GET /api/households/:id: a household with its members */
export type HouseholdDetail = AnswerOf<typeof readHousehold>;

/** A member of a household, with the tasks a visit can do */
export type HouseholdMember = HouseholdDetail['members'][number];

/** A member's open task on the household's page */
export type HouseholdMemberTask = HouseholdMember['tasks'][number];

/** GET /api/followups/:id: a visit, with the elderly check (a visit of type elderly_check); list rows name the resident instead */
export type FollowupRecord = Omit<AnswerOf<typeof readFollowup>, 'elderly_check'> & { elderly_check?: ElderlyCheckRecord | null };

/** The elderly annual check of a visit of type elderly_check (GET /api/followups/:id) */
export type ElderlyCheckRecord = NonNullable<AnswerOf<typeof readFollowup>['elderly_check']>;

/** GET /api/contracts: a family-doctor contract, with the resident's name */
export type ContractRecord = Listed<Contract, 'resident_name'>;

/** GET /api/family-doctor-teams: a team, with its leader's name and counts (list rows), its villages and members (a team's page) */
export type TeamRecord = Listed<Team, 'leader_name' | 'member_count' | 'active_contracts' | 'village_ids'>;

/** GET /api/followup-schedules: a schedule of visits for a population, keyed by its code */
export type ScheduleRecord = Json<FollowupSchedule> & { id: string };

/** GET /api/doctor-targets: a village doctor's goals for one month, with the doctor's name */
export type DoctorTargetRecord = Listed<DoctorTarget, 'doctor_name' | 'username'>;

/** GET /api/tasks: a visit due, with the resident's name; `overdue` when its due date has passed */
export type TaskRecord = Listed<Task, 'resident_name' | 'overdue'> & { history?: TaskEventRecord[] };

/** A change of a task's state (the task's page, GET /api/tasks/:id: the creation first) */
export type TaskEventRecord = AnswerOf<typeof readTask>['history'][number];
