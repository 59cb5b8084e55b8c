/**
 * Commands that declare their usage: the flags and operands a command takes, once, for parsing
 * its arguments, for `--help`, and for tests that walk every command. Pure.
 */
import { parseArgs } from 'node:util';
import { firstOperand, parseCommand, type Options, type Values } from './args';

export interface Usage {
  /** the command's words: "stack ps" */
  name: string;
  options: Options;
  /** "name" one, "name?" optional, "name..." any number more, "name+" one or more */
  operands: string[];
  /**
   * false: flags end at the first operand, as docker's run (`run IMAGE CMD -x`: -x is CMD's);
   * a number N: they end at the operand after the first N (`service exec SERVICE -it CMD -x`)
   */
  interspersed?: boolean | number;
}

export interface Parsed {
  values: Values;
  positionals: string[];
}

/** A command: called with its arguments, it parses them by its usage and runs. */
export interface Command<G> {
  (args: string[], globals: G): Promise<number>;
  readonly usage: Usage;
  /** What the command makes of ARGS (its usage's reading), without running it. */
  parse(args: string[]): Parsed;
}

export function command<G>(usage: Usage, run: (parsed: Parsed, globals: G) => Promise<number>): Command<G> {
  const parse = (args: string[]) => parseUsage(usage, args);
  return Object.assign(async (args: string[], globals: G) => run(parse(args), globals), { usage, parse });
}

/** ARGS read by USAGE: flags anywhere before a "--" (or, not interspersed, before the first operand). */
export function parseUsage(usage: Usage, args: string[]): Parsed {
  return parseCommand(usage.name, args, usage.options, usage.operands, {
    interspersed: usage.interspersed ?? true,
  });
}

/** Whether ARGS ask for the command's help: --help where a flag of USAGE could be. */
export function asksForHelp(usage: Usage, args: string[]): boolean {
  const options: Options = { ...usage.options, help: { type: 'boolean' } };
  const end =
    usage.interspersed === undefined || usage.interspersed === true
      ? args.indexOf('--')
      : firstOperand(args, options, Number(usage.interspersed));
  const flags = end < 0 ? args : args.slice(0, end);
  try {
    return parseArgs({ args: flags, options, allowPositionals: true, strict: false }).values.help === true;
  } catch {
    return flags.includes('--help');
  }
}

/** Docker's usage line and flag list: "Usage:  berth stack ps [OPTIONS] STACK", then the flags, sorted. */
export function usageText(usage: Usage, invokedAs = usage.name): string {
  const lines = Object.entries(usage.options)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, o]) => {
      const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}`;
      return `  ${flag}${o.type === 'string' ? (o.multiple ? ' list' : ' string') : ''}`;
    });
  return `Usage:  ${usageLine(usage, invokedAs)}\n${lines.length ? `\nOptions:\n${lines.join('\n')}\n` : ''}`;
}

/** "berth stack ps [OPTIONS] STACK" */
export function usageLine(usage: Usage, invokedAs = usage.name): string {
  const options = Object.keys(usage.options).length ? ['[OPTIONS]'] : [];
  return [`berth ${invokedAs}`, ...options, ...usage.operands.map(operandWord)].join(' ');
}

/** "stack" → STACK, "name?" → [NAME], "container+" → CONTAINER [CONTAINER...], "worker|manager" → (worker|manager). */
function operandWord(operand: string): string {
  const bare = operand.replace(/(\?|\.\.\.|\+)$/, '');
  const choice = bare.includes('|');
  const word = choice ? bare : bare.toUpperCase().replace(/-/g, '_');
  if (operand.endsWith('+')) return `${word} [${word}...]`;
  if (operand.endsWith('...')) return `[${word}...]`;
  if (operand.endsWith('?')) return `[${word}]`;
  return choice ? `(${word})` : word;
}
