// The API's types as a client receives them (types only: no runtime code, so the admin UI may
// `import type` from here and from each domain's index.ts without a byte of the server in its bundle).

/**
 * What a value of the API's own types looks like once sent as JSON: dates become strings,
 * methods (and objection's `$` members and QueryBuilderType) drop out. `Json<OrgUnit>` is a
 * unit row, `AnswerOf<typeof login>` the body of the route that answers `login(…)`.
 */
export type Json<T> = T extends Date
  ? string
  : T extends bigint
    ? string
    : T extends readonly (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T as K extends 'QueryBuilderType' | `$${string}` ? never : T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
        : T;

/** The JSON body of the route that answers a service function's (awaited) answer. */
export type AnswerOf<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/**
 * A model's row as a list or read answers it: the fields its query joins in (declared optional on
 * the model, as other reads leave them out) present. `Listed<Rotation, 'staff_name'>`.
 */
export type Listed<M, K extends keyof Json<M>> = Json<M> & { [P in K]-?: Exclude<Json<M>[P], undefined> };
