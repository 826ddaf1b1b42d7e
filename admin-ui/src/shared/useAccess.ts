// What the user may do with a resource, as the screens ask it: where a row leads, and whether a
// part of a page that lists another resource is drawn at all (else it shows the refusal).
import { useCanAccess } from 'react-admin';

/**
 * Where a row of `resource`'s list (or a phone list's item) leads: to its edit form for a user who
 * may change it, else nowhere. A read-only role (the auditor, finance on HR's lists) was sent to the
 * access-denied page by every row it clicked.
 */
export function useEditLink(resource: string): 'edit' | false {
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  return canAccess ? 'edit' : false;
}

/** Whether the user may list `resource`: a page's part listing it (a tab, a section) is left out otherwise. */
export const useCanList = (resource: string) => useCanAccess({ resource, action: 'list' }).canAccess === true;
