/**
 * The instruction set of berth-shim (libs/runtime/native/src/instr.c holds
 * the same arity table). An instruction is an op and its string arguments;
 * the file is every string NUL-terminated, one after another.
 */
export type Instruction =
  // read by the monitor
  | readonly ['state-dir', string]
  | readonly ['rootfs', string]
  | readonly ['log', path: string, maxSize: string, maxFiles: string]
  | readonly ['cgroup', procsFile: string]
  | readonly ['autostart']
  | readonly ['open-stdin']
  | readonly ['console-socket', path: string]
  | readonly ['terminal', rows: string, cols: string]
  | readonly ['ns', type: string, path: string]
  | readonly [
      'hook',
      place: string,
      label: string,
      timeoutSeconds: string,
      path: string,
      stateBeforePid: string,
      stateAfterPid: string,
    ]
  | readonly ['hook-arg', string]
  | readonly ['hook-env', string]
  // a new user namespace: lines of its maps, and what the monitor does before it clones
  | readonly ['id-map', kind: 'uid' | 'gid', containerId: string, hostId: string, size: string]
  | readonly ['ns-early', type: string, path: string]
  | readonly ['early-loopback-up']
  | readonly ['idmap-dir', path: string]
  | readonly ['outer-rlimit', resource: string, soft: string, hard: string]
  | readonly ['outer-oom-score-adj', string]
  | readonly ['premount-root', source: string, fstype: string, flags: string, data: string, chdir: string]
  // setup steps, run in order by the container's init
  | readonly ['mount-root', source: string, fstype: string, flags: string, data: string, chdir: string]
  | readonly [
      'mount',
      source: string,
      destination: string,
      fstype: string,
      flags: string,
      propagation: string,
      data: string,
    ]
  | readonly [
      'mkdev',
      path: string,
      type: string,
      major: string,
      minor: string,
      mode: string,
      uid: string,
      gid: string,
    ]
  | readonly ['symlink', target: string, path: string]
  | readonly ['pivot']
  | readonly ['root-dir']
  | readonly ['sysctl', key: string, value: string]
  | readonly ['mask', path: string]
  | readonly ['readonly', path: string]
  | readonly ['readonly-root']
  | readonly ['hostname', name: string]
  | readonly ['loopback-up']
  | readonly ['run-hooks', place: string]
  | readonly ['rslave-root']
  | readonly ['chroot']
  // the process
  | readonly ['arg', string]
  | readonly ['env', string]
  | readonly ['cwd', string]
  | readonly ['user', uid: string, gid: string]
  | readonly ['group', gid: string]
  | readonly ['umask', octal: string]
  | readonly [
      'caps',
      bounding: string,
      effective: string,
      permitted: string,
      inheritable: string,
      ambient: string,
    ]
  | readonly ['no-new-privs']
  | readonly ['rlimit', resource: string, soft: string, hard: string]
  | readonly ['oom-score-adj', string]
  | readonly ['seccomp', flags: string, hexProgram: string]
  // file operations (berth-shim fs)
  | readonly [
      'fs-mknod',
      path: string,
      type: string,
      major: string,
      minor: string,
      mode: string,
      uid: string,
      gid: string,
    ]
  | readonly ['fs-setxattr', path: string, name: string, hexValue: string]
  | readonly ['fs-getxattr', path: string, name: string]
  | readonly ['fs-umount', path: string];

export function encodeInstructions(instructions: readonly Instruction[]): Buffer {
  const parts: string[] = [];
  for (const instruction of instructions) {
    for (const token of instruction) {
      if (token.includes('\0'))
        throw new Error(`instruction ${instruction[0]}: argument contains a NUL byte`);
      parts.push(token, '\0');
    }
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** The inverse of encodeInstructions, for tests and for reading a state dir when debugging. */
export function decodeTokens(buffer: Buffer): string[] {
  const text = buffer.toString('utf8');
  if (text === '') return [];
  return text.slice(0, -1).split('\0');
}
