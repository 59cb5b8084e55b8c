import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterStore, withStateLock } from './state';

describe(ClusterStore.name, () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-state-spec-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should write every change at once, so another process reads what was made', () => {
    const store = ClusterStore.create(dir, { tag: 'abc', outbound: false });
    store.update((s) => (s.services.redis = { endpoint: 'redis://127.0.0.1:1', dir: '/x', process: null }));
    expect(ClusterStore.open(dir).state).toMatchObject({ tag: 'abc', services: { redis: { dir: '/x' } } });
  });

  it('should refuse a second cluster in the same state dir, and say how to take the first down', () => {
    ClusterStore.create(dir, { tag: 'abc', outbound: false });
    expect(() => ClusterStore.create(dir, { tag: 'def', outbound: false })).toThrow(
      /tag abc\) is already recorded .*\(npm run down -- --state-dir /,
    );
  });

  it('should say plainly that there is nothing to take down', () => {
    expect(() => ClusterStore.open(dir)).toThrow(/no local cluster is recorded in .*; nothing to do/);
  });
});

describe('withStateLock', () => {
  it('should let one holder in at a time, and remove a state dir left empty', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-lock-spec-')), 's');
    await withStateLock(dir, async () => {
      await expect(withStateLock(dir, async () => 1)).rejects.toThrow(/is working on/);
    });
    expect(fs.existsSync(dir)).toBe(false);
    fs.rmdirSync(path.dirname(dir));
  });
});
