/**
 * `berth stack …`: compose files read here, as `docker stack deploy` reads them (files, `.env`
 * next to the first, this process's environment), compiled by libs/spec, and sent to the manager,
 * which applies the whole stack in one transaction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '@berth/cli-support/args';
import { decodeAnswer } from '../decode-answers';
import {
  decodeService,
  decodeStackSummary,
  decodeTask,
  STACK_LABEL,
  type Service,
  type Task,
} from '@berth/cluster';
import { formatProblem, readStack, renderConfig, type LoadedStack, type StackReading } from '@berth/spec';
import { command, ExitError, warn, write, type Globals } from '../context';
import { manager } from '../manager';
import { printListing } from '../output';
import { replicasColumn, sameRunningTasks } from '../cluster-views/views';
import { currentCrashLoop, waitingLines } from '../cluster-views/progress';
import { LIST_OPTIONS, TASK_OPTIONS, listServices, listTasks } from './service-lists';
import { reportCrashLoop } from './service-progress';

/** The compose FILES read as a stack, problems and all; the files' own warnings are printed. */
function read(files: string[], stackName: string): StackReading {
  if (!files.length) throw new UsageError('give the stack file with -c/--compose-file');
  const readText = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ExitError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        1,
      );
    }
  };
  const dotEnvFile = path.join(path.dirname(files[0]), '.env');
  const reading = readStack({
    // absolute: relative bind sources and config files are the file's directory's, wherever berth runs
    files: files.map((file) => ({ path: path.resolve(file), content: readText(file) })),
    env: process.env as Record<string, string>,
    dotEnv: fs.existsSync(dotEnvFile) ? readText(dotEnvFile) : undefined,
    stackName,
    readFile: readText,
  });
  for (const line of reading.stack?.warnings ?? []) warn(`${line}\n`);
  return reading;
}

/** The stack of the compose FILES, or an exit with every problem as file:line:column path: message. */
function load(files: string[], stackName: string): LoadedStack {
  const { stack, problems } = read(files, stackName);
  if (problems.length || !stack) throw new ExitError(problems.map(formatProblem).join('\n'), 1);
  return stack;
}

const composeFlags = { 'compose-file': { type: 'string', short: 'c', multiple: true } } as const;

export const deploy = command(
  {
    name: 'stack deploy',
    options: {
      ...composeFlags,
      prune: { type: 'boolean' },
      detach: { type: 'boolean', short: 'd' },
      'dry-run': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
    operands: ['stack'],
  },
  async ({ values, positionals }, g) => {
    const name = positionals[0];
    const stack = load((values['compose-file'] as string[] | undefined) ?? [], name);
    const reply = await manager(g).call('DeployStack', {
      name,
      servicesJson: stack.services.map((s) => JSON.stringify(s.spec)),
      networksJson: stack.networks.map((n) =>
        JSON.stringify({
          name: n.name,
          external: n.external,
          attachable: n.attachable,
          labels: n.labels,
          subnet: n.subnet,
        }),
      ),
      filesJson: stackFiles(stack).map((f) => JSON.stringify(f)),
      prune: !!values.prune,
      dryRun: !!values['dry-run'],
    });
    const summary = decodeAnswer(reply.json, decodeStackSummary);
    const verb = values['dry-run'] ? 'Would ' : '';
    for (const n of summary.networks) write(`${verb}${verb ? 'create' : 'Creating'} network ${n}\n`);
    for (const f of summary.files ?? []) write(`${verb}${verb ? 'create' : 'Creating'} ${f}\n`);
    for (const s of summary.removed) write(`${verb}${verb ? 'remove' : 'Removing'} service ${s}\n`);
    for (const n of summary.removedNetworks ?? [])
      write(`${verb}${verb ? 'remove' : 'Removing'} network ${n}\n`);
    for (const f of summary.removedFiles ?? []) write(`${verb}${verb ? 'remove' : 'Removing'} ${f}\n`);
    for (const s of summary.created) write(`${verb}${verb ? 'create' : 'Creating'} service ${s}\n`);
    for (const s of summary.updated) write(`${verb}${verb ? 'update' : 'Updating'} service ${s}\n`);
    if (values['dry-run']) {
      for (const s of summary.unchanged) write(`Would leave service ${s} unchanged\n`);
      return 0;
    }
    if (values.detach) return 0;
    return converge(g, [...summary.created, ...summary.updated, ...summary.unchanged], !!values.quiet);
  },
);

/**
 * The stack's secrets and configs with their content, read here as `docker stack deploy` reads
 * them: a file (relative to the stack file), a variable of this environment, or inline content.
 */
function stackFiles(
  stack: LoadedStack,
): { kind: string; name: string; external: boolean; labels: Record<string, string>; data: string }[] {
  const kinds = [
    ['secrets', stack.secrets],
    ['configs', stack.configs],
  ] as const;
  return kinds.flatMap(([kind, objects]) =>
    objects.map((o) => {
      const what = `${kind === 'secrets' ? 'secret' : 'config'} ${o.key}`;
      let content: Buffer = Buffer.alloc(0);
      if (o.external) {
        // made outside the stack: the manager checks that it exists
      } else if (o.file) {
        try {
          content = fs.readFileSync(o.file);
        } catch (error) {
          throw new ExitError(
            `${what}: cannot read ${o.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
            1,
          );
        }
      } else if (o.environment) {
        const value = process.env[o.environment];
        if (value === undefined) throw new ExitError(`${what}: the variable ${o.environment} is not set`, 1);
        content = Buffer.from(value);
      } else content = Buffer.from(o.content);
      return { kind, name: o.name, external: o.external, labels: o.labels, data: content.toString('base64') };
    }),
  );
}

/** Waits until every service of NAMES runs all its tasks on its current spec, one line per service (redrawn on a terminal). */
async function converge(g: Globals, names: string[], quiet: boolean): Promise<number> {
  const tty = process.stdout.isTTY && !quiet;
  let drawn = 0;
  let last = '';
  let doneBefore: Task[] | null = null;
  for (;;) {
    const services = (await manager(g).call('ListServices', { filters: {} })).json
      .map((j) => decodeAnswer(j, decodeService))
      .filter((s) => names.includes(s.spec.name))
      .sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    // every task, ended ones too: a service whose tasks keep ending will not converge
    const tasks = (await manager(g).call('ListTasks', { service: '', node: '', desiredState: '' })).json.map(
      (j) => decodeAnswer(j, decodeTask),
    );
    let done = true;
    const loops: [Service, NonNullable<ReturnType<typeof currentCrashLoop>>][] = [];
    const lines = services.flatMap((s) => {
      const mine = tasks.filter((t) => t.serviceId === s.id);
      const [running, desired] = replicasColumn(s, mine).split('/').map(Number);
      const rolling = s.updateStatus?.state === 'updating' || s.updateStatus?.state === 'rollback_started';
      const failed = s.updateStatus?.state === 'paused' || s.updateStatus?.state === 'rollback_paused';
      const converging = (running < desired || rolling) && !failed;
      if (converging) done = false;
      const loop = converging ? currentCrashLoop(s, mine) : null;
      if (loop) loops.push([s, loop]);
      const bar = desired
        ? `[${'='.repeat(Math.round((20 * Math.min(running, desired)) / desired)).padEnd(20)}]`
        : '';
      const status = s.updateStatus && s.updateStatus.state !== 'completed' ? ` ${s.updateStatus.state}` : '';
      // and, under it, why its tasks wait (depends_on, no node to run them)
      return [
        `${s.spec.name.padEnd(24)} ${bar} ${running}/${desired}${status}`,
        ...waitingLines(mine).map((l) => `  ${l}`),
      ];
    });
    const text = lines.join('\n');
    if (tty) {
      if (drawn) write(`\x1b[${drawn}A\x1b[J`);
      write(`${text}\n`);
      drawn = lines.length;
    } else if (!quiet && text !== last) write(`${text}\n`);
    last = text;
    if (loops.length) {
      for (const [service, loop] of loops) await reportCrashLoop(g, service, loop);
      return 1;
    }
    // converged once the same tasks still run at the next look: one that exits at once is first
    // seen running, and a crash-looping one may be replaced by another that runs by then
    const mineNow = tasks.filter((t) => services.some((s) => s.id === t.serviceId));
    if (done && doneBefore && sameRunningTasks(doneBefore, mineNow)) return 0;
    doneBefore = done ? mineNow : null;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * Prints the merged, interpolated file, as `docker stack config` does. A file Berth would refuse to
 * deploy is still printed when it could be read, followed by its problems, and the exit is 1.
 */
export const config = command(
  { name: 'stack config', options: composeFlags, operands: [] },
  async ({ values }) => {
    const { stack, problems } = read((values['compose-file'] as string[] | undefined) ?? [], 'stack');
    if (stack) write(renderConfig(stack.config));
    if (problems.length === 0) return 0;
    throw new ExitError(
      `${stack ? 'this stack would not deploy:\n' : ''}${problems.map(formatProblem).join('\n')}`,
      1,
    );
  },
);

async function stackServices(g: Globals): Promise<Service[]> {
  return (await manager(g).call('ListServices', { filters: {} })).json
    .map((j) => decodeAnswer(j, decodeService))
    .filter((s) => s.spec.labels[STACK_LABEL]);
}

export const ls = command(
  { name: 'stack ls', options: { format: { type: 'string' } }, operands: [] },
  async ({ values }, g) => {
    const counts = new Map<string, number>();
    for (const s of await stackServices(g)) {
      const stack = s.spec.labels[STACK_LABEL];
      counts.set(stack, (counts.get(stack) ?? 0) + 1);
    }
    const rows = [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([Name, Services]) => ({ Name, Services }));
    printListing(
      rows,
      { table: 'table {{.Name}}\t{{.Services}}' },
      { format: values.format as string | undefined, quiet: false },
    );
    return 0;
  },
);

export const services = command(
  { name: 'stack services', options: LIST_OPTIONS, operands: ['stack'] },
  async ({ values, positionals: [stack] }, g) =>
    listServices(g, values, (s) => s.spec.labels[STACK_LABEL] === stack),
);

export const ps = command(
  { name: 'stack ps', options: TASK_OPTIONS, operands: ['stack'] },
  async ({ values, positionals: [stack] }, g) => {
    const names = (await stackServices(g))
      .filter((s) => s.spec.labels[STACK_LABEL] === stack)
      .map((s) => s.spec.name);
    if (!names.length) throw new ExitError(`nothing found in stack: ${stack}`, 1);
    return listTasks(g, values, names.sort());
  },
);

export const rm = command(
  { name: 'stack rm', options: {}, operands: ['stack+'] },
  async ({ positionals }, g) => {
    for (const name of positionals) {
      const summary = decodeAnswer(
        (await manager(g).call('RemoveStack', { ref: name })).json,
        decodeStackSummary,
      );
      for (const s of summary.removed) write(`Removing service ${s}\n`);
      for (const f of summary.removedFiles ?? []) write(`Removing ${f}\n`);
      for (const n of summary.networks) write(`Removing network ${n}\n`);
      for (const k of summary.kept ?? []) warn(`Keeping ${k}\n`);
    }
    return 0;
  },
);
