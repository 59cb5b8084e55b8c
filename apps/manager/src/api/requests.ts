/**
 * What clients send in the Cluster API's `*_json` fields, decoded: anything malformed or too
 * large is refused with INVALID_ARGUMENT naming the field, before a service sees it.
 */
import { Logger } from '@nestjs/common';
import { DecodeError, decodeJson, decoders, type EntryDecoder } from '@berth/cluster';
import { invalid } from '../errors';
import type { DesiredFile, DesiredNetwork } from '../stacks/stack-plan';

const log = new Logger('api');

/** TEXT decoded as a T, or an INVALID_ARGUMENT that says where it is wrong (and a line in the log). */
export function decodeRequest<T>(text: string, decode: EntryDecoder<T>, path?: string): T {
  try {
    return decodeJson(text, decode, path);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    log.warn(`refused a request: ${error.message}`);
    throw invalid(error.message);
  }
}

const { boolean, LIMITS, object, oneOf, string, withDefault } = decoders;
const name = string(LIMITS.name);
const labels = decoders.record(string(LIMITS.text), LIMITS.labelKeys, LIMITS.name);

/** A stack's network, as `stack deploy` sends it. */
export const decodeDesiredNetwork = decoders.entry(
  'network',
  object<DesiredNetwork>({
    name,
    external: boolean,
    attachable: boolean,
    labels: withDefault(labels, () => ({})),
    subnet: string(LIMITS.text),
  }),
);

/**
 * A stack's secret or config, as `stack deploy` sends it (its content base64, '' when external):
 * its size is the files service's to refuse, in words about the secret rather than the field.
 */
export const decodeDesiredFile = decoders.entry(
  'file',
  object<DesiredFile>({
    kind: oneOf(['secrets', 'configs'] as const),
    name,
    external: boolean,
    labels: withDefault(labels, () => ({})),
    data: string(LIMITS.json),
  }),
);
