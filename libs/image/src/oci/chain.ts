/**
 * Chain ids: the name of a layer together with everything below it, as the
 * OCI image spec defines them. chain(L0) = diff(L0);
 * chain(Ln) = sha256(chain(Ln-1) + " " + diff(Ln)). Pure.
 */
import { sha256, type Digest } from '../digest';

export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  for (const diffId of diffIds)
    out.push(out.length === 0 ? diffId : sha256(`${out[out.length - 1]} ${diffId}`));
  return out;
}

export function chainIdOf(parent: Digest | null, diffId: Digest): Digest {
  return parent === null ? diffId : sha256(`${parent} ${diffId}`);
}
