/**
 * File operations Node has no call for — device nodes, extended attributes
 * and unmounts — done in one batch by `berth-shim fs`. The image library uses
 * them for overlay whiteouts (char 0/0), opaque directories
 * (trusted.overlay.opaque) and file capabilities.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HostError } from './errors';
import { encodeInstructions, type Instruction } from './plan/instructions';
import { locateShim } from './shim/locate';

export type FsOp =
  | {
      op: 'mknod';
      path: string;
      type: 'c' | 'b' | 'p';
      major: number;
      minor: number;
      mode: number;
      uid: number;
      gid: number;
    }
  | { op: 'setxattr'; path: string; name: string; value: Buffer }
  | { op: 'getxattr'; path: string; name: string }
  /** detached: a busy mount goes once its last user does */
  | { op: 'umount'; path: string };

export function fsOpInstruction(op: FsOp): Instruction {
  switch (op.op) {
    case 'mknod':
      return [
        'fs-mknod',
        op.path,
        op.type,
        String(op.major),
        String(op.minor),
        op.mode.toString(8),
        String(op.uid),
        String(op.gid),
      ];
    case 'setxattr':
      return ['fs-setxattr', op.path, op.name, op.value.toString('hex')];
    case 'getxattr':
      return ['fs-getxattr', op.path, op.name];
    case 'umount':
      return ['fs-umount', op.path];
  }
}

/** "INDEX HEX" / "INDEX -" lines → one entry per op: the value for getxattr (null when absent), else null. */
export function parseFsOutput(text: string, count: number): (Buffer | null)[] {
  const results: (Buffer | null)[] = new Array(count).fill(null);
  for (const line of text.split('\n')) {
    const [index, value] = line.split(' ');
    if (index === undefined || value === undefined) continue;
    results[Number(index)] = value === '-' ? null : Buffer.from(value, 'hex');
  }
  return results;
}

let counter = 0;

/** Carry out OPS in order; resolves with each getxattr's value (null elsewhere). */
export async function applyFsOps(
  ops: readonly FsOp[],
  shimPath: string = locateShim(),
): Promise<(Buffer | null)[]> {
  if (ops.length === 0) return [];
  const file = path.join(os.tmpdir(), `berth-fsops-${process.pid}-${++counter}`);
  fs.writeFileSync(file, encodeInstructions(ops.map(fsOpInstruction)), { mode: 0o600 });
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(shimPath, ['fs', file], { maxBuffer: 256 << 20 }, (error, out, err) => {
        if (error) reject(new HostError(err.trim() || error.message));
        else resolve(out);
      });
    });
    return parseFsOutput(stdout, ops.length);
  } finally {
    fs.rmSync(file, { force: true });
  }
}
