import { parseCommand, UsageError } from '@berth/cli-support/args';
import { openImages, write, type Command } from '../context';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** berth login [-u USER] [-p PASSWORD | --password-stdin] SERVER */
export const login: Command = async (args, g) => {
  const { values, positionals } = parseCommand(
    'login',
    args,
    {
      username: { type: 'string', short: 'u' },
      password: { type: 'string', short: 'p' },
      'password-stdin': { type: 'boolean' },
    },
    ['server'],
  );
  if (!values.username)
    throw new UsageError('login: give the user name with -u (prompting is not supported)');
  const password = values['password-stdin'] ? await readStdin() : (values.password as string | undefined);
  if (!password) throw new UsageError('login: give the password with --password-stdin (or -p)');
  if (values.password)
    process.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  const images = openImages(g);
  try {
    await images.login(positionals[0], { username: values.username as string, password });
    write('Login Succeeded\n');
    return 0;
  } finally {
    images.close();
  }
};

/** berth logout SERVER */
export const logout: Command = async (args, g) => {
  const { positionals } = parseCommand('logout', args, {}, ['server']);
  const images = openImages(g);
  try {
    write(
      images.logout(positionals[0])
        ? `Removing login credentials for ${positionals[0]}\n`
        : `Not logged in to ${positionals[0]}\n`,
    );
    return 0;
  } finally {
    images.close();
  }
};
