/**
 * berth-runtime: Berth's executor as an OCI runtime command line, so one
 * bundle runs under runc, crun and Berth alike. One file per subcommand,
 * loaded only when used (start-up time is part of every `run`).
 */
import { takeGlobalFlags } from '@berth/cli-support/args';
import { DEFAULT_ROOT, reportError, UsageError, type Command, type Globals } from './cli';

const COMMANDS: Record<string, () => Promise<Command>> = {
  create: () => import('./commands/create').then((m) => m.create),
  start: () => import('./commands/start').then((m) => m.start),
  run: () => import('./commands/run').then((m) => m.run),
  state: () => import('./commands/state').then((m) => m.state),
  list: () => import('./commands/list').then((m) => m.list),
  kill: () => import('./commands/kill').then((m) => m.kill),
  delete: () => import('./commands/delete').then((m) => m.remove),
  pause: () => import('./commands/pause').then((m) => m.pause),
  resume: () => import('./commands/pause').then((m) => m.resume),
  exec: () => import('./commands/exec').then((m) => m.exec),
};

const USAGE = `Usage: berth-runtime [--root DIR] COMMAND [ARGS]

Commands (as runc):
  create <id> --bundle DIR [--pid-file F] [--console-socket S]
                                            make a container from an OCI bundle; its process waits,
                                            its stdio ours (or, with a terminal, sent to S)
  start <id>                                start the created container's process
  run <id> --bundle DIR [--detach] [--pid-file F] [--console-socket S]
                                            create and start; without --detach, wait and exit with its status
  state <id>                                print the OCI state as JSON
  list [--format table|json] [-q]           list containers
  kill <id> [SIGNAL] [--all]                signal the container (default SIGTERM)
  delete [--force] <id>                     remove a stopped (or, with --force, any) container
  pause <id> | resume <id>                  freeze and thaw the container's processes
  exec [--cwd D] [--env K=V] [--user U:G] <id> -- CMD [ARG...]

Global options:
  --root DIR            state directory (default ${DEFAULT_ROOT})
  --cgroup-parent NAME  cgroup under which containers without linux.cgroupsPath go (default berth)
`;

/** Global flags come before the command; runc's --log, --log-format, --debug and --systemd-cgroup are accepted and ignored. */
function splitGlobals(argv: string[]): { globals: Globals; rest: string[] } {
  const globals: Globals = { root: process.env.BERTH_RUNTIME_ROOT ?? DEFAULT_ROOT, cgroupParent: 'berth' };
  const rest = takeGlobalFlags(argv, (flag, value) => {
    if (flag === '--root') globals.root = value();
    else if (flag === '--cgroup-parent') globals.cgroupParent = value();
    else if (flag === '--log' || flag === '--log-format') value();
    else if (flag !== '--debug' && flag !== '--systemd-cgroup') return false;
    return true;
  });
  return { globals, rest };
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
  return (await command())(args, globals);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => (process.exitCode = reportError(error)),
);
