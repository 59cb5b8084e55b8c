import { MS, isBindMount, parseMountOptions, rootPropagationFlags } from './mount-options';

describe('parseMountOptions', () => {
  it('should split flags, propagation and filesystem data', () => {
    expect(parseMountOptions(['nosuid', 'strictatime', 'mode=755', 'size=65536k'])).toEqual({
      flags: MS.NOSUID | MS.STRICTATIME,
      propagation: 0,
      data: 'mode=755,size=65536k',
    });
  });

  it('should let a later option undo an earlier one', () => {
    expect(parseMountOptions(['ro', 'nosuid', 'rw']).flags).toBe(MS.NOSUID);
  });

  it('should read rbind as a recursive bind and rprivate as propagation', () => {
    expect(parseMountOptions(['rbind', 'rprivate', 'ro'])).toEqual({
      flags: MS.BIND | MS.REC | MS.RDONLY,
      propagation: MS.PRIVATE | MS.REC,
      data: '',
    });
  });

  it('should give nothing for no options', () => {
    expect(parseMountOptions(undefined)).toEqual({ flags: 0, propagation: 0, data: '' });
  });
});

describe('isBindMount', () => {
  it('should know a bind by its type or its options', () => {
    expect(isBindMount('bind', [])).toBe(true);
    expect(isBindMount(undefined, ['rbind'])).toBe(true);
    expect(isBindMount('none', ['bind', 'ro'])).toBe(true);
    expect(isBindMount('tmpfs', ['nosuid'])).toBe(false);
  });
});

describe('rootPropagationFlags', () => {
  it('should map names and ignore unknown ones', () => {
    expect(rootPropagationFlags('rslave')).toBe(MS.SLAVE | MS.REC);
    expect(rootPropagationFlags('bogus')).toBe(0);
  });
});
