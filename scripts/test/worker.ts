// A test worker of scripts/test/run.ts: boots its test system, then runs the files it is sent, one
// at a time, and answers each with its spec output and counts. The boot comes first, outside any
// test's time limit: two systems migrating and loading the demo at once on a busy machine can
// take longer than a test may.
import path from 'node:path';
import Mocha from 'mocha';
import { shutdown, system } from './harness';

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
  const mocha = new Mocha({ timeout: 60_000, reporter: 'spec', color: false });
  mocha.addFile(path.resolve(file));
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0;
  try {
    await mocha.loadFilesAsync();
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
