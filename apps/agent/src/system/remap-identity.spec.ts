import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProgramResult, RunProgram } from '@berth/process';
import { ConfigError } from '../config';
import { loadRemapIdentity, openDataRootForRemap, type SubordinateFiles } from './remap-identity';

/** A machine's accounts as getent, useradd and usermod see them; every call recorded. */
class FakeAccounts {
  readonly calls: string[][] = [];
  constructor(
    readonly files: SubordinateFiles,
    readonly users: Record<string, number> = {},
    readonly groups: Record<string, number> = {},
  ) {}

  readonly run: RunProgram = async (argv) => {
    this.calls.push([...argv]);
    const ok = (stdout = ''): ProgramResult => ({ code: 0, stdout, stderr: '' });
    const [program, ...args] = argv;
    if (program === 'getent') {
      const table = args[0] === 'passwd' ? this.users : this.groups;
      const id = table[args[1]];
      return id === undefined
        ? { code: 2, stdout: '', stderr: '' }
        : ok(`${args[1]}:x:${id}:${id}::/:/bin/false\n`);
    }
    if (program === 'useradd') {
      const name = args.at(-1)!;
      this.users[name] = this.groups[name] = 999;
      return ok();
    }
    if (program === 'usermod') {
      const [option, range, name] = args;
      const [start, end] = range.split('-').map(Number);
      fs.appendFileSync(
        option === '-v' ? this.files.subuid : this.files.subgid,
        `${name}:${start}:${end - start + 1}\n`,
      );
      return ok();
    }
    throw new Error(`unexpected program ${program}`);
  };
}

let dir: string;
let files: SubordinateFiles;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remap-identity-'));
  files = { subuid: path.join(dir, 'subuid'), subgid: path.join(dir, 'subgid') };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(loadRemapIdentity.name, () => {
  it('should do nothing without the flag', async () => {
    const accounts = new FakeAccounts(files);
    expect(await loadRemapIdentity('', accounts.run, files)).toBeNull();
    expect(accounts.calls).toEqual([]);
  });

  it('should make the default account and give it the first free ranges, as dockerd makes dockremap', async () => {
    fs.writeFileSync(files.subuid, 'alice:100000:65536\n');
    const accounts = new FakeAccounts(files);
    const identity = await loadRemapIdentity('default', accounts.run, files);
    expect(accounts.calls.filter((c) => c[0] !== 'getent')).toEqual([
      ['useradd', '-r', '-s', '/bin/false', 'berthremap'],
      ['usermod', '-v', '165536-231071', 'berthremap'],
      ['usermod', '-w', '100000-165535', 'berthremap'],
    ]);
    expect(identity).toEqual({
      uidMappings: [{ containerID: 0, hostID: 165536, size: 65536 }],
      gidMappings: [{ containerID: 0, hostID: 100000, size: 65536 }],
      rootUid: 165536,
      rootGid: 100000,
    });
  });

  it('should reuse the default account and its ranges when they are there', async () => {
    fs.writeFileSync(files.subuid, 'berthremap:300000:65536\n');
    fs.writeFileSync(files.subgid, 'berthremap:300000:65536\n');
    const accounts = new FakeAccounts(files, { berthremap: 998 }, { berthremap: 998 });
    const identity = await loadRemapIdentity('default', accounts.run, files);
    expect(accounts.calls.map((c) => c[0])).toEqual(['getent', 'getent', 'getent']);
    expect(identity?.rootUid).toBe(300000);
  });

  it('should map USER:GROUP from their ranges, matched by name or id, and make nothing', async () => {
    fs.writeFileSync(files.subuid, 'app:100000:1000\n1001:500000:10\n');
    fs.writeFileSync(files.subgid, 'staff:200000:1000\n');
    const accounts = new FakeAccounts(files, { app: 1001 }, { staff: 50 });
    const identity = await loadRemapIdentity('app:staff', accounts.run, files);
    expect(identity?.uidMappings).toEqual([
      { containerID: 0, hostID: 100000, size: 1000 },
      { containerID: 1000, hostID: 500000, size: 10 },
    ]);
    expect(identity?.gidMappings).toEqual([{ containerID: 0, hostID: 200000, size: 1000 }]);
    expect(accounts.calls.map((c) => c[0])).toEqual(['getent', 'getent']);
  });

  it('should refuse a kernel whose overlayfs takes no idmapped layers, before making anything', async () => {
    const accounts = new FakeAccounts(files);
    await expect(loadRemapIdentity('default', accounts.run, files, '5.15.0-91-generic')).rejects.toThrow(
      '--userns-remap needs Linux 5.19 or later, whose overlayfs takes idmapped layers; this kernel is 5.15.0-91-generic',
    );
    expect(accounts.calls).toEqual([]);
  });

  it('should refuse a user or group the machine does not have, and a user without ranges', async () => {
    const accounts = new FakeAccounts(files, { app: 1001 }, {});
    await expect(loadRemapIdentity('nobody-here', accounts.run, files)).rejects.toThrow(
      new ConfigError('--userns-remap nobody-here: no user nobody-here on this machine'),
    );
    await expect(loadRemapIdentity('app:staff', accounts.run, files)).rejects.toThrow('no group staff');
    accounts.groups.app = 1001;
    await expect(loadRemapIdentity('app', accounts.run, files)).rejects.toThrow(
      'app has no range in /etc/subuid; add one, e.g. "app:100000:65536"',
    );
  });
});

describe(openDataRootForRemap.name, () => {
  it('should let anyone pass through the data root, its containers and volumes, and list them to root only', () => {
    const root = path.join(dir, 'data');
    fs.mkdirSync(path.join(root, 'containers'), { recursive: true, mode: 0o700 });
    fs.chmodSync(root, 0o700);
    openDataRootForRemap(root);
    const mode = (p: string) => fs.statSync(path.join(root, p)).mode & 0o777;
    expect([mode(''), mode('containers'), mode('volumes')]).toEqual([0o711, 0o711, 0o701]);
  });
});
