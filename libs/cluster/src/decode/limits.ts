/**
 * The largest values the decoders accept. Generous for anything a person or a stack file writes,
 * small enough that one message cannot fill a process's memory or etcd's value limit (1.5 MiB).
 */
import type { Decoder } from './decoder';
import { array, record, string } from './decoder';

export const LIMITS = {
  /** names, ids, hostnames, label keys, users, signals */
  name: 256,
  /** image references (a registry, a path, a tag and a digest) */
  image: 1024,
  /** paths, addresses lists' entries, label values, constraint expressions */
  text: 4096,
  /** a status's message and err, a log line */
  message: 4096,
  /** one command argument or environment entry (Linux caps one at 128 KiB) */
  argument: 64 * 1024,
  /** command, args, env, mounts, caps, constraints, … */
  listItems: 1024,
  /** labels, sysctls, engine labels */
  labelKeys: 1024,
  /** ports a service publishes (a range may publish many) */
  ports: 4096,
  /** a task's restart history: grows with every restart while the restart window is 0 */
  restarts: 100_000,
  /** a task's last log lines (the agent sends 10) */
  logLines: 100,
  /** addresses on one network: a /16 of them */
  addresses: 65_536,
  /** a secret (500 KiB) or config (1000 KiB), base64 */
  fileData: Math.ceil((1000 * 1024 * 4) / 3) + 4,
  /** the JSON text of one object (a spec, a task, a view): within gRPC's 64 MiB message */
  json: 16 * 1024 * 1024,
} as const;

export const name = string(LIMITS.name);
export const text = string(LIMITS.text);
export const message = string(LIMITS.message);
export const labels: Decoder<Record<string, string>> = record(text, LIMITS.labelKeys, LIMITS.name);
export const strings = (item: Decoder<string> = text): Decoder<string[]> => array(item, LIMITS.listItems);
