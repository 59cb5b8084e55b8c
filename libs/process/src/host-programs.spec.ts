import * as fs from 'node:fs';
import * as path from 'node:path';
import { cniPluginsNamed, hostProgramCalls, programsOfArgv, programsOfShellLine } from './host-program-calls';
import { CNI_PLUGINS, HOST_PROGRAMS, installAdvice, missingProgram } from './host-programs';
import { ProgramError, ProgramMissingError, runChecked, runDirect, type RunProgram } from './programs';

const REPO = path.resolve(__dirname, '../../..');
const programsIn = (source: string) => hostProgramCalls('x.ts', source).map((c) => c.program);

describe('hostProgramCalls', () => {
  it.each([
    ["spawn('etcd', ['--name', n])", ['etcd']],
    ["execFileSync('tar', ['-C', dir, '-cf', '-', '.'])", ['tar']],
    ["spawnSync('iptables-save', { encoding: 'utf8' })", ['iptables-save']],
    ["await runChecked(this.programs.run, ['nsenter', `--net=${ns}`, 'nft', '-f', '-'])", ['nsenter', 'nft']],
    ["await this.run(['ip', 'link', 'set', 'dev', bridge, 'up'])", ['ip']],
    ["run('nsenter', [`--net=/run/netns/${netns}`, '--', ...args])", ['nsenter']],
    ["await inNetns(m.netns, ['sysctl', '-qw', 'x=1'])", ['sysctl']],
    ["ip('link', 'delete', name)", ['ip']],
    ["runDirect(['ip', 'netns', 'exec', ns, 'iptables', '-L'])", ['ip', 'iptables']],
    ["spawnSync('sh', ['-c', 'command -v docker && nft list ruleset'])", ['sh', 'nft']],
    ["execSync('mount -t tmpfs none /x')", ['mount']],
    ["spawnRecorded('redis-server', args, { log })", ['redis-server']],
    ["m.exec(['unshare', '-m', '--propagation', 'private', 'mount', '-t', 'tmpfs'])", ['unshare', 'mount']],
    ["spawn('/usr/sbin/nft', ['-j', 'list', 'ruleset'])", ['nft']],
    ["spawn(shimPath, ['create', file])", []],
    ["run('verify', '-CAfile', ca, cert)", []],
    ["berth(['run', '-d', 'busybox'])", []],
    ['/^(\\d+)$/.exec(text)', []],
  ])('should find in %s the programs %j', (source, programs) => {
    expect(programsIn(source)).toEqual(programs);
  });

  it('should number the line of each call', () => {
    expect(hostProgramCalls('x.ts', "const a = 1;\n\nspawn('curl', [url]);")).toEqual([
      { program: 'curl', line: 3 },
    ]);
  });

  it('should read a wrapper past its options, and a shell line command by command', () => {
    expect(programsOfArgv(['timeout', '5', 'curl', '-s'])).toEqual(['timeout', 'curl']);
    expect(programsOfArgv(['env', 'A=1', 'B=2', 'nft', '-f', '-'])).toEqual(['env', 'nft']);
    expect(programsOfArgv(['nsenter', '-t', '42', '-n', 'ip', 'addr'])).toEqual(['nsenter', 'ip']);
    expect(programsOfShellLine('set -e; ip link add x type dummy && FOO=1 nft -f - | tee /tmp/x')).toEqual([
      'ip',
      'nft',
      'tee',
    ]);
  });

  it("should name the CNI plugins of a network's configuration", () => {
    const source = "[{ type: 'bridge', ipam: { type: 'host-local' } }, { type: 'tuning' }]";
    expect(cniPluginsNamed('x.ts', source).map((c) => c.program)).toEqual(['bridge', 'host-local', 'tuning']);
  });
});

describe('missingProgram and installAdvice', () => {
  it.each([
    [
      ['nsenter', '--net=/run/netns/x', 'nft', '-f', '-'],
      1,
      'nsenter: failed to execute nft: No such file or directory',
      'nft',
    ],
    [['nft', '-f', '-'], 127, 'exec nft: spawn nft ENOENT', 'nft'],
    [['ip', 'link'], 127, 'berth-shim spawner: exec ip: No such file or directory', 'ip'],
    [['env', 'X=1', 'iptables', '-L'], 127, "env: 'iptables': No such file or directory", 'iptables'],
    [['nft', '-f', '-'], 1, 'Error: syntax error, unexpected newline', undefined],
    [['ip', 'link', 'del', 'x'], 1, 'Cannot find device "x"', undefined],
  ])('should read %j exiting %d with %j as missing %s', (argv, code, stderr, program) => {
    expect(missingProgram(argv, code, stderr)).toBe(program);
  });

  it('should name the package that provides a catalogued program', () => {
    expect(installAdvice('nft')).toBe(
      "nft is not installed on this machine: install Debian's nftables package (apt-get install nftables, or run scripts/setup.sh)",
    );
    expect(installAdvice('/usr/lib/cni/portmap')).toContain(
      "install Debian's containernetworking-plugins package",
    );
    expect(installAdvice('frobnicate')).toBe('frobnicate is not installed on this machine');
  });

  it('should make runChecked say which package to install, once, for a missing program', async () => {
    const nsenterWithoutNft: RunProgram = async () => ({
      code: 1,
      stdout: '',
      stderr: 'nsenter: failed to execute nft: No such file or directory\n',
    });
    const error = await runChecked(nsenterWithoutNft, [
      'nsenter',
      '--net=/run/netns/x',
      'nft',
      '-f',
      '-',
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramMissingError);
    expect((error as Error).message).toBe(installAdvice('nft'));
    expect((error as Error).message).not.toMatch(/nsenter|failed to execute/);
  });

  it('should report a program that Node itself cannot start as missing', async () => {
    const error = await runChecked(runDirect, ['berth-no-such-program', '--help']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramMissingError);
    expect((error as Error).message).toBe('berth-no-such-program is not installed on this machine');
  });

  it('should leave the failure of a program that ran as it was', async () => {
    const error = await runChecked(runDirect, ['sh', '-c', 'echo broken >&2; exit 3']).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProgramError);
    expect(error).not.toBeInstanceOf(ProgramMissingError);
    expect((error as Error).message).toBe('sh -c echo broken >&2; exit 3: broken');
  });
});

/** The words of a bash array assignment NAME=(…) in SCRIPT. */
function bashArray(script: string, name: string): string[] {
  const m = new RegExp(`^${name}=\\(([^)]*)\\)`, 'm').exec(script);
  if (!m) throw new Error(`no ${name}=(…) in the script`);
  return m[1].split(/\s+/).filter(Boolean);
}

/** The packages a script installs with `apt-get install … PKG…`. */
function aptInstalled(script: string): string[] {
  return [...script.matchAll(/apt-get install ([^\n>]*)/g)].flatMap((m) =>
    m[1].split(/\s+/).filter((w) => w && !w.startsWith('-') && !w.startsWith('"')),
  );
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'generated' ? [] : sourcesUnder(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('the programs the code runs, against what scripts/setup.sh installs', () => {
  // setup.sh names the three lists at its top and installs them all
  const script = fs.readFileSync(path.join(REPO, 'scripts/setup.sh'), 'utf8');
  const setup = ['BERTH_PACKAGES', 'MANAGER_PACKAGES', 'DEV_PACKAGES'].flatMap((name) =>
    bashArray(script, name),
  );

  it('should have scripts/setup.sh install every one of its lists', () => {
    expect(bashArray(script, 'PACKAGES')).toEqual([
      '"${BERTH_PACKAGES[@]}"',
      '"${MANAGER_PACKAGES[@]}"',
      '"${DEV_PACKAGES[@]}"',
    ]);
  });
  const benchOnly = aptInstalled(fs.readFileSync(path.join(REPO, 'scripts/bench.sh'), 'utf8'));
  const calls = ['apps', 'libs', 'deploy', 'test', 'bench'].flatMap((root) =>
    sourcesUnder(path.join(REPO, root))
      .filter((file) => file !== __filename) // its own examples name programs that do not exist
      .flatMap((file) =>
        hostProgramCalls(file, fs.readFileSync(file, 'utf8')).map((call) => ({
          ...call,
          where: `${path.relative(REPO, file)}:${call.line}`,
        })),
      ),
  );

  it('should find the programs the agent runs (the walk reads the real code)', () => {
    const programs = new Set(calls.map((c) => c.program));
    for (const program of ['ip', 'nft', 'nsenter', 'iptables', 'mount', 'etcd', 'redis-server'])
      expect(programs).toContain(program);
  });

  it('should know the package of every program the code runs', () => {
    const unknown = calls.filter((c) => !HOST_PROGRAMS[c.program]).map((c) => `${c.program} at ${c.where}`);
    expect(unknown).toEqual([]);
  });

  it('should have scripts/setup.sh install the package of every program the code runs', () => {
    const uninstalled = calls
      .filter((c) => {
        const source = HOST_PROGRAMS[c.program];
        if (!source || source.essential || source.node || setup.includes(source.package)) return false;
        // a benchmark's peer (dockerd) comes from bench.sh's own install
        return !(c.where.startsWith('bench/') && benchOnly.includes(source.package));
      })
      .map((c) => `${c.program} (${HOST_PROGRAMS[c.program].package}) at ${c.where}`);
    expect(uninstalled).toEqual([]);
  });

  it("should have scripts/setup.sh install the CNI plugins Berth's networks name", () => {
    const file = path.join(REPO, 'libs/network/src/cni/config.ts');
    const plugins = cniPluginsNamed(file, fs.readFileSync(file, 'utf8')).map((c) => c.program);
    expect(plugins.length).toBeGreaterThan(0);
    for (const plugin of plugins) {
      expect(CNI_PLUGINS[plugin]).toBeDefined();
      expect(setup).toContain(CNI_PLUGINS[plugin].package);
    }
  });

  it('should list in the catalogue only non-essential packages the setup or bench installs', () => {
    for (const [program, source] of Object.entries(HOST_PROGRAMS))
      if (!source.essential && !source.node)
        expect([program, [...setup, ...benchOnly].includes(source.package)]).toEqual([program, true]);
  });
});
