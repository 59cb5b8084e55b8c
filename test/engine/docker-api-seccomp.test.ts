/**
 * seccomp through Berth's Docker API, driven by the docker clients: Docker's default profile,
 * --security-opt seccomp=unconfined, and seccomp=FILE, whose content the client sends.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCKER_CLIENTS, dockerClient, EngineHarness, type DockerClient } from '@berth/testing';

jest.setTimeout(120000);

let e: EngineHarness;
let socket: string;
beforeAll(async () => {
  e = new EngineHarness('dockerseccomp');
  await e.start();
  e.importBusybox();
  socket = path.join(e.execRoot, 'docker.sock');
});
afterAll(() => e.cleanup());

const PROBE = 'grep ^Seccomp: /proc/self/status; unshare -U true && echo unshare ok';

describe.each(DOCKER_CLIENTS)('$name', (client) => {
  let docker: DockerClient;
  const tag = client.env.PATH ? 'old' : 'new';
  beforeAll(() => {
    docker = dockerClient(client, socket, e.execRoot);
  });

  it("should give a container Docker's default profile, and none with seccomp=unconfined", () => {
    const confined = docker.cli(['run', '--rm', 'busybox', 'sh', '-c', PROBE]);
    expect(confined.stdout).toBe('Seccomp:\t2\n');
    expect(confined.stderr).toMatch(/unshare.*Operation not permitted/);
    const unconfined = docker.cli([
      'run',
      '--rm',
      '--security-opt',
      'seccomp=unconfined',
      'busybox',
      'sh',
      '-c',
      PROBE,
    ]);
    expect([unconfined.stdout, unconfined.stderr]).toEqual(['Seccomp:\t0\nunshare ok\n', '']);
  });

  it('should apply the profile file the client sends, and show it in inspect', () => {
    const profile = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 30 }],
    };
    const file = path.join(e.tmp, `profile-${tag}.json`);
    fs.writeFileSync(file, JSON.stringify(profile, null, 2));
    const name = `seccomp-${tag}`;
    const r = docker.cli([
      'run',
      '--name',
      name,
      '--security-opt',
      `seccomp=${file}`,
      'busybox',
      'mkdir',
      '/x',
    ]);
    expect(r.stderr).toBe("mkdir: can't create directory '/x': Read-only file system\n");
    const opts = JSON.parse(
      docker.cli(['inspect', '-f', '{{json .HostConfig.SecurityOpt}}', name]).stdout,
    ) as string[];
    expect(opts.map((o) => JSON.parse(o.slice('seccomp='.length)))).toEqual([profile]);
    docker.cli(['rm', name]);
  });
});
