// Screens loaded when first shown, so that the first load of a page brings the app's shell and
// that page's screens only (a village doctor on 3G gets the health screens, never the finance
// ones): a resource's index.ts names its screens through
//
//   const views = lazyScreens(() => import('./TaskList'));
//   export const tasks: ResourceEntry = { name: 'tasks', list: views.TaskList, icon: ChecklistIcon };
//
// Each `views.X` is a React.lazy component over the module's export X (the module is fetched once,
// on the first render of any of its screens; the screen shows react-admin's loading state
// meanwhile). `prefetchScreens` fetches the modules of given screens ahead, without drawing them.
// A module that cannot be fetched while online is one a new build has replaced (its hashed
// name is gone): the page reloads once, to the new build's index.html.
import { Suspense, createElement, lazy, type ComponentType } from 'react';
import { Loading } from 'react-admin';

type Load = () => Promise<unknown>;

const loaders = new WeakMap<object, Load>();
let inFlight = 0;

function counted<T>(load: () => Promise<T>): () => Promise<T> {
  let once: Promise<T> | undefined;
  return () => {
    if (!once) {
      inFlight += 1;
      once = load().finally(() => {
        inFlight -= 1;
      });
      // a failed fetch (a prefetch while offline) is tried again by the next one
      once.catch(() => {
        once = undefined;
      });
    }
    return once;
  };
}

const RELOADED_AT = 'erp.reloadedForNewBuild';

/** What shows while a screen's module loads: react-admin's loading state, marked for whoever waits on the page (the browser tests). */
const loadingScreen = createElement('div', { 'data-screen-loading': '', style: { display: 'contents' } }, createElement(Loading));

/** Online, a screen's module that fails to load is from a replaced build: reload once a minute at most; else the error stands. */
function reloadForNewBuild(error: unknown): Promise<never> {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (!navigator.onLine || Date.now() - last < 60_000) throw error;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
  return new Promise<never>(() => undefined);
}

/** The module's exported screens, each a lazy component that fetches the module on first render. */
export function lazyScreens<M extends object>(load: () => Promise<M>): M {
  const module = counted(load);
  const made = new Map<string | symbol, ComponentType>();
  return new Proxy({} as M, {
    get(_target, name) {
      let screen = made.get(name);
      if (!screen) {
        // React keeps a lazy component's failed load for good: a failed one (offline) is replaced,
        // so that the screen's next render (the error page resets when the user moves on) tries again
        const fresh = (): ComponentType =>
          lazy(async () => {
            const m = (await module().catch((e: unknown) => {
              Lazy = fresh();
              return reloadForNewBuild(e);
            })) as Record<string | symbol, ComponentType>;
            if (!m[name]) throw new Error(`lazyScreens: the module has no export ${String(name)}`);
            return { default: m[name] };
          });
        let Lazy = fresh();
        // Its own boundary: a screen still fetching its module shows its own loading state, and
        // the screen it replaces goes at once. Under the layout's boundary the old screen was only
        // hidden, still mounted, and a list kept so applied its search half a second after the
        // typing: a resident tapped in that half second sent the doctor back to the list.
        // (the mark says a screen is on its way: react-admin's Loading draws nothing for its first second)
        screen = (props: object) => createElement(Suspense, { fallback: loadingScreen }, createElement(Lazy, props));
        loaders.set(screen, module);
        made.set(name, screen);
      }
      return screen;
    },
  });
}

/** Fetches the modules of these screens (those made by lazyScreens; others are ignored). */
export function prefetchScreens(screens: readonly unknown[]): Promise<unknown> {
  const loads = new Set(screens.flatMap((s) => (s && typeof s === 'object' && loaders.has(s) ? [loaders.get(s)!] : [])));
  return Promise.allSettled([...loads].map((load) => load()));
}

/**
 * Resolves once the page is drawn and the network has been quiet for `quietMs` (no screen module
 * and nothing `busy` loading): work that waits for it never delays the first screen.
 */
export function whenQuiet(busy: () => boolean, quietMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    let quietSince = 0;
    const timer = setInterval(() => {
      if (document.readyState !== 'complete' || inFlight > 0 || busy()) {
        quietSince = 0;
        return;
      }
      quietSince ||= Date.now();
      if (Date.now() - quietSince < quietMs) return;
      clearInterval(timer);
      resolve();
    }, 250);
  });
}

/**
 * Fetches `screens()` once the network is quiet (whenQuiet), not on a connection in data-saver
 * mode; waits until `screens()` names any (after a login).
 */
export function prefetchWhenQuiet(screens: () => readonly unknown[], busy: () => boolean, quietMs = 2000) {
  if ((navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
  void whenQuiet(() => busy() || !screens().length, quietMs).then(() => prefetchScreens(screens()));
}
