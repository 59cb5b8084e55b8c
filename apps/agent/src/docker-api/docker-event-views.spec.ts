import { eventMatches, type EngineEvent } from '../events/events.service';
import { eventMessage, eventWindow } from './docker-event-views';

const event = (
  type: EngineEvent['type'],
  action: string,
  id: string,
  attributes: Record<string, string> = {},
) => ({
  type,
  action,
  id,
  attributes,
  timeNano: 1714557600_123000000,
});

describe('Docker event views', () => {
  describe(eventMessage.name, () => {
    it("should give a container's event dockerd's fields, the legacy ones included", () => {
      expect(eventMessage(event('container', 'start', 'c1', { name: 'web', image: 'busybox' }))).toEqual({
        status: 'start',
        id: 'c1',
        from: 'busybox',
        Type: 'container',
        Action: 'start',
        Actor: { ID: 'c1', Attributes: { name: 'web', image: 'busybox' } },
        scope: 'local',
        time: 1714557600,
        timeNano: 1714557600_123000000,
      });
    });

    it("should give a network's event only the current fields", () => {
      const m = eventMessage(event('network', 'create', 'n1', { name: 'web', type: 'bridge' }));
      expect(m).not.toHaveProperty('status');
      expect(m).toMatchObject({ Type: 'network', Action: 'create', Actor: { ID: 'n1' } });
    });
  });

  describe(eventWindow.name, () => {
    it('should read since and until as dockerd timestamps', () => {
      expect(eventWindow('1714557600.5', '1714557700')).toEqual({
        sinceMs: 1714557600500,
        untilMs: 1714557700000,
      });
    });

    it('should replay nothing without since, and everything kept with only until', () => {
      expect(eventWindow(undefined, undefined)).toEqual({ sinceMs: 0, untilMs: 0 });
      expect(eventWindow(undefined, '1714557700').sinceMs).toBe(1);
    });
  });

  describe(eventMatches.name, () => {
    const connect = event('network', 'connect', 'n1abc', { name: 'web', container: 'c1' });
    const volume = event('volume', 'create', 'data', { driver: 'local' });

    it('should find network events by network name or id', () => {
      expect(eventMatches(connect, ['network=web'])).toBe(true);
      expect(eventMatches(connect, ['network=n1a'])).toBe(true);
      expect(eventMatches(connect, ['network=db'])).toBe(false);
      expect(eventMatches(volume, ['network=web'])).toBe(false);
    });

    it('should find volume events by volume name', () => {
      expect(eventMatches(volume, ['volume=data'])).toBe(true);
      expect(eventMatches(volume, ['volume=logs'])).toBe(false);
    });

    it('should find events by label, an = inside the value kept', () => {
      const e = event('container', 'start', 'c1', { name: 'x', expr: 'a=b' });
      expect(eventMatches(e, ['label=expr=a=b'])).toBe(true);
      expect(eventMatches(e, ['label=expr=a'])).toBe(false);
    });

    it('should take every event as local', () => {
      expect(eventMatches(volume, ['scope=local'])).toBe(true);
      expect(eventMatches(volume, ['scope=swarm'])).toBe(false);
    });
  });
});
