// Who must hear that a subtree moved: a path changed, and whatever was derived from the old
// one (auth's cached actors and their scopes) is stale. Org calls out; it imports no listener.
const listeners: (() => void)[] = [];

export function onSubtreeMoved(listener: () => void) {
  listeners.push(listener);
}

export const subtreeMoved = () => listeners.forEach((listener) => listener());
