// API replicas on one machine: the primary forks `count` workers that serve HTTP on one shared
// port (node:cluster). Workers run a bundle of api/worker.ts built here with esbuild: plain
// Node, so no TypeScript loader sits in each worker's memory. A worker that dies is replaced.
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { logger } from './http/logger';
import { projectRoot } from './paths';

const bundle = path.join(projectRoot, '.build/api-worker.mjs');

async function buildWorker() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(projectRoot, 'api/worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

export interface Workers {
  port: number;
  pids: () => number[];
  stop(): Promise<void>;
}

export async function startWorkers(count: number, env: Record<string, string>): Promise<Workers> {
  await buildWorker();
  cluster.setupPrimary({ exec: bundle, execArgv: [] });
  const live = new Set<Worker>();
  let stopping = false;
  let started = false;

  const fork = () => {
    const worker = cluster.fork({ ...env, CRON: 'off' });
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping || !started) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'API worker exited; starting another');
      fork();
    });
    return worker;
  };
  const listening = (worker: Worker) =>
    new Promise<number>((resolve, reject) => {
      worker.once('listening', (address) => resolve(address.port));
      worker.once('exit', (code) => reject(new Error(`API worker exited (${code}) before listening`)));
    });

  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...live].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : (w.once('exit', () => resolve()), w.process.kill('SIGTERM'))))),
    );
  };
  try {
    const ports = await Promise.all(Array.from({ length: count }, () => listening(fork())));
    started = true;
    return { port: ports[0], pids: () => [...live].map((w) => w.process.pid!), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
