/*
 * The instruction file: a flat sequence of NUL-terminated strings. Each
 * instruction is an op name followed by a fixed number of arguments (the
 * arity table below). Lists (args, env, mounts) are repeated instructions.
 * TypeScript writes it (libs/runtime/src/shim/instructions.ts); nothing here
 * interprets policy, it only sorts instructions into the plan.
 */
#include "shim.h"

#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>

enum kind { MONITOR, STEP, PROCESS };

static const struct {
  const char *op;
  int arity;
  enum kind kind;
} OPS[] = {
    {"state-dir", 1, MONITOR},   {"log", 3, MONITOR},       {"cgroup", 1, MONITOR},
    {"autostart", 0, MONITOR},   {"ns", 2, MONITOR},        {"rootfs", 1, MONITOR},
    {"mount-root", 5, STEP},     {"mount", 6, STEP},        {"mkdev", 7, STEP},
    {"symlink", 2, STEP},        {"pivot", 0, STEP},        {"sysctl", 2, STEP},
    {"mask", 1, STEP},           {"readonly", 1, STEP},     {"readonly-root", 0, STEP},
    {"hostname", 1, STEP},       {"loopback-up", 0, STEP},  {"arg", 1, PROCESS},       {"env", 1, PROCESS},
    {"cwd", 1, PROCESS},         {"user", 2, PROCESS},      {"group", 1, PROCESS},
    {"caps", 5, PROCESS},        {"no-new-privs", 0, PROCESS}, {"rlimit", 3, PROCESS},
    {"oom-score-adj", 1, PROCESS}, {"umask", 1, PROCESS},    {"seccomp", 2, PROCESS},
    {"terminal", 2, MONITOR},    {"open-stdin", 0, MONITOR},
    {"hook", 6, MONITOR},        {"hook-arg", 1, MONITOR},  {"hook-env", 1, MONITOR},
    {"run-hooks", 1, STEP},      {"console-socket", 1, MONITOR},
    {"rslave-root", 0, STEP},    {"chroot", 0, STEP},      {"root-dir", 0, STEP},
    /* a new user namespace (userns.c) */
    {"id-map", 4, MONITOR},      {"ns-early", 2, MONITOR},  {"early-loopback-up", 0, MONITOR},
    {"premount-root", 5, MONITOR}, {"idmap-dir", 1, MONITOR},
    {"outer-rlimit", 3, MONITOR}, {"outer-oom-score-adj", 1, MONITOR},
    /* file operations Node cannot do (fsops.c) */
    {"fs-mknod", 7, STEP},       {"fs-setxattr", 3, STEP},  {"fs-getxattr", 2, STEP},
    {"fs-umount", 1, STEP},
};

static int ns_type(const char *name) {
  static const struct { const char *name; int flag; } types[] = {
      {"pid", CLONE_NEWPID}, {"mount", CLONE_NEWNS},     {"uts", CLONE_NEWUTS},
      {"ipc", CLONE_NEWIPC}, {"network", CLONE_NEWNET}, {"cgroup", CLONE_NEWCGROUP},
      {"user", CLONE_NEWUSER},
  };
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(types[i].name, name) == 0) return types[i].flag;
  return -1;
}

/* hook WHEN LABEL TIMEOUT PATH STATE_PRE STATE_POST, then its hook-arg and hook-env lines */
static int take_hook(struct plan *p, struct instr *in) {
  const char *op = in->op, **a = in->argv;
  struct hook *h = p->n_hooks ? &p->hooks[p->n_hooks - 1] : NULL;
  if (!strcmp(op, "hook")) {
    long long timeout;
    if (p->n_hooks == 32) return fail("too many hooks");
    if (parse_ll(a[2], &timeout) < 0) return -1;
    h = &p->hooks[p->n_hooks++];
    *h = (struct hook){.when = a[0], .label = a[1], .timeout = (int)timeout, .path = a[3], .state_pre = a[4], .state_post = a[5]};
  } else if (!h) {
    return fail("%s before any hook", op);
  } else if (!strcmp(op, "hook-arg")) {
    if (h->n_args == 63) return fail("too many hook arguments");
    h->args[h->n_args++] = a[0];
  } else {
    if (h->n_env == 255) return fail("too many hook environment variables");
    h->env[h->n_env++] = a[0];
    h->has_env = 1;
  }
  return 0;
}

/* id-map uid|gid CONTAINER HOST SIZE: one line of /proc/PID/uid_map or gid_map */
static int take_id_map(struct plan *p, const char **a) {
  char *map = !strcmp(a[0], "uid") ? p->uid_map : !strcmp(a[0], "gid") ? p->gid_map : NULL;
  unsigned long long v;
  if (!map) return fail("id-map of '%s': uid or gid", a[0]);
  for (int i = 1; i < 4; i++)
    if (parse_u64(a[i], 10, &v) < 0) return -1;
  size_t len = strlen(map), room = sizeof p->uid_map - len;
  if ((size_t)snprintf(map + len, room, "%s %s %s\n", a[1], a[2], a[3]) >= room) return fail("too many id-map lines");
  return 0;
}

static int take_monitor(struct plan *p, struct instr *in) {
  const char *op = in->op, **a = in->argv;
  if (!strncmp(op, "hook", 4)) return take_hook(p, in);
  if (!strcmp(op, "state-dir")) p->state_dir = a[0];
  else if (!strcmp(op, "rootfs")) p->rootfs = a[0];
  else if (!strcmp(op, "autostart")) p->autostart = 1;
  else if (!strcmp(op, "open-stdin")) p->open_stdin = 1;
  else if (!strcmp(op, "console-socket")) p->console_socket = a[0];
  else if (!strcmp(op, "terminal")) {
    unsigned long long rows, cols;
    if (parse_u64(a[0], 10, &rows) < 0 || parse_u64(a[1], 10, &cols) < 0) return -1;
    p->terminal = 1;
    p->console_rows = (unsigned)rows;
    p->console_cols = (unsigned)cols;
  }
  else if (!strcmp(op, "log")) {
    long long files;
    p->log_path = a[0];
    if (parse_ll(a[1], &p->log_max_size) < 0 || parse_ll(a[2], &files) < 0) return -1;
    p->log_max_files = (int)files;
  } else if (!strcmp(op, "cgroup")) {
    if (p->n_cgroup_procs == MAX_LIST) return fail("too many cgroups");
    p->cgroup_procs[p->n_cgroup_procs++] = a[0];
  } else if (!strcmp(op, "id-map")) return take_id_map(p, a);
  else if (!strcmp(op, "early-loopback-up")) p->early_loopback_up = 1;
  else if (!strcmp(op, "premount-root")) {
    memcpy(p->premount_root, a, sizeof p->premount_root);
    p->has_premount_root = 1;
  } else if (!strcmp(op, "outer-rlimit")) {
    unsigned long long res, soft, hard;
    if (p->n_outer_rlimits == 32) return fail("too many rlimits");
    if (parse_u64(a[0], 10, &res) < 0 || parse_u64(a[1], 10, &soft) < 0 || parse_u64(a[2], 10, &hard) < 0)
      return -1;
    p->outer_rlimits[p->n_outer_rlimits].resource = (int)res;
    p->outer_rlimits[p->n_outer_rlimits].soft = soft;
    p->outer_rlimits[p->n_outer_rlimits++].hard = hard;
  } else if (!strcmp(op, "outer-oom-score-adj")) p->outer_oom_score_adj = a[0];
  else if (!strcmp(op, "idmap-dir")) {
    if (p->n_idmap_dirs == MAX_LIST) return fail("too many idmap-dir");
    p->idmap_dirs[p->n_idmap_dirs++] = a[0];
  } else if (!strcmp(op, "ns-early")) {
    int type = ns_type(a[0]);
    if (type < 0) return fail("unknown namespace type '%s'", a[0]);
    if (p->n_ns_early == 16) return fail("too many namespaces");
    p->ns_early[p->n_ns_early].type = type;
    p->ns_early[p->n_ns_early++].path = a[1];
  } else if (!strcmp(op, "ns")) {
    int type = ns_type(a[0]);
    if (type < 0) return fail("unknown namespace type '%s'", a[0]);
    if (p->n_ns == 16) return fail("too many namespaces");
    p->ns[p->n_ns].type = type;
    p->ns[p->n_ns].path = a[1][0] ? a[1] : NULL;
    p->n_ns++;
  }
  return 0;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* seccomp FLAGS HEX: the filter program as the kernel takes it, 8 bytes an instruction, in lowercase hex */
static int take_seccomp(struct plan *p, const char **a) {
  unsigned long long flags;
  size_t hex_len = strlen(a[1]);
  if (parse_u64(a[0], 10, &flags) < 0) return -1;
  if (hex_len == 0 || hex_len % 16 != 0) return fail("filter of %zu hex digits is not whole instructions", hex_len);
  unsigned char *filter = malloc(hex_len / 2); /* kept for the life of the process */
  if (!filter) return fail("out of memory");
  for (size_t i = 0; i < hex_len / 2; i++) {
    int high = hex_digit(a[1][2 * i]), low = hex_digit(a[1][2 * i + 1]);
    if (high < 0 || low < 0) return free(filter), fail("filter: no hex byte at offset %zu", 2 * i);
    filter[i] = (unsigned char)(high << 4 | low);
  }
  free(p->seccomp_filter);
  p->seccomp_filter = filter;
  p->seccomp_len = hex_len / 2;
  p->seccomp_flags = (unsigned)flags;
  return 0;
}

static int take_process(struct plan *p, struct instr *in) {
  const char *op = in->op, **a = in->argv;
  unsigned long long v;
  if (!strcmp(op, "arg")) {
    if (p->n_args == MAX_LIST - 1) return fail("too many arguments");
    p->args[p->n_args++] = a[0];
  } else if (!strcmp(op, "env")) {
    if (p->n_env == MAX_LIST * 4 - 1) return fail("too many environment variables");
    p->env[p->n_env++] = a[0];
  } else if (!strcmp(op, "cwd")) p->cwd = a[0];
  else if (!strcmp(op, "no-new-privs")) p->no_new_privs = 1;
  else if (!strcmp(op, "oom-score-adj")) p->oom_score_adj = a[0];
  else if (!strcmp(op, "user")) {
    if (parse_u64(a[0], 10, &v) < 0) return -1;
    p->uid = (uid_t)v;
    if (parse_u64(a[1], 10, &v) < 0) return -1;
    p->gid = (gid_t)v;
    p->has_user = 1;
  } else if (!strcmp(op, "umask")) {
    if (parse_u64(a[0], 8, &v) < 0) return -1;
    p->umask = (int)v;
    p->has_umask = 1;
  } else if (!strcmp(op, "group")) {
    if (p->n_groups == MAX_LIST) return fail("too many groups");
    if (parse_u64(a[0], 10, &v) < 0) return -1;
    p->groups[p->n_groups++] = (gid_t)v;
  } else if (!strcmp(op, "caps")) {
    uint64_t *sets[] = {&p->cap_bounding, &p->cap_effective, &p->cap_permitted,
                        &p->cap_inheritable, &p->cap_ambient};
    for (int i = 0; i < 5; i++) {
      if (parse_u64(a[i], 16, &v) < 0) return -1;
      *sets[i] = v;
    }
    p->has_caps = 1;
  } else if (!strcmp(op, "seccomp")) {
    return take_seccomp(p, a);
  } else if (!strcmp(op, "rlimit")) {
    if (p->n_rlimits == 32) return fail("too many rlimits");
    unsigned long long res, soft, hard;
    if (parse_u64(a[0], 10, &res) < 0 || parse_u64(a[1], 10, &soft) < 0 ||
        parse_u64(a[2], 10, &hard) < 0)
      return -1;
    p->rlimits[p->n_rlimits].resource = (int)res;
    p->rlimits[p->n_rlimits].soft = soft;
    p->rlimits[p->n_rlimits].hard = hard;
    p->n_rlimits++;
  }
  return 0;
}

int plan_load(const char *path, struct plan *p) {
  char *buf;
  cleanup_fd int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail_errno("open instructions %s", path);
  ssize_t len = read_all(fd, &buf); /* kept for the life of the process */
  if (len < 0) return fail_ctx("read instructions %s", path);
  if (len > 0 && buf[len - 1] != '\0') return fail("instructions %s: truncated", path);

  char *pos = buf, *end = buf + len;
  while (pos < end) {
    const char *op = pos;
    pos += strlen(pos) + 1;
    size_t i, n = sizeof OPS / sizeof OPS[0];
    for (i = 0; i < n && strcmp(OPS[i].op, op) != 0; i++)
      ;
    if (i == n) return fail("instructions %s: unknown op '%s'", path, op);

    struct instr *in = calloc(1, sizeof *in + (size_t)OPS[i].arity * sizeof(char *));
    if (!in) return fail("out of memory");
    in->op = op;
    in->argc = OPS[i].arity;
    in->argv = (const char **)(in + 1);
    for (int k = 0; k < in->argc; k++) {
      if (pos >= end) return fail("instructions %s: '%s' needs %d arguments", path, op, in->argc);
      in->argv[k] = pos;
      pos += strlen(pos) + 1;
    }

    int rc = 0;
    switch (OPS[i].kind) {
    case MONITOR: rc = take_monitor(p, in); free(in); break;
    case PROCESS: rc = take_process(p, in); free(in); break;
    case STEP:
      if (p->n_steps == p->cap_steps) {
        int cap = p->cap_steps ? p->cap_steps * 2 : 64;
        struct instr **bigger = realloc(p->steps, (size_t)cap * sizeof *bigger);
        if (!bigger) return fail("out of memory");
        p->steps = bigger;
        p->cap_steps = cap;
      }
      p->steps[p->n_steps++] = in;
      break;
    }
    if (rc < 0) return fail_ctx("instructions %s: %s", path, op);
  }
  p->args[p->n_args] = NULL;
  p->env[p->n_env] = NULL;
  return 0;
}
