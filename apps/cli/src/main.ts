/**
 * berth: Docker's verbs for Berth, talking to the engine (berthd) on its
 * unix socket (-H / BERTH_HOST). Every command module loads on demand, so a
 * command pays only for what it uses.
 */
import { takeGlobalFlags, UsageError } from '@berth/cli-support/args';
import { RpcError } from '@berth/proto/status';
import { closeEngine, daemonMessage, DEFAULT_HOST, ExitError, type Command, type Globals } from './context';

type Loader = () => Promise<Command>;
const from =
  <M>(load: () => Promise<M>, name: keyof M): Loader =>
  () =>
    load().then((m) => m[name] as Command);

const containers = () => import('./commands/containers');
const run = () => import('./commands/run');
const images = () => import('./commands/images');
const archive = () => import('./commands/archive');
const volumes = () => import('./commands/volumes');
const networks = () => import('./commands/networks');
const system = () => import('./commands/system');
const cluster = () => import('./commands/cluster');
const node = () => import('./commands/node');
const service = () => import('./commands/service');
const contexts = () => import('./commands/context');
const stack = () => import('./commands/stack');
const files = () => import('./commands/files');

const COMMANDS: Record<string, Loader> = {
  run: from(run, 'run'),
  create: from(run, 'create'),
  start: from(run, 'start'),
  exec: from(() => import('./commands/exec'), 'exec'),
  ps: from(containers, 'ps'),
  stop: from(containers, 'stop'),
  restart: from(containers, 'restart'),
  kill: from(containers, 'kill'),
  pause: from(containers, 'pause'),
  unpause: from(containers, 'unpause'),
  rm: from(containers, 'rm'),
  rename: from(containers, 'rename'),
  wait: from(containers, 'wait'),
  logs: from(containers, 'logs'),
  inspect: from(containers, 'inspect'),
  top: from(containers, 'top'),
  diff: from(containers, 'diff'),
  commit: from(containers, 'commit'),
  export: from(containers, 'exportContainer'),
  cp: from(containers, 'cp'),
  port: from(containers, 'port'),
  stats: from(containers, 'stats'),
  pull: from(() => import('./commands/pull'), 'pull'),
  push: from(() => import('./commands/push'), 'push'),
  build: from(() => import('./commands/build'), 'build'),
  images: from(images, 'images'),
  rmi: from(images, 'rmi'),
  tag: from(images, 'tag'),
  history: from(images, 'history'),
  save: from(archive, 'save'),
  load: from(archive, 'load'),
  import: from(archive, 'importImage'),
  login: from(() => import('./commands/login'), 'login'),
  logout: from(() => import('./commands/login'), 'logout'),
  version: from(system, 'version'),
  info: from(system, 'info'),
  events: from(system, 'events'),
};

/** Docker's management commands: `berth container ls`, `berth image rm`, … */
const GROUPS: Record<string, Record<string, Loader>> = {
  container: {
    ls: COMMANDS.ps,
    list: COMMANDS.ps,
    ps: COMMANDS.ps,
    inspect: from(containers, 'containerInspect'),
    prune: from(system, 'prune'),
    ...pick(COMMANDS, [
      'run',
      'create',
      'start',
      'stop',
      'restart',
      'kill',
      'pause',
      'unpause',
      'rm',
      'rename',
      'wait',
      'logs',
      'top',
      'diff',
      'commit',
      'export',
      'cp',
      'port',
      'stats',
      'exec',
    ]),
  },
  image: {
    ls: COMMANDS.images,
    list: COMMANDS.images,
    rm: COMMANDS.rmi,
    inspect: from(images, 'inspect'),
    prune: from(images, 'prune'),
    ...pick(COMMANDS, ['pull', 'push', 'build', 'tag', 'history', 'save', 'load', 'import']),
  },
  volume: {
    create: from(volumes, 'create'),
    ls: from(volumes, 'ls'),
    list: from(volumes, 'ls'),
    inspect: from(volumes, 'inspect'),
    rm: from(volumes, 'rm'),
    prune: from(volumes, 'prune'),
  },
  network: {
    create: from(networks, 'create'),
    ls: from(networks, 'ls'),
    list: from(networks, 'ls'),
    inspect: from(networks, 'inspect'),
    rm: from(networks, 'rm'),
    connect: from(networks, 'connect'),
    disconnect: from(networks, 'disconnect'),
    prune: from(networks, 'prune'),
  },
  system: {
    info: COMMANDS.info,
    events: COMMANDS.events,
    df: from(system, 'df'),
    prune: from(system, 'prune'),
  },
  builder: { prune: from(images, 'builderPrune') },
  cluster: {
    init: from(cluster, 'init'),
    join: from(cluster, 'join'),
    'join-token': from(cluster, 'joinToken'),
    leave: from(cluster, 'leave'),
    inspect: from(cluster, 'inspect'),
  },
  node: {
    ls: from(node, 'ls'),
    list: from(node, 'ls'),
    inspect: from(node, 'inspect'),
    update: from(node, 'update'),
    rm: from(node, 'rm'),
    ps: from(node, 'ps'),
    promote: from(node, 'promote'),
    demote: from(node, 'demote'),
  },
  service: {
    create: from(service, 'create'),
    ls: from(service, 'ls'),
    list: from(service, 'ls'),
    ps: from(service, 'ps'),
    inspect: from(service, 'inspect'),
    scale: from(service, 'scale'),
    update: from(service, 'update'),
    rollback: from(service, 'rollback'),
    rm: from(service, 'rm'),
    logs: from(service, 'logs'),
  },
  stack: {
    deploy: from(stack, 'deploy'),
    up: from(stack, 'deploy'),
    config: from(stack, 'config'),
    ls: from(stack, 'ls'),
    list: from(stack, 'ls'),
    services: from(stack, 'services'),
    ps: from(stack, 'ps'),
    rm: from(stack, 'rm'),
    remove: from(stack, 'rm'),
    down: from(stack, 'rm'),
  },
  secret: fileVerbs('secret'),
  config: fileVerbs('config'),
  context: {
    ls: from(contexts, 'ls'),
    list: from(contexts, 'ls'),
    use: from(contexts, 'use'),
    rm: from(contexts, 'rm'),
    show: from(contexts, 'show'),
  },
};

/** `berth secret …` and `berth config …`: the same verbs over either kind. */
function fileVerbs(kind: 'secret' | 'config'): Record<string, Loader> {
  const verb =
    (name: 'create' | 'ls' | 'inspect' | 'rm'): Loader =>
    () =>
      files().then((m) => m[kind][name]);
  return {
    create: verb('create'),
    ls: verb('ls'),
    list: verb('ls'),
    inspect: verb('inspect'),
    rm: verb('rm'),
    remove: verb('rm'),
  };
}

function pick(all: Record<string, Loader>, names: string[]): Record<string, Loader> {
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}

const USAGE = `Usage: berth [OPTIONS] COMMAND

Containers:
  run, create, start, stop, restart, kill, pause, unpause, rm, rename, wait,
  ps, logs, exec, inspect, top, diff, commit, export, cp, port, stats
Images:
  pull, push, build, images, rmi, tag, history, save, load, import, login, logout
Management commands:
  container, image, volume, network, system, builder
Cluster:
  cluster (init, join, join-token, leave, inspect), node, service, stack, secret,
  config, context
Other:
  events, info, version

Options:
  -H, --host unix://PATH   the engine's socket (default $BERTH_HOST, else ${DEFAULT_HOST})
  --config DIR             where login keeps credentials and contexts (default ~/.berth)
  -c, --context NAME       the cluster context to use (default $BERTH_CONTEXT, else the current one)
  -v, --version
`;

function splitGlobals(argv: string[]): { globals: Globals; rest: string[] } {
  const globals: Globals = {
    host: process.env.BERTH_HOST || DEFAULT_HOST,
    configDir: process.env.BERTH_CONFIG,
  };
  const rest = takeGlobalFlags(argv, (flag, value) => {
    if (flag === '-H' || flag === '--host') globals.host = value();
    else if (flag === '--config') globals.configDir = value();
    else if (flag === '-c' || flag === '--context') globals.context = value();
    else if (flag === '-D' || flag === '--debug') process.env.BERTH_DEBUG = '1';
    else if (flag === '-l' || flag === '--log-level') value();
    else return false;
    return true;
  });
  return { globals, rest };
}

/** Exit status of a failed command, having said why. */
function report(error: unknown, command: string): number {
  if (error instanceof UsageError) {
    process.stderr.write(`berth: ${error.message}\nSee 'berth ${command ? `${command} ` : ''}--help'.\n`);
    return command === 'run' || command === 'create' || command === 'exec' ? 125 : 1;
  }
  if (error instanceof ExitError) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof RpcError) {
    process.stderr.write(`${daemonMessage(error)}\n`);
    return 1;
  }
  const message =
    error instanceof Error
      ? process.env.BERTH_DEBUG
        ? (error.stack ?? error.message)
        : error.message
      : String(error);
  process.stderr.write(`berth: ${message}\n`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  let [name, ...args] = rest;
  if (!name || name === 'help' || args.includes('--help')) {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  let load = COMMANDS[name];
  const group = GROUPS[name];
  if (group) {
    const sub = args[0];
    load = group[sub ?? ''];
    if (!load)
      throw new UsageError(
        `berth ${name}: unknown command "${sub ?? ''}" (${Object.keys(group).join(', ')})`,
      );
    name = `${name} ${sub}`;
    args = args.slice(1);
  }
  if (!load) throw new UsageError(`'${name}' is not a berth command`);
  return (await load())(args, globals);
}

const argv = process.argv.slice(2);
main(argv)
  .then(
    (code) => (process.exitCode = code),
    (error: unknown) => (process.exitCode = report(error, argv.find((a) => !a.startsWith('-')) ?? '')),
  )
  .finally(closeEngine);
