import { Status } from '@berth/proto';
import { ManagerError } from '../errors';
import { resolveRef } from './refs';

interface Thing {
  id: string;
  name: string;
}

const things: Thing[] = [
  { id: 'abc123', name: 'web' },
  { id: 'abd456', name: 'api' },
  { id: 'web999', name: 'db' },
  { id: 'ffff00', name: 'abc' },
];

const resolve = (ref: string, objects: readonly Thing[] = things) =>
  resolveRef(objects, ref, (t) => t.name, 'service');

/** The ManagerError resolving REF fails with. */
function refusal(ref: string, objects: readonly Thing[] = things): ManagerError {
  try {
    resolve(ref, objects);
  } catch (error) {
    expect(error).toBeInstanceOf(ManagerError);
    return error as ManagerError;
  }
  throw new Error(`${ref} resolved`);
}

describe('refs', () => {
  describe(resolveRef.name, () => {
    it('should find an object by its full id', () => {
      expect(resolve('abd456')).toBe(things[1]);
    });

    it('should find an object by its name', () => {
      expect(resolve('api')).toBe(things[1]);
    });

    it('should find an object by an id prefix that fits only it', () => {
      expect(resolve('abc1')).toBe(things[0]);
      expect(resolve('f')).toBe(things[3]);
    });

    it('should prefer a full id over a name, and a name over an id prefix', () => {
      const clash = [
        { id: 'web', name: 'other' },
        { id: 'x1', name: 'web' },
      ];
      expect(resolve('web', clash)).toBe(clash[0]);
      // "web" is a prefix of web999's id and the name of abc123
      expect(resolve('web')).toBe(things[0]);
      // "abc" is a prefix of abc123's id and the name of ffff00
      expect(resolve('abc')).toBe(things[3]);
    });

    it('should refuse an id prefix that fits several objects, as an invalid argument', () => {
      const error = refusal('ab');
      expect(error.message).toBe('service ab is ambiguous (2 matches)');
      expect(error.status).toBe(Status.INVALID_ARGUMENT);
    });

    it('should say that nothing is found by that reference', () => {
      const error = refusal('zzz');
      expect(error.message).toBe('service zzz not found');
      expect(error.status).toBe(Status.NOT_FOUND);
      expect(refusal('web', []).status).toBe(Status.NOT_FOUND);
    });

    it('should not match names by prefix', () => {
      expect(refusal('ap').status).toBe(Status.NOT_FOUND);
    });

    it('should refuse an empty reference, even when there is a single object', () => {
      const error = refusal('', [things[0]]);
      expect(error.message).toBe('no service given');
      expect(error.status).toBe(Status.INVALID_ARGUMENT);
    });

    it('should refuse a name that several objects share', () => {
      const twins = [
        { id: 'old1', name: 'host-1' },
        { id: 'new2', name: 'host-1' },
      ];
      expect(refusal('host-1', twins).status).toBe(Status.INVALID_ARGUMENT);
    });

    it('should name the kind of object in its messages', () => {
      expect(() => resolveRef(things, 'nope', (t) => t.name, 'node')).toThrow('node nope not found');
    });
  });
});
