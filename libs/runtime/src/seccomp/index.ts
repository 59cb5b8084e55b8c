export { compileSeccomp, hostArch, SECCOMP_RET, type CompiledSeccomp, type HostArch } from './compile';
export { validateSeccomp } from './validate';
export { encodeProgram, type BpfInstruction } from './bpf';
