import { makeService, makeTask } from '@berth/cluster/testing';
import type { FileReference, Task } from '@berth/cluster';
import {
  bindMounts,
  contentsOf,
  contentsUsed,
  isTmpfsMount,
  missingContent,
  taskFilePlan,
} from './task-files';

const ref = (source: string, target: string, fields: Partial<FileReference> = {}): FileReference => ({
  source,
  target,
  uid: '0',
  gid: '0',
  mode: 0o444,
  ...fields,
});

function taskWith(secrets: FileReference[], configs: FileReference[] = []): Task {
  const t = makeTask({
    id: 'abc123',
    service: makeService({ id: 's', name: 'web', image: 'busybox' }),
    slot: 1,
  });
  return { ...t, spec: { ...t.spec, container: { ...t.spec.container, secrets, configs } } };
}

describe('taskFilePlan', () => {
  it('should put each reference in its own file, with its owner and mode', () => {
    const plan = taskFilePlan(
      taskWith(
        [ref('app_db', '/run/secrets/db', { uid: '1000', gid: '100', mode: 0o400 })],
        [ref('app_nginx', '/etc/nginx/nginx.conf'), ref('app_nginx', '/etc/copy.conf')],
      ),
      '/tmpfs/abc123',
    );
    expect(plan).toEqual([
      {
        kind: 'secrets',
        name: 'app_db',
        hostPath: '/tmpfs/abc123/secrets-0',
        target: '/run/secrets/db',
        uid: 1000,
        gid: 100,
        mode: 0o400,
      },
      {
        kind: 'configs',
        name: 'app_nginx',
        hostPath: '/tmpfs/abc123/configs-0',
        target: '/etc/nginx/nginx.conf',
        uid: 0,
        gid: 0,
        mode: 0o444,
      },
      {
        kind: 'configs',
        name: 'app_nginx',
        hostPath: '/tmpfs/abc123/configs-1',
        target: '/etc/copy.conf',
        uid: 0,
        gid: 0,
        mode: 0o444,
      },
    ]);
    expect(bindMounts(plan)[0]).toEqual({
      type: 'bind',
      source: '/tmpfs/abc123/secrets-0',
      target: '/run/secrets/db',
      readOnly: true,
      options: [],
      createHostPath: false,
    });
  });

  it('should plan nothing for a task without secrets or configs', () => {
    const t = makeTask({
      id: 'x',
      service: makeService({ id: 's', name: 'web', image: 'busybox' }),
      slot: 1,
    });
    expect(taskFilePlan(t, '/d')).toEqual([]);
  });
});

describe('missingContent', () => {
  it('should name what the manager did not send', () => {
    const plan = taskFilePlan(
      taskWith([ref('a', '/run/secrets/a'), ref('b', '/run/secrets/b')], [ref('c', '/c')]),
      '/d',
    );
    const contents = contentsOf([{ kind: 'secrets', name: 'a', data: Buffer.from('x') }]);
    expect(missingContent(plan, contents)).toBe(
      'not delivered to this machine: secret b, config c (removed, or the manager cannot open it)',
    );
    expect(contents.get('secrets/a')?.toString()).toBe('x');
    const all = contentsOf(
      ['a', 'b']
        .map((name) => ({ kind: 'secrets', name, data: Buffer.from(name) }))
        .concat([{ kind: 'configs', name: 'c', data: Buffer.from('c') }]),
    );
    expect(missingContent(plan, all)).toBeNull();
  });
});

describe('isTmpfsMount', () => {
  const mountinfo = [
    '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw',
    '40 22 0:35 / /run/berth/task-files rw,nosuid,nodev,noexec shared:20 - tmpfs tmpfs rw,mode=700',
    '41 22 0:36 / /with\\040space rw - tmpfs tmpfs rw',
  ].join('\n');

  it('should tell a tmpfs mount point from a directory on another file system', () => {
    expect(isTmpfsMount('/run/berth/task-files', mountinfo)).toBe(true);
    expect(isTmpfsMount('/with space', mountinfo)).toBe(true);
    expect(isTmpfsMount('/run/berth', mountinfo)).toBe(false);
    expect(isTmpfsMount('/', mountinfo)).toBe(false);
  });
});

describe('contentsUsed', () => {
  it("should keep only the secrets and configs the machine's tasks use", () => {
    const contents = contentsOf(
      ['a', 'b']
        .map((name) => ({ kind: 'secrets', name, data: Buffer.from(name) }))
        .concat([{ kind: 'configs', name: 'c', data: Buffer.from('c') }]),
    );
    const kept = contentsUsed(contents, [taskWith([ref('a', '/run/secrets/a')], [ref('c', '/c')])]);
    expect([...kept.keys()]).toEqual(['secrets/a', 'configs/c']);
    expect(contentsUsed(contents, []).size).toBe(0);
    expect(contents.size).toBe(3);
  });
});
