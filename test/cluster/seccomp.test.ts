/**
 * A stack's security_opt on a one-machine cluster: tasks get Docker's default seccomp profile,
 * none with seccomp:unconfined, or the profile file next to the stack file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterHarness, until } from '@berth/testing';

jest.setTimeout(180_000);

let cluster: ClusterHarness | undefined;
let scratch = '';
beforeAll(async () => {
  cluster = await ClusterHarness.start({ machines: 1 });
  for (const m of cluster.machines) m.importBusybox();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-seccomp-'));
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function berth(args: string[]): string {
  const r = cluster!.berth(args, { timeoutMs: 150_000 });
  if (r.status !== 0) throw new Error(`berth ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

const service = (name: string, securityOpt: string[]) => [
  `  ${name}:`,
  '    image: busybox:latest',
  '    command: ["sh", "-c", "grep ^Seccomp: /proc/self/status; mkdir /x && echo mkdir ok; unshare -U true && echo unshare ok; sleep 3600"]',
  ...(securityOpt.length ? ['    security_opt:', ...securityOpt.map((o) => `      - "${o}"`)] : []),
];

describe('seccomp in a stack', () => {
  it('should give tasks the default profile, none, or the stack directory’s profile file', async () => {
    fs.writeFileSync(
      path.join(scratch, 'no-mkdir.json'),
      JSON.stringify({
        defaultAction: 'SCMP_ACT_ALLOW',
        syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO' }],
      }),
    );
    const file = path.join(scratch, 'stack.yml');
    fs.writeFileSync(
      file,
      [
        'services:',
        ...service('confined', []),
        ...service('unconfined', ['seccomp:unconfined']),
        ...service('custom', ['seccomp:./no-mkdir.json']),
        '',
      ].join('\n'),
    );
    berth(['stack', 'deploy', '-c', file, 'sc']);
    const logs = (name: string, last: string) =>
      until(
        `sc_${name} to print`,
        () => berth(['service', 'logs', `sc_${name}`]),
        (text) => text.includes(last),
        60_000,
        250,
      );
    // `service logs` prefixes each line with the task; the lines themselves in order
    const lines = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^[^|]*\|\s?/, ''));
    expect(lines(await logs('confined', 'mkdir ok'))).toEqual(['Seccomp:\t2', 'mkdir ok']);
    expect(lines(await logs('unconfined', 'unshare ok'))).toEqual(['Seccomp:\t0', 'mkdir ok', 'unshare ok']);
    expect(lines(await logs('custom', 'unshare ok'))).toEqual(['Seccomp:\t2', 'unshare ok']);
    const privileges = JSON.parse(berth(['service', 'inspect', 'sc_unconfined']))[0].Spec.TaskTemplate
      .ContainerSpec.Privileges;
    expect(privileges).toEqual({ Seccomp: { Mode: 'unconfined' } });
    berth(['stack', 'rm', 'sc']);
  });
});
