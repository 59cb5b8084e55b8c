/** berth exec: a process in a running container, with its output, input (-i), terminal (-t) and exit code. */
import * as fs from 'node:fs';
import type { Values } from '@berth/cli-support/args';
import { command, engine } from '../context';
import { relaySession, terminalSize } from './attach';
import { runFailure } from './run-failure';
import { parseEnvFile } from './run-flags';

/** -e K=V (or K, taken from here when set) and --env-file F, as the process's environment. */
export function execEnv(values: Values): string[] {
  return [
    ...((values['env-file'] as string[] | undefined) ?? []).flatMap((f) =>
      parseEnvFile(fs.readFileSync(f, 'utf8'), process.env),
    ),
    ...((values.env as string[] | undefined) ?? []).flatMap((e) =>
      e.includes('=') ? [e] : process.env[e] !== undefined ? [`${e}=${process.env[e]}`] : [],
    ),
  ];
}

/** berth exec [-d] [-i] [-t] [-e K=V]... [--env-file F] [-u USER] [-w DIR] [--privileged] CONTAINER COMMAND [ARG...] */
export const exec = command(
  {
    name: 'exec',
    options: {
      detach: { type: 'boolean', short: 'd' },
      interactive: { type: 'boolean', short: 'i' },
      tty: { type: 'boolean', short: 't' },
      env: { type: 'string', short: 'e', multiple: true },
      'env-file': { type: 'string', multiple: true },
      user: { type: 'string', short: 'u' },
      workdir: { type: 'string', short: 'w' },
      privileged: { type: 'boolean' },
    },
    operands: ['container', 'command', 'arg...'],
    interspersed: false,
  },
  async ({ values, positionals }, g) => {
    const [id, ...cmd] = positionals;
    const env = execEnv(values);
    const tty = values.tty === true;
    const stdin = values.interactive === true && values.detach !== true;
    try {
      const call = engine(g).duplex('Exec');
      call.send({
        start: {
          id,
          cmd,
          env,
          workingDir: (values.workdir as string | undefined) ?? '',
          user: (values.user as string | undefined) ?? '',
          tty,
          stdin,
          detach: values.detach === true,
          privileged: values.privileged === true,
          size: tty ? terminalSize() : undefined,
        },
      });
      if (!stdin) call.send({ closeStdin: true });
      return await relaySession(call, tty, stdin);
    } catch (error) {
      runFailure(error);
    }
  },
);
