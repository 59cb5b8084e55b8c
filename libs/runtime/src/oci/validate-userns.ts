/**
 * The rules for a user namespace in a config.json: the mappings the kernel
 * would refuse (it says only EINVAL, after the container is half made) are
 * named here, by field, before anything is made. Pure.
 */
import type { OciIdMapping, OciSpec } from './spec';

/** What /proc/PID/uid_map takes in one write since Linux 4.15. */
export const MAX_ID_MAP_LINES = 340;
const ID_LIMIT = 2 ** 32 - 1; // (uid_t)-1 is "no id"; a range may end just below it

type Problem = (path: string, message: string) => void;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function validateUserNamespace(spec: OciSpec, problem: Problem): void {
  const namespaces = spec.linux?.namespaces ?? [];
  const userIndex = namespaces.findIndex((ns) => ns.type === 'user');
  const user = namespaces[userIndex];
  const maps = { uidMappings: spec.linux?.uidMappings, gidMappings: spec.linux?.gidMappings };

  if (!user) {
    for (const [field, list] of Object.entries(maps))
      if (list?.length)
        problem(`linux.${field}`, 'mappings need a user namespace: add {"type": "user"} to linux.namespaces');
    return;
  }
  if (user.path) {
    problem(
      `linux.namespaces[${userIndex}].path`,
      'joining a user namespace by path is not supported by berth-runtime; leave path out to make a new one with linux.uidMappings and linux.gidMappings',
    );
    return;
  }
  for (const [field, list] of Object.entries(maps)) {
    if (!list?.length)
      problem(
        `linux.${field}`,
        'a new user namespace needs mappings, e.g. [{"containerID": 0, "hostID": 100000, "size": 65536}]',
      );
    else if (validateMappings(`linux.${field}`, list, problem) && hostIdOf(list, 0) === null)
      // as runc: the init becomes the namespace's root to set the container up
      problem(`linux.${field}`, "must map id 0 (the container's root), which sets the container up");
  }
  namespaces.forEach((ns, i) => {
    // the new user namespace exists from clone on, and a mount namespace owned by the host's cannot be joined from it
    if (ns.type === 'mount' && ns.path)
      problem(
        `linux.namespaces[${i}].path`,
        'a mount namespace joined by path cannot be combined with a new user namespace',
      );
  });
}

/** Whether LIST is well formed (each problem is reported). */
function validateMappings(field: string, list: OciIdMapping[], problem: Problem): boolean {
  let ok = true;
  const report: Problem = (path, message) => {
    ok = false;
    problem(path, message);
  };
  if (list.length > MAX_ID_MAP_LINES)
    report(field, `at most ${MAX_ID_MAP_LINES} mappings (the kernel's limit), got ${list.length}`);
  const wellFormed: [number, OciIdMapping][] = [];
  list.forEach((m, i) => {
    const at = `${field}[${i}]`;
    const fields = [m?.containerID, m?.hostID, m?.size];
    if (!fields.every((v) => isInt(v) && v >= 0))
      report(at, 'containerID, hostID and size must be non-negative integers');
    else if (m.size === 0) report(`${at}.size`, 'must be at least 1');
    else if (m.containerID + m.size > ID_LIMIT || m.hostID + m.size > ID_LIMIT)
      report(at, `the range passes the largest id (${ID_LIMIT - 1})`);
    else wellFormed.push([i, m]);
  });
  for (let a = 0; a < wellFormed.length; a++)
    for (let b = a + 1; b < wellFormed.length; b++) {
      const [i, x] = wellFormed[a];
      const [j, y] = wellFormed[b];
      if (overlaps(x.containerID, y.containerID, x.size, y.size))
        report(`${field}[${j}]`, `its containerID range overlaps that of ${field}[${i}]`);
      else if (overlaps(x.hostID, y.hostID, x.size, y.size))
        report(`${field}[${j}]`, `its hostID range overlaps that of ${field}[${i}]`);
    }
  return ok;
}

function overlaps(startA: number, startB: number, sizeA: number, sizeB: number): boolean {
  return startA < startB + sizeB && startB < startA + sizeA;
}

/** The host id that container id ID maps to, or null when unmapped. */
export function hostIdOf(mappings: readonly OciIdMapping[], id: number): number | null {
  const m = mappings.find((r) => id >= r.containerID && id < r.containerID + r.size);
  return m ? m.hostID + (id - m.containerID) : null;
}
