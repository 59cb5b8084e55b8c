/** create → start → running → stopped, and everything done to a container on the way. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContainerNotFoundError, InvalidStateError, readJsonLog, Runtime } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('lifecycle');
});
afterAll(() => h.cleanup());

const sh = (script: string) => ['sh', '-c', script];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exit status', () => {
  it('should report the exit code', async () => {
    expect((await h.run({ args: sh('exit 3') })).exit.exitCode).toBe(3);
    expect((await h.run({ args: ['true'] })).exit).toMatchObject({
      exitCode: 0,
      signal: 0,
      oomKilled: false,
    });
  });

  it('should report death by signal as 128 + signal', async () => {
    const id = await h.start({ args: ['sleep', '60'] });
    h.runtime.kill(id, 'KILL');
    expect(await h.runtime.wait(id)).toMatchObject({ exitCode: 137, signal: 9, oomKilled: false });
    expect(h.runtime.state(id).status).toBe('stopped');
    await h.runtime.delete(id);
  });
});

describe('create and start', () => {
  it('should hold the process until start, then run it', async () => {
    const id = h.nextId();
    const created = await h.runtime.create(id, {
      bundle: h.tmp,
      spec: h.spec(id, { args: sh('echo started') }),
    });
    expect(created.status).toBe('created');
    expect(created.pid).toBeGreaterThan(1);
    await sleep(100);
    expect(h.logOf(id)).toEqual([]); // nothing ran yet
    await h.runtime.start(id);
    const exit = await h.runtime.wait(id);
    expect(exit.exitCode).toBe(0);
    expect(h.logOf(id).map((e) => e.log)).toEqual(['started\n']);
    await expect(h.runtime.start(id)).rejects.toThrow(InvalidStateError);
    await h.runtime.delete(id);
  });

  it('should list containers with their state', async () => {
    const running = await h.start({ args: ['sleep', '60'] });
    const id = h.nextId();
    await h.runtime.create(id, { bundle: h.tmp, spec: h.spec(id, { args: ['true'] }) });
    const list = h.runtime.list();
    expect(list.map((c) => [c.id, c.status])).toEqual([
      [running, 'running'],
      [id, 'created'],
    ]);
    await h.runtime.delete(running, { force: true });
    await h.runtime.delete(id);
    expect(h.runtime.list()).toEqual([]);
  });
});

describe('stop', () => {
  it('should wait the grace period for a process that ignores SIGTERM, then kill it', async () => {
    // PID 1 without a handler ignores SIGTERM: only SIGKILL ends it
    const id = await h.start({ args: ['sleep', '60'] });
    const t0 = Date.now();
    const exit = await h.runtime.stop(id, { graceMs: 1000 });
    const took = Date.now() - t0;
    expect(exit.exitCode).toBe(137);
    expect(took).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(4000);
    await h.runtime.delete(id);
  });

  it('should return as soon as a process that handles SIGTERM exits', async () => {
    const id = await h.start({ args: sh('trap "echo bye; exit 0" TERM; while true; do sleep 0.05; done') });
    await sleep(100);
    const t0 = Date.now();
    const exit = await h.runtime.stop(id, { graceMs: 10000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(exit.exitCode).toBe(0);
    expect(h.logOf(id).map((e) => e.log)).toContain('bye\n');
    await h.runtime.delete(id);
  });
});

describe('exec', () => {
  it("should run a process in the container's namespaces with its own output and exit code", async () => {
    const id = await h.start({ args: ['sleep', '60'], hostname: 'target', env: ['FROM_CONTAINER=1'] });
    const r = await h.runtime.exec(id, {
      args: sh('hostname; echo $FROM_CONTAINER $EXTRA; ls /proc | grep -c "^[0-9]"; echo oops >&2; exit 5'),
      env: ['EXTRA=2'],
    });
    expect(r.exitCode).toBe(5);
    const [hostname, env, processes] = r.stdout.trim().split('\n');
    expect(hostname).toBe('target');
    expect(env).toBe('1 2');
    expect(Number(processes)).toBeLessThan(6);
    expect(r.stderr).toBe('oops\n');
    expect(h.logOf(id)).toEqual([]); // exec output is the caller's, not the container log's
    await h.runtime.delete(id, { force: true });
  });

  it('should run as another user and in the container cgroup', async () => {
    const id = await h.start({ args: ['sleep', '60'] });
    const r = await h.runtime.exec(id, {
      args: sh('id -u; cat /proc/self/cgroup | grep memory'),
      user: { uid: 1000, gid: 1000 },
    });
    expect(r.stdout.split('\n')[0]).toBe('1000');
    expect(r.stdout).toMatch(/memory:\/$/m); // the container's cgroup, seen through its namespace
    await h.runtime.delete(id, { force: true });
  });

  it('should fail with 127 and Docker’s message for a missing command', async () => {
    const id = await h.start({ args: ['sleep', '60'] });
    await expect(h.runtime.exec(id, { args: ['nosuchcmd'] })).rejects.toMatchObject({
      exitCode: 127,
      message: expect.stringContaining('exec: "nosuchcmd": executable file not found in $PATH'),
    });
    await h.runtime.delete(id, { force: true });
  });
});

describe('pause and resume', () => {
  it('should freeze every process and let it go on after resume', async () => {
    const id = await h.start({ args: sh('while true; do echo tick; sleep 0.02; done') });
    await sleep(150);
    await h.runtime.pause(id);
    expect(h.runtime.state(id).status).toBe('paused');
    const frozenAt = h.logOf(id).length;
    await sleep(300);
    expect(h.logOf(id).length).toBe(frozenAt);
    await h.runtime.resume(id);
    expect(h.runtime.state(id).status).toBe('running');
    await sleep(300);
    expect(h.logOf(id).length).toBeGreaterThan(frozenAt + 3);
    await expect(h.runtime.resume(id)).rejects.toThrow(InvalidStateError);
    await h.runtime.delete(id, { force: true });
  });

  it('should stop a paused container', async () => {
    const id = await h.start({ args: ['sleep', '60'] });
    await h.runtime.pause(id);
    expect((await h.runtime.stop(id, { graceMs: 200 })).exitCode).toBe(137);
    await h.runtime.delete(id);
  });
});

describe('delete', () => {
  it('should refuse a running container without force', async () => {
    const id = await h.start({ args: ['sleep', '60'] });
    await expect(h.runtime.delete(id)).rejects.toThrow(/stop it first or use --force/);
    expect(h.runtime.state(id).status).toBe('running');
    await h.runtime.delete(id, { force: true });
  });

  it('should leave no mount, cgroup, process or state behind', async () => {
    const id = await h.start({ args: sh('sleep 60 & sleep 60') });
    const info = h.runtime.state(id);
    const cgroupDirs = h.cgroupDirs().map((d) => path.join(d, id));
    expect(cgroupDirs.some((d) => fs.existsSync(d))).toBe(true);
    await h.runtime.delete(id, { force: true });

    expect(cgroupDirs.filter((d) => fs.existsSync(d))).toEqual([]);
    expect(fs.existsSync(path.join(h.runtime.stateRoot, id))).toBe(false);
    expect(fs.existsSync(`/proc/${info.pid}`)).toBe(false);
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8');
    expect(mounts).not.toContain(path.join(h.tmp, 'rootfs', id));
    expect(() => h.runtime.state(id)).toThrow(ContainerNotFoundError);
  });
});

describe('logs', () => {
  it('should rotate the json log by size, keeping max-files files', async () => {
    const id = h.nextId();
    const logPath = path.join(h.tmp, `${id}.log.json`);
    const script = 'i=0; while [ $i -lt 200 ]; do echo "line $i of the rotation test"; i=$((i+1)); done';
    await h.runtime.run(id, {
      bundle: h.tmp,
      spec: h.spec(id, { args: sh(script) }),
      log: { path: logPath, maxSize: 2000, maxFiles: 3 },
    });
    await h.runtime.delete(id);
    const files = fs
      .readdirSync(h.tmp)
      .filter((f) => f.startsWith(`${id}.log.json`))
      .sort();
    expect(files).toEqual([`${id}.log.json`, `${id}.log.json.1`, `${id}.log.json.2`]);
    for (const f of files) expect(fs.statSync(path.join(h.tmp, f)).size).toBeLessThanOrEqual(2000);
    // the newest lines survive, in order, ending with the last one
    const lines = readJsonLog(logPath).map((e) => e.log);
    expect(lines[lines.length - 1]).toBe('line 199 of the rotation test\n');
    const numbers = lines.map((l) => Number(l.split(' ')[1]));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
    expect(numbers[0]).toBeGreaterThan(0); // the oldest fell off
  });
});

describe('a container outlives the process that made it', () => {
  it('should keep running after its creator exits, and be found and stopped by another', async () => {
    const id = h.nextId('orphan');
    const spec = h.spec(id, { args: sh('while true; do echo alive; sleep 0.05; done') });
    const specFile = path.join(h.tmp, `${id}.json`);
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const script = `
      const { Runtime } = require(${JSON.stringify(path.resolve('dist/libs/runtime/src'))});
      const rt = Runtime.open({ stateRoot: ${JSON.stringify(h.runtime.stateRoot)}, cgroupParent: ${JSON.stringify(h.cgroupParent)} });
      const spec = JSON.parse(require('fs').readFileSync(${JSON.stringify(specFile)}, 'utf8'));
      rt.createAndStart(${JSON.stringify(id)}, { bundle: ${JSON.stringify(h.tmp)}, spec }).then(i => console.log(i.pid));`;
    const creator = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
    expect(creator.stderr).toBe('');
    expect(creator.status).toBe(0);

    const other = Runtime.open({ stateRoot: h.runtime.stateRoot, cgroupParent: h.cgroupParent });
    await sleep(200);
    const info = other.state(id);
    expect(info.status).toBe('running');
    expect(info.pid).toBe(Number(creator.stdout.trim()));
    const before = h.logOf(id).length;
    await sleep(200);
    expect(h.logOf(id).length).toBeGreaterThan(before); // the monitor still writes its log
    expect((await other.stop(id, { graceMs: 500 })).exitCode).toBe(137);
    await other.delete(id);
  });
});

// The compiled library is what the orphan test's child process loads.
beforeAll(() => {
  if (!fs.existsSync('dist/libs/runtime/src/index.js'))
    execFileSync('npm', ['run', 'build:ts'], { stdio: 'ignore' });
});
