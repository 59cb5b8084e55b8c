/** The last lines one task wrote, read through the manager's service logs (as `service logs` reads them). */
import type { Globals } from '../context';
import { manager } from '../manager';

/**
 * Up to COUNT last lines of task TASK_ID of service SERVICE_ID, stdout and stderr in the order
 * written; [] when its node cannot say within WITHIN_MS (a report must not wait on logs).
 */
export async function lastLogLines(
  g: Globals,
  serviceId: string,
  taskId: string,
  count = 10,
  withinMs = 5_000,
): Promise<string[]> {
  const lines: string[] = [];
  const read = (async () => {
    for await (const record of manager(g).stream('ServiceLogs', {
      service: serviceId,
      follow: false,
      tail: count,
      sinceUnixMs: 0,
      timestamps: false,
    })) {
      if (record.taskId !== taskId) continue;
      lines.push(...Buffer.from(record.data).toString().replace(/\n$/, '').split('\n'));
    }
  })().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([read, new Promise((resolve) => (timer = setTimeout(resolve, withinMs)))]);
  clearTimeout(timer);
  return lines.slice(-count);
}
