import { InvalidArgumentError } from '../errors';
import { isSupportedSecurityOpt, parseSecurityOpts, seccompOption } from './security-opt';

describe('parseSecurityOpts', () => {
  it("should give Docker's default profile and no no_new_privs without options", () => {
    expect(parseSecurityOpts([])).toEqual({ seccomp: 'default', noNewPrivileges: false });
  });

  it.each([
    [['seccomp=unconfined'], { seccomp: 'unconfined', noNewPrivileges: false }],
    [['seccomp:unconfined'], { seccomp: 'unconfined', noNewPrivileges: false }],
    [['seccomp=unconfined', 'seccomp=builtin'], { seccomp: 'default', noNewPrivileges: false }],
    [['no-new-privileges'], { seccomp: 'default', noNewPrivileges: true }],
    [['no-new-privileges:true', 'no-new-privileges=false'], { seccomp: 'default', noNewPrivileges: false }],
    [['apparmor=unconfined', 'label:disable'], { seccomp: 'default', noNewPrivileges: false }],
    [
      ['seccomp={"defaultAction":"SCMP_ACT_LOG"}'],
      { seccomp: { profile: { defaultAction: 'SCMP_ACT_LOG' } }, noNewPrivileges: false },
    ],
  ])('should read %j, the last of each kind winning', (opts, expected) => {
    expect(parseSecurityOpts(opts)).toEqual(expected);
  });

  it.each([
    ['seccomp=/etc/profile.json', /give the profile's JSON/],
    ['apparmor=docker-default', /invalid --security-opt "apparmor=docker-default"/],
    ['label=user:u', /invalid --security-opt/],
    ['no-new-privileges=1', /must be true or false/],
  ])('should refuse %s', (opt, message) => {
    expect(() => parseSecurityOpts([opt])).toThrow(InvalidArgumentError);
    expect(() => parseSecurityOpts([opt])).toThrow(message);
  });
});

describe('isSupportedSecurityOpt', () => {
  it('should accept what Berth acts on or does anyway, whatever the value, and nothing else', () => {
    for (const opt of [
      'seccomp=x',
      'seccomp:unconfined',
      'no-new-privileges',
      'apparmor:unconfined',
      'label=disable',
    ])
      expect([opt, isSupportedSecurityOpt(opt)]).toEqual([opt, true]);
    for (const opt of ['apparmor=p', 'label=level:s0', 'systempaths=unconfined', 'writable-cgroups=true'])
      expect([opt, isSupportedSecurityOpt(opt)]).toEqual([opt, false]);
  });
});

describe('seccompOption', () => {
  it('should make --privileged unconfined and leave the default to buildSpec', () => {
    expect(seccompOption(true, { profile: {} })).toEqual({ seccomp: 'unconfined' });
    expect(seccompOption(false, 'default')).toEqual({});
    expect(seccompOption(false, 'unconfined')).toEqual({ seccomp: 'unconfined' });
  });
});
