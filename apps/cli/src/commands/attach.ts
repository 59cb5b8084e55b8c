/**
 * Sessions with a container's process: `run -i/-t`, `start -a/-i`, and the
 * terminal plumbing `exec -it` shares. With -t the local terminal goes to raw
 * mode (the container's terminal does the line editing) and its size follows
 * the window; stdin goes to the container; output comes back as it is made.
 */
import type { berth } from '@berth/proto';
import type { EngineDuplex } from '@berth/proto/client';
import { RpcError, Status } from '@berth/proto/status';
import { authFor, engine, ExitError, warn, write, type Globals } from '../context';
import { runFailure } from './run-failure';

type Size = { rows: number; cols: number };

export function terminalSize(): Size | undefined {
  return process.stdout.isTTY ? { rows: process.stdout.rows, cols: process.stdout.columns } : undefined;
}

/**
 * While FN runs: raw mode on the local terminal (with TTY), window sizes
 * sent through RESIZE, stdin through SEND (null when input is not wanted).
 */
export async function withTerminal<T>(
  options: { tty: boolean; stdin: boolean },
  io: { send(data: Buffer): void; end(): void; resize(size: Size): void },
  fn: () => Promise<T>,
): Promise<T> {
  const stdin = process.stdin;
  const raw = options.tty && stdin.isTTY === true;
  if (options.tty && options.stdin && !stdin.isTTY) throw new ExitError('the input device is not a TTY', 1);
  const onData = (d: Buffer) => io.send(d);
  const onEnd = () => io.end();
  const onResize = () => {
    const size = terminalSize();
    if (size) io.resize(size);
  };
  if (raw) stdin.setRawMode(true);
  if (options.stdin) {
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  }
  if (options.tty) process.stdout.on('resize', onResize);
  try {
    return await fn();
  } finally {
    if (raw) stdin.setRawMode(false);
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdin.pause();
    stdin.unref?.();
    process.stdout.off('resize', onResize);
  }
}

/**
 * An attach or exec session: local input and window sizes go to CALL, its
 * output to ours; resolves with the process's exit code.
 */
export async function relaySession(
  call: EngineDuplex<'Attach'> | EngineDuplex<'Exec'>,
  tty: boolean,
  stdin: boolean,
): Promise<number> {
  const send = (m: { stdin?: Buffer; closeStdin?: boolean; resize?: Size }) =>
    (call as EngineDuplex<'Exec'>).send(m);
  return withTerminal(
    { tty, stdin },
    {
      send: (data) => send({ stdin: data }),
      end: () => send({ closeStdin: true }),
      resize: (size) => send({ resize: size }),
    },
    async () => {
      for await (const m of call) {
        if (m.stdout) process.stdout.write(m.stdout);
        else if (m.stderr) process.stderr.write(m.stderr);
        else if (m.exit) return m.exit.exitCode;
      }
      return 0;
    },
  );
}

/** Pull with progress first when the image is not here, as docker run does before creating. */
async function ensureImage(g: Globals, image: string): Promise<void> {
  try {
    await engine(g).call('InspectImage', { name: image });
    return;
  } catch (error) {
    if (!(error instanceof RpcError) || error.status !== Status.NOT_FOUND) throw error;
  }
  warn(`Unable to find image '${image}' locally\n`);
  const { ProgressRenderer } = await import('@berth/cli-support/progress');
  const renderer = new ProgressRenderer(process.stderr);
  for await (const e of engine(g).stream('PullImage', { reference: image, auth: authFor(g, image) })) {
    if (e.status) warn(`Digest: ${e.digest}\nStatus: ${e.status}\n`);
    else
      renderer.update({ id: e.id, action: e.action, current: e.current, total: e.total, detail: e.detail });
  }
}

/** run -i and/or -t: create, attach and start, relay until the container exits. */
export async function runAttached(
  g: Globals,
  spec: berth.engine.v1.IContainerSpec,
  detach: boolean,
): Promise<number> {
  try {
    if (spec.pullMissing) await ensureImage(g, spec.image!);
    const { id } = await engine(g).call('CreateContainer', { spec });
    if (detach) {
      await engine(g).call('StartContainer', { id });
      write(`${id}\n`);
      return 0;
    }
    const call = engine(g).duplex('Attach');
    call.send({ start: { id, start: true, size: spec.tty ? terminalSize() : undefined } });
    return await relaySession(call, spec.tty === true, spec.openStdin === true);
  } catch (error) {
    runFailure(error);
  }
}

/** start -a [-i]: start a created container and stay with it. */
export async function startAttached(g: Globals, id: string, interactive: boolean): Promise<number> {
  const doc = JSON.parse((await engine(g).call('InspectContainer', { id })).json) as {
    Config: { Tty: boolean; OpenStdin: boolean };
  };
  const call = engine(g).duplex('Attach');
  const tty = doc.Config.Tty;
  call.send({ start: { id, start: true, size: tty ? terminalSize() : undefined } });
  return relaySession(call, tty, interactive && doc.Config.OpenStdin);
}
