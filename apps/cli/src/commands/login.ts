/** berth login / logout: the engine checks the credentials; the CLI keeps them, as docker's does. */
import { UsageError } from '@berth/cli-support/args';
import { CredentialStore, defaultConfigPath } from '@berth/image/registry/credentials';
import { command, engine, write, type Globals } from '../context';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function store(g: Globals): CredentialStore {
  return new CredentialStore(g.configDir ? `${g.configDir}/config.json` : defaultConfigPath());
}

/** The registry host a login names ("https://host/v1/" → host; none → Docker Hub). */
function serverOf(text: string | undefined): string {
  if (!text) return 'docker.io';
  const host = text.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}

/** berth login [-u USER] [-p PASSWORD | --password-stdin] [SERVER] */
export const login = command(
  {
    name: 'login',
    options: {
      username: { type: 'string', short: 'u' },
      password: { type: 'string', short: 'p' },
      'password-stdin': { type: 'boolean' },
    },
    operands: ['server?'],
  },
  async ({ values, positionals }, g) => {
    if (!values.username)
      throw new UsageError('login: give the user name with -u (prompting is not supported)');
    const password = values['password-stdin'] ? await readStdin() : (values.password as string | undefined);
    if (!password) throw new UsageError('login: give the password with --password-stdin (or -p)');
    if (values.password)
      process.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    const server = serverOf(positionals[0]);
    const credentials = { username: values.username as string, password };
    await engine(g).call('Login', { server, auth: credentials });
    store(g).set(server, credentials);
    write('Login Succeeded\n');
    return 0;
  },
);

/** berth logout [SERVER] */
export const logout = command(
  { name: 'logout', options: {}, operands: ['server?'] },
  async ({ positionals }, g) => {
    const server = serverOf(positionals[0]);
    write(
      store(g).remove(server) ? `Removing login credentials for ${server}\n` : `Not logged in to ${server}\n`,
    );
    return 0;
  },
);
