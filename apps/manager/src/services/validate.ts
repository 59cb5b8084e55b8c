import type { ServiceSpec } from '@berth/cluster';
export { taskSpecChanged } from '@berth/cluster';
import { parseReference } from '@berth/image/reference';
import { isNodeAttribute, parseConstraint } from '@berth/cluster';

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62})$/;
const CONDITIONS = ['none', 'on-failure', 'any'];

/** What is wrong with a service spec, as sentences; empty when it may be applied. Pure. */
export function problemsOf(spec: ServiceSpec): string[] {
  const problems: string[] = [];
  if (!NAME.test(spec.name ?? ''))
    problems.push(
      `invalid service name "${spec.name}": use letters, digits, '_', '.', '-' (up to 63), starting with a letter or digit`,
    );
  const image = spec.task?.container?.image;
  if (!image) problems.push('no image: give the image the service runs');
  else {
    // a misplaced word (a flag's value taken for the image) is refused here, not pending forever
    try {
      parseReference(image);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (!spec.mode || typeof spec.mode !== 'object') problems.push('invalid mode: use replicated or global');
  else if ('replicated' in spec.mode) {
    const replicas = spec.mode.replicated.replicas;
    if (!Number.isInteger(replicas) || replicas < 0)
      problems.push(`invalid replicas ${replicas}: expected a whole number ≥ 0`);
  } else if (!('global' in spec.mode)) problems.push('invalid mode: use replicated or global');
  const task = spec.task;
  if (task) {
    for (const text of task.placement.constraints) {
      try {
        parseConstraint(text);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    for (const preference of task.placement.preferences)
      if (!isNodeAttribute(preference.spread ?? ''))
        problems.push(
          `invalid placement preference spread=${preference.spread}: spread over node.labels.NAME, engine.labels.NAME, node.id, node.hostname, node.role, node.platform.os or node.platform.arch`,
        );
    if (!CONDITIONS.includes(task.restartPolicy.condition))
      problems.push(
        `invalid restart condition "${task.restartPolicy.condition}": use none, on-failure or any`,
      );
    const { nanoCpus, memoryBytes } = task.resources.reservations;
    if (nanoCpus < 0 || memoryBytes < 0) problems.push('reservations cannot be negative');
    if (task.placement.maxReplicasPerNode < 0) problems.push('max replicas per node cannot be negative');
  }
  for (const port of spec.endpoint?.ports ?? []) {
    if (!(Number.isInteger(port.targetPort) && port.targetPort >= 1 && port.targetPort <= 65535))
      problems.push(`invalid target port ${port.targetPort}`);
    if (!(Number.isInteger(port.publishedPort) && port.publishedPort >= 0 && port.publishedPort <= 65535))
      problems.push(`invalid published port ${port.publishedPort}`);
  }
  return problems;
}

/**
 * Only a change of what tasks run (their spec, the ports they bind, their networks) makes tasks out of date;
 * replicas alone do not. Compared as values: the order of keys does not matter.
 */
