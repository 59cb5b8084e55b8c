/**
 * Finds the host programs a TypeScript source starts, by reading its syntax tree: the static
 * half of "every program Berth runs is installed by the setup" (host-programs.spec.ts walks the
 * repository with it). Only literal program names are found; a program named by a variable
 * (Berth's own shim, a peer chosen at run time) is the caller's business.
 */
import * as ts from 'typescript';

export interface ProgramCall {
  program: string;
  /** 1-based line of the call. */
  line: number;
}

/**
 * Functions whose first argument is a program name and second (if any) its arguments: Node's,
 * and the local cluster's run/tryRun/spawnRecorded/spawnService.
 */
const PROGRAM_FIRST = new Set([
  'spawn',
  'spawnSync',
  'execFile',
  'execFileSync',
  'run',
  'tryRun',
  'spawnRecorded',
  'spawnService',
]);
/** Functions that take an argv array (the program first) as one of their arguments. */
const ARGV_TAKING = new Set(['run', 'tryRun', 'runDirect', 'runChecked', 'inNetns', 'exec', 'runIn', 'sh']);
/** Functions that take a shell command line as their first argument. */
const SHELL_LINE = new Set(['execSync']);
/** Helpers named after the one program they run. */
const NAMED_AFTER_PROGRAM = new Set(['ip', 'nft', 'iptables']);
/** Programs that run the program named further along their argv. */
const WRAPPERS = new Set(['nsenter', 'unshare', 'env', 'timeout', 'setsid', 'chroot', 'nohup', 'script']);
/** The wrappers' options that take their value as the next word. */
const WRAPPER_OPTIONS_WITH_VALUE: Record<string, string[]> = {
  nsenter: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-r', '--root'],
  unshare: ['--propagation', '--setgroups', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-R', '--root'],
  env: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
  timeout: ['-s', '--signal', '-k', '--kill-after'],
  chroot: ['--userspec', '--groups'],
  script: ['-c', '--command'],
};

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function literal(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** The leading literal words of an array literal, stopping at the first computed element. */
function literalWords(node: ts.Node): string[] | undefined {
  if (!ts.isArrayLiteralExpression(node)) return undefined;
  const words: string[] = [];
  for (const element of node.elements) {
    // a computed element (a path, a spread) still counts as one word; a template keeps its
    // literal head, so `--net=${ns}` still reads as an option
    if (ts.isTemplateExpression(element)) words.push(`${element.head.text}\0`);
    else words.push(literal(element) ?? '\0');
  }
  return words;
}

/**
 * The programs ARGV starts: its first word, and what a wrapper in it runs (`nsenter --net=X nft`,
 * `ip netns exec NS iptables`, `sh -c 'nft -f -'`). Words that are not literals read as '\0'.
 */
export function programsOfArgv(argv: readonly string[]): string[] {
  const [first, ...rest] = argv;
  if (!first || first === '\0' || !/^[a-z][a-z0-9_.+-]*$/i.test(first.split('/').pop()!)) return [];
  const program = first.includes('/') ? first.split('/').pop()! : first;
  const programs = [program];
  if (WRAPPERS.has(program)) {
    // options first; a lone `--` ends them; options of these wrappers take their value inline or next
    let i = 0;
    while (i < rest.length && rest[i].startsWith('-') && rest[i] !== '--')
      i += WRAPPER_OPTIONS_WITH_VALUE[program]?.includes(rest[i]) ? 2 : 1;
    if (rest[i] === '--') i += 1;
    // env's NAME=value words, timeout's duration
    while (program === 'env' && rest[i]?.includes('=')) i += 1;
    if (program === 'timeout' && rest[i] !== undefined) i += 1;
    if (program === 'script') return programs; // `script -c LINE`: the line is read below, in shells
    programs.push(...programsOfArgv(rest.slice(i)));
  } else if (program === 'ip' && rest[0] === 'netns' && rest[1] === 'exec') {
    programs.push(...programsOfArgv(rest.slice(3)));
  } else if (program === 'sh' || program === 'bash') {
    const c = rest.indexOf('-c');
    if (c >= 0 && rest[c + 1] && rest[c + 1] !== '\0') programs.push(...programsOfShellLine(rest[c + 1]));
  }
  return programs;
}

/** The programs a shell command line starts: the first word of each of its simple commands. */
export function programsOfShellLine(line: string): string[] {
  const programs: string[] = [];
  for (const command of line.split(/&&|\|\||[;|&\n]|\$\(|`/)) {
    const words = command
      .trim()
      .split(/\s+/)
      .filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    const word = words[0];
    if (!word || !/^[a-z][a-z0-9_.+-]*$/.test(word)) continue;
    if (SHELL_KEYWORDS.has(word)) continue;
    programs.push(...programsOfArgv(words));
  }
  return programs;
}

/** Shell keywords and builtins: not programs. */
const SHELL_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'in',
  'exec',
  'exit',
  'echo',
  'printf',
  'read',
  'set',
  'export',
  'cd',
  'test',
  'true',
  'false',
  'trap',
  'wait',
  'kill',
  'command',
  'return',
  'shift',
  'local',
  'eval',
  'sleep',
  'type',
]);

/** Every host program SOURCE starts by a literal name. */
export function hostProgramCalls(fileName: string, source: string): ProgramCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const calls: ProgramCall[] = [];
  const found = (programs: string[], node: ts.Node) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    for (const program of programs) calls.push({ program, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const first = literal(node.arguments[0]);
      if (name && NAMED_AFTER_PROGRAM.has(name) && ts.isIdentifier(node.expression)) {
        found([name], node);
      } else if (name && PROGRAM_FIRST.has(name) && first !== undefined && !literal(node.arguments[1])) {
        // (a second string argument means a helper of some other shape, e.g. run('verify', '-in', f))
        const args = node.arguments[1] ? literalWords(node.arguments[1]) : [];
        found(programsOfArgv([first, ...(args ?? ['\0'])]), node);
      } else if (name && SHELL_LINE.has(name) && first !== undefined) {
        found(programsOfShellLine(first), node);
      } else if (name && ARGV_TAKING.has(name)) {
        for (const arg of node.arguments) {
          const words = literalWords(arg);
          if (words) {
            found(programsOfArgv(words), node);
            break;
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** The CNI plugins a network configuration source names (`type: 'bridge'` and the like). */
export function cniPluginsNamed(fileName: string, source: string): ProgramCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const plugins: ProgramCall[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'type') {
      const value = literal(node.initializer);
      if (value !== undefined)
        plugins.push({
          program: value,
          line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return plugins;
}
