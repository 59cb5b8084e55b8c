import { openRuntime, parse, type Command } from '../cli';

export const state: Command = async (args, globals) => {
  const { positionals } = parse('state', args, {}, ['container-id']);
  const info = openRuntime(globals).state(positionals[0]);
  const oci = {
    ociVersion: info.ociVersion,
    id: info.id,
    pid: info.pid ?? 0,
    status: info.status,
    bundle: info.bundle,
    rootfs: info.rootfs,
    created: info.createdAt.toISOString(),
    annotations: info.annotations,
    ...(info.exit ? { exitCode: info.exit.exitCode, oomKilled: info.exit.oomKilled } : {}),
  };
  process.stdout.write(JSON.stringify(oci, null, 2) + '\n');
  return 0;
};
