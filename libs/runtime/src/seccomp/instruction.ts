/**
 * linux.seccomp → the shim's `seccomp FLAGS HEXPROGRAM` instruction. Compiling
 * is pure but not free (~1 ms for Docker's profile), and an engine starts many
 * containers with the same few profiles: programs are kept by profile text.
 */
import type { OciSeccomp } from '../oci/spec';
import type { Instruction } from '../plan/instructions';
import { encodeProgram } from './bpf';
import { compileSeccomp, hostArch, type HostArch } from './compile';

const CACHE_LIMIT = 32;
const cache = new Map<string, Instruction>();

export function seccompInstructions(
  seccomp: OciSeccomp | undefined,
  arch: HostArch = hostArch(),
): Instruction[] {
  if (!seccomp) return [];
  const key = `${arch} ${JSON.stringify(seccomp)}`;
  let instruction = cache.get(key);
  if (!instruction) {
    const { program, flags } = compileSeccomp(seccomp, arch);
    instruction = ['seccomp', String(flags), encodeProgram(program)];
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, instruction);
  }
  return [instruction];
}
