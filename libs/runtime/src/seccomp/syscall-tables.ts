/**
 * Syscall numbers by architecture. They are facts of the kernel ABI, kept as data in
 * syscall-tables.json (which says which headers they were read from).
 */
import TABLES from './syscall-tables.json';

export type SyscallTable = Readonly<Record<string, number>>;

export const X86_64_SYSCALLS: SyscallTable = TABLES.x86_64;
export const I386_SYSCALLS: SyscallTable = TABLES.i386;
export const AARCH64_SYSCALLS: SyscallTable = TABLES.aarch64;
