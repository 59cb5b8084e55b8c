/** Host programs run through berth-shim's spawner answer exactly as when Node runs them itself. */
import { runDirect, type RunProgram } from '@berth/process';
import { encodeSpawnRequest, ShimSpawner } from '@berth/runtime';
import { until } from '@berth/testing';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

let dir: string;
let spawner: ShimSpawner;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-spawner-'));
  spawner = new ShimSpawner(path.join(dir, 'spawner.sock'));
});
afterAll(() => {
  spawner.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PATH = process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin';
const runners: [string, () => RunProgram][] = [
  ['berth-shim spawner', () => spawner.run],
  ['Node directly', () => runDirect],
];

describe.each(runners)('running programs (%s)', (_name, runner) => {
  it('should return the exit code, stdout and stderr', async () => {
    expect(await runner()(['sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({
      code: 3,
      stdout: 'out\n',
      stderr: 'err\n',
    });
  });

  it('should give the program exactly the environment and input it was sent', async () => {
    expect(await runner()(['env'], { env: { PATH, GREETING: 'hello world' } })).toEqual({
      code: 0,
      stdout: `PATH=${PATH}\nGREETING=hello world\n`,
      stderr: '',
    });
    const { stdout } = await runner()(['sh', '-c', 'cat; echo " $GREETING"'], {
      env: { PATH, GREETING: 'there' },
      input: 'input',
    });
    expect(stdout).toBe('input there\n');
  });

  it('should carry a megabyte in and out', async () => {
    const input = 'x'.repeat(1 << 20);
    const { code, stdout } = await runner()(['cat'], { input });
    expect(code).toBe(0);
    expect(stdout.length).toBe(input.length);
    expect(stdout === input).toBe(true);
  });

  it('should report death by signal as 128 + N', async () => {
    expect((await runner()(['sh', '-c', 'kill -9 $$'])).code).toBe(137);
  });

  it('should answer 127 with the reason for a program that does not exist', async () => {
    const result = await runner()(['/nonexistent/berth-no-such-program']);
    expect(result.code).toBe(127);
    expect(result.stderr).toContain('/nonexistent/berth-no-such-program');
  });

  it('should run programs side by side, each answer to its own request', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runner()(['sh', '-c', `sleep 0.0$((${i} % 5)); echo ${i}`])),
    );
    expect(answers.map((a) => a.stdout)).toEqual(Array.from({ length: 20 }, (_, i) => `${i}\n`));
  });
});

/** Bytes from SOCKET until it closes. */
function drain(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.resume();
  });
}

const parentOf = (pid: number) =>
  Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);

describe('detached programs (a container monitor starts so)', () => {
  it('should give its pid, then carry its fd 3 and stderr until it exits, in a session of its own', async () => {
    const script =
      'echo status >&3; echo complaint >&2; echo lost; read x; echo "stdin:$x" >&3; sleep 0.3; echo done >&3';
    const { pid, socket } = await spawner.detach(['sh', '-c', script], { PATH });
    const said = drain(socket);
    // after the command: state, ppid, pgrp, session: a session of its own (setsid)
    const session = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[3]);
    expect(session).toBe(pid);
    expect(await said).toBe('status\ncomplaint\nstdin:\ndone\n');
    // its fds close a moment before it is a zombie (or reaped): a loaded machine shows that moment
    const alive = () => {
      try {
        return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
      } catch {
        return false;
      }
    };
    expect(await until(`program ${pid} to end`, alive, (a) => !a, 2000, 20)).toBe(false);
  });

  it('should outlive the spawner and its handler, reparented away from both', async () => {
    const { pid, socket } = await spawner.detach(['sleep', '30'], { PATH });
    try {
      const spawnerPid = spawner.pid!;
      process.kill(spawnerPid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('sleep');
      expect([spawnerPid, process.pid]).not.toContain(parentOf(pid));
    } finally {
      process.kill(pid, 'SIGKILL');
      socket.destroy();
    }
    expect((await spawner.run(['echo', 'again'])).stdout).toBe('again\n');
  });

  it('should say why a program could not start', async () => {
    const { socket } = await spawner.detach(['/nonexistent/berth-no-such-monitor'], { PATH });
    expect(await drain(socket)).toContain('/nonexistent/berth-no-such-monitor');
  });
});

describe('the spawner process', () => {
  it('should start again after it died', async () => {
    await spawner.run(['true']);
    const first = spawner.pid!;
    process.kill(first, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await spawner.run(['echo', 'again'])).stdout).toBe('again\n');
    expect(spawner.pid).not.toBe(first);
  });

  it('should kill a program whose requester hung up', async () => {
    await spawner.run(['true']);
    const pidFile = path.join(dir, 'hung-up.pid');
    const socket = net.createConnection(path.join(dir, 'spawner.sock'));
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(encodeSpawnRequest(['sh', '-c', `echo $$ > ${pidFile}; exec sleep 60`], { PATH }));
    for (let i = 0; i < 100 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 20));
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('sleep');
    socket.destroy();
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      await new Promise((r) => setTimeout(r, 20));
      alive = fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
    }
    expect(alive).toBe(false);
  });
});
