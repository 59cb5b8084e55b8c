/** bin/berth-runtime's stdio as runc's: pass-through, --console-socket, the relayed terminal, --pid-file. */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeHarness } from '@berth/testing';

const BIN = path.resolve('bin/berth-runtime');
let h: RuntimeHarness;
let root: string;
let recvtty: string;

beforeAll(() => {
  h = RuntimeHarness.open('cli-stdio');
  root = path.join(h.tmp, 'cli-root');
  if (!fs.existsSync('dist/apps/runtime/src/main.js'))
    execFileSync('npm', ['run', 'build:ts'], { stdio: 'ignore' });
  recvtty = path.join(h.tmp, 'recvtty');
  execFileSync('gcc', ['-O2', '-o', recvtty, path.resolve('test/support/native/recvtty.c')]);
});
afterAll(async () => {
  spawnSync(BIN, ['--root', root, 'list', '-q'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .forEach((id) => spawnSync(BIN, ['--root', root, 'delete', '--force', id]));
  await h.cleanup();
});

const runcBundle = (name: string, args: string[], terminal = false) =>
  h.runcBundle(name, args, (config) => (config.process!.terminal = terminal));

const globals = () => ['--root', root, '--cgroup-parent', h.cgroupParent];

function berth(args: string[], stdio: StdioOptions = 'pipe', cwd?: string): SpawnSyncReturns<string> {
  return spawnSync(BIN, [...globals(), ...args], { encoding: 'utf8', timeout: 30000, stdio, cwd });
}

async function untilStopped(id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (JSON.parse(berth(['state', id]).stdout).status === 'stopped') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('should write the container’s stdout and stderr where run’s go (berth-runtime run x > out.txt)', () => {
  const bundle = runcBundle('redirect', [
    'sh',
    '-c',
    'echo to-out; echo to-err >&2; read line; echo got $line',
  ]);
  const input = path.join(h.tmp, 'in.txt');
  fs.writeFileSync(input, 'typed\n');
  const [inFd, outFd, errFd] = [
    fs.openSync(input, 'r'),
    fs.openSync(path.join(h.tmp, 'out.txt'), 'w'),
    fs.openSync(path.join(h.tmp, 'err.txt'), 'w'),
  ];
  const r = berth(['run', 'redirect', '--bundle', bundle], [inFd, outFd, errFd]);
  [inFd, outFd, errFd].forEach((fd) => fs.closeSync(fd));
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(h.tmp, 'out.txt'), 'utf8')).toBe('to-out\ngot typed\n');
  expect(fs.readFileSync(path.join(h.tmp, 'err.txt'), 'utf8')).toBe('to-err\n');
});

it('should give the container the creator’s pipes, which carry its output after create has exited', async () => {
  const bundle = runcBundle('passthrough', ['sh', '-c', 'echo out-after-start; echo err-after-start >&2']);
  const creator = spawn(BIN, [...globals(), 'create', 'pass', '--bundle', bundle], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  creator.stdout.on('data', (d) => (out += d));
  creator.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => creator.on('exit', r));
  const closed = new Promise((r) => creator.on('close', r));
  expect(await exited).toBe(0); // create is done; the container holds our pipes
  expect(out).toBe('');
  expect(berth(['start', 'pass']).status).toBe(0);
  await closed; // end of file once the container has exited
  expect(out).toBe('out-after-start\n');
  expect(err).toBe('err-after-start\n');
  await untilStopped('pass');
  expect(berth(['delete', 'pass']).status).toBe(0);
});

it('should send the terminal’s master end to --console-socket with its name, as runc', async () => {
  const bundle = runcBundle('console', ['sh', '-c', 'tty; echo on-the-terminal'], true);
  const socket = path.join(h.tmp, 'console.sock');
  const receiver = spawn(recvtty, [socket], { stdio: ['ignore', 'pipe', 'inherit'] });
  let said = '';
  receiver.stdout.on('data', (d) => (said += d));
  const done = new Promise((r) => receiver.on('close', r));
  for (let i = 0; i < 100 && !said.includes('listening'); i++) await new Promise((r) => setTimeout(r, 20));
  const pidFile = 'console.pid'; // relative: to the cwd, as runc
  const created = berth(
    ['create', 'console', '-b', bundle, '--console-socket', socket, '--pid-file', pidFile],
    'pipe',
    h.tmp,
  );
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  const state = JSON.parse(berth(['state', 'console']).stdout);
  expect(fs.readFileSync(path.join(h.tmp, pidFile), 'utf8')).toBe(String(state.pid));
  expect(fs.readdirSync(h.tmp).filter((f) => f.includes('console.pid'))).toEqual([pidFile]); // no temporary left
  expect(berth(['start', 'console']).status).toBe(0);
  await done;
  expect(said).toBe('listening\nname: /dev/pts/0\n/dev/pts/0\r\non-the-terminal\r\n');
  await untilStopped('console');
  expect(berth(['delete', 'console']).status).toBe(0);
});

it('should fail create and leave nothing when no one listens on the console socket', () => {
  const bundle = runcBundle('no-listener', ['true'], true);
  const r = berth(['create', 'nolisten', '-b', bundle, '--console-socket', path.join(h.tmp, 'nobody.sock')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    `connect to console socket ${path.join(h.tmp, 'nobody.sock')}: No such file or directory`,
  );
  expect(fs.existsSync(path.join(root, 'nolisten'))).toBe(false);
});

it('should refuse a terminal with no console socket for a container that outlives the command, and the reverse', () => {
  const tty = runcBundle('tty-detached', ['true'], true);
  const plain = runcBundle('no-tty', ['true']);
  const r = berth(['create', 'ttyd', '-b', tty]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    'process.terminal: is true but the container outlives this command: pass --console-socket',
  );
  const s = berth(['run', '-d', 'notty', '-b', plain, '--console-socket', path.join(h.tmp, 'x.sock')]);
  expect(s.status).toBe(1);
  expect(s.stderr).toContain(
    'process.terminal: is false, so there is no terminal to send to --console-socket',
  );
  expect(berth(['list', '-q']).stdout).toBe('');
});

it('should relay a terminal to its own in the foreground, as runc run', () => {
  const bundle = runcBundle('relay', ['sh', '-c', 'tty; stty size; echo relayed'], true);
  const command = [BIN, ...globals(), 'run', 'relay', '-b', bundle].join(' ');
  // script gives berth-runtime a terminal of 24 rows and 80 columns (and prints what it shows)
  const r = spawnSync('script', ['-qec', `stty rows 24 cols 80; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    timeout: 30000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('/dev/pts/0\r\n24 80\r\nrelayed\r\n');
});
