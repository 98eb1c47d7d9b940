import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker script `name` next to the module `moduleUrl`. Run from TypeScript sources
 * (tsx, vitest), a worker does not inherit the loader: it registers tsx's before importing
 * the script.
 */
export function startWorker(moduleUrl: string, name: string, options: WorkerOptions): Worker {
  const fromSources = moduleUrl.endsWith('.ts');
  const script = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, moduleUrl);
  if (!fromSources) return new Worker(script, options);
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
