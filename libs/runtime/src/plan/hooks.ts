/**
 * Where each OCI hook runs, decided here (pure). The shim runs the ones that
 * must run where only it is: createRuntime and prestart in the monitor while
 * the init waits in its namespaces, createContainer as a setup step before
 * pivot_root (in the container's mount namespace), startContainer in the init
 * just before the process is exec'd. poststart and poststop run in
 * TypeScript (./../hooks.ts): after start, and after delete.
 */
import type { HookPoint, OciHook, OciSpec, OciState } from '../oci/spec';
import type { Instruction } from './instructions';

/** Where the shim runs a hook: `runtime` (monitor), `container` (a setup step), `start` (before exec). */
export type ShimHookPlace = 'runtime' | 'container' | 'start';

/** OCI's order at each place; prestart (deprecated) runs with createRuntime, before it, as runc does. */
const SHIM_HOOKS: readonly { point: HookPoint; place: ShimHookPlace; status: OciState['status'] }[] = [
  { point: 'prestart', place: 'runtime', status: 'creating' },
  { point: 'createRuntime', place: 'runtime', status: 'creating' },
  { point: 'createContainer', place: 'container', status: 'creating' },
  { point: 'startContainer', place: 'start', status: 'created' },
];

/** What a hook's state JSON holds besides its status and the pid. */
export type HookStateBase = Omit<OciState, 'status' | 'pid'>;

/** The state JSON as `state` prints its OCI fields, split around the pid (which only the shim learns). */
export function stateAroundPid(base: HookStateBase, status: OciState['status']): [string, string] {
  const marker = -7777777; // a number JSON.stringify writes as is, and no string field can hold unquoted
  const json = JSON.stringify({
    ociVersion: base.ociVersion,
    id: base.id,
    status,
    pid: marker,
    bundle: base.bundle,
    annotations: base.annotations ?? {},
  });
  const at = json.indexOf(`"pid":${marker}`) + '"pid":'.length;
  return [json.slice(0, at), json.slice(at + String(marker).length)];
}

/** The state JSON a hook run by TypeScript reads. */
export function hookState(base: HookStateBase, status: OciState['status'], pid: number | undefined): string {
  const [before, after] = stateAroundPid(base, status);
  return `${before}${pid ?? 0}${after}`;
}

/** The argv a hook is exec'd with: its args (args[0] is argv[0], as execv), or just its path. */
export function hookArgv(hook: OciHook): string[] {
  return hook.args?.length ? hook.args : [hook.path];
}

/** The shim's hook instructions (monitor-level; the createContainer ones run at a `run-hooks container` step). */
export function shimHookInstructions(spec: OciSpec, base: HookStateBase): Instruction[] {
  const out: Instruction[] = [];
  for (const { point, place, status } of SHIM_HOOKS) {
    const [before, after] = stateAroundPid(base, status);
    (spec.hooks?.[point] ?? []).forEach((hook, i) => {
      out.push(['hook', place, `${point} hook #${i}`, String(hook.timeout ?? 0), hook.path, before, after]);
      for (const arg of hookArgv(hook)) out.push(['hook-arg', arg]);
      for (const env of hook.env ?? []) out.push(['hook-env', env]);
    });
  }
  return out;
}

/** Whether a setup step must run the createContainer hooks before pivot_root. */
export function hasCreateContainerHooks(spec: OciSpec): boolean {
  return (spec.hooks?.createContainer?.length ?? 0) > 0;
}
