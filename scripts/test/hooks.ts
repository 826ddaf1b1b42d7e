// Mocha root hooks: stop the shared test system once every file has run.
import { shutdown } from './harness';

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await shutdown();
  },
};
