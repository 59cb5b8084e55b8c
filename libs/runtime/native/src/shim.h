/*
 * berth-shim: carries out instructions that libs/runtime (TypeScript) resolved.
 * It makes no decisions of its own: the instruction file says which namespaces,
 * which mounts, which limits, which capabilities. See instr.c for the format.
 *
 * Error convention (after crun): a function returns 0 on success and -1 on
 * failure, having recorded a message with fail()/fail_errno(); callers add
 * context with fail_ctx() while the error travels up.
 */
#ifndef BERTH_SHIM_H
#define BERTH_SHIM_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MAX_LIST 256

/* One instruction: an op name and its arguments, all NUL-terminated strings. */
struct instr {
  const char *op;
  const char **argv;
  int argc;
};

struct ns_entry {
  int type;         /* CLONE_NEW* */
  const char *path; /* NULL: create a new namespace; else join this one */
};

/* An OCI hook, resolved by TypeScript: where it runs, its command, the state it reads on stdin. */
struct hook {
  const char *when;  /* runtime (monitor, init waiting) | container (a setup step) | start (before exec) */
  const char *label; /* e.g. "createRuntime hook #0", for errors */
  int timeout;       /* seconds; 0: none */
  const char *path;
  const char *state_pre, *state_post; /* the state JSON on either side of the init's pid */
  const char *args[64];
  int n_args;
  const char *env[256];
  int n_env, has_env;
};

/* Everything the shim was told, grouped by who acts on it. */
struct plan {
  /* monitor */
  const char *state_dir;
  const char *log_path; /* NULL: container inherits the shim's stdio */
  long long log_max_size;
  int log_max_files;
  int autostart;
  int terminal;               /* a pseudo-terminal for the process's stdio */
  unsigned console_rows, console_cols;
  int open_stdin;             /* a fifo in the state dir feeds the container's stdin */
  const char *console_socket; /* the terminal's master end goes to this unix socket (runc's --console-socket) */
  const char *cgroup_procs[MAX_LIST];
  int n_cgroup_procs;
  struct ns_entry ns[16];
  int n_ns;
  struct hook hooks[32];
  int n_hooks;
  pid_t init_pid; /* as the host sees it: for the hooks' state */
  /* a new user namespace (userns.c): what the monitor does with the host's powers before clone */
  char uid_map[12288], gid_map[12288]; /* "CONTAINER HOST SIZE\n" lines, written whole */
  struct ns_entry ns_early[16];        /* joined by the monitor, inherited by the init */
  int n_ns_early;
  int early_loopback_up;
  const char *premount_root[5];        /* mount-root's arguments, carried out by the monitor */
  int has_premount_root;
  const char *idmap_dirs[MAX_LIST];    /* covered with idmapped clones of themselves first */
  int n_idmap_dirs;
  struct { int resource; unsigned long long soft, hard; } outer_rlimits[32]; /* set from outside it */
  int n_outer_rlimits;
  const char *outer_oom_score_adj;

  /* container setup (executed in order by the container's init), or file operations for `fs` */
  struct instr **steps;
  int n_steps, cap_steps;
  const char *rootfs;

  /* process */
  const char *args[MAX_LIST];
  int n_args;
  const char *env[MAX_LIST * 4];
  int n_env;
  const char *cwd;
  int has_user;
  uid_t uid;
  gid_t gid;
  gid_t groups[MAX_LIST];
  int n_groups;
  int has_caps;
  uint64_t cap_bounding, cap_effective, cap_permitted, cap_inheritable, cap_ambient;
  int no_new_privs;
  struct { int resource; unsigned long long soft, hard; } rlimits[32];
  int n_rlimits;
  const char *oom_score_adj;
  int has_umask, umask;
  /* seccomp: a struct sock_filter[] compiled in TypeScript, and seccomp(2) flags */
  unsigned char *seccomp_filter;
  size_t seccomp_len; /* in bytes; 0: no filter */
  unsigned seccomp_flags;
};

/* util.c */
extern char shim_error[2048];
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fail_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fail_ctx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void closep(int *fd);
void freep(void *p);
#define cleanup_fd __attribute__((cleanup(closep)))
#define cleanup_free __attribute__((cleanup(freep)))
int write_file(const char *path, const char *data, size_t len);
int write_file_atomic(const char *path, const char *data, size_t len);
int write_all(int fd, const char *data, size_t len);
ssize_t read_all(int fd, char **out);
long long now_ns(void);
int parse_ll(const char *s, long long *out);
int parse_u64(const char *s, int base, unsigned long long *out);
void status_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* instr.c */
int plan_load(const char *path, struct plan *plan);

/* container.c: runs in the container's init (and in exec'd processes) */
int container_setup(struct plan *plan);
int process_resolve(struct plan *plan, char *resolved, size_t size, int *exit_code);
int process_apply(struct plan *plan);
int ns_join_all(struct plan *plan, int skip_pid);
int ns_join_pid(struct plan *plan);
int loopback_up(void);

/* userns.c: in the monitor */
int userns_prepare(struct plan *plan);
int userns_write_maps(struct plan *plan, pid_t pid);
int userns_become_root(struct plan *plan); /* in the init */
int userns_outer_limits(struct plan *plan, pid_t pid); /* 0: this process (exec, before it joins) */

/* hooks.c */
int hooks_run(struct plan *plan, const char *when);
int hooks_any(struct plan *plan, const char *when);

/* console.c */
#define MSG_CONSOLE 'P' /* on the sync socket: the terminal's master end rides along */
int console_setup(struct plan *plan, int sync);
int console_resize(int master, unsigned rows, unsigned cols);
int send_fd(int sock, char tag, int fd);
int console_hand_over(const char *socket_path, int master);
ssize_t recv_with_fd(int sock, char *data, size_t size, int *fd);

/* jsonlog.c */
struct jsonlog;
struct jsonlog *jsonlog_open(const char *path, long long max_size, int max_files);
int jsonlog_feed(struct jsonlog *log, int stream, const char *data, size_t len);
int jsonlog_flush(struct jsonlog *log, int stream);
void jsonlog_close(struct jsonlog *log);

/* monitor.c, exec.c, fsops.c */
int run_create(struct plan *plan);
int run_exec(struct plan *plan);
int run_fs(struct plan *plan);
/* fsops.c: berth-shim rebind FROM TO */
int run_rebind(const char *from, const char *to);
/* spawner.c: runs programs sent over SOCKET, one connection each */
int run_spawner(const char *socket_path);
/* runplan.c: bin/berth-runtime's front; ARGV[0] is Node's entry, the rest berth-runtime's arguments */
int run_runtime_front(int argc, char **argv);

#endif
