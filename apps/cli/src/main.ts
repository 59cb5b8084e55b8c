/**
 * berth: Docker's verbs for Berth. Image commands (pull, push, build,
 * images, rmi, tag, save, load, import, history, inspect, login, logout,
 * prune) work now, directly on the local data root; container and cluster
 * commands arrive with the agent (issue 4) and the manager (issue 5).
 */
import { takeGlobalFlags, UsageError } from '@berth/cli-support/args';
import { DEFAULTS, type Command, type Globals } from './context';

const VERSION = '0.1.0';

const COMMANDS: Record<string, () => Promise<Command>> = {
  pull: () => import('./commands/pull').then((m) => m.pull),
  push: () => import('./commands/push').then((m) => m.push),
  build: () => import('./commands/build').then((m) => m.build),
  images: () => import('./commands/images').then((m) => m.images),
  rmi: () => import('./commands/images').then((m) => m.rmi),
  tag: () => import('./commands/images').then((m) => m.tag),
  history: () => import('./commands/images').then((m) => m.history),
  save: () => import('./commands/archive').then((m) => m.save),
  load: () => import('./commands/archive').then((m) => m.load),
  import: () => import('./commands/archive').then((m) => m.importImage),
  login: () => import('./commands/login').then((m) => m.login),
  logout: () => import('./commands/login').then((m) => m.logout),
};

/** `berth image ls|pull|…` and `berth builder prune`, as Docker's management commands. */
const IMAGE: Record<string, () => Promise<Command>> = {
  ls: COMMANDS.images,
  list: COMMANDS.images,
  pull: COMMANDS.pull,
  push: COMMANDS.push,
  build: COMMANDS.build,
  rm: COMMANDS.rmi,
  tag: COMMANDS.tag,
  history: COMMANDS.history,
  save: COMMANDS.save,
  load: COMMANDS.load,
  import: COMMANDS.import,
  inspect: () => import('./commands/images').then((m) => m.inspect),
  prune: () => import('./commands/images').then((m) => m.prune),
};

const LATER: Record<string, string> = {
  run: 'issue 4',
  ps: 'issue 4',
  exec: 'issue 4',
  logs: 'issue 4',
  stop: 'issue 4',
  start: 'issue 4',
  rm: 'issue 4',
  volume: 'issue 4',
  network: 'issue 4',
  system: 'issue 4',
  node: 'issue 5',
  service: 'issue 5',
  cluster: 'issue 5',
  stack: 'issue 7',
};

const USAGE = `Usage: berth [OPTIONS] COMMAND

Images (on the local data root until the engine daemon arrives):
  pull, push, build, images, rmi, tag, save, load, import, history, login, logout
  image ls|pull|push|build|rm|tag|history|save|load|import|inspect|prune
  builder prune

Options:
  --data-root DIR            where images live (default ${DEFAULTS.dataRoot})
  --exec-root DIR            where build containers' state lives (default ${DEFAULTS.execRoot})
  --insecure-registry HOST   reach HOST over plain HTTP (loopback registries always are)
  -v, --version
`;

function splitGlobals(argv: string[]): { globals: Globals; rest: string[] } {
  const globals: Globals = { ...DEFAULTS, insecureRegistries: [], dataRoot: process.env.BERTH_DATA_ROOT ?? DEFAULTS.dataRoot };
  const rest = takeGlobalFlags(argv, (flag, value) => {
    if (flag === '--data-root') globals.dataRoot = value();
    else if (flag === '--exec-root') globals.execRoot = value();
    else if (flag === '--insecure-registry') globals.insecureRegistries.push(value());
    else return false;
    return true;
  });
  return { globals, rest };
}

async function main(argv: string[]): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  const [name, ...args] = rest;
  if (!name || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  if (name === 'version') {
    process.stdout.write(`berth version ${VERSION}\n`);
    return 0;
  }
  let command = COMMANDS[name];
  let commandArgs = args;
  if (name === 'image') {
    command = IMAGE[args[0]];
    commandArgs = args.slice(1);
    if (!command)
      throw new UsageError(
        `berth image: unknown command "${args[0] ?? ''}" (ls, pull, push, build, rm, tag, history, save, load, import, inspect, prune)`,
      );
  } else if (name === 'builder' && args[0] === 'prune') {
    command = () => import('./commands/images').then((m) => m.builderPrune);
    commandArgs = args.slice(1);
  } else if (name === 'inspect') {
    command = IMAGE.inspect;
  }
  if (!command) {
    if (LATER[name]) {
      process.stderr.write(
        `berth: '${name}' is not available yet: it comes with the engine (${LATER[name]}).\n`,
      );
      return 1;
    }
    throw new UsageError(`'${name}' is not a berth command`);
  }
  return (await command())(commandArgs, globals);
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`berth: ${error.message}\nSee 'berth --help'.\n`);
    return 1;
  }
  const message =
    error instanceof Error
      ? error.constructor === Error || error.name === 'TypeError'
        ? (error.stack ?? error.message)
        : error.message
      : String(error);
  process.stderr.write(`Error: ${message}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => (process.exitCode = report(error)),
);
