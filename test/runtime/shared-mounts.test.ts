/**
 * A spec without a mount namespace: chrooted into its rootfs; its mounts made under the rootfs in
 * the host's table and taken off at delete; what would reach beyond the rootfs refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeHarness } from '@berth/testing';

const BIN = path.resolve('bin/berth-runtime');
let h: RuntimeHarness;
let root: string;
let rootfs: string;

beforeAll(() => {
  h = RuntimeHarness.open('shared-mounts');
  root = path.join(h.tmp, 'cli-root');
  if (!fs.existsSync('dist/apps/runtime/src/main.js'))
    execFileSync('npm', ['run', 'build:ts'], { stdio: 'ignore' });
  // a private copy: with no mount namespace there is no overlay, and the container may write to it
  rootfs = path.join(h.tmp, 'rootfs-copy');
  fs.cpSync(h.image, rootfs, { recursive: true, verbatimSymlinks: true });
  fs.writeFileSync(path.join(rootfs, 'inside-the-rootfs'), 'yes\n');
});
afterAll(async () => {
  spawnSync(BIN, ['--root', root, 'list', '-q'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .forEach((id) => spawnSync(BIN, ['--root', root, 'delete', '--force', id]));
  await h.cleanup();
});

/** A runc-spec bundle without the mount namespace; STRIP drops its mounts, MOUNTS keeps only them. */
function sharedBundle(name: string, args: string[], strip: boolean, mounts = false): string {
  return h.runcBundle(name, args, (config) => {
    config.root = { path: rootfs, readonly: !strip };
    config.linux!.namespaces = config.linux!.namespaces!.filter((n) => n.type !== 'mount');
    if (strip || mounts) {
      if (strip) config.mounts = [];
      delete config.linux!.maskedPaths;
      delete config.linux!.readonlyPaths;
      config.root.readonly = false;
    }
  });
}

const berth = (args: string[], stdio: 'pipe' | 'ignore' = 'pipe') =>
  spawnSync(BIN, ['--root', root, '--cgroup-parent', h.cgroupParent, ...args], {
    encoding: 'utf8',
    timeout: 30000,
    stdio: ['ignore', stdio, stdio],
  });

it('should chroot into the rootfs in the host’s mount namespace, mounting nothing', () => {
  const mountsBefore = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  const bundle = sharedBundle(
    'chrooted',
    ['sh', '-c', 'cat /inside-the-rootfs; echo $$; ls /proc | wc -l'],
    true,
  );
  const r = berth(['run', 'chrooted', '-b', bundle]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // its / is the rootfs; it is pid 1 of its own pid namespace; nothing was mounted on its /proc
  expect(r.stdout).toBe('yes\n1\n0\n');
  expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).toBe(mountsBefore);
});

it('should share the host’s mount namespace while it runs', () => {
  const bundle = sharedBundle('shared-ns', ['sleep', '60'], true);
  expect(berth(['run', '-d', 'shared-ns', '-b', bundle], 'ignore').status).toBe(0);
  const pid = JSON.parse(berth(['state', 'shared-ns']).stdout).pid;
  expect(fs.readlinkSync(`/proc/${pid}/ns/mnt`)).toBe(fs.readlinkSync('/proc/self/ns/mnt'));
  expect(fs.readlinkSync(`/proc/${pid}/root`)).toBe(rootfs);
  expect(berth(['delete', '-f', 'shared-ns']).status).toBe(0);
});

it('should make its mounts under the rootfs in the host’s table, and take them all off at delete', () => {
  const under = (text: string) =>
    text
      .split('\n')
      .map((line) => line.split(' ')[4])
      .filter((p) => p?.startsWith(`${rootfs}/`));
  const mountsBefore = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  const bundle = sharedBundle(
    'mounting',
    ['sh', '-c', 'ls /proc/self/ns | wc -l; ls /dev/null /dev/pts; sleep 60'],
    false,
    true,
  );
  expect(berth(['run', '-d', 'mounting', '-b', bundle], 'ignore').status).toBe(0);
  const mounted = under(fs.readFileSync('/proc/self/mountinfo', 'utf8'));
  // runc spec's seven: /proc, /dev, /dev/pts, /dev/shm, /dev/mqueue, /sys, /sys/fs/cgroup (and its hierarchies)
  for (const dest of ['/proc', '/dev', '/dev/pts', '/dev/shm', '/dev/mqueue', '/sys'])
    expect(mounted).toContain(`${rootfs}${dest}`);
  expect(under(mountsBefore)).toEqual([]);
  expect(berth(['delete', '-f', 'mounting']).status).toBe(0);
  expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).toBe(mountsBefore);
});

it('should refuse the masks and read-only paths runc spec writes, naming each, and make nothing', () => {
  const bundle = sharedBundle('refused', ['true'], false);
  const r = berth(['create', 'refused', '-b', bundle]);
  expect(r.status).toBe(1);
  for (const field of ['linux.maskedPaths', 'linux.readonlyPaths', 'root.readonly'])
    expect(r.stderr).toContain(`${field}: `);
  expect(r.stderr).not.toContain('mounts: ');
  expect(r.stderr).toContain("without a mount namespace would change the host's mount table");
  expect(fs.existsSync(path.join(root, 'refused'))).toBe(false);
});
