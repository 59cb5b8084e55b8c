/** Bad input gets a clear error and leaves nothing behind: no state dir, no cgroup, no process. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ContainerExistsError,
  ContainerStartError,
  InvalidIdError,
  InvalidSpecError,
  InvalidStateError,
  type OciSpec,
} from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('badinput');
});
afterAll(() => h.cleanup());

function expectNothingLeft(id: string): void {
  expect(fs.existsSync(path.join(h.runtime.stateRoot, id))).toBe(false);
  expect(
    h
      .cgroupDirs()
      .map((d) => path.join(d, id))
      .filter((d) => fs.existsSync(d)),
  ).toEqual([]);
  expect(h.runtime.list().map((c) => c.id)).not.toContain(id);
}

async function createFails(id: string, spec: OciSpec): Promise<unknown> {
  const error = await h.runtime.createAndStart(id, { bundle: h.tmp, spec }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  expectNothingLeft(id);
  return error;
}

it('should name a missing rootfs', async () => {
  const spec = h.spec('x', { rootfs: { path: path.join(h.tmp, 'no-such-rootfs') } });
  const error = await createFails('missing-rootfs', spec);
  expect(error).toBeInstanceOf(InvalidSpecError);
  expect((error as InvalidSpecError).problems).toEqual([
    {
      path: 'root.path',
      message: `rootfs ${path.join(h.tmp, 'no-such-rootfs')} does not exist or is not a directory`,
    },
  ]);
});

it('should fail a missing command with 127 and Docker’s message', async () => {
  const error = await createFails('missing-cmd', h.spec('missing-cmd', { args: ['nosuchcmd', '--flag'] }));
  expect(error).toBeInstanceOf(ContainerStartError);
  expect(error).toMatchObject({ exitCode: 127 });
  expect((error as Error).message).toBe(
    'container "missing-cmd": exec: "nosuchcmd": executable file not found in $PATH',
  );
});

it('should fail a missing absolute path with 127 and a file that is not executable with 126', async () => {
  const missing = await createFails('missing-abs', h.spec('missing-abs', { args: ['/bin/nope'] }));
  expect((missing as Error).message).toContain(
    'exec: "/bin/nope": stat /bin/nope: No such file or directory',
  );
  expect(missing).toMatchObject({ exitCode: 127 });
  const notExec = await createFails('not-exec', h.spec('not-exec', { args: ['/etc/passwd'] }));
  expect(notExec).toMatchObject({ exitCode: 126, message: expect.stringContaining('permission denied') });
});

it('should refuse a memory limit below the minimum before making anything', async () => {
  const error = await createFails('tiny-mem', h.spec('tiny-mem', { memoryBytes: 1 << 20 }));
  expect(error).toBeInstanceOf(InvalidSpecError);
  expect((error as InvalidSpecError).problems[0].path).toBe('linux.resources.memory.limit');
});

it('should report a limit the kernel refuses, naming the field, and remove the half-made cgroup', async () => {
  const spec = h.spec('bad-cpuset');
  spec.linux!.resources = { cpu: { cpus: '63' } }; // a CPU this machine does not have
  const error = await createFails('bad-cpuset', spec);
  expect(error).toBeInstanceOf(InvalidSpecError);
  expect((error as InvalidSpecError).problems[0]).toMatchObject({
    path: 'linux.resources.cpu.cpus',
    message: expect.stringContaining('the kernel refused cpuset.cpus=63'),
  });
});

it('should refuse a duplicate id and leave the first container alone', async () => {
  const id = await h.start({ args: ['sleep', '60'] });
  const pid = h.runtime.state(id).pid;
  await expect(h.runtime.createAndStart(id, { bundle: h.tmp, spec: h.spec(id) })).rejects.toThrow(
    ContainerExistsError,
  );
  expect(h.runtime.state(id)).toMatchObject({ status: 'running', pid });
  await h.runtime.delete(id, { force: true });
});

it('should refuse ids that are not names', async () => {
  await expect(h.runtime.createAndStart('../escape', { bundle: h.tmp, spec: h.spec('x') })).rejects.toThrow(
    InvalidIdError,
  );
  expect(fs.existsSync(path.join(h.runtime.stateRoot, '..', 'escape'))).toBe(false);
});

it('should name a bind source that does not exist', async () => {
  const spec = h.spec('bad-bind', { mounts: [{ source: '/nonexistent/berth', destination: '/data' }] });
  const error = (await createFails('bad-bind', spec)) as InvalidSpecError;
  expect(error.problems[0].path).toMatch(/^mounts\[\d+\]\.source$/);
  expect(error.problems[0].message).toBe('bind source /nonexistent/berth does not exist');
});

it('should name a bundle without a readable config.json', async () => {
  const bundle = path.join(h.tmp, 'broken-bundle');
  fs.mkdirSync(bundle);
  fs.writeFileSync(path.join(bundle, 'config.json'), '{ not json');
  const error = await h.runtime.createAndStart('broken', { bundle }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidSpecError);
  expect((error as Error).message).toContain(`${bundle}/config.json: not valid JSON`);
  expectNothingLeft('broken');
});

it('should refuse an unknown signal and operations that do not fit the state', async () => {
  const id = await h.start({ args: ['sleep', '60'] });
  expect(() => h.runtime.kill(id, 'SIGNOPE')).toThrow('unknown signal "SIGNOPE"');
  await expect(h.runtime.resume(id)).rejects.toThrow(InvalidStateError);
  await h.runtime.delete(id, { force: true });
});
