// One list of values, written once with its zh and en labels. The zod schemas, the UI's choices and translations,
// the Excel labels and the migrations' CHECK constraints are derived from it.
// The admin UI (browser) imports this file and each domain's enums.ts directly: import nothing from node or the database.

export type Labels = { readonly zh: string; readonly en: string };
export type Locale = keyof Labels;

/** L keeps any further facts declared with each value (e.g. a gate's direction), typed. */
export interface Enum<V extends string, L extends Record<V, Labels> = Record<V, Labels>> {
  /** The i18n key segment: the UI translates value v as `enums.<name>.<v>`. */
  readonly name: string;
  /** In declaration order; non-empty, so it can be passed to z.enum. */
  readonly values: readonly [V, ...V[]];
  readonly labels: Readonly<L>;
  zh(value: V): string;
  en(value: V): string;
  has(value: unknown): value is V;
  /** react-admin choices (name = i18n key), for all values or for the listed ones. */
  choices(only?: readonly V[]): { id: V; name: string }[];
  /** The translations of the values in one locale: `{ [value]: label }`. */
  messages(locale: Locale): Record<V, string>;
}

export type EnumValue<E> = E extends { readonly values: readonly (infer V)[] } ? V : never;

export function defineEnum<const L extends Record<string, Labels>>(name: string, labels: L): Enum<keyof L & string, L> {
  type V = keyof L & string;
  const values = Object.keys(labels) as V[];
  if (values.length === 0) throw new Error(`enum ${name} has no values`);
  const label = (locale: Locale) => (value: V) => labels[value][locale];
  return {
    name,
    values: values as [V, ...V[]],
    labels,
    zh: label('zh'),
    en: label('en'),
    has: (value): value is V => typeof value === 'string' && Object.hasOwn(labels, value),
    choices: (only = values) => only.map((id) => ({ id, name: `enums.${name}.${id}` })),
    messages: (locale) => Object.fromEntries(values.map((v) => [v, labels[v][locale]])) as Record<V, string>,
  };
}

/** The `enums` section of a domain's UI messages in one locale, for the given lists. */
export const enumMessages = (locale: Locale, ...enums: Enum<string>[]) => ({
  enums: Object.fromEntries(enums.map((e) => [e.name, e.messages(locale)])) as Record<string, Record<string, string>>,
});

/** SQL for a migration's CHECK constraint: `column in ('a', 'b')`. Values are identifiers, never user input. */
export const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
