/**
 * The hooks TypeScript runs itself, in the runtime namespace: poststart after
 * the process started, poststop after the container is deleted. Each gets
 * the state JSON on stdin and is killed at its timeout. Their failures do not
 * undo anything (the spec: log a warning and go on), so they come back as
 * messages for the caller to warn with.
 */
import { spawn } from 'node:child_process';
import { OCI_VERSION } from './container-states';
import type { HookPoint, OciHook } from './oci/spec';
import { hookArgv, hookState, type HookStateBase } from './plan/hooks';
import type { StoredState } from './state/files';

/** Where a Runtime's warnings go unless it is told otherwise. */
export const warnOnStderr = (message: string): void => {
  process.stderr.write(`berth-runtime: warning: ${message}\n`);
};

/** What every hook's state says besides status and pid: the fields `state` prints. */
export function hookStateBase(stored: StoredState): HookStateBase {
  return {
    ociVersion: OCI_VERSION,
    id: stored.id,
    bundle: stored.bundle,
    annotations: stored.spec.annotations ?? {},
  };
}

/** poststart (status running) or poststop (stopped) of the container STORED; failures go to WARN, as the spec says. */
export async function runStateHooks(
  point: 'poststart' | 'poststop',
  stored: StoredState,
  warn: (message: string) => void,
): Promise<void> {
  const hooks = stored.spec.hooks?.[point];
  if (!hooks?.length) return;
  const state = hookState(hookStateBase(stored), point === 'poststart' ? 'running' : 'stopped', stored.pid);
  for (const failure of await runHooks(point, hooks, state)) warn(failure);
}

/** Run POINT's hooks in order; the failures, one message each (empty when all succeeded). */
export async function runHooks(
  point: HookPoint,
  hooks: readonly OciHook[],
  state: string,
): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, hook] of hooks.entries()) {
    const failure = await runHook(hook, state);
    if (failure) failures.push(`${point} hook #${i} (${hook.path}): ${failure}`);
  }
  return failures;
}

/** null when the hook succeeded, else why not. */
function runHook(hook: OciHook, state: string): Promise<string | null> {
  const [argv0, ...args] = hookArgv(hook);
  const env = hook.env ? Object.fromEntries(hook.env.map((e) => splitEnv(e))) : process.env;
  return new Promise((resolve) => {
    const child = spawn(hook.path, args, { argv0, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-1024));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.stdin.on('error', () => undefined); // a hook need not read its stdin
    child.stdin.end(state);
    const timer = hook.timeout
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, hook.timeout * 1000)
      : undefined;
    const said = () => (output.trim() ? `: ${output.trim()}` : '');
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`cannot run it: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve(`killed after its timeout of ${hook.timeout} seconds${said()}`);
      else if (signal) resolve(`killed by ${signal}${said()}`);
      else resolve(code === 0 ? null : `exited with status ${code}${said()}`);
    });
  });
}

function splitEnv(entry: string): [string, string] {
  const eq = entry.indexOf('=');
  return [entry.slice(0, eq), entry.slice(eq + 1)];
}
