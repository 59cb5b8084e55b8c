/**
 * The seccomp filter of containers run through bin/berth and berthd: Docker's
 * default profile for every container, none with --security-opt
 * seccomp=unconfined or --privileged, a user's profile file otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineHarness } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
beforeAll(async () => {
  e = new EngineHarness('seccomp');
  await e.start();
  e.importBusybox();
});
afterAll(() => e.cleanup());

/** Seccomp mode of the container's process, then how `unshare -U` (a user namespace) fares. */
const PROBE = 'grep ^Seccomp: /proc/self/status; unshare -U true && echo unshare ok';

describe('seccomp', () => {
  it("should give a container Docker's default profile: Seccomp 2, and EPERM for unshare -U", () => {
    const r = e.berth(['run', '--rm', 'busybox', 'sh', '-c', PROBE]);
    expect(r.stdout).toBe('Seccomp:\t2\n');
    expect(r.stderr).toMatch(/unshare.*Operation not permitted/);
    expect(r.status).toBe(1); // the shell's, from unshare
  });

  it('should load no filter with --security-opt seccomp=unconfined', () => {
    // (--privileged → unconfined is checked in plan.spec.ts: it needs every capability in the
    // host's bounding set, which machines that run Berth inside a sandbox may not have)
    const r = e.berth(['run', '--rm', '--security-opt', 'seccomp=unconfined', 'busybox', 'sh', '-c', PROBE]);
    expect([r.stdout, r.stderr, r.status]).toEqual(['Seccomp:\t0\nunshare ok\n', '', 0]);
  });

  it('should apply a profile file, and show it in inspect as docker does', () => {
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 30 }],
    };
    const file = path.join(e.tmp, 'no-mkdir.json');
    fs.writeFileSync(file, JSON.stringify(profile, null, 2));
    const name = 'seccomp-profile';
    const r = e.berth([
      'run',
      '--name',
      name,
      '--security-opt',
      `seccomp=${file}`,
      'busybox',
      'sh',
      '-c',
      'mkdir /x; unshare -U true && echo unshare ok',
    ]);
    expect(r.stderr).toBe("mkdir: can't create directory '/x': Read-only file system\n");
    expect(r.stdout).toBe('unshare ok\n'); // its default is ALLOW
    const shown = e.berth(['inspect', '-f', '{{json .HostConfig.SecurityOpt}}', name]).stdout;
    expect(JSON.parse(shown)).toEqual([`seccomp=${JSON.stringify(profile)}`]);
    e.berth(['rm', name]);
  });

  it('should refuse a bad profile before creating anything, naming the problem', () => {
    const file = path.join(e.tmp, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ defaultAction: 'SCMP_ACT_NOTIFY' }));
    const r = e.berth(['run', '--rm', '--security-opt', `seccomp=${file}`, 'busybox', 'true']);
    expect(r.status).toBe(125);
    expect(r.stderr).toMatch(/seccomp profile.defaultAction: SCMP_ACT_NOTIFY needs a notify listener/);
    const missing = e.berth(['run', '--rm', '--security-opt', 'seccomp=/no/such.json', 'busybox', 'true']);
    expect(missing.status).toBe(125);
    expect(missing.stderr).toMatch(/opening seccomp profile \(\/no\/such.json\) failed/);
    expect(e.berth(['ps', '-aq']).stdout).toBe('');
  });

  it("should filter processes exec'd into a container with the container's profile", () => {
    const name = 'seccomp-exec';
    e.berth(['run', '-d', '--name', name, 'busybox', 'sleep', '60']);
    const r = e.berth(['exec', name, 'sh', '-c', PROBE]);
    expect(r.stdout).toBe('Seccomp:\t2\n');
    expect(r.stderr).toMatch(/Operation not permitted/);
    e.berth(['rm', '-f', name]);
  });
});
