// A test worker of scripts/test/run.ts: boots its test system, then runs the files it is sent, one
// at a time, and answers each with its spec output and counts. The boot comes first, outside any
// test's time limit: two systems migrating and loading the demo at once on a busy machine can
// take longer than a test may.
//
// Every file is loaded as an ES module (import), as this worker itself is: mocha's own loader
// tries require() first, which (tsx compiling the file to CommonJS) gives a file that can be
// required a second copy of every module it imports — a second harness booting a second system,
// a second knex — while objection's Model, one copy, stays bound to the knex connected last. A
// browser file (which cannot be required) after an API file then had its API answer half its
// queries from the other system's database: the forms' browser tests failed when they happened to
// follow an API file on the same worker.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Mocha from 'mocha';
import { shutdown, system } from './harness';
import { afterFailure } from './onFailure';

const { EVENT_FILE_PRE_REQUIRE, EVENT_FILE_REQUIRE, EVENT_FILE_POST_REQUIRE } = Mocha.Suite.constants;

export interface FileResult {
  file: string;
  output: string;
  passes: number;
  failures: number;
  pending: number;
  ms: number;
}

/** Runs one file with mocha's spec reporter, keeping what it writes to hand it over whole. */
async function runFile(file: string): Promise<FileResult> {
  const started = Date.now();
  const mocha = new Mocha({
    timeout: 60_000,
    reporter: 'spec',
    color: false,
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        if (this.currentTest?.state === 'failed') await afterFailure(this.currentTest.fullTitle());
      },
    },
  });
  const absolute = path.resolve(file);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0;
  try {
    // what mocha.loadFilesAsync does, with import() in place of its require() (see above)
    mocha.suite.emit(EVENT_FILE_PRE_REQUIRE, globalThis, absolute, mocha);
    const loaded: unknown = await import(pathToFileURL(absolute).href);
    mocha.suite.emit(EVENT_FILE_REQUIRE, loaded, absolute, mocha);
    mocha.suite.emit(EVENT_FILE_POST_REQUIRE, globalThis, absolute, mocha);
    const stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
    });
    return { file, output: chunks.join(''), passes: stats.passes, failures: stats.failures, pending: stats.pending, ms: Date.now() - started };
  } catch (e) {
    chunks.push(`\n${file} could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return { file, output: chunks.join(''), passes: 0, failures: 1, pending: 0, ms: Date.now() - started };
  } finally {
    process.stdout.write = write;
    mocha.dispose();
  }
}

process.on('message', (message: { file?: string }) => {
  void (async () => {
    if (message.file) return process.send?.(await runFile(message.file));
    await shutdown();
    process.exit(0);
  })();
});
await system();
process.send?.({ ready: true });
