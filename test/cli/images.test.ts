/** bin/berth's image commands on a local data root: output, exit codes, and round trips through a registry. */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  EngineHarness,
  removeCgroupParent,
  sharedBusyboxRootfs,
  startRegistry,
  type TestRegistry,
} from '@berth/testing';

let tmp: string;
let registry: TestRegistry;
/** Two engines with their own data roots: what one pushes, the other pulls. */
let a: EngineHarness;
let b: EngineHarness;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-test-'));
  registry = await startRegistry({ auth: 'htpasswd' });
  a = new EngineHarness('images-a');
  b = new EngineHarness('images-b');
  await Promise.all([a.start(), b.start()]);
  execFileSync('tar', ['-C', sharedBusyboxRootfs(), '-cf', path.join(tmp, 'busybox.tar'), '.']);
});
const CGROUP_PARENT = `berth-test-cli-${process.pid}`;

afterAll(async () => {
  removeCgroupParent(CGROUP_PARENT);
  await Promise.all([a.cleanup(), b.cleanup()]);
  await registry.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function berth(args: string[], options: { root?: string; input?: string } = {}): SpawnSyncReturns<string> {
  // one user, one login (its config dir), two engines
  return (options.root === 'b' ? b : a).berth(args, {
    input: options.input,
    env: { BERTH_CONFIG: a.configDir },
  });
}

it('should import, list, tag, show history, inspect and remove images', () => {
  const imported = berth([
    'import',
    '-c',
    'CMD ["sh"]',
    '-m',
    'imported',
    path.join(tmp, 'busybox.tar'),
    'busybox:cli',
  ]);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  const id = imported.stdout.trim().slice(7, 19);
  expect(berth(['tag', 'busybox:cli', 'busybox:other']).status).toBe(0);
  expect(berth(['images']).stdout).toMatch(
    new RegExp(
      `^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE\nbusybox +(cli|other) +${id} +.* ago +1\\.\\d+MB\n`,
    ),
  );
  expect(berth(['images', '-q']).stdout).toBe(`${id}\n`);
  expect(berth(['history', 'busybox:cli']).stdout).toMatch(
    new RegExp(`^IMAGE +CREATED +CREATED BY +SIZE +COMMENT\n${id} +.* berth import +1\\.\\d+MB +imported\n$`),
  );
  const inspect = JSON.parse(berth(['image', 'inspect', 'busybox:cli']).stdout);
  expect(inspect[0]).toMatchObject({ Id: imported.stdout.trim(), Config: { Cmd: ['sh'] } });
  expect(berth(['rmi', 'busybox:other']).stdout).toBe('Untagged: busybox:other\n');
});

it('should build with docker build’s output, and build -q prints the id', () => {
  const ctx = path.join(tmp, 'ctx');
  fs.mkdirSync(ctx);
  fs.writeFileSync(
    path.join(ctx, 'Dockerfile'),
    'FROM busybox:cli\nRUN echo built > /built\nCMD ["cat", "/built"]\n',
  );
  const built = berth(['build', '--cgroup-parent', CGROUP_PARENT, '-t', 'built:1', ctx]);
  expect(built.status).toBe(0);
  expect(built.stdout).toMatch(/^Step 1\/3 : FROM busybox:cli\n/);
  expect(built.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged built:1\n$/);
  const quiet = berth(['build', '--cgroup-parent', CGROUP_PARENT, '-q', ctx]);
  expect(quiet.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
});

it('should log in, push with progress and pull it back into another data root', () => {
  const name = `${registry.host}/cli/built:1`;
  expect(berth(['tag', 'built:1', name]).status).toBe(0);
  const refused = berth(['push', name]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`berth login ${registry.host}`);
  const login = berth(['login', '-u', registry.user, '--password-stdin', registry.host], {
    input: `${registry.password}\n`,
  });
  expect(login.stdout).toBe('Login Succeeded\n');
  const pushed = berth(['push', name]);
  expect(pushed.status).toBe(0);
  expect(pushed.stdout).toMatch(
    new RegExp(`^The push refers to repository \\[${registry.host}/cli/built\\]\n`),
  );
  expect(pushed.stdout).toMatch(/[0-9a-f]{12}: Pushed\n/);
  expect(pushed.stdout).toMatch(/1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)![1];

  const pulled = berth(['pull', name], { root: 'b' });
  expect(pulled.status).toBe(0);
  expect(pulled.stdout).toMatch(/[0-9a-f]{12}: Pull complete\n/);
  expect(pulled.stdout).toContain(`Digest: ${digest}\nStatus: Downloaded newer image for ${name}\n${name}\n`);
  expect(berth(['pull', name], { root: 'b' }).stdout).toContain(`Status: Image is up to date for ${name}`);
});

it('should save and load through files and pipes', () => {
  const file = path.join(tmp, 'saved.tar');
  expect(berth(['save', '-o', file, 'built:1']).status).toBe(0);
  expect(berth(['load', '-i', file], { root: 'b' }).stdout).toBe('Loaded image: built:1\n');
  expect(berth(['rmi', 'built:1'], { root: 'b' }).status).toBe(0);
  const bin = path.resolve('bin/berth');
  const piped = spawnSync(
    'sh',
    ['-c', `${bin} -H ${a.host} save --format oci built:1 | ${bin} -H ${b.host} load`],
    { encoding: 'utf8' },
  );
  expect(piped.stderr).toBe('');
  expect(piped.stdout).toBe('Loaded image: built:1\n');
});

it('should explain bad input with exit 1', () => {
  const missing = berth(['rmi', 'nope:1']);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toBe('Error response from daemon: image "nope:1" not found\n');
  const usage = berth(['tag', 'only-one']);
  expect(usage.status).toBe(1);
  expect(usage.stderr).toContain('"tag" requires 2 arguments: missing <target>');
  expect(berth(['pull', 'Bad_Name']).stderr).toContain(
    'invalid reference format "Bad_Name": repository name must be lowercase',
  );
  const unknown = berth(['frobnicate']);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("'frobnicate' is not a berth command");
});
