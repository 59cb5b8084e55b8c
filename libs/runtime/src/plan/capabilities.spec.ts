import { DOCKER_DEFAULT_CAPABILITIES } from '../oci/docker-defaults';
import { canonicalCapability, capabilityMask } from './capabilities';

describe('capabilityMask', () => {
  it("should give Docker's default set the mask the kernel shows for docker run (a80425fb)", () => {
    expect(capabilityMask(DOCKER_DEFAULT_CAPABILITIES)).toBe('a80425fb');
  });

  it('should handle capabilities above bit 31 and the empty set', () => {
    expect(capabilityMask(['CAP_CHECKPOINT_RESTORE'])).toBe((1n << 40n).toString(16));
    expect(capabilityMask([])).toBe('0');
    expect(capabilityMask(undefined)).toBe('0');
  });

  it('should refuse unknown names', () => {
    expect(() => capabilityMask(['CAP_FLY'])).toThrow('unknown capability CAP_FLY');
  });
});

describe('canonicalCapability', () => {
  it('should accept the forms Docker accepts', () => {
    expect(canonicalCapability('net_admin')).toBe('CAP_NET_ADMIN');
    expect(canonicalCapability('CAP_SYS_ADMIN')).toBe('CAP_SYS_ADMIN');
    expect(canonicalCapability('SYS_FLY')).toBeNull();
  });
});
