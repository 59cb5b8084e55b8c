import { UsageError } from '@berth/cli-support/args';
import { securityOpts, type FlagContext } from './run-flags';

const ctx = (files: Record<string, string>): FlagContext => ({
  env: {},
  cwd: '/work',
  durationNs: () => 0,
  readFile: (file) => {
    if (!(file in files)) throw new Error(`open ${file}: no such file or directory`);
    return files[file];
  },
});

describe('securityOpts', () => {
  it("should send a seccomp profile file's JSON, compacted, as docker's client does", () => {
    const profile = '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": []\n}\n';
    expect(
      securityOpts({ 'security-opt': ['seccomp=/p.json', 'seccomp:/p.json'] }, ctx({ '/p.json': profile })),
    ).toEqual([
      'seccomp={"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}',
      'seccomp={"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}',
    ]);
  });

  it('should pass the words and the other options as they are', () => {
    const opts = ['seccomp=unconfined', 'seccomp:builtin', 'no-new-privileges', 'label=disable'];
    expect(securityOpts({ 'security-opt': opts }, ctx({}))).toEqual(opts);
    expect(securityOpts({}, ctx({}))).toEqual([]);
  });

  it('should say which profile file it could not open or read as JSON', () => {
    expect(() => securityOpts({ 'security-opt': ['seccomp=/none.json'] }, ctx({}))).toThrow(
      new UsageError(
        'opening seccomp profile (/none.json) failed: open /none.json: no such file or directory',
      ),
    );
    expect(() => securityOpts({ 'security-opt': ['seccomp=/bad.json'] }, ctx({ '/bad.json': '{' }))).toThrow(
      /^compacting json for seccomp profile \(\/bad.json\) failed: /,
    );
  });
});
