/**
 * berth's command line: the global flags, then the command's words (`ps`, `stack ps`) looked up
 * in commands/registry.ts, its `--help`, and Docker's messages and exit codes when it fails.
 */
import { takeGlobalFlags, UsageError } from '@berth/cli-support/args';
import { asksForHelp, usageLine, usageText } from '@berth/cli-support/usage';
import { RpcError } from '@berth/proto/status';
import { COMMANDS, GROUPS, type Loader } from './commands/registry';
import { daemonMessage, DEFAULT_HOST, ExitError, write, type Command, type Globals } from './context';

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
function report(error: unknown, invoked: string): number {
  if (error instanceof UsageError) {
    process.stderr.write(`berth: ${error.message}\nSee 'berth ${invoked ? `${invoked} ` : ''}--help'.\n`);
    const word = invoked.replace(/^container /, '');
    return word === 'run' || word === 'create' || word === 'exec' ? 125 : 1;
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

/** `berth stack --help`: the group's commands, each with its usage line. */
async function groupHelp(group: string, verbs: Record<string, Loader>): Promise<string> {
  const lines = await Promise.all(
    Object.entries(verbs).map(
      async ([verb, load]) => `  ${usageLine((await load()).usage, `${group} ${verb}`)}`,
    ),
  );
  return `Usage:  berth ${group} COMMAND\n\nCommands:\n${lines.join('\n')}\n`;
}

/** Runs the command ARGV names; its exit status, having said what went wrong. */
export async function berth(argv: string[]): Promise<number> {
  const invoked = { words: '' };
  try {
    return await dispatch(argv, invoked);
  } catch (error) {
    return report(error, invoked.words);
  }
}

/** INVOKED gets the command's words as far as they were understood, for "See 'berth stack ps --help'". */
async function dispatch(argv: string[], invoked: { words: string }): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  const [first, ...args] = rest;
  if (!first || first === 'help') {
    write(USAGE);
    return first ? 0 : 1;
  }
  const group = own(GROUPS, first);
  if (!group) {
    const load = own(COMMANDS, first);
    if (!load) throw new UsageError(`'${first}' is not a berth command`);
    invoked.words = first;
    return runCommand(first, await load(), args, globals);
  }
  invoked.words = first;
  const [verb, ...verbArgs] = args;
  if (verb === '--help') {
    write(await groupHelp(first, group));
    return 0;
  }
  const load = own(group, verb ?? '');
  if (!load)
    throw new UsageError(
      `berth ${first}: unknown command "${verb ?? ''}" (${Object.keys(group).join(', ')})`,
    );
  invoked.words = `${first} ${verb}`;
  return runCommand(invoked.words, await load(), verbArgs, globals);
}

/** COMMAND, invoked as NAME, with ARGS: or its usage, when ARGS ask for --help. */
async function runCommand(name: string, command: Command, args: string[], globals: Globals): Promise<number> {
  if (asksForHelp(command.usage, args)) {
    write(usageText(command.usage, name));
    return 0;
  }
  return command(args, globals);
}

/** RECORD's own KEY ("constructor" is no command). */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
