import type { EventsService } from '../events/events.service';
import type { ContainerRecord } from './model';

/**
 * What every container event says of the container, as Docker's do: its labels, name and image
 * (so `events --filter label=…` finds it).
 */
export function emitContainerEvent(
  events: Pick<EventsService, 'emit'>,
  c: Pick<ContainerRecord, 'id' | 'name' | 'image'> & { config?: Pick<ContainerRecord['config'], 'labels'> },
  action: string,
  extra: Record<string, string> = {},
): void {
  events.emit('container', action, c.id, { ...c.config?.labels, name: c.name, image: c.image, ...extra });
}
