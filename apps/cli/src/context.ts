/**
 * What every berth command shares: where the engine is (-H, BERTH_HOST),
 * the client that talks to it, credentials kept by `login`, and how output
 * and errors are written. Commands load what else they need lazily:
 * start-up time is part of every command's latency.
 */
import {
  command as withUsage,
  type Command as CommandOf,
  type Parsed,
  type Usage,
} from '@berth/cli-support/usage';
import { EngineClient, socketPath } from '@berth/proto/client';
import { RpcError } from '@berth/proto/status';

export const DEFAULT_HOST = 'unix:///run/berth/berth.sock';

export interface Globals {
  host: string;
  /** Where `login` keeps credentials (config.json) and cluster contexts live, as Docker's --config. */
  configDir: string | undefined;
  /** The cluster context to use (--context), else the current one. */
  context?: string;
}

/** A berth command: called with its arguments; `usage` says which flags and operands it takes. */
export type Command = CommandOf<Globals>;

/** The command of USAGE: RUN gets the arguments as USAGE reads them (flags anywhere, as docker's). */
export function command(usage: Usage, run: (parsed: Parsed, globals: Globals) => Promise<number>): Command {
  return withUsage(usage, run);
}

/** A failure with its own exit status (run's 125/126/127, a terminal that is not one), MESSAGE printed as is. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

let client: EngineClient | null = null;

/** The engine client of this process (one connection for all calls). */
export function engine(g: Globals): EngineClient {
  client ??= new EngineClient(socketPath(g.host));
  return client;
}

const closers: (() => Promise<void>)[] = [];

/** Something else to close when the command is over (the manager's client). */
export function closeAtExit(close: () => Promise<void>): void {
  closers.push(close);
}

export async function closeEngine(): Promise<void> {
  const open = client;
  client = null;
  await open?.close();
  for (const close of closers.splice(0)) await close();
}

export function write(text: string): void {
  process.stdout.write(text);
}

export function warn(text: string): void {
  process.stderr.write(text);
}

/** The credentials `berth login` kept for REFERENCE's registry, to send with a pull or push. */
export function authFor(g: Globals, reference: string): { username: string; password: string } | undefined {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only by commands that reach a registry */
  const { parseReference } = require('@berth/image/reference') as typeof import('@berth/image/reference');
  const { CredentialStore, defaultConfigPath } =
    require('@berth/image/registry/credentials') as typeof import('@berth/image/registry/credentials');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let domain: string;
  try {
    domain = parseReference(reference).domain;
  } catch {
    return undefined; // the engine names the bad reference
  }
  const file = g.configDir ? `${g.configDir}/config.json` : defaultConfigPath();
  return new CredentialStore(file).get(domain) ?? undefined;
}

/** An engine error as Docker words it. */
export function daemonMessage(error: RpcError): string {
  return error.kind === 'EngineUnavailable' ? error.message : `Error response from daemon: ${error.message}`;
}

/**
 * Runs each of NAMES through ACT, printing what it returns; a failure is
 * reported and the rest still run, as `docker rm a b c` does. Exit 1 if any failed.
 */
export async function forEach(
  names: string[],
  act: (name: string) => Promise<string | null>,
): Promise<number> {
  let failed = 0;
  for (const name of names) {
    try {
      const line = await act(name);
      if (line !== null) write(`${line}\n`);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      warn(`${daemonMessage(error)}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}
