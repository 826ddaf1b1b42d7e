// What each role may do in HR. Group HR runs the registry for every member (统一由集团人力资源部管理);
// directors and clerks keep their own unit's records and do the unit step of promotions and
// assessments; the auditor reads everything (added by auth/rules).
import { all, read, type GrantTable } from '../auth';

const staffVerbs = ['transfer', 'change-status', 'assign-post', 'reveal'];

export const hrGrants: GrantTable = {
  group_hr: {
    staff: [...read, 'create', 'edit', ...staffVerbs],
    'staff-history': read,
    posts: all,
    licences: all,
    'title-promotions': [...all, 'review', 'approve', 'reject'],
    'assessment-years': [...read, 'create', 'edit', 'approve'],
    assessments: all,
    'village-doctor-contracts': [...read, 'create', 'edit', 'renew', 'exit'],
    'rotation-plans': all,
    rotations: [...read, 'create', 'edit', 'end', 'cancel'],
  },
  group_admin: {
    staff: read,
    'staff-history': read,
    posts: read,
    licences: read,
    'title-promotions': read,
    'assessment-years': read,
    assessments: read,
    'village-doctor-contracts': read,
    'rotation-plans': read,
    rotations: read,
  },
  group_finance: { staff: read },
  director: {
    staff: [...read, 'create', 'edit', 'assign-post'],
    'staff-history': read,
    posts: read,
    licences: [...read, 'create', 'edit'],
    'title-promotions': [...read, 'create', 'review', 'reject'],
    'assessment-years': read,
    assessments: [...read, 'create', 'edit'],
    'village-doctor-contracts': [...read, 'create'],
    'rotation-plans': read,
    rotations: read,
  },
  staff_clerk: {
    staff: [...read, 'create', 'edit'],
    'staff-history': read,
    posts: read,
    licences: [...read, 'create', 'edit'],
    'title-promotions': [...read, 'create'],
    'assessment-years': read,
    assessments: [...read, 'create', 'edit'],
    'village-doctor-contracts': read,
    'rotation-plans': read,
    rotations: read,
  },
};
