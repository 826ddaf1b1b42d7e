// The counts of my tasks (GET /api/tasks/summary; offline from the village copy), of one type if
// given, kept with react-admin's other queries so that a refresh reads them again.
import { useQuery } from '@tanstack/react-query';
import { httpClient } from '../../httpClient';
import type { TaskSummary } from '../../../../api/health/buckets';

export const useTaskSummary = (type?: string) =>
  useQuery({
    queryKey: ['tasks', 'summary', type ?? null],
    queryFn: async () => (await httpClient(`/api/tasks/summary${type ? `?${new URLSearchParams({ type })}` : ''}`)).json as TaskSummary,
  });
