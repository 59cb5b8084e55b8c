/**
 * A Dockerfile parser of our own: parser directives (`# escape=`), comments,
 * line continuations, JSON and shell forms, and flags. It checks the syntax
 * and keeps each instruction's line; what depends on values known only while
 * building (variables) is resolved by the builder. Pure.
 */

export class DockerfileSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** A command in exec form (JSON array) or shell form (run through SHELL). */
export type Command = { form: 'exec'; args: string[] } | { form: 'shell'; text: string };

interface Base {
  line: number;
  /** The instruction as written (continuations joined), for history and output. */
  original: string;
}

export type Instruction =
  | (Base & { kind: 'FROM'; image: string; alias?: string; platform?: string })
  | (Base & { kind: 'RUN'; command: Command; flags: Record<string, string> })
  | (Base & { kind: 'CMD' | 'ENTRYPOINT'; command: Command })
  | (Base & { kind: 'SHELL'; args: string[] })
  | (Base & {
      kind: 'COPY' | 'ADD';
      sources: string[];
      dest: string;
      flags: Record<string, string>;
      json: boolean;
    })
  | (Base & {
      kind: 'ENV' | 'LABEL' | 'ARG' | 'EXPOSE' | 'VOLUME' | 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER';
      text: string;
    })
  | (Base & { kind: 'HEALTHCHECK'; none: true })
  | (Base & { kind: 'HEALTHCHECK'; none: false; command: Command; flags: Record<string, string> })
  | (Base & { kind: 'ONBUILD'; text: string });

export interface Dockerfile {
  escape: string;
  instructions: Instruction[];
}

const FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  RUN: ['network', 'security'],
  COPY: ['from', 'chown', 'chmod', 'link'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const KEYWORDS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'ENTRYPOINT',
  'SHELL',
  'COPY',
  'ADD',
  'ENV',
  'LABEL',
  'ARG',
  'EXPOSE',
  'VOLUME',
  'WORKDIR',
  'USER',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'ONBUILD',
  'MAINTAINER',
]);

interface LogicalLine {
  line: number;
  text: string;
}

/** Directives, then logical lines: comments dropped, continuations joined. */
function logicalLines(source: string, file: string): { escape: string; lines: LogicalLine[] } {
  const raw = source.replace(/\r\n?/g, '\n').split('\n');
  let escape = '\\';
  let i = 0;
  const seen = new Set<string>();
  for (; i < raw.length; i++) {
    const m = /^\s*#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/.exec(raw[i]);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (seen.has(name))
      throw new DockerfileSyntaxError(file, i + 1, `only one ${name} parser directive can be used`);
    seen.add(name);
    if (name === 'escape') {
      if (m[2] !== '\\' && m[2] !== '`')
        throw new DockerfileSyntaxError(
          file,
          i + 1,
          `invalid escape token '${m[2]}' does not match ` + '` or \\',
        );
      escape = m[2];
    }
    // other directives (syntax, check) are accepted and have no effect here
  }
  const lines: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  for (; i < raw.length; i++) {
    const text = raw[i];
    const trimmed = text.trim();
    if (trimmed.startsWith('#')) continue; // comments, even inside a continued instruction
    if (!current && !trimmed) continue;
    const continued = trimmed.endsWith(escape);
    const piece = continued ? text.replace(/\s*$/, '').slice(0, -1) : text;
    if (!current) current = { line: i + 1, text: piece };
    else current.text += piece;
    if (!continued) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return { escape, lines };
}

function parseFlags(
  keyword: string,
  rest: string,
  line: number,
  file: string,
): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let text = rest;
  for (;;) {
    const m = /^--([a-z][a-z-]*)(?:=(\S*))?(?:\s+|$)/.exec(text);
    if (!m) break;
    const allowed = FLAGS[keyword] ?? [];
    if (!allowed.includes(m[1]))
      throw new DockerfileSyntaxError(
        file,
        line,
        `unknown flag: --${m[1]} (${keyword} takes ${allowed.length ? allowed.map((f) => `--${f}`).join(', ') : 'none'})`,
      );
    if (m[2] === undefined && m[1] !== 'link' && m[1] !== 'keep-git-dir')
      throw new DockerfileSyntaxError(file, line, `--${m[1]} needs a value (--${m[1]}=…)`);
    flags[m[1]] = m[2] ?? 'true';
    text = text.slice(m[0].length);
  }
  return { flags, rest: text };
}

/** ["a", "b"] when TEXT is a JSON array of strings; null for shell form. */
function jsonArray(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[')) return null;
  try {
    const value = JSON.parse(t) as unknown;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // not JSON: Docker runs it as a shell command, and so do we
  }
  return null;
}

function command(text: string): Command {
  const json = jsonArray(text);
  return json ? { form: 'exec', args: json } : { form: 'shell', text: text.trim() };
}

export function parseDockerfile(source: string, file = 'Dockerfile'): Dockerfile {
  const { escape, lines } = logicalLines(source, file);
  const instructions: Instruction[] = [];
  for (const { line, text } of lines) {
    const m = /^\s*(\S+)\s*(.*)$/s.exec(text)!;
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    const base = { line, original: `${keyword} ${args}`.trim() };
    const fail = (reason: string): never => {
      throw new DockerfileSyntaxError(file, line, reason);
    };
    if (!KEYWORDS.has(keyword)) fail(`unknown instruction: ${m[1]}`);
    if (instructions.length === 0 && keyword !== 'FROM' && keyword !== 'ARG')
      fail(`${keyword} before FROM: a Dockerfile must begin with FROM (ARG may come first)`);
    if (!args && keyword !== 'HEALTHCHECK') fail(`${keyword} requires at least one argument`);
    const { flags, rest } = parseFlags(keyword, args, line, file);
    switch (keyword) {
      case 'FROM': {
        const words = rest.split(/\s+/).filter(Boolean);
        if (words.length === 3 && words[1].toUpperCase() === 'AS') {
          if (!/^[a-z][a-z0-9_.-]*$/i.test(words[2])) fail(`invalid stage name "${words[2]}"`);
          instructions.push({
            ...base,
            kind: 'FROM',
            image: words[0],
            alias: words[2].toLowerCase(),
            ...(flags.platform ? { platform: flags.platform } : {}),
          });
        } else if (words.length === 1)
          instructions.push({
            ...base,
            kind: 'FROM',
            image: words[0],
            ...(flags.platform ? { platform: flags.platform } : {}),
          });
        else fail('FROM takes an image and optionally "AS name"');
        break;
      }
      case 'RUN':
        if (!rest.trim()) fail('RUN requires a command');
        instructions.push({ ...base, kind: 'RUN', command: command(rest), flags });
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        instructions.push({ ...base, kind: keyword, command: command(rest) });
        break;
      case 'SHELL': {
        const json = jsonArray(rest);
        if (!json || json.length === 0)
          fail('SHELL requires the arguments to be in JSON form, e.g. ["/bin/sh", "-c"]');
        instructions.push({ ...base, kind: 'SHELL', args: json! });
        break;
      }
      case 'COPY':
      case 'ADD': {
        const json = jsonArray(rest);
        const words = json ?? rest.split(/\s+/).filter(Boolean);
        if (words.length < 2) fail(`${keyword} requires at least two arguments: a source and a destination`);
        instructions.push({
          ...base,
          kind: keyword,
          sources: words.slice(0, -1),
          dest: words[words.length - 1],
          flags,
          json: json !== null,
        });
        break;
      }
      case 'HEALTHCHECK': {
        const [type, ...restWords] = rest.trim().split(/\s+/);
        const upper = (type ?? '').toUpperCase();
        if (upper === 'NONE') {
          if (restWords.length || Object.keys(flags).length)
            fail('HEALTHCHECK NONE takes no other arguments');
          instructions.push({ ...base, kind: 'HEALTHCHECK', none: true });
        } else if (upper === 'CMD') {
          const cmdText = rest.trim().slice(3).trim();
          if (!cmdText) fail('HEALTHCHECK CMD requires a command');
          instructions.push({ ...base, kind: 'HEALTHCHECK', none: false, command: command(cmdText), flags });
        } else fail('HEALTHCHECK must be followed by CMD or NONE');
        break;
      }
      case 'ONBUILD': {
        const inner = rest.trim().split(/\s+/)[0]?.toUpperCase();
        if (inner === 'ONBUILD' || inner === 'FROM' || inner === 'MAINTAINER')
          fail(`${inner} is not allowed as an ONBUILD trigger`);
        instructions.push({ ...base, kind: 'ONBUILD', text: rest.trim() });
        break;
      }
      default:
        instructions.push({ ...base, kind: keyword as 'ENV', text: rest });
    }
  }
  if (!instructions.some((i) => i.kind === 'FROM'))
    throw new DockerfileSyntaxError(file, lines.at(-1)?.line ?? 1, 'no FROM instruction: nothing to build');
  return { escape, instructions };
}
