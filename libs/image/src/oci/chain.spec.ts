import { sha256 } from '../digest';
import { chainIdOf, chainIds } from './chain';
import { selectManifest } from './platform';
import type { Descriptor } from './types';

describe('chainIds', () => {
  it('should follow the OCI definition', () => {
    const [a, b, c] = [sha256('a'), sha256('b'), sha256('c')];
    const ab = sha256(`${a} ${b}`);
    expect(chainIds([a, b, c])).toEqual([a, ab, sha256(`${ab} ${c}`)]);
    expect(chainIdOf(null, a)).toBe(a);
    expect(chainIdOf(a, b)).toBe(ab);
  });
});

describe('selectManifest', () => {
  const d = (architecture: string, variant?: string): Descriptor => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: sha256(architecture + (variant ?? '')),
    size: 1,
    platform: { os: 'linux', architecture, ...(variant ? { variant } : {}) },
  });

  it('should pick linux/amd64 from an index', () => {
    const list = [d('arm64', 'v8'), d('amd64'), d('s390x')];
    expect(selectManifest(list, { os: 'linux', architecture: 'amd64' })).toBe(list[1]);
  });

  it('should honour a variant when asked, and say when nothing fits', () => {
    const list = [d('arm', 'v6'), d('arm', 'v7')];
    expect(selectManifest(list, { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(list[1]);
    expect(selectManifest(list, { os: 'linux', architecture: 'amd64' })).toBeUndefined();
  });
});
