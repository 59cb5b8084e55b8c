/*
 * A container with a user namespace of its own. The monitor clones the init
 * with CLONE_NEWUSER beside the other new namespaces (the kernel makes the
 * user namespace first, so they are owned by it) and writes the init's
 * uid_map and gid_map before releasing it. What must be done with the host's
 * powers happens here, in the monitor, before that clone (TypeScript decides
 * which, see libs/runtime/src/plan/userns.ts):
 *  - namespaces joined by path (a network namespace CNI made) belong to the
 *    host's user namespace, which a process inside the new one cannot setns
 *    into: the monitor joins them, and the init inherits them at clone;
 *  - such a network namespace's loopback is brought up here, for the same reason;
 *  - the overlay root is mounted by host root in a mount namespace private to
 *    the monitor, which the init's mount namespace copies at clone: so image
 *    layers keep overlayfs's trusted.* xattrs and no kernel needs overlayfs in
 *    a user namespace. Layers may first be covered with idmapped clones of
 *    themselves (MOUNT_ATTR_IDMAP, kernel 5.12; overlayfs takes idmapped lower
 *    layers from 5.19), so files root owns on disk are the container root's.
 * setgroups is left "allow": the monitor writes gid_map with CAP_SETGID in the
 * parent namespace, which the kernel accepts without it, and the container's
 * process then sets its supplementary groups itself.
 */
#include "shim.h"

#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int write_map(pid_t pid, const char *file, const char *lines) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/%s", pid, file);
  /* the kernel takes a map in one write only */
  return write_file(path, lines, strlen(lines)) < 0 ? fail_ctx("user namespace mapping") : 0;
}

int userns_write_maps(struct plan *p, pid_t pid) {
  if (!p->uid_map[0] && !p->gid_map[0]) return 0;
  if (write_map(pid, "uid_map", p->uid_map) < 0) return -1;
  return write_map(pid, "gid_map", p->gid_map);
}

static int join_early(struct plan *p) {
  int fds[16];
  for (int i = 0; i < p->n_ns_early; i++) { /* all opened before any is joined, as ns_join_all does */
    fds[i] = open(p->ns_early[i].path, O_RDONLY | O_CLOEXEC);
    if (fds[i] < 0) return fail_errno("open namespace %s", p->ns_early[i].path);
  }
  for (int i = 0; i < p->n_ns_early; i++) {
    if (setns(fds[i], p->ns_early[i].type) < 0) return fail_errno("join namespace %s", p->ns_early[i].path);
    close(fds[i]);
  }
  return 0;
}

/*
 * A user namespace with the container's mappings for idmapped mounts: a child
 * unshares one and waits; its namespace outlives it through the fd we keep.
 */
static int mapping_userns(struct plan *p) {
  int ready[2];
  if (pipe2(ready, O_CLOEXEC) < 0) return fail_errno("pipe");
  pid_t pid = fork();
  if (pid < 0) return fail_errno("fork");
  if (pid == 0) {
    char c;
    close(ready[1]);
    if (unshare(CLONE_NEWUSER) < 0) _exit(1);
    /* wait until the parent has what it needs: end of file on the pipe */
    _exit(read(ready[0], &c, 1) < 0);
  }
  close(ready[0]);
  char path[64];
  int fd = -1;
  /* the child's namespace is its own once /proc shows a different user namespace than ours */
  for (int tries = 0; tries < 1000 && fd < 0; tries++) {
    struct stat mine, its;
    snprintf(path, sizeof path, "/proc/%d/ns/user", pid);
    if (stat("/proc/self/ns/user", &mine) == 0 && stat(path, &its) == 0 && mine.st_ino != its.st_ino)
      fd = open(path, O_RDONLY | O_CLOEXEC);
    else
      usleep(1000);
  }
  int rc = fd < 0 ? fail("the helper for idmapped mounts made no user namespace") : userns_write_maps(p, pid);
  close(ready[1]);
  waitpid(pid, NULL, 0);
  if (rc < 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

/* Cover DIR with an idmapped clone of itself, in the monitor's own mount namespace. */
static int idmap_over(const char *dir, int userns) {
  cleanup_fd int tree = (int)open_tree(AT_FDCWD, dir, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
  if (tree < 0) return fail_errno("open_tree %s", dir);
  struct mount_attr attr = {.attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (uint64_t)userns};
  if (mount_setattr(tree, "", AT_EMPTY_PATH, &attr, sizeof attr) < 0)
    return fail_errno("idmap %s (idmapped mounts need Linux 5.12 and a filesystem that has them)", dir);
  if (move_mount(tree, "", AT_FDCWD, dir, MOVE_MOUNT_F_EMPTY_PATH) < 0) return fail_errno("mount idmapped %s", dir);
  return 0;
}

static int idmap_layers(struct plan *p) {
  if (!p->n_idmap_dirs) return 0;
  cleanup_fd int userns = mapping_userns(p);
  if (userns < 0) return fail_ctx("idmapped layers");
  for (int i = 0; i < p->n_idmap_dirs; i++)
    if (idmap_over(p->idmap_dirs[i], userns) < 0) return -1;
  return 0;
}

/* premount-root SOURCE FSTYPE FLAGS DATA CHDIR: the root mounted here, seen by the init from clone on. */
static int premount_root(struct plan *p) {
  const char **a = p->premount_root;
  unsigned long long flags;
  if (parse_u64(a[2], 10, &flags) < 0) return -1;
  if (unshare(CLONE_NEWNS) < 0) return fail_errno("unshare the monitor's mount namespace");
  /* nothing mounted here reaches the host; the host's mounts still reach us */
  if (mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0) return fail_errno("make / rslave");
  if (idmap_layers(p) < 0) return -1;
  cleanup_fd int cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (a[4][0] && chdir(a[4]) < 0) return fail_errno("chdir %s", a[4]);
  int rc = mount(a[0], p->rootfs, a[1], flags, a[3]);
  if (rc < 0) fail_errno("mount %s rootfs on %s", a[1], p->rootfs);
  if (cwd >= 0 && fchdir(cwd) < 0 && rc == 0) return fail_errno("chdir back");
  return rc;
}

/*
 * In the init, once mapped: it still holds the host's ids, which mean nothing
 * here (files it made would fail with EOVERFLOW). Become the namespace's root,
 * and drop the host's supplementary groups, which would still open files of
 * host groups to it.
 */
int userns_become_root(struct plan *p) {
  if (!p->uid_map[0]) return 0;
  if (setgroups(0, NULL) < 0) return fail_errno("drop the host's groups in the user namespace");
  if (setresgid(0, 0, 0) < 0) return fail_errno("become gid 0 in the user namespace");
  if (setresuid(0, 0, 0) < 0) return fail_errno("become uid 0 in the user namespace");
  return 0;
}

/*
 * Limits a process in a user namespace may not set itself (a hard limit above
 * the one it has, an OOM score below its own need the host's CAP_SYS_RESOURCE;
 * /proc/self/oom_score_adj is host root's): set on it from outside, before it runs.
 */
int userns_outer_limits(struct plan *p, pid_t pid) {
  for (int i = 0; i < p->n_outer_rlimits; i++) {
    struct rlimit rl = {.rlim_cur = p->outer_rlimits[i].soft, .rlim_max = p->outer_rlimits[i].hard};
    if (prlimit(pid, p->outer_rlimits[i].resource, &rl, NULL) < 0)
      return fail_errno("setrlimit %d to %llu:%llu", p->outer_rlimits[i].resource, p->outer_rlimits[i].soft,
                        p->outer_rlimits[i].hard);
  }
  if (!p->outer_oom_score_adj) return 0;
  char path[64];
  if (pid) snprintf(path, sizeof path, "/proc/%d/oom_score_adj", pid);
  else snprintf(path, sizeof path, "/proc/self/oom_score_adj");
  if (write_file(path, p->outer_oom_score_adj, strlen(p->outer_oom_score_adj)) < 0)
    return fail_ctx("oom_score_adj %s", p->outer_oom_score_adj);
  return 0;
}

/* Everything the monitor does with the host's powers before it clones into a new user namespace. */
int userns_prepare(struct plan *p) {
  if (join_early(p) < 0) return -1;
  if (p->early_loopback_up && loopback_up() < 0) return fail_ctx("loopback-up");
  if (p->has_premount_root && premount_root(p) < 0) return fail_ctx("premount-root");
  return 0;
}
