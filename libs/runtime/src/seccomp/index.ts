export { compileSeccomp, hostArch, SECCOMP_RET, type CompiledSeccomp, type HostArch } from './compile';
export { validateSeccomp } from './validate';
export { encodeProgram, type BpfInstruction } from './bpf';
export {
  DOCKER_DEFAULT_PROFILE,
  dockerProfileToOci,
  parseDockerProfile,
  type DockerSeccompProfile,
  type DockerProfileContext,
} from './docker-profile';
