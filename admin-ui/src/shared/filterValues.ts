import { useListContext } from 'react-admin';

/**
 * The list's filter form values by source. react-admin declares them `any`: a screen names the
 * filters it reads (`useFilterValues<{ year?: number }>()`), the rest are unknown.
 */
export const useFilterValues = <F extends object = Record<string, unknown>>(): F => useListContext().filterValues as F;
