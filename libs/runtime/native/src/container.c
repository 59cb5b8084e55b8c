/*
 * Inside the container: the setup steps (mounts, device nodes, pivot_root,
 * masks) and the process attributes (limits, identity, capabilities), then
 * the lookup of the program to exec. Runs in the freshly cloned init, or in
 * the child of `berth-shim exec`.
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int rootfd = -1; /* the future root, for resolving paths inside it */

static long openat2_in_root(const char *path, int flags, mode_t mode) {
  struct open_how how = {.flags = (uint64_t)flags, .mode = mode, .resolve = RESOLVE_IN_ROOT};
  return syscall(SYS_openat2, rootfd, path, &how, sizeof how);
}

/*
 * Open (creating if absent) PATH inside the future root, resolving symlinks as
 * if the root were already "/", so an image cannot point a mount outside it.
 */
static int open_in_root(const char *path, int want_dir) {
  char buf[4096];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return fail("path too long: %s", path);

  for (char *slash = buf + 1;; slash++) {
    int last = (*slash == '\0');
    if (*slash != '/' && !last) continue;
    *slash = '\0';
    int fd = (int)openat2_in_root(buf, O_PATH | O_CLOEXEC, 0);
    if (fd < 0 && errno == ENOENT) {
      char *base = strrchr(buf, '/');
      *base = '\0';
      cleanup_fd int parent = (int)openat2_in_root(base == buf ? "/" : buf, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
      *base = '/';
      if (parent < 0) return fail_errno("open %s", buf);
      if (!last || want_dir) {
        if (mkdirat(parent, base + 1, 0755) < 0 && errno != EEXIST) return fail_errno("mkdir %s", buf);
      } else {
        int f = openat(parent, base + 1, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
        if (f < 0) return fail_errno("create %s", buf);
        close(f);
      }
      fd = (int)openat2_in_root(buf, O_PATH | O_CLOEXEC, 0);
    }
    if (fd < 0) return fail_errno("open %s", buf);
    if (last) return fd;
    close(fd);
    *slash = '/';
  }
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mount-root SOURCE FSTYPE FLAGS DATA WORKDIR: make the rootfs a mount point. */
static int step_mount_root(struct plan *p, const char **a) {
  unsigned long long flags;
  if (parse_u64(a[2], 10, &flags) < 0) return -1;
  if (a[4][0] && chdir(a[4]) < 0) return fail_errno("chdir %s", a[4]);
  int rc = a[1][0] ? mount(a[0], p->rootfs, a[1], flags, a[3])
                   : mount(p->rootfs, p->rootfs, NULL, MS_BIND | MS_REC, NULL);
  if (rc < 0) return fail_errno("mount %s rootfs on %s", a[1][0] ? a[1] : "bind", p->rootfs);
  rootfd = open(p->rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (rootfd < 0) return fail_errno("open rootfs %s", p->rootfs);
  return 0;
}

/* The flags a mount already has, as mount(2) flags, so a remount keeps them. */
static unsigned long current_flags(const char *target) {
  struct statvfs sv;
  unsigned long flags = 0;
  if (statvfs(target, &sv) < 0) return 0;
  if (sv.f_flag & ST_NOSUID) flags |= MS_NOSUID;
  if (sv.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (sv.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (sv.f_flag & ST_NOATIME) flags |= MS_NOATIME;
  if (sv.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (sv.f_flag & ST_RELATIME) flags |= MS_RELATIME;
  return flags;
}

/* mount SOURCE DEST FSTYPE FLAGS PROPAGATION DATA (DEST inside the container). */
static int step_mount(const char **a) {
  unsigned long long flags, propagation;
  char target[64];
  if (parse_u64(a[3], 10, &flags) < 0 || parse_u64(a[4], 10, &propagation) < 0) return -1;
  if (rootfd < 0) return fail("mount %s before the rootfs", a[1]);
  int bind = (flags & MS_BIND) != 0;
  unsigned long extra = bind ? flags & ~(unsigned long)(MS_BIND | MS_REC) : 0;

  cleanup_fd int fd = open_in_root(a[1], bind ? is_dir(a[0]) : 1);
  if (fd < 0) return -1;
  snprintf(target, sizeof target, "/proc/self/fd/%d", fd);
  if (bind ? mount(a[0], target, NULL, MS_BIND | (flags & MS_REC), NULL) : mount(a[0], target, a[2], flags, a[5]))
    return fail_errno(bind ? "bind %s" : "mount %s", bind ? a[0] : a[2]);
  if (!extra && !propagation) return 0;

  /* the fd still names the directory under the new mount: look the path up again to reach the mount */
  cleanup_fd int mounted = open_in_root(a[1], 1);
  if (mounted < 0) return -1;
  snprintf(target, sizeof target, "/proc/self/fd/%d", mounted);
  /* flags on a bind take a remount, which must keep the flags the mount already has */
  if (extra && mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | extra | current_flags(target), NULL) < 0)
    return fail_errno("remount %s", a[1]);
  if (propagation && mount(NULL, target, NULL, propagation, NULL) < 0) return fail_errno("set propagation");
  return 0;
}

/* mkdev PATH TYPE MAJOR MINOR MODE UID GID */
static int step_mkdev(const char **a) {
  unsigned long long major, minor, mode, uid, gid;
  if (parse_u64(a[2], 10, &major) < 0 || parse_u64(a[3], 10, &minor) < 0 ||
      parse_u64(a[4], 8, &mode) < 0 || parse_u64(a[5], 10, &uid) < 0 || parse_u64(a[6], 10, &gid) < 0)
    return -1;
  mode_t type = a[1][0] == 'b' ? S_IFBLK : a[1][0] == 'p' ? S_IFIFO : S_IFCHR;
  const char *slash = strrchr(a[0], '/');
  char dir[4096];
  snprintf(dir, sizeof dir, "%.*s", (int)(slash - a[0]), a[0]);
  cleanup_fd int parent = open_in_root(dir[0] ? dir : "/", 1);
  if (parent < 0) return -1;
  unlinkat(parent, slash + 1, 0);
  if (mknodat(parent, slash + 1, type | (mode_t)mode, makedev(major, minor)) < 0) return fail_errno("mknod");
  /* mknod honours the umask; the device's mode must be exactly as asked */
  if (fchmodat(parent, slash + 1, (mode_t)mode, 0) < 0) return fail_errno("chmod");
  if (fchownat(parent, slash + 1, (uid_t)uid, (gid_t)gid, 0) < 0) return fail_errno("chown");
  return 0;
}

static int step_symlink(const char **a) {
  const char *slash = strrchr(a[1], '/');
  char dir[4096];
  snprintf(dir, sizeof dir, "%.*s", (int)(slash - a[1]), a[1]);
  cleanup_fd int parent = open_in_root(dir[0] ? dir : "/", 1);
  if (parent < 0) return -1;
  if (symlinkat(a[0], parent, slash + 1) < 0 && errno != EEXIST) return fail_errno("symlink");
  return 0;
}

/* pivot_root(".", ".") stacks the old root on the new one; detaching it leaves only the new. */
static int step_pivot(struct plan *p) {
  if (fchdir(rootfd) < 0) return fail_errno("chdir %s", p->rootfs);
  if (syscall(SYS_pivot_root, ".", ".") < 0) return fail_errno("pivot_root %s", p->rootfs);
  if (umount2(".", MNT_DETACH) < 0) return fail_errno("detach old root");
  if (chdir("/") < 0) return fail_errno("chdir /");
  close(rootfd);
  rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  return rootfd < 0 ? fail_errno("open /") : 0;
}

/* A masked path shows nothing: a read-only tmpfs over a directory, /dev/null over a file. */
static int step_mask(const char *path) {
  struct stat st;
  if (stat(path, &st) < 0) return errno == ENOENT ? 0 : fail_errno("stat");
  int rc = S_ISDIR(st.st_mode) ? mount("tmpfs", path, "tmpfs", MS_RDONLY, NULL)
                               : mount("/dev/null", path, NULL, MS_BIND, NULL);
  return rc < 0 ? fail_errno("mask") : 0;
}

static int remount_readonly(const char *path) {
  if (mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | current_flags(path), NULL) < 0)
    return fail_errno("remount read-only");
  return 0;
}

static int step_readonly(const char *path) {
  if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0) return errno == ENOENT ? 0 : fail_errno("bind");
  return remount_readonly(path);
}

static int step_sysctl(const char **a) {
  char path[4096];
  snprintf(path, sizeof path, "/proc/sys/%s", a[0]);
  return write_file(path, a[1], strlen(a[1]));
}

/* lo of the container's network namespace up (the kernel gave it 127.0.0.1 and ::1 already) */
int loopback_up(void) {
  cleanup_fd int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail_errno("socket");
  struct ifreq ifr = {0};
  strcpy(ifr.ifr_name, "lo");
  if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) return fail_errno("reading lo's flags");
  ifr.ifr_flags |= IFF_UP;
  return ioctl(fd, SIOCSIFFLAGS, &ifr) < 0 ? fail_errno("bringing lo up") : 0;
}

/* root-dir: the rootfs as it is, for paths inside it (no mount namespace: nothing is mounted over it). */
static int step_root_dir(struct plan *p) {
  rootfd = open(p->rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  return rootfd < 0 ? fail_errno("open rootfs %s", p->rootfs) : 0;
}

/* Without a mount namespace there is nothing to pivot: the root is a chroot (as runc's and crun's). */
static int step_chroot(struct plan *p) {
  if (chdir(p->rootfs) < 0) return fail_errno("chdir %s", p->rootfs);
  if (chroot(".") < 0) return fail_errno("chroot %s", p->rootfs);
  return chdir("/") < 0 ? fail_errno("chdir /") : 0;
}

static int run_step(struct plan *p, struct instr *in) {
  const char *op = in->op, **a = in->argv;
  if (!strcmp(op, "mount-root")) return step_mount_root(p, a);
  if (!strcmp(op, "mount")) return step_mount(a);
  if (!strcmp(op, "mkdev")) return step_mkdev(a);
  if (!strcmp(op, "symlink")) return step_symlink(a);
  if (!strcmp(op, "pivot")) return step_pivot(p);
  if (!strcmp(op, "chroot")) return step_chroot(p);
  if (!strcmp(op, "root-dir")) return step_root_dir(p);
  if (!strcmp(op, "rslave-root"))
    return mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0 ? fail_errno("make / rslave") : 0;
  if (!strcmp(op, "sysctl")) return step_sysctl(a);
  if (!strcmp(op, "mask")) return step_mask(a[0]);
  if (!strcmp(op, "readonly")) return step_readonly(a[0]);
  if (!strcmp(op, "readonly-root")) return remount_readonly("/");
  if (!strcmp(op, "hostname")) return sethostname(a[0], strlen(a[0])) < 0 ? fail_errno("sethostname") : 0;
  if (!strcmp(op, "loopback-up")) return loopback_up();
  if (!strcmp(op, "run-hooks")) return hooks_run(p, a[0]);
  return fail("unknown step");
}

/* What a step acts on, for error messages: a mount's destination, else its first argument. */
static const char *step_subject(struct instr *in) {
  if (!strcmp(in->op, "mount") || !strcmp(in->op, "symlink")) return in->argv[1];
  return in->argc ? in->argv[0] : "";
}

int container_setup(struct plan *p) {
  for (int i = 0; i < p->n_steps; i++) {
    struct instr *in = p->steps[i];
    if (run_step(p, in) < 0) return fail_ctx("%s %s", in->op, step_subject(in));
  }
  return 0;
}

/* The pid namespace given by path, if any: it takes effect for the children we fork next. */
int ns_join_pid(struct plan *p) {
  for (int i = 0; i < p->n_ns; i++) {
    if (p->ns[i].type != CLONE_NEWPID || !p->ns[i].path) continue;
    cleanup_fd int fd = open(p->ns[i].path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || setns(fd, CLONE_NEWPID) < 0) return fail_errno("join pid namespace %s", p->ns[i].path);
  }
  return 0;
}

/* Join the namespaces the plan names by path; the pid namespace is joined by the parent. */
int ns_join_all(struct plan *p, int skip_pid) {
  int fds[16];
  int n = 0;
  /* open them all first: joining the mount namespace changes what paths mean */
  for (int i = 0; i < p->n_ns; i++) {
    if (!p->ns[i].path || (skip_pid && p->ns[i].type == CLONE_NEWPID)) continue;
    fds[n] = open(p->ns[i].path, O_RDONLY | O_CLOEXEC);
    if (fds[n] < 0) return fail_errno("open namespace %s", p->ns[i].path);
    n++;
  }
  for (int i = 0, k = 0; i < p->n_ns; i++) {
    if (!p->ns[i].path || (skip_pid && p->ns[i].type == CLONE_NEWPID)) continue;
    if (setns(fds[k], p->ns[i].type) < 0) return fail_errno("join namespace %s", p->ns[i].path);
    close(fds[k++]);
  }
  return 0;
}

static const char *env_get(struct plan *p, const char *name) {
  size_t len = strlen(name);
  for (int i = 0; i < p->n_env; i++)
    if (!strncmp(p->env[i], name, len) && p->env[i][len] == '=') return p->env[i] + len + 1;
  return NULL;
}

static int executable(const char *path, int *err) {
  struct stat st;
  if (stat(path, &st) < 0) {
    *err = errno;
    return 0;
  }
  if (!S_ISREG(st.st_mode) || !(st.st_mode & 0111)) {
    *err = EACCES;
    return 0;
  }
  return 1;
}

/*
 * Find the program as Docker does, in the container's PATH, and word the
 * failure as Docker does; EXIT_CODE is 127 when missing, 126 when not runnable.
 */
int process_resolve(struct plan *p, char *resolved, size_t size, int *exit_code) {
  int err = 0;
  if (p->n_args == 0) return *exit_code = 127, fail("no command specified");
  const char *cmd = p->args[0];
  if (strchr(cmd, '/')) {
    if (executable(cmd, &err)) return snprintf(resolved, size, "%s", cmd), 0;
    *exit_code = err == ENOENT || err == ENOTDIR ? 127 : 126;
    if (err == EACCES) return fail("exec: \"%s\": permission denied", cmd);
    return fail("exec: \"%s\": stat %s: %s", cmd, cmd, strerror(err));
  }
  const char *path = env_get(p, "PATH");
  if (!path) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const char *dir = path; *dir;) {
    const char *colon = strchrnul(dir, ':');
    snprintf(resolved, size, "%.*s/%s", (int)(colon - dir), colon == dir ? "." : dir, cmd);
    if (executable(resolved, &err)) return 0;
    dir = *colon ? colon + 1 : colon;
  }
  *exit_code = 127;
  return fail("exec: \"%s\": executable file not found in $PATH", cmd);
}

static int apply_caps(struct plan *p) {
  for (int cap = 0; cap < 64; cap++)
    if (!(p->cap_bounding & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
      return fail_errno("drop capability %d from the bounding set", cap);
  return 0;
}

static int set_caps(struct plan *p) {
  struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct data[2];
  uint64_t sets[3] = {p->cap_effective, p->cap_permitted, p->cap_inheritable};
  for (int i = 0; i < 2; i++) {
    data[i].effective = (uint32_t)(sets[0] >> (32 * i));
    data[i].permitted = (uint32_t)(sets[1] >> (32 * i));
    data[i].inheritable = (uint32_t)(sets[2] >> (32 * i));
  }
  if (syscall(SYS_capset, &hdr, data) < 0) return fail_errno("capset");
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
    return fail_errno("clear ambient capabilities");
  for (int cap = 0; cap < 64; cap++)
    if ((p->cap_ambient & (1ULL << cap)) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
      return fail_errno("raise ambient capability %d", cap);
  return 0;
}

static int load_seccomp(struct plan *p) {
  struct sock_fprog prog = {.len = (unsigned short)(p->seccomp_len / sizeof(struct sock_filter)),
                            .filter = (struct sock_filter *)p->seccomp_filter};
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, p->seccomp_flags, &prog) < 0)
    return fail_errno("load seccomp filter (%u instructions, flags %u)", prog.len, p->seccomp_flags);
  return 0;
}

/*
 * Limits, identity, capabilities: in the order that keeps each step permitted.
 * The seccomp filter goes last, so it judges only the container's program. But
 * without no_new_privs loading it needs CAP_SYS_ADMIN, which setuid and capset
 * may drop: then it goes before them, as runc does.
 */
int process_apply(struct plan *p) {
  if (p->oom_score_adj && write_file("/proc/self/oom_score_adj", p->oom_score_adj, strlen(p->oom_score_adj)) < 0)
    return fail_ctx("oom_score_adj %s", p->oom_score_adj);
  for (int i = 0; i < p->n_rlimits; i++) {
    struct rlimit rl = {.rlim_cur = p->rlimits[i].soft, .rlim_max = p->rlimits[i].hard};
    if (setrlimit(p->rlimits[i].resource, &rl) < 0)
      return fail_errno("setrlimit %d to %llu:%llu", p->rlimits[i].resource, p->rlimits[i].soft, p->rlimits[i].hard);
  }
  if (p->has_umask) umask((mode_t)p->umask);
  if (p->cwd && chdir(p->cwd) < 0) return fail_errno("chdir to cwd (\"%s\") set in config.json", p->cwd);
  if (p->has_caps && apply_caps(p) < 0) return -1;
  if (p->seccomp_len && !p->no_new_privs && load_seccomp(p) < 0) return -1;
  if (p->has_user) {
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) return fail_errno("keepcaps");
    if (setgroups((size_t)p->n_groups, p->groups) < 0) return fail_errno("setgroups");
    if (setresgid(p->gid, p->gid, p->gid) < 0) return fail_errno("setgid %u", p->gid);
    if (setresuid(p->uid, p->uid, p->uid) < 0) return fail_errno("setuid %u", p->uid);
    if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0) return fail_errno("keepcaps");
  }
  if (p->has_caps && set_caps(p) < 0) return -1;
  if (p->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) return fail_errno("no_new_privs");
  if (p->seccomp_len && p->no_new_privs && load_seccomp(p) < 0) return -1;
  return 0;
}
