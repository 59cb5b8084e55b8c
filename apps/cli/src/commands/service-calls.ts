/** The manager's calls `service` and `stack` make, with their answers decoded. */
import {
  decodeNode,
  decodeService,
  decodeTask,
  type Node,
  type Service,
  type ServiceSpec,
  type Task,
} from '@berth/cluster';
import type { Globals } from '../context';
import { decodeAnswer, decodeAnswers } from '../decode-answers';
import { manager } from '../manager';

export async function getService(g: Globals, ref: string): Promise<Service> {
  return decodeAnswer((await manager(g).call('GetService', { ref })).json, decodeService);
}

export async function tasksOf(g: Globals, service: string, desiredState = ''): Promise<Task[]> {
  return decodeAnswers(
    (await manager(g).call('ListTasks', { service, node: '', desiredState })).json,
    decodeTask,
  );
}

export async function nodesById(g: Globals): Promise<Map<string, Node>> {
  const nodes = decodeAnswers((await manager(g).call('ListNodes', { filters: {} })).json, decodeNode);
  return new Map(nodes.map((n) => [n.id, n]));
}

/** The service REF with its spec as CHANGE makes it from the current one, written at the version read. */
export async function updateSpec(
  g: Globals,
  ref: string,
  change: (spec: ServiceSpec) => ServiceSpec,
): Promise<Service> {
  const service = await getService(g, ref);
  return decodeAnswer(
    (
      await manager(g).call('UpdateService', {
        ref: service.id,
        specJson: JSON.stringify(change(service.spec)),
        version: service.meta.version,
      })
    ).json,
    decodeService,
  );
}

/** The service and (WITH_TASKS) its tasks that should run, now and after each change: the manager pushes them. */
export async function* watchService(
  g: Globals,
  ref: string,
  withTasks: boolean,
): AsyncGenerator<{ service: Service; tasks: Task[] }> {
  for await (const state of manager(g).stream('WatchService', { ref, withTasks }))
    yield {
      service: decodeAnswer(state.json, decodeService),
      tasks: decodeAnswers(state.taskJson, decodeTask),
    };
}
