/** Command-line parsing shared by berth and berth-runtime: util.parseArgs with errors that name the command. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Values = Record<string, string | boolean | string[] | undefined>;

export type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Where the flags end when they may not follow the first operand (`run IMAGE
 * CMD -x`: -x is the command's): the index of the first operand, or of what
 * follows a "--". With SKIP, flags may also come among the first SKIP operands
 * (`service exec SERVICE -it CMD -x`): the index of the operand after them.
 */
export function firstOperand(args: readonly string[], options: Options, skip = 0): number {
  const byShort = new Map(Object.entries(options).map(([name, o]) => [o.short, name]));
  let operands = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return i;
    if (!a.startsWith('-') || a === '-') {
      if (operands++ === skip) return i;
      continue;
    }
    if (a.startsWith('--')) {
      const o = options[a.slice(2)];
      if (o?.type === 'string' && !a.includes('=')) i++;
      continue;
    }
    // a cluster of short flags: -it, -p8080:80, -e X
    for (let j = 1; j < a.length; j++) {
      const o = options[byShort.get(a[j]) ?? ''];
      if (o?.type === 'string') {
        if (j === a.length - 1) i++;
        break;
      }
    }
  }
  return args.length;
}

/** util.parseArgs's complaint in docker's words ("unknown flag: --hep", "flag needs an argument: --format"). */
function flagError(error: Error & { code?: string }): string {
  const flag =
    /Option '(-[^' ]+)/.exec(error.message)?.[1] ?? /Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (!flag) return error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return flag.startsWith('--')
      ? `unknown flag: ${flag}`
      : `unknown shorthand flag: '${flag.slice(1)}' in ${flag}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /ambiguous/.test(error.message))
    return `flag needs an argument: ${flag} (a value that starts with '-' goes as ${flag}=VALUE)`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `flag needs an argument: ${flag}`;
  return error.message;
}

/**
 * Parse ARGS for COMMAND; POSITIONALS names the operands, "name?" for
 * optional, "name..." for any number more, "name+" for one or more. With
 * INTERSPERSED false, everything from the first operand on is an operand.
 */
export function parseCommand(
  command: string,
  args: string[],
  options: Options,
  positionals: string[],
  { interspersed = true }: { interspersed?: boolean | number } = {},
): { values: Values; positionals: string[] } {
  let parsed;
  const cut = interspersed === true ? args.length : firstOperand(args, options, Number(interspersed));
  const tail = args.slice(cut);
  if (tail[0] === '--') tail.shift();
  try {
    parsed = parseArgs({ args: args.slice(0, cut), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${flagError(error as Error & { code?: string })}`);
  }
  parsed.positionals.push(...tail);
  const required = positionals.filter((p) => !p.endsWith('?') && !p.endsWith('...'));
  if (parsed.positionals.length < required.length)
    throw new UsageError(
      `"${command}" requires ${required.length === 1 ? 'an argument' : `${required.length} arguments`}: missing ${required
        .slice(parsed.positionals.length)
        .map((p) => `<${p.replace(/\+$/, '')}>`)
        .join(' ')}`,
    );
  const unbounded = positionals.some((p) => p.endsWith('...') || p.endsWith('+'));
  if (!unbounded && parsed.positionals.length > positionals.length)
    throw new UsageError(
      `"${command}" takes at most ${positionals.length} argument${positionals.length === 1 ? '' : 's'}, got ${parsed.positionals.length}`,
    );
  return parsed as { values: Values; positionals: string[] };
}

/**
 * The global flags before the command word. HANDLE gets each flag and a
 * reader for its value (`--flag value` or `--flag=value`) and says whether it
 * knew it. Returns the rest of ARGV; --help and --version become those commands.
 */
export function takeGlobalFlags(
  argv: string[],
  handle: (flag: string, value: () => string) => boolean,
): string[] {
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return ['help'];
    if (flag === '--version' || flag === '-v') return ['version'];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (!handle(flag, value)) throw new UsageError(`unknown flag: ${flag}`);
  }
  return argv.slice(i);
}

/** Rows under a header, columns padded as docker's tables are (3 spaces between). */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return (
    all
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : (c ?? '').padEnd(widths[i] + 3)))
          .join('')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** Docker's human durations: "Less than a second", "About a minute", "3 hours", "2 weeks". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3600000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3600000 / 24 / 365)} years`;
}

/** "2 hours ago", as docker prints ages. */
export function timeAgo(iso: string | undefined, now = Date.now()): string {
  return iso ? `${humanDuration(Math.max(0, now - Date.parse(iso)))} ago` : 'N/A';
}

/** KEY=VALUE flags (--label, --opt) as a map; a bare KEY has an empty value. */
export function keyValues(values: unknown): Record<string, string> {
  return Object.fromEntries(
    ((values as string[] | undefined) ?? []).map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
}
