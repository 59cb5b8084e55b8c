import { containerRecord, containerState } from '../containers/testing';
import { InvalidArgumentError } from '../errors';
import type { Volume } from '../volumes/volumes.service';
import { DockerFilters } from './docker-filters';
import {
  VOLUME_LIST_FILTERS,
  VOLUME_PRUNE_FILTERS,
  volumeDocument,
  volumeMatches,
  volumePruning,
  volumeRequestOf,
  volumeUsers,
} from './docker-volume-views';

const volume = (name: string, fields: Partial<Volume> = {}): Volume => ({
  name,
  driver: 'local',
  created: '2024-05-01T10:00:00.123Z',
  labels: {},
  anonymous: false,
  ...fields,
});
const list = (f: Record<string, string[]>) => DockerFilters.parse(JSON.stringify(f), VOLUME_LIST_FILTERS);
const prune = (f: Record<string, string[]>) => DockerFilters.parse(JSON.stringify(f), VOLUME_PRUNE_FILTERS);

describe('Docker volume views', () => {
  describe(volumeDocument.name, () => {
    it("should describe a local volume in moby's shape, its creation to the second", () => {
      expect(volumeDocument(volume('data', { labels: { a: 'b' } }), '/v/data/_data')).toEqual({
        CreatedAt: '2024-05-01T10:00:00Z',
        Driver: 'local',
        Labels: { a: 'b' },
        Mountpoint: '/v/data/_data',
        Name: 'data',
        Options: {},
        Scope: 'local',
      });
    });

    it('should add the usage only when it is given (system df)', () => {
      expect(volumeDocument(volume('data'), '/m', { size: 12, refCount: 2 })).toMatchObject({
        UsageData: { Size: 12, RefCount: 2 },
      });
      expect(volumeDocument(volume('data'), '/m')).not.toHaveProperty('UsageData');
    });
  });

  describe(volumeUsers.name, () => {
    it('should name the containers that mount each volume, whatever their state', () => {
      const a = containerRecord('a', 'a', {}, containerState('running'));
      a.mounts = [
        { type: 'volume', source: 'data', destination: '/d', readOnly: false },
        { type: 'bind', source: '/etc', destination: '/e', readOnly: true },
      ];
      const b = containerRecord('b', 'b', {}, containerState('exited'));
      b.mounts = [{ type: 'volume', source: 'data', destination: '/d', readOnly: false }];
      expect(volumeUsers([a, b])).toEqual(new Map([['data', ['a', 'b']]]));
    });
  });

  describe(volumeMatches.name, () => {
    it('should filter by name, driver and label', () => {
      const v = volume('app-data', { labels: { team: 'a' } });
      expect(volumeMatches(v, list({ name: ['data'] }), 0)).toBe(true);
      expect(volumeMatches(v, list({ name: ['logs'] }), 0)).toBe(false);
      expect(volumeMatches(v, list({ driver: ['local'] }), 0)).toBe(true);
      expect(volumeMatches(v, list({ label: ['team=a'] }), 0)).toBe(true);
      expect(volumeMatches(v, list({ label: ['team=b'] }), 0)).toBe(false);
    });

    it('should call dangling a volume no container uses', () => {
      expect(volumeMatches(volume('v'), list({ dangling: ['true'] }), 0)).toBe(true);
      expect(volumeMatches(volume('v'), list({ dangling: ['true'] }), 1)).toBe(false);
      expect(volumeMatches(volume('v'), list({ dangling: ['0'] }), 1)).toBe(true);
    });
  });

  describe(volumePruning.name, () => {
    it('should prune only anonymous volumes from API 1.42, unless all=true', () => {
      expect(volumePruning(prune({}), '1.50').all).toBe(false);
      expect(volumePruning(prune({ all: ['true'] }), '1.50').all).toBe(true);
      expect(volumePruning(prune({}), '1.41').all).toBe(true);
    });

    it('should pick by label= and leave out by label!=', () => {
      const tagged = volume('t', { labels: { keep: 'yes' } });
      expect(volumePruning(prune({ label: ['keep'] }), '1.50').which(tagged)).toBe(true);
      expect(volumePruning(prune({ label: ['keep'] }), '1.50').which(volume('u'))).toBe(false);
      expect(volumePruning(prune({ 'label!': ['keep=yes'] }), '1.50').which(tagged)).toBe(false);
      expect(volumePruning(prune({ 'label!': ['keep=yes'] }), '1.50').which(volume('u'))).toBe(true);
    });
  });

  describe(volumeRequestOf.name, () => {
    it('should read a name and labels, none for a volume named by the engine', () => {
      expect(volumeRequestOf({ Name: 'data', Driver: 'local', Labels: { a: 'b' }, DriverOpts: {} })).toEqual({
        name: 'data',
        labels: { a: 'b' },
      });
      expect(volumeRequestOf({})).toEqual({ name: null, labels: {} });
    });

    it('should refuse another driver and driver options, saying why', () => {
      expect(() => volumeRequestOf({ Driver: 'nfs' })).toThrow(
        new InvalidArgumentError('volume driver "nfs" is not available; only "local" is'),
      );
      expect(() => volumeRequestOf({ DriverOpts: { type: 'tmpfs' } })).toThrow(
        'volume driver options (type) are not supported by Berth',
      );
    });
  });
});
