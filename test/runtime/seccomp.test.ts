/**
 * The seccomp filter a container gets: Docker's default profile as buildSpec
 * (and so the engine) makes it, none when unconfined, a user's profile in
 * Docker's format. A static probe makes raw syscalls and prints their errno.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ContainerOptions } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

const EPERM = 1;
const ENOSYS = 38;
/** The calls Docker's default profile refuses to a container with the default capabilities. */
const BLOCKED = [
  'unshare-user',
  'keyctl',
  'add_key',
  'bpf',
  'perf_event_open',
  'userfaultfd',
  'mount',
  'setns',
  'socket-vsock',
];

let h: RuntimeHarness;
let probe: string;
beforeAll(() => {
  h = RuntimeHarness.open('seccomp');
  probe = path.join(h.tmp, 'seccomp-probe');
  execFileSync('gcc', ['-static', '-O2', '-o', probe, path.join(__dirname, '../fixtures/seccomp-probe.c')]);
});
afterAll(() => h.cleanup());

async function run(options: Partial<ContainerOptions>, ...args: string[]) {
  const mounts = [{ source: probe, destination: '/probe', readOnly: true }];
  const r = await h.run({ args, mounts, ...options });
  expect([r.exit.exitCode, r.stderr]).toEqual([0, '']);
  return r.stdout;
}

/** "NAME ERRNO" lines → { NAME: ERRNO } */
const errnos = (stdout: string): Record<string, number> =>
  Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .map(([name, errno]) => [name, Number(errno)]),
  );

const seccompMode = (status: string) => /^Seccomp:\s+(\d+)$/m.exec(status)?.[1];

describe("Docker's default profile", () => {
  it('should put the container in filter mode (Seccomp: 2)', async () => {
    const status = await run({}, 'cat', '/proc/self/status');
    expect(seccompMode(status)).toBe('2');
    expect(/^Seccomp_filters:\s+(\d+)$/m.exec(status)?.[1]).toBe('1');
  });

  it('should answer EPERM to the calls Docker blocks, ENOSYS to clone3, and let the rest through', async () => {
    const result = errnos(await run({}, '/probe', ...BLOCKED, 'clone3', 'socket-unix', 'getpid'));
    expect(result).toEqual({
      ...Object.fromEntries(BLOCKED.map((name) => [name, EPERM])),
      clone3: ENOSYS, // so that libc falls back to clone
      'socket-unix': 0,
      getpid: 0,
    });
  });

  it('should refuse a user namespace to unshare(1)', async () => {
    const r = await h.run({ args: ['unshare', '-U', 'true'] });
    expect(r.exit.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/Operation not permitted/);
  });

  it('should let a capability the container is given unlock its calls (CAP_SYS_ADMIN: mount, unshare)', async () => {
    const result = errnos(await run({ capAdd: ['SYS_ADMIN'] }, '/probe', 'mount', 'unshare-user', 'keyctl'));
    expect(result['mount']).not.toBe(EPERM); // EFAULT from the kernel: the filter let it through
    expect(result['unshare-user']).toBe(0);
    expect(result['keyctl']).toBe(EPERM); // not unlocked by any capability
  });

  it("should filter processes exec'd into the container too", async () => {
    const id = await h.start({
      args: ['sleep', '60'],
      mounts: [{ source: probe, destination: '/probe', readOnly: true }],
    });
    try {
      const r = await h.runtime.exec(id, {
        args: ['sh', '-c', 'grep ^Seccomp: /proc/self/status; /probe unshare-user'],
      });
      expect(r.stdout).toMatch(/^Seccomp:\s+2\nunshare-user 1\n$/);
    } finally {
      await h.runtime.delete(id, { force: true });
    }
  });

  it('should load as an unprivileged user, with and without no_new_privs', async () => {
    for (const noNewPrivileges of [false, true]) {
      const out = await run(
        { user: { uid: 1000, gid: 1000 }, noNewPrivileges },
        'sh',
        '-c',
        'grep -E "^(Seccomp|NoNewPrivs):" /proc/self/status; id -u',
      );
      expect(out).toBe(`NoNewPrivs:\t${noNewPrivileges ? 1 : 0}\nSeccomp:\t2\n1000\n`);
    }
  });
});

describe('a filter the kernel refuses', () => {
  it('should fail the create, naming the seccomp step and the kernel error', async () => {
    const id = h.nextId();
    const spec = h.spec(id, { args: ['true'] });
    // WAIT_KILLABLE_RECV without NEW_LISTENER: seccomp(2) says EINVAL
    spec.linux!.seccomp = { ...spec.linux!.seccomp!, flags: ['SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV'] };
    await expect(h.runtime.run(id, { bundle: h.tmp, spec })).rejects.toThrow(
      /load seccomp filter \(\d+ instructions, flags 32\): Invalid argument/,
    );
    expect(h.runtime.list().map((c) => c.id)).not.toContain(id);
  });
});

describe('unconfined', () => {
  it('should load no filter, so the same calls reach the kernel', async () => {
    expect(seccompMode(await run({ seccomp: 'unconfined' }, 'cat', '/proc/self/status'))).toBe('0');
    const result = errnos(await run({ seccomp: 'unconfined' }, '/probe', ...BLOCKED, 'clone3'));
    // what the kernel answers depends on the call (EFAULT, EBADF, EINVAL, success); never the filter's EPERM
    for (const name of [...BLOCKED, 'clone3']) expect([name, result[name]]).not.toEqual([name, EPERM]);
    expect(result['clone3']).not.toBe(ENOSYS);
  });
});

describe("a profile in Docker's format", () => {
  it('should apply its own default, errno and argument rules', async () => {
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [
        { names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 30 },
        { names: ['socket'], action: 'SCMP_ACT_ERRNO', args: [{ index: 0, value: 1, op: 'SCMP_CMP_EQ' }] },
      ],
    };
    const out = await run(
      { seccomp: { profile } },
      'sh',
      '-c',
      'mkdir /tmp/x 2>&1; /probe socket-unix unshare-user',
    );
    expect(out).toBe(
      "mkdir: can't create directory '/tmp/x': Read-only file system\nsocket-unix 1\nunshare-user 0\n",
    );
  });

  it('should kill the process with SCMP_ACT_KILL_PROCESS', async () => {
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['getpid'], action: 'SCMP_ACT_KILL_PROCESS' }],
    };
    const r = await h.run({
      args: ['/probe', 'getpid'],
      mounts: [{ source: probe, destination: '/probe', readOnly: true }],
      seccomp: { profile },
    });
    expect(r.exit.signal).toBe(os.constants.signals.SIGSYS);
  });
});
