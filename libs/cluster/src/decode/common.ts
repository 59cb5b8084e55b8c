import type { Meta, NetworkAddress, Resources } from '../objects';
import { number, object, type Decoder } from './decoder';
import { name, text } from './limits';

/** Epoch milliseconds, durations in milliseconds, versions, bytes: whole and not negative. */
export const count = number();
/** A duration that a spec may give with a fraction of a millisecond. */
export const duration = number({ integer: false });

export const decodeMeta: Decoder<Meta> = object<Meta>({ version: count, createdAt: count, updatedAt: count });

/** CPUs and bytes as a spec computes them (`--limit-memory 1.3m` is not a whole number of bytes). */
const amount = number({ integer: false });

export const decodeResources: Decoder<Resources> = object<Resources>({
  nanoCpus: amount,
  memoryBytes: amount,
});

export const decodeNetworkAddress: Decoder<NetworkAddress> = object<NetworkAddress>({
  networkId: name,
  address: text,
});
