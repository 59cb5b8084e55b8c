import { openRuntime, parse, UsageError, type Command } from '../cli';

/** exec [--cwd D] [--env K=V]... [--user UID[:GID]] <id> [--] CMD [ARG...]; exits with the process's status. */
export const exec: Command = async (args, globals) => {
  const { values, positionals } = parse(
    'exec',
    args,
    {
      cwd: { type: 'string' },
      env: { type: 'string', short: 'e', multiple: true },
      user: { type: 'string', short: 'u' },
    },
    ['container-id', 'command', 'args...'],
  );
  const [id, ...command] = positionals;
  let user: { uid: number; gid: number } | undefined;
  if (values.user) {
    const [uid, gid] = (values.user as string).split(':').map(Number);
    if (!Number.isInteger(uid) || (gid !== undefined && !Number.isInteger(gid)))
      throw new UsageError(`exec: --user must be UID[:GID], not "${values.user}"`);
    user = { uid, gid: gid ?? 0 };
  }
  const proc = await openRuntime(globals).spawnExec(
    id,
    {
      args: command,
      ...(values.env ? { env: values.env as string[] } : {}),
      ...(values.cwd ? { cwd: values.cwd as string } : {}),
      ...(user ? { user } : {}),
    },
    'inherit',
  );
  return proc.exit;
};
