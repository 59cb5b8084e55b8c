import type { EventsService } from '../events/events.service';
import type { ContainerRecord } from './model';

/** What every container event says of the container: its name and image (Docker's attributes). */
export function emitContainerEvent(
  events: Pick<EventsService, 'emit'>,
  c: Pick<ContainerRecord, 'id' | 'name' | 'image'>,
  action: string,
  extra: Record<string, string> = {},
): void {
  events.emit('container', action, c.id, { name: c.name, image: c.image, ...extra });
}
