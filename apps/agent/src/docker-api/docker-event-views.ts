/**
 * The engine's events in the Docker Engine API's shape (moby's EventMessage, with the legacy
 * `status`/`id`/`from` fields dockerd still fills for containers and images), and `GET /events`'
 * time window. Pure.
 */
import type { EngineEvent } from '../events/events.service';
import { parseTimestamp } from './docker-filters';

/** The keys `GET /events` accepts in its filters: the ones the engine's events can match. */
export const EVENT_FILTERS = ['type', 'event', 'container', 'image', 'label', 'network', 'volume', 'scope'];

/** One event as `GET /events` streams it (one JSON document a line). */
export function eventMessage(e: EngineEvent) {
  const legacy =
    e.type === 'container'
      ? { status: e.action, id: e.id, from: e.attributes.image ?? '' }
      : e.type === 'image'
        ? { status: e.action, id: e.id }
        : {};
  return {
    ...legacy,
    Type: e.type,
    Action: e.action,
    Actor: { ID: e.id, Attributes: e.attributes },
    scope: 'local',
    time: Math.floor(e.timeNano / 1e9),
    timeNano: e.timeNano,
  };
}

/**
 * `since` and `until` (dockerd's timestamps) as the stream's window in milliseconds, 0 for none.
 * As dockerd: `until` alone still replays the events kept, up to it.
 */
export function eventWindow(
  since: string | undefined,
  until: string | undefined,
  now = Date.now(),
): { sinceMs: number; untilMs: number } {
  const untilMs = until ? parseTimestamp(until, now) : 0;
  const sinceMs = since ? Math.max(1, parseTimestamp(since, now)) : untilMs ? 1 : 0;
  return { sinceMs, untilMs };
}
