/**
 * Service discovery on overlay networks, as Swarm's embedded DNS answers it, pure: on the
 * networks a container is on, `SERVICE` (or one of its aliases) is the service's virtual IP, or
 * its ready tasks' addresses in dnsrr mode; `tasks.SERVICE` is always the ready tasks' addresses.
 */
import type { NetworkView } from '@berth/cluster';

/** NAME's addresses on VIEWS, or null when it names no service there. */
export function serviceRecords(views: readonly NetworkView[], name: string): string[] | null {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const tasksOf = wanted.startsWith('tasks.') ? wanted.slice('tasks.'.length) : null;
  const found: string[] = [];
  let known = false;
  for (const view of views) {
    for (const service of view.services) {
      const names = [service.name, ...service.aliases].map((n) => n.toLowerCase());
      if (!names.includes(tasksOf ?? wanted)) continue;
      known = true;
      if (!tasksOf && service.mode === 'vip') {
        if (service.virtualIp) found.push(service.virtualIp.split('/')[0]);
        continue;
      }
      for (const e of view.endpoints)
        if (e.serviceId === service.id && e.taskId && e.ready) found.push(e.address.split('/')[0]);
    }
  }
  return known ? [...new Set(found)].sort() : null;
}
