/** A named network namespace renamed by `berth-shim rebind` (through the spawner, as the agent does): same namespace, new name. */
import { runChecked, runDirect } from '@berth/process';
import { createNetns, deleteNetns, netnsPath, renameNetns } from '@berth/network';
import { locateShim, ShimSpawner } from '@berth/runtime';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const tag = crypto.randomBytes(4).toString('hex');
const from = `berth-test-${tag}-a`;
const to = `berth-test-${tag}-b`;
let dir: string;
let spawner: ShimSpawner;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-netns-'));
  spawner = new ShimSpawner(path.join(dir, 'spawner.sock'));
});

afterAll(async () => {
  spawner.stop();
  for (const name of [from, to]) await deleteNetns(name).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The namespace's identity (its inode), as the kernel sees it through PATH. */
const nsInode = (file: string) => fs.statSync(file).ino;

it('should give a namespace a new name: the same namespace, its links kept, the old name gone', async () => {
  await createNetns(from);
  await runChecked(runDirect, [
    'ip',
    '-n',
    from,
    'link',
    'add',
    'berthva0',
    'type',
    'veth',
    'peer',
    'name',
    'berthvb0',
  ]);
  const before = nsInode(netnsPath(from));
  const rebind = async (a: string, b: string) => {
    await runChecked(spawner.run, [locateShim(), 'rebind', a, b]);
  };
  expect(await renameNetns(from, to, rebind)).toBe(netnsPath(to));
  expect(fs.existsSync(netnsPath(from))).toBe(false);
  expect(nsInode(netnsPath(to))).toBe(before);
  expect(await runChecked(runDirect, ['ip', '-n', to, '-o', 'link', 'show', 'berthva0'])).toContain(
    'berthva0',
  );
});

it('should leave nothing behind and say why when the namespace to rename is not there', async () => {
  const missing = `berth-test-${tag}-missing`;
  const result = await spawner.run([locateShim(), 'rebind', netnsPath(missing), path.join(dir, 'target')]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`berth-shim rebind: bind ${netnsPath(missing)}`);
  await expect(
    renameNetns(missing, `berth-test-${tag}-other`, async (a, b) => {
      await runChecked(spawner.run, [locateShim(), 'rebind', a, b]);
    }),
  ).rejects.toThrow(/rebind/);
  expect(fs.existsSync(netnsPath(`berth-test-${tag}-other`))).toBe(false);
});
