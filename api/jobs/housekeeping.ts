// Jobs that keep the shared plumbing tidy, owned by no domain.
import { purgeIdempotencyKeys } from '../http/idempotency';
import type { JobDef } from './service';

// The Idempotency-Key store keeps keys 30 days: a retry later than that is a new request.
export const idempotencyPurgeJob: JobDef = {
  name: 'idempotency-keys-purge',
  schedule: '40 3 * * *',
  description: 'Forget Idempotency-Keys older than 30 days',
  run: async ({ now }) => ({ purged: await purgeIdempotencyKeys(30, now) }),
};
