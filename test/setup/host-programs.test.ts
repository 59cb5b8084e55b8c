/**
 * The host-program catalogue against this machine, after scripts/setup.sh ran: each program is
 * really on the PATH and really comes from the package the catalogue names (dpkg says so), so
 * the advice a missing program gets and the setup's package list cannot drift from the truth.
 */
import {
  CNI_PLUGINS,
  HOST_PROGRAMS,
  installAdvice,
  ProgramMissingError,
  runChecked,
  runDirect,
} from '@berth/process';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const installed = (pkg: string) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout.includes(
    'install ok installed',
  );

/** The packages dpkg says own FILE, trying the names merged /usr gives it (/bin/x is /usr/bin/x). */
function owners(file: string): string[] {
  const real = fs.realpathSync(file);
  const names = new Set<string>();
  for (const f of [file, real])
    for (const dir of ['', '/bin', '/sbin', '/usr/bin', '/usr/sbin'])
      names.add(dir ? path.join(dir, path.basename(f)) : f);
  const found = new Set<string>();
  for (const name of names) {
    const r = spawnSync('dpkg-query', ['-S', name], { encoding: 'utf8' });
    for (const line of r.stdout.split('\n')) {
      const [pkgs, owned] = line.split(': ');
      if (owned === name) for (const p of pkgs.split(', ')) found.add(p.split(':')[0]);
    }
  }
  return [...found];
}

/** The file PROGRAM runs from (not a shell builtin of the same name). */
const which = (program: string) =>
  spawnSync('bash', ['-c', `type -P ${program}`], { encoding: 'utf8' }).stdout.trim() || undefined;

describe('the host-program catalogue on this machine', () => {
  const fromDebian = Object.entries(HOST_PROGRAMS).filter(([, source]) => !source.node);

  it.each(fromDebian.filter(([, s]) => installed(s.package)))(
    'should find %s on the PATH, installed by the package the catalogue names',
    (program, source) => {
      const file = which(program);
      expect([program, file !== undefined]).toEqual([program, true]);
      expect(owners(file!)).toContain(source.package);
    },
  );

  it.each(Object.entries(CNI_PLUGINS))(
    'should find the CNI plugin %s in /usr/lib/cni, from %j',
    (plugin, source) => {
      expect(owners(`/usr/lib/cni/${plugin}`)).toContain(source.package);
    },
  );

  it('should have every package the setup installs (nothing catalogued is left to chance)', () => {
    const missing = fromDebian
      .filter(([, s]) => s.package !== 'docker.io') // bench.sh installs it for its Docker peer
      .filter(([, s]) => !installed(s.package))
      .map(([program, s]) => `${program} (${s.package})`);
    expect(missing).toEqual([]);
  });
});

describe('a program missing at run time', () => {
  let bin: string;
  beforeAll(() => {
    // a PATH with nsenter but without nft, as on a machine where nftables was never installed
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-path-'));
    fs.symlinkSync(which('nsenter')!, path.join(bin, 'nsenter'));
  });
  afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

  it("should name the package to install when a wrapper cannot start it (the agent's nsenter … nft)", async () => {
    const error = await runChecked(runDirect, ['nsenter', '--net=/proc/self/ns/net', 'nft', '-f', '-'], {
      env: { PATH: bin },
      input: 'list ruleset\n',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramMissingError);
    expect((error as Error).message).toBe(installAdvice('nft'));
    expect((error as Error).message).toContain('apt-get install nftables');
  });

  it('should name the package when the program itself is not on the PATH', async () => {
    const error = await runChecked(runDirect, ['ip', 'link'], { env: { PATH: bin } }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain("install Debian's iproute2 package");
  });
});
