/*
 * `berth-shim fs`: file operations Node has no call for, done in one batch
 * on host paths: device nodes (overlay whiteouts are char 0/0) and extended
 * attributes (overlay's opaque directories, file capabilities). Each
 * fs-getxattr prints "INDEX HEX" (or "INDEX -" when absent) on stdout, INDEX
 * counting the instruction's place among all fs ops. Stops at the first error.
 *
 * `berth-shim rebind FROM TO`: TO (an existing file or directory) becomes a
 * bind mount of what is mounted on FROM, then FROM is detached: how a named
 * network namespace gets a new name. mount(8) and umount(8) do the same but
 * parse the whole mount table and lock utab first, milliseconds of CPU each
 * on a machine with a few hundred containers.
 */
#include "shim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

/* fs-mknod PATH TYPE MAJOR MINOR MODE UID GID */
static int fs_mknod(const char **a) {
  unsigned long long major, minor, mode, uid, gid;
  if (parse_u64(a[2], 10, &major) < 0 || parse_u64(a[3], 10, &minor) < 0 || parse_u64(a[4], 8, &mode) < 0 ||
      parse_u64(a[5], 10, &uid) < 0 || parse_u64(a[6], 10, &gid) < 0)
    return -1;
  mode_t type = a[1][0] == 'b' ? S_IFBLK : a[1][0] == 'p' ? S_IFIFO : S_IFCHR;
  if (unlink(a[0]) < 0 && errno != ENOENT) return fail_errno("replace %s", a[0]);
  if (mknod(a[0], type | (mode_t)mode, makedev(major, minor)) < 0) return fail_errno("mknod %s", a[0]);
  if (chmod(a[0], (mode_t)mode) < 0) return fail_errno("chmod %s", a[0]);
  if (lchown(a[0], (uid_t)uid, (gid_t)gid) < 0) return fail_errno("chown %s", a[0]);
  return 0;
}

static int unhex(const char *hex, char **out, size_t *len) {
  size_t n = strlen(hex);
  if (n % 2) return fail("odd-length hex value");
  char *buf = malloc(n / 2 + 1);
  if (!buf) return fail("out of memory");
  for (size_t i = 0; i < n / 2; i++) {
    unsigned int byte;
    if (sscanf(hex + 2 * i, "%2x", &byte) != 1) return free(buf), fail("bad hex value");
    buf[i] = (char)byte;
  }
  *out = buf;
  *len = n / 2;
  return 0;
}

/* fs-setxattr PATH NAME HEXVALUE */
static int fs_setxattr(const char **a) {
  cleanup_free char *value = NULL;
  size_t len = 0;
  if (unhex(a[2], &value, &len) < 0) return -1;
  if (lsetxattr(a[0], a[1], value, len, 0) < 0) return fail_errno("setxattr %s on %s", a[1], a[0]);
  return 0;
}

/* fs-getxattr PATH NAME */
static int fs_getxattr(int index, const char **a) {
  char value[65536];
  ssize_t n = lgetxattr(a[0], a[1], value, sizeof value);
  if (n < 0) {
    if (errno != ENODATA && errno != ENOTSUP) return fail_errno("getxattr %s on %s", a[1], a[0]);
    printf("%d -\n", index);
    return 0;
  }
  printf("%d ", index);
  for (ssize_t i = 0; i < n; i++) printf("%02x", (unsigned char)value[i]);
  printf("\n");
  return 0;
}

/* fs-umount PATH: detached, so a busy mount goes once its last user does */
static int fs_umount(const char **a) {
  if (umount2(a[0], MNT_DETACH | UMOUNT_NOFOLLOW) < 0 && errno != EINVAL && errno != ENOENT)
    return fail_errno("umount %s", a[0]);
  return 0;
}

int run_fs(struct plan *p) {
  for (int i = 0; i < p->n_steps; i++) {
    struct instr *in = p->steps[i];
    int rc = !strcmp(in->op, "fs-mknod")      ? fs_mknod(in->argv)
             : !strcmp(in->op, "fs-setxattr") ? fs_setxattr(in->argv)
             : !strcmp(in->op, "fs-getxattr") ? fs_getxattr(i, in->argv)
             : !strcmp(in->op, "fs-umount")   ? fs_umount(in->argv)
                                              : fail("%s is not a file operation", in->op);
    if (rc < 0) {
      fflush(stdout);
      fprintf(stderr, "berth-shim: %s\n", shim_error);
      return 1;
    }
  }
  return fflush(stdout) == 0 ? 0 : 1;
}

int run_rebind(const char *from, const char *to) {
  if (mount(from, to, NULL, MS_BIND, NULL) < 0) {
    fprintf(stderr, "berth-shim rebind: bind %s on %s: %s\n", from, to, strerror(errno));
    return 1;
  }
  if (umount2(from, MNT_DETACH) < 0) {
    fprintf(stderr, "berth-shim rebind: detach %s: %s\n", from, strerror(errno));
    return 1;
  }
  return 0;
}
