/**
 * berth run / create / start: a container from flags, and (for run) its
 * output and exit code, as `docker run` gives them. Exit codes: the
 * container's; 125 when the engine refused; 126/127 when the command could
 * not be invoked or found.
 */
import * as fs from 'node:fs';
import { UsageError } from '@berth/cli-support/args';
import type { Parsed, Usage } from '@berth/cli-support/usage';
import { requireDurationNs } from '@berth/cluster/units';
import type { berth } from '@berth/proto';
import {
  authFor,
  command,
  engine,
  forEach,
  warn,
  write,
  type Globals,
} from '../context';
import { runFailure } from './run-failure';
import { CONTAINER_FLAGS, containerSpec } from './run-flags';

function durationNs(text: string, flag: string): number {
  try {
    return requireDurationNs(text);
  } catch {
    throw new UsageError(`invalid argument "${text}" for "--${flag}" flag: use a duration like 30s or 1m30s`);
  }
}

/** run's and create's usage: flags end at the image, as docker's. */
const containerUsage = (name: string): Usage => ({
  name,
  options: CONTAINER_FLAGS,
  operands: ['image', 'command?', 'arg...'],
  interspersed: false,
});

function specFrom({ values, positionals }: Parsed, g: Globals) {
  const spec = containerSpec(values, positionals, {
    env: process.env,
    readFile: (f) => fs.readFileSync(f, 'utf8'),
    cwd: process.cwd(),
    durationNs,
  });
  const auth = authFor(g, spec.image!);
  if (auth) spec.auth = auth;
  return { values, spec };
}

async function pullFirst(g: Globals, image: string, quiet: boolean): Promise<void> {
  const { ProgressRenderer } = await import('@berth/cli-support/progress');
  const renderer = quiet ? null : new ProgressRenderer(process.stderr);
  for await (const e of engine(g).stream('PullImage', { reference: image, auth: authFor(g, image) })) {
    if (e.status) continue;
    renderer?.update({ id: e.id, action: e.action, current: e.current, total: e.total, detail: e.detail });
  }
}

/** berth run [OPTIONS] IMAGE [COMMAND] [ARG...] */
export const run = command(containerUsage('run'), async (parsed, g) => {
  const { values, spec } = specFrom(parsed, g);
  if (values.interactive || values.tty) {
    const { runAttached } = await import('./attach');
    return runAttached(g, spec, values.detach === true);
  }
  try {
    if (values.pull === 'always') await pullFirst(g, spec.image!, values.quiet === true);
    let id = '';
    let pulling = false;
    let renderer: import('@berth/cli-support/progress').ProgressRenderer | null = null;
    const stop = (signal: NodeJS.Signals) => {
      // as docker's sig-proxy: the container gets the signal; its exit ends the run
      if (id)
        void engine(g)
          .call('KillContainer', { id, signal })
          .catch(() => undefined);
    };
    const proxied: NodeJS.Signals[] = values.detach
      ? []
      : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];
    for (const s of proxied) process.on(s, stop);
    try {
      for await (const e of engine(g).stream('RunContainer', { spec, detach: values.detach === true })) {
        if (e.pull) {
          if (!pulling) {
            pulling = true;
            warn(`Unable to find image '${spec.image}' locally\n`);
            if (!values.quiet)
              renderer = new (await import('@berth/cli-support/progress')).ProgressRenderer(process.stderr);
          }
          if (e.pull.status) {
            if (!values.quiet) warn(`Digest: ${e.pull.digest}\nStatus: ${e.pull.status}\n`);
          } else
            renderer?.update({
              id: e.pull.id,
              action: e.pull.action,
              current: e.pull.current,
              total: e.pull.total,
              detail: e.pull.detail,
            });
        } else if (e.created) {
          id = e.created;
          if (values.detach) write(`${id}\n`);
        } else if (e.stdout) process.stdout.write(e.stdout);
        else if (e.stderr) process.stderr.write(e.stderr);
        else if (e.exit) return e.exit.exitCode;
      }
    } finally {
      for (const s of proxied) process.off(s, stop);
    }
    return 0;
  } catch (error) {
    runFailure(error);
  }
});

/** berth create [OPTIONS] IMAGE [COMMAND] [ARG...] */
export const create = command(containerUsage('create'), async (parsed, g) => {
  const { values, spec } = specFrom(parsed, g);
  try {
    if (values.pull === 'always') await pullFirst(g, spec.image!, values.quiet === true);
    const result = await engine(g).call('CreateContainer', { spec: spec as berth.engine.v1.IContainerSpec });
    for (const w of result.warnings) warn(`WARNING: ${w}\n`);
    write(`${result.id}\n`);
    return 0;
  } catch (error) {
    runFailure(error);
  }
});

/** berth start [-a] [-i] CONTAINER... */
export const start = command(
  {
    name: 'start',
    options: { attach: { type: 'boolean', short: 'a' }, interactive: { type: 'boolean', short: 'i' } },
    operands: ['container+'],
  },
  async ({ values, positionals }, g) => {
    if (values.attach || values.interactive) {
      if (positionals.length > 1)
        throw new UsageError('you cannot start and attach multiple containers at once');
      const { startAttached } = await import('./attach');
      return startAttached(g, positionals[0], values.interactive === true);
    }
    return forEach(positionals, async (name) => {
      await engine(g).call('StartContainer', { id: name });
      return name;
    });
  },
);
