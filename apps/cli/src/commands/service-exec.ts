/**
 * berth service exec: a process in a running task's container, on whichever machine runs it,
 * through the managers (a manager certificate, as every cluster command) and the task's agent;
 * with its input (-i), a terminal (-t), and its exit code as berth's.
 */
import { UsageError } from '@berth/cli-support/args';
import { command, ExitError } from '../context';
import { manager } from '../manager';
import { terminalSize, withTerminal } from './attach';
import { execEnv } from './exec';

/** berth service exec [-i] [-t] [-e K=V]... [--env-file F] [-u USER] [-w DIR] [--slot N] SERVICE|TASK COMMAND [ARG...] */
export const exec = command(
  {
    name: 'service exec',
    options: {
      interactive: { type: 'boolean', short: 'i' },
      tty: { type: 'boolean', short: 't' },
      env: { type: 'string', short: 'e', multiple: true },
      'env-file': { type: 'string', multiple: true },
      user: { type: 'string', short: 'u' },
      workdir: { type: 'string', short: 'w' },
      slot: { type: 'string' },
    },
    operands: ['service|task', 'command', 'arg...'],
    // flags before and after SERVICE|TASK; what follows the command is the command's
    interspersed: 1,
  },
  async ({ values, positionals }, g) => {
    const [target, ...cmd] = positionals;
    const tty = values.tty === true;
    const stdin = values.interactive === true;
    const call = manager(g).duplex('ServiceExec');
    call.send({
      start: {
        target,
        slot: slotOf(values.slot as string | undefined),
        cmd,
        env: execEnv(values),
        workingDir: (values.workdir as string | undefined) ?? '',
        user: (values.user as string | undefined) ?? '',
        tty,
        stdin,
        size: tty ? terminalSize() : undefined,
      },
    });
    if (!stdin) call.send({ closeStdin: true });
    const io = {
      send: (data: Buffer) => call.send({ stdin: data }),
      end: () => call.send({ closeStdin: true }),
      resize: (size: { rows: number; cols: number }) => call.send({ resize: size }),
    };
    return withTerminal({ tty, stdin }, io, async () => {
      let where = target;
      for await (const m of call) {
        if (m.task) where = `${m.task.name} on ${m.task.hostname}`;
        else if (m.stdout?.length) process.stdout.write(m.stdout);
        else if (m.stderr?.length) process.stderr.write(m.stderr);
        else if (m.exit) {
          if (m.exit.error) throw new ExitError(`berth: ${where}: ${m.exit.error}`, m.exit.exitCode || 126);
          return m.exit.exitCode;
        }
      }
      throw new ExitError('berth: the manager ended the exec without its exit status; try again', 1);
    });
  },
);

function slotOf(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^[1-9]\d*$/.test(value))
    throw new UsageError(
      `service exec: --slot ${value}: a slot is a number from 1 (see \`berth service ps\`)`,
    );
  return Number(value);
}
