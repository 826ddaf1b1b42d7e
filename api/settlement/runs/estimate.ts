// Whether a run's retained surplus and allocation are an estimate (预估): a provisional run's are, only the final
// run allocates. Plain, without node or the database: the admin UI imports it too.

/** A provisional run's retained surplus and allocation are an estimate; versions calculated before the flag read it from the kind. */
export const isEstimate = (f: { kind: string; estimate?: boolean }) => f.estimate ?? f.kind === 'provisional';
