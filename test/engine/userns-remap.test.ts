/**
 * berthd --userns-remap default, end to end: every container's root is the
 * berthremap account's first subordinate id, its named volumes are that id's,
 * and the image's layers stay as pulled (root's), seen through idmapped mounts.
 * The account and its /etc/subuid and /etc/subgid ranges stay on the machine
 * afterwards, as dockerd leaves dockremap: a second run reuses them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCKER_CLIENTS, dockerClient, EngineHarness } from '@berth/testing';

jest.setTimeout(60000);

let e: EngineHarness;
let rootId: number;
beforeAll(async () => {
  e = new EngineHarness('userns');
  fs.chmodSync(e.tmp, 0o711); // as /var/lib is: the remapped root passes through to the data root
  await e.start(['--userns-remap', 'default']);
  e.importBusybox();
  const line = fs
    .readFileSync('/etc/subuid', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('berthremap:'));
  rootId = Number(line!.split(':')[1]);
});
afterAll(() => e.cleanup());

const uidMap = (out: string) => out.trim().split(/\s+/).join(' ');

it('should make the berthremap account with a range of its own', () => {
  expect(rootId).toBeGreaterThanOrEqual(100000);
  const subgid = fs.readFileSync('/etc/subgid', 'utf8');
  expect(subgid).toMatch(/^berthremap:\d+:65536$/m);
});

it('should run every container with its root mapped to the range', () => {
  const r = e.berth([
    'run',
    '--rm',
    'busybox',
    'sh',
    '-c',
    'cat /proc/self/uid_map; id -u; touch /in-root && echo wrote',
  ]);
  expect(r.stderr).toBe('');
  const [map, uid, wrote] = r.stdout.trim().split('\n');
  expect(uidMap(map)).toBe(`0 ${rootId} 65536`);
  expect([uid, wrote]).toEqual(['0', 'wrote']);
  expect(r.status).toBe(0);
});

it('should exec and copy into a remapped container as its root, with the same mapping', () => {
  expect(e.berth(['run', '-d', '--name', 'remapped-exec', 'busybox', 'sleep', '60']).status).toBe(0);
  try {
    const r = e.berth([
      'exec',
      'remapped-exec',
      'sh',
      '-c',
      'id -u; cat /proc/self/uid_map; echo x > /etc/hosts && echo hosts',
    ]);
    expect(r.stderr).toBe('');
    const [uid, map, hosts] = r.stdout.trim().split('\n');
    expect([uid, uidMap(map), hosts]).toEqual(['0', `0 ${rootId} 65536`, 'hosts']); // its /etc files are its root's

    // copied in: the container's root's, inside and (as its range's first id) on the host
    const file = path.join(e.tmp, 'copied-in');
    fs.writeFileSync(file, 'in\n');
    expect(e.berth(['cp', file, 'remapped-exec:/tmp/copied-in']).status).toBe(0);
    const seen = e.berth(['exec', 'remapped-exec', 'stat', '-c', '%u:%g', '/tmp/copied-in']);
    expect(seen.stdout).toBe('0:0\n');
    const upper = e.berth(['inspect', '-f', '{{.GraphDriver.Data.UpperDir}}', 'remapped-exec']).stdout.trim();
    expect(fs.statSync(path.join(upper, 'tmp', 'copied-in')).uid).toBe(rootId);
    expect(fs.statSync(path.join(upper, 'tmp')).uid).toBe(rootId); // made on the way, as /tmp is: root's
  } finally {
    e.berth(['rm', '-f', 'remapped-exec']);
  }
});

it('should show the image as root’s inside and leave its layers root’s on the host', () => {
  const r = e.berth(['run', '--rm', 'busybox', 'stat', '-c', '%u:%g', '/bin/busybox']);
  expect(r.stdout).toBe('0:0\n');
  const layers = path.join(e.dataRoot, 'layers');
  const diffs = fs.readdirSync(layers).map((l) => path.join(layers, l, 'diff', 'bin', 'busybox'));
  const owners = diffs.filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).uid);
  expect(owners.length).toBeGreaterThan(0);
  expect(new Set(owners)).toEqual(new Set([0]));
});

it('should make what is written to a named volume the mapped root’s on the host', () => {
  const r = e.berth([
    'run',
    '--rm',
    '-v',
    'remapped:/data',
    'busybox',
    'sh',
    '-c',
    'echo hi > /data/f; stat -c %u /data/f',
  ]);
  expect(r.stdout).toBe('0\n');
  const file = path.join(e.dataRoot, 'volumes', 'remapped', '_data', 'f');
  expect(fs.statSync(file).uid).toBe(rootId);
  expect(fs.readFileSync(file, 'utf8')).toBe('hi\n');
  expect(e.berth(['volume', 'rm', 'remapped']).status).toBe(0);
});

it('should commit, export and copy out a remapped container’s files as the container knows them', () => {
  expect(e.berth(['run', '--name', 'remapped-made', 'busybox', 'sh', '-c', 'echo x > /made']).status).toBe(0);
  try {
    const upper = e.berth(['inspect', '-f', '{{.GraphDriver.Data.UpperDir}}', 'remapped-made']).stdout.trim();
    expect(fs.statSync(path.join(upper, 'made')).uid).toBe(rootId); // on the host: the mapped root's

    expect(e.berth(['commit', 'remapped-made', 'remapped-made:1']).status).toBe(0);
    const owner = e.berth([
      'run',
      '--rm',
      '--userns=host',
      'remapped-made:1',
      'stat',
      '-c',
      '%u:%g',
      '/made',
    ]);
    expect(owner.stdout).toBe('0:0\n'); // in the image: root's, for any container

    const tar = path.join(e.tmp, 'remapped-made.tar');
    expect(e.berth(['export', '-o', tar, 'remapped-made']).status).toBe(0);
    const listing = spawnSync('tar', ['--numeric-owner', '-tvf', tar], { encoding: 'utf8' }).stdout;
    expect(listing.split('\n').find((l) => l.endsWith(' made'))).toMatch(/ 0\/0 /);

    // a tar of headers and two ASCII bytes survives being read as text
    const copied = path.join(e.tmp, 'copied.tar');
    fs.writeFileSync(copied, e.berth(['cp', 'remapped-made:/made', '-']).stdout);
    const copiedListing = spawnSync('tar', ['--numeric-owner', '-tvf', copied], { encoding: 'utf8' }).stdout;
    expect(copiedListing).toMatch(/ 0\/0 .* made\n/);
  } finally {
    e.berth(['rm', '-f', 'remapped-made']);
    e.berth(['rmi', 'remapped-made:1']);
  }
});

it('should leave a --userns=host container in the host’s user namespace, the image unchanged', () => {
  const r = e.berth([
    'run',
    '--rm',
    '--userns=host',
    'busybox',
    'sh',
    '-c',
    'cat /proc/self/uid_map; stat -c %u /bin/busybox',
  ]);
  const [map, owner] = r.stdout.trim().split('\n');
  expect(uidMap(map)).toBe('0 0 4294967295');
  expect(owner).toBe('0');
  const inspected = e.berth(['create', '--userns=host', 'busybox', 'true']).stdout.trim();
  expect(e.berth(['inspect', '-f', '{{.HostConfig.UsernsMode}}', inspected]).stdout).toBe('host\n');
  e.berth(['rm', inspected]);
});

it('should refuse what dockerd refuses with a remapped root (--privileged, host networking) unless --userns=host', () => {
  const privileged = e.berth(['run', '--rm', '--privileged', 'busybox', 'true']);
  expect(privileged.status).toBe(125);
  expect(privileged.stderr).toContain('privileged mode is incompatible with user namespaces');
  const hostNet = e.berth(['run', '--rm', '--network', 'host', 'busybox', 'true']);
  expect(hostNet.status).toBe(125);
  expect(hostNet.stderr).toContain(
    "cannot share the host's network namespace when user namespaces are enabled",
  );
  // --userns=host opts out of both rules (--privileged itself needs every capability in this machine's bounding set)
  const optedOut = e.berth(['run', '--rm', '--network', 'host', '--userns=host', 'busybox', 'true']);
  expect(optedOut.stderr).toBe('');
  expect(optedOut.status).toBe(0);
});

it('should build with remapped RUN steps, the layer keeping the ids the step knew its files by', () => {
  const context = path.join(e.tmp, 'build-context');
  fs.mkdirSync(context);
  fs.writeFileSync(
    path.join(context, 'Dockerfile'),
    'FROM busybox\nRUN cat /proc/self/uid_map > /map && touch /made && chown 1000:1000 /made && mkdir -p /srv/own\n',
  );
  const built = e.berth(['build', '-q', '-t', 'remapped-built', context]);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  try {
    const r = e.berth([
      'run',
      '--rm',
      '--userns=host',
      'remapped-built',
      'sh',
      '-c',
      'cat /map; stat -c %u:%g /made /srv/own',
    ]);
    const [map, made, dir] = r.stdout.trim().split('\n');
    expect(uidMap(map)).toBe(`0 ${rootId} 65536`); // the step ran remapped
    expect([made, dir]).toEqual(['1000:1000', '0:0']); // in the image: its ids, not the host's
  } finally {
    e.berth(['rmi', 'remapped-built']);
  }
});

it('should remap what the docker client runs, and honour its --userns=host', () => {
  const docker = dockerClient(DOCKER_CLIENTS[0], path.join(e.execRoot, 'docker.sock'), e.execRoot);
  const remapped = docker.cli(['run', '--rm', 'busybox', 'cat', '/proc/self/uid_map']);
  expect(remapped.stderr).toBe('');
  expect(uidMap(remapped.stdout)).toBe(`0 ${rootId} 65536`);
  const host = docker.cli(['run', '--rm', '--userns=host', 'busybox', 'cat', '/proc/self/uid_map']);
  expect(uidMap(host.stdout)).toBe('0 0 4294967295');
  const refused = docker.cli(['run', '--rm', '--network', 'host', 'busybox', 'true']);
  expect(refused.stderr).toContain(
    "cannot share the host's network namespace when user namespaces are enabled",
  );
});

it('should keep a remapped container across an agent restart, and stop it', async () => {
  expect(e.berth(['run', '-d', '--name', 'remapped-live', 'busybox', 'sleep', '300']).status).toBe(0);
  try {
    await e.stopAgent('SIGKILL');
    await e.start(['--userns-remap', 'default']);
    const r = e.berth(['exec', 'remapped-live', 'cat', '/proc/self/uid_map']);
    expect(uidMap(r.stdout)).toBe(`0 ${rootId} 65536`);
    expect(e.berth(['stop', '-t', '1', 'remapped-live']).status).toBe(0);
    expect(e.berth(['start', 'remapped-live']).status).toBe(0); // started again: mapped again, dirs still its root's
    expect(uidMap(e.berth(['exec', 'remapped-live', 'cat', '/proc/self/uid_map']).stdout)).toBe(
      `0 ${rootId} 65536`,
    );
  } finally {
    e.berth(['rm', '-f', 'remapped-live']);
  }
});

it('should leave no mount, cgroup or process of its containers behind', () => {
  // the overlay lives in each monitor's own mount namespace, and goes with it
  expect(e.berth(['ps', '-aq']).stdout).toBe('');
  expect(e.leftovers()).toEqual([]);
});
