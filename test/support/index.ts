export { buildBusyboxRootfs, BUSYBOX } from './rootfs';
