import { posix } from 'node:path';
import { stringify } from 'yaml';
import { compileStack } from './compile';
import type { CompileContext } from './context';
import { parseEnvFile, resolveEnvFile } from './env-file';
import { type Problem, sortProblems, SpecError } from './errors';
import { interpolateTree, type Lookup, unsetWarning } from './interpolate';
import { mergeDocuments } from './merge';
import { type SchemaIssue, validateAgainstSchema } from './schema';
import { formatPath, locate, type MapNode, toPlain } from './tree';
import type { LoadedStack, LoadOptions, StackReading } from './types';
import { optionWarnings } from './unsupported';
import { parseStackFile } from './yaml';

/** What `docker stack deploy` accepts as a stack's name (it prefixes every object's name). */
const STACK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * Reads the `-c` files of a stack into service, network, secret and config specs: parse each
 * file, substitute variables, merge the files in order, check the result against the compose
 * schema and Berth's rules, compile. Throws a SpecError with every problem found, never a part.
 */
export function loadStack(options: LoadOptions): LoadedStack {
  const reading = readStack(options);
  if (reading.problems.length > 0 || !reading.stack) throw new SpecError(reading.problems);
  return reading.stack;
}

/**
 * What `loadStack` does, without throwing: the compiled stack whenever the files could be parsed,
 * interpolated and merged (even when the schema or Berth's rules refuse parts of it), and every
 * problem, in reading order. A stack with problems is for showing (`stack config`), never for
 * deploying.
 */
export function readStack(options: LoadOptions): StackReading {
  const fileOrder = options.files.map((f) => f.path);
  const unreadable = (problems: readonly Problem[]): StackReading => ({
    problems: sortProblems(problems, fileOrder),
  });
  if (!STACK_NAME.test(options.stackName))
    return unreadable([
      optionProblem(`invalid stack name '${options.stackName}': use letters, digits, '_', '.' and '-'`),
    ]);
  if (options.files.length === 0) return unreadable([optionProblem('no stack file given')]);

  const variables = readVariables(options);
  const files = readFiles(options, variables.lookup);
  if (variables.problems.length + files.problems.length > 0)
    return unreadable([...variables.problems, ...files.problems]);

  const merged = mergeDocuments(files.roots);
  const config = toPlain(merged) as Record<string, unknown>;
  const ctx = compileContext(options, variables.lookup, merged, validateAgainstSchema(config));
  const compiled = compileStack(ctx, config);
  return {
    stack: {
      config,
      ...compiled,
      warnings: [...files.unset.map(unsetWarning), ...optionWarnings(config), ...ctx.warnings],
    },
    problems: sortProblems(ctx.problems, fileOrder),
  };
}

/** Each file parsed and interpolated on its own, so that its problems point into it. */
function readFiles(
  options: LoadOptions,
  lookup: Lookup,
): { roots: MapNode[]; problems: Problem[]; unset: string[] } {
  const roots: MapNode[] = [];
  const problems: Problem[] = [];
  const unset = new Set<string>();
  for (const file of options.files) {
    const parsed = parseStackFile(file);
    problems.push(...parsed.problems);
    if (!parsed.root) continue;
    const interpolated = interpolateTree(parsed.root, lookup);
    problems.push(...interpolated.problems);
    interpolated.unset.forEach((name) => unset.add(name));
    roots.push(interpolated.root);
  }
  return { roots, problems, unset: [...unset] };
}

/** The schema's complaints are the first problems, and nothing more is said under them. */
function compileContext(
  options: LoadOptions,
  lookup: Lookup,
  merged: MapNode,
  issues: readonly SchemaIssue[],
): CompileContext {
  return {
    stackName: options.stackName,
    lookup,
    readFile: options.readFile,
    locate: (path) => locate(merged, path),
    problems: issues.map((issue) => ({
      ...locate(merged, issue.path),
      path: formatPath(issue.path),
      message: issue.message,
    })),
    warnings: [],
    refused: issues.map((issue) => issue.path),
  };
}

function optionProblem(message: string): Problem {
  return { file: '', line: 0, column: 0, path: '', message };
}

/**
 * Variables for substitution: the process environment, then the `.env` file (whose own values
 * may use variables defined before them or in the environment).
 */
function readVariables(options: LoadOptions): { lookup: Lookup; problems: Problem[] } {
  const fromEnv: Lookup = (name) =>
    Object.prototype.hasOwnProperty.call(options.env, name) ? options.env[name] : undefined;
  if (options.dotEnv === undefined) return { lookup: fromEnv, problems: [] };
  const file = posix.join(posix.dirname(options.files[0]?.path ?? '.'), '.env');
  const dotEnv = resolveEnvFile(parseEnvFile(options.dotEnv, file), file, fromEnv);
  return { lookup: (name) => fromEnv(name) ?? dotEnv.values.get(name), problems: dotEnv.problems };
}

/**
 * A loaded stack's `config` as YAML (what `stack config` prints). Every `$` in a value is written
 * `$$`, so the text loads back as the same stack rather than being substituted a second time.
 */
export function renderConfig(config: Record<string, unknown>): string {
  return stringify(escapeDollars(config), { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}

function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$');
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDollars(v)]));
  return value;
}
