// What a failed test leaves to look at: each hook registered here runs after a test fails, with the
// test's title (admin-ui/e2e/browser.ts: a screenshot of every page still open). The worker calls
// them from mocha's root afterEach, so no test file has to remember to.
type FailureHook = (title: string) => Promise<void>;

const hooks = new Set<FailureHook>();

export const onFailure = (hook: FailureHook) => void hooks.add(hook);

export async function afterFailure(title: string) {
  for (const hook of hooks) await hook(title).catch(() => undefined);
}
