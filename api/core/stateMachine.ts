// A domain's state machine written as a table (status → action → next status): the steps open
// from a status, and the next status of a step or the problem naming the allowed ones (a 409's words).

export type Machine<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

export function stateMachine<S extends string, A extends string>(noun: string, machine: Machine<S, A>) {
  const allowedActions = (status: S): A[] => Object.keys(machine[status]) as A[];
  /** The status `action` leads to from `status`, or the problem naming the allowed actions. */
  const nextStatus = (status: S, action: A): { to: S } | { problem: string; allowed: A[] } => {
    const to = machine[status][action];
    if (to) return { to };
    const allowed = allowedActions(status);
    return { problem: `cannot ${action} a ${status} ${noun}; allowed from ${status}: ${allowed.length ? allowed.join(', ') : 'none (final)'}`, allowed };
  };
  return { allowedActions, nextStatus };
}
