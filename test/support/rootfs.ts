/** The busybox rootfs lives with the demos that also use it. */
export { buildBusyboxRootfs, BUSYBOX } from '../../deploy/busybox-rootfs';
