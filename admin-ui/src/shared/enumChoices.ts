/** Choices for a SelectInput/SelectField whose labels are i18n keys `<prefix>.<id>`. */
export const enumChoices = <T extends string | number>(prefix: string, ids: readonly T[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));
