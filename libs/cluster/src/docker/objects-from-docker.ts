/**
 * Docker's NodeSpec (`POST /nodes/{id}/update`) and SecretSpec / ConfigSpec (`POST
 * /secrets/create`, `/configs/create`) → Berth's. Zero values are Docker's defaults; what Berth
 * cannot do is refused by name. Pure.
 */
import { DecodeError } from '../decode/decoder';
import { LIMITS } from '../decode/limits';
import type { FileObjectKind, FileObjectSpec, NodeSpec } from '../objects';
import { choice, field, fields, labels, readBody, refuseSet, text } from './read';

/** A node's spec as `docker node update` sends it back: Role '' is worker and Availability '' active, as in swarm. */
export function nodeSpecFromDocker(body: unknown): NodeSpec {
  return readBody(() => readNodeSpec(fields(body, '')));
}

function readNodeSpec(s: Record<string, unknown>): NodeSpec {
  refuseSet(s, 'Name', '', 'Berth names a node by its hostname');
  return {
    role: choice(field(s, 'Role'), 'Role', ['worker', 'manager'] as const, 'worker'),
    availability: choice(
      field(s, 'Availability'),
      'Availability',
      ['active', 'pause', 'drain'] as const,
      'active',
    ),
    labels: labels(field(s, 'Labels'), 'Labels'),
  };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A secret's or config's spec and content (Data: base64, as Docker's []byte travels in JSON). */
export function fileSpecFromDocker(
  kind: FileObjectKind,
  body: unknown,
): { spec: FileObjectSpec; data: Uint8Array } {
  const s = fields(body, '');
  if (kind === 'secrets') refuseSet(s, 'Driver', '', "Berth keeps a secret's data itself: no secret drivers");
  refuseSet(s, 'Templating', '', "Berth hands a file's data over as it is: no templating");
  const name = text(field(s, 'Name'), 'Name', LIMITS.name);
  if (!name) throw new DecodeError('missing', 'Name', 'name it');
  const data = text(field(s, 'Data'), 'Data', LIMITS.fileData);
  if (!BASE64.test(data)) throw new DecodeError('value', 'Data', 'not base64');
  return { spec: { name, labels: labels(field(s, 'Labels'), 'Labels') }, data: Buffer.from(data, 'base64') };
}
