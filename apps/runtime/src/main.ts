/**
 * berth-runtime: Berth's executor as an OCI runtime command line, so one
 * bundle runs under runc, crun and Berth alike. One file per subcommand,
 * loaded only when used (start-up time is part of every `run`).
 */
import { DEFAULT_ROOT, reportError, UsageError, type Command, type Globals } from './cli';

const COMMANDS: Record<string, () => Command> = {
  create: () => require('./commands/create').create,
  start: () => require('./commands/start').start,
  run: () => require('./commands/run').run,
  state: () => require('./commands/state').state,
  list: () => require('./commands/list').list,
  kill: () => require('./commands/kill').kill,
  delete: () => require('./commands/delete').remove,
  pause: () => require('./commands/pause').pause,
  resume: () => require('./commands/pause').resume,
  exec: () => require('./commands/exec').exec,
};

const USAGE = `Usage: berth-runtime [--root DIR] COMMAND [ARGS]

Commands (as runc):
  create <id> --bundle DIR [--pid-file F]   make a container from an OCI bundle; its process waits
  start <id>                                start the created container's process
  run <id> --bundle DIR [--detach]          create and start; without --detach, wait and exit with its status
  state <id>                                print the OCI state as JSON
  list [--format table|json] [-q]           list containers
  kill <id> [SIGNAL] [--all]                signal the container (default SIGTERM)
  delete [--force] <id>                     remove a stopped (or, with --force, any) container
  pause <id> | resume <id>                  freeze and thaw the container's processes
  exec [--cwd D] [--env K=V] [--user U:G] <id> -- CMD [ARG...]

Global options:
  --root DIR   state directory (default ${DEFAULT_ROOT})
`;

/** Global flags come before the command; runc's --log and --log-format are accepted and ignored. */
function splitGlobals(argv: string[]): { globals: Globals; rest: string[] } {
  const globals: Globals = { root: process.env.BERTH_RUNTIME_ROOT ?? DEFAULT_ROOT, cgroupParent: 'berth' };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--root') globals.root = value();
    else if (flag === '--cgroup-parent') globals.cgroupParent = value();
    else if (flag === '--log' || flag === '--log-format') value();
    else if (flag === '--debug' || flag === '--systemd-cgroup') continue;
    else if (flag === '--help' || flag === '-h') return { globals, rest: ['help'] };
    else if (flag === '--version' || flag === '-v') return { globals, rest: ['version'] };
    else throw new UsageError(`unknown global option ${flag}`);
  }
  return { globals, rest: argv.slice(i) };
}

async function main(argv: string[]): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  const [name, ...args] = rest;
  if (!name || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  if (name === 'version') {
    process.stdout.write('berth-runtime version 0.1.0\nspec: 1.0.2\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command()(args, globals);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => (process.exitCode = reportError(error)),
);
