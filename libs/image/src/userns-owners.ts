/**
 * Owners across a user namespace's mappings: a remapped container's files are
 * the host ids of its ranges on disk (its upper dir, its volumes) and the
 * container's own ids in images. The layers it sees through idmapped mounts
 * keep the container's ids on disk, so ids outside the ranges are left as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OciIdMapping } from '@berth/runtime';
import type { OwnerMap } from './archive/tar';

export interface IdMappings {
  uidMappings: OciIdMapping[];
  gidMappings: OciIdMapping[];
}

const mapped = (
  maps: OciIdMapping[],
  id: number,
  from: 'containerID' | 'hostID',
  to: 'containerID' | 'hostID',
) => {
  const m = maps.find((r) => id >= r[from] && id < r[from] + r.size);
  return m ? m[to] + (id - m[from]) : id;
};

/** Host ids in the ranges as the container's (what leaves it: commit, export, cp, a build step's layer). */
export function containerOwners(userns: IdMappings): OwnerMap {
  return (id, kind) =>
    mapped(kind === 'uid' ? userns.uidMappings : userns.gidMappings, id, 'hostID', 'containerID');
}

/** The container's ids as the host's (what enters it: cp, a build step's upper dir). */
export function hostOwners(userns: IdMappings): OwnerMap {
  return (id, kind) =>
    mapped(kind === 'uid' ? userns.uidMappings : userns.gidMappings, id, 'containerID', 'hostID');
}

/**
 * Every entry under DIR (DIR too) owned through OWNER. The kernel clears set-id bits on a
 * chown, so each mode is put back; a file capability (security.capability) is lost.
 */
export function shiftOwners(dir: string, owner: OwnerMap): void {
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    const uid = owner(st.uid, 'uid');
    const gid = owner(st.gid, 'gid');
    if (uid !== st.uid || gid !== st.gid) {
      fs.lchownSync(p, uid, gid);
      if (!st.isSymbolicLink()) fs.chmodSync(p, st.mode & 0o7777);
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
}
