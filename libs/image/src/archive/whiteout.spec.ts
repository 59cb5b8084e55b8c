import { entryMeaning, normaliseEntryPath, opaqueEntryName, whiteoutEntryName } from './whiteout';

describe('entryMeaning', () => {
  it('should read whiteouts, opaque markers and plain entries', () => {
    expect(entryMeaning('etc/.wh.passwd')).toEqual({ kind: 'whiteout', path: 'etc/passwd' });
    expect(entryMeaning('.wh.tmp')).toEqual({ kind: 'whiteout', path: 'tmp' });
    expect(entryMeaning('var/cache/.wh..wh..opq')).toEqual({ kind: 'opaque', dir: 'var/cache' });
    expect(entryMeaning('.wh..wh..opq')).toEqual({ kind: 'opaque', dir: '' });
    expect(entryMeaning('etc/wh.passwd')).toEqual({ kind: 'plain', path: 'etc/wh.passwd' });
  });

  it('should name whiteouts and opaque markers the other way round', () => {
    expect(whiteoutEntryName('etc/passwd')).toBe('etc/.wh.passwd');
    expect(whiteoutEntryName('tmp')).toBe('.wh.tmp');
    expect(opaqueEntryName('var/cache')).toBe('var/cache/.wh..wh..opq');
  });
});

describe('normaliseEntryPath', () => {
  it('should strip what makes paths differ without meaning', () => {
    expect(normaliseEntryPath('./usr/bin/')).toBe('usr/bin');
    expect(normaliseEntryPath('/etc//./hosts')).toBe('etc/hosts');
    expect(normaliseEntryPath('./')).toBeNull();
  });

  it('should refuse paths that climb out', () => {
    expect(() => normaliseEntryPath('a/../../etc/passwd')).toThrow('climbs out');
  });
});
