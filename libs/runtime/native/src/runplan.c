/*
 * `berth-shim runtime MAIN.JS ARGS…`, the front of bin/berth-runtime. Node's start-up alone takes
 * longer than crun takes for a whole container, so `berth-runtime run ID` of a bundle Node has
 * already run is carried out here, from the run plan Node left (libs/runtime/src/plan/run-plan.ts):
 * which directories and cgroup files to make, which state to record, which instructions to give
 * the monitor. Nothing is decided here; a plan that no longer matches the bundle's config.json,
 * the cgroup mounts or the code that compiled it is not used, and every other command, flag or
 * failure before the first change goes to Node (MAIN.JS) with the same arguments.
 */
#include "shim.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ID_MARK '\001'

struct run_args {
  const char *root, *cgroup_parent, *bundle, *id, *pid_file;
  int keep;
};

/* Hand the whole command line to Node: what the plan does not cover. */
static int __attribute__((noreturn)) to_node(const char *main_js, int argc, char **argv) {
  char **args = calloc((size_t)argc + 3, sizeof *args);
  if (!args) _exit(1);
  args[0] = "node";
  args[1] = (char *)main_js;
  for (int i = 0; i < argc; i++) args[i + 2] = argv[i];
  execvp("node", args);
  fprintf(stderr, "berth-runtime: cannot start node (%s); install Node.js 20\n", strerror(errno));
  _exit(1);
}

static const char *flag_value(int argc, char **argv, int *i, const char *name) {
  size_t len = strlen(name);
  if (!strncmp(argv[*i], name, len) && argv[*i][len] == '=') return argv[*i] + len + 1;
  if (!strcmp(argv[*i], name) && *i + 1 < argc) return argv[++*i];
  return NULL;
}

/* berth-runtime's grammar for `run` in the foreground; 0 when the line is one, -1 for Node. */
static int parse_run(int argc, char **argv, struct run_args *a) {
  const char *v;
  int i = 0;
  a->root = getenv("BERTH_RUNTIME_ROOT") ? getenv("BERTH_RUNTIME_ROOT") : "/run/berth/containers";
  a->cgroup_parent = "berth";
  a->bundle = ".";
  for (; i < argc && argv[i][0] == '-'; i++) { /* global flags come before the command */
    if ((v = flag_value(argc, argv, &i, "--root"))) a->root = v;
    else if ((v = flag_value(argc, argv, &i, "--cgroup-parent"))) a->cgroup_parent = v;
    else if (flag_value(argc, argv, &i, "--log") || flag_value(argc, argv, &i, "--log-format")) continue;
    else if (strcmp(argv[i], "--debug") && strcmp(argv[i], "--systemd-cgroup")) return -1;
  }
  if (i == argc || strcmp(argv[i++], "run")) return -1;
  for (; i < argc; i++) {
    if ((v = flag_value(argc, argv, &i, "--bundle")) || (v = flag_value(argc, argv, &i, "-b"))) a->bundle = v;
    else if ((v = flag_value(argc, argv, &i, "--pid-file"))) a->pid_file = v;
    else if (!strcmp(argv[i], "--keep")) a->keep = 1;
    else if (argv[i][0] == '-' || a->id) return -1; /* --detach, --console-socket, …: Node's */
    else a->id = argv[i];
  }
  if (!a->id || !a->id[0] || strlen(a->id) > 128 || !strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", a->id[0]))
    return -1;
  for (const char *c = a->id; *c; c++)
    if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-", *c)) return -1;
  return 0;
}

static char *read_file(const char *path, ssize_t *len) {
  char *buf;
  cleanup_fd int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  *len = read_all(fd, &buf);
  return *len < 0 ? NULL : buf;
}

/* The plan file's name: FNV-1a (32 bits) of the bundle and the cgroup parent, as runPlanName. */
static unsigned fnv1a(const char *a, const char *b) {
  unsigned h = 0x811c9dc5;
  for (const char *p = a;; p++) {
    h = (h ^ (unsigned char)*p) * 0x01000193;
    if (!*p) break;
  }
  for (const char *p = b; *p; p++) h = (h ^ (unsigned char)*p) * 0x01000193;
  return h;
}

/* The cgroup lines of /proc/self/mountinfo, as cgroupMounts() in run-plan.ts. */
static int same_cgroup_mounts(const char *expected) {
  ssize_t len;
  cleanup_free char *info = read_file("/proc/self/mountinfo", &len);
  size_t at = 0, want = strlen(expected);
  if (!info) return 0;
  for (char *line = info, *nl; *line; line = nl + 1) {
    nl = strchrnul(line, '\n');
    size_t n = (size_t)(nl - line);
    char saved = *nl;
    *nl = '\0';
    int cgroup = strstr(line, " - cgroup ") || strstr(line, " - cgroup2 ");
    *nl = saved;
    if (cgroup) {
      if (at + n + 1 > want || memcmp(expected + at, line, n) || expected[at + n] != '\n') return 0;
      at += n + 1;
    }
    if (!saved) break;
  }
  return at == want;
}

/* TEMPLATE with every ID_MARK replaced by ID (for paths and instructions). */
static char *with_id(const char *template, const char *id) {
  size_t n = 0, idlen = strlen(id);
  for (const char *p = template; *p; p++) n += *p == ID_MARK ? idlen : 1;
  char *out = malloc(n + 1), *o = out;
  if (!out) return NULL;
  for (const char *p = template; *p; p++)
    if (*p == ID_MARK) o = memcpy(o, id, idlen), o += idlen;
    else *o++ = *p;
  *o = '\0';
  return out;
}

/* The state JSON with its marks filled: the id, the creation time and the monitor's pid. */
static char *fill_state(const char *template, const char *id, pid_t shim_pid) {
  char created[64], pid[24];
  struct timespec ts;
  struct tm tm;
  clock_gettime(CLOCK_REALTIME, &ts);
  gmtime_r(&ts.tv_sec, &tm);
  size_t k = strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf(created + k, sizeof created - k, ".%03ldZ", ts.tv_nsec / 1000000);
  snprintf(pid, sizeof pid, "%d", shim_pid);
  const char *marks[] = {"\\u0001", "\\u0002", "\"\\u0003\""}, *values[] = {id, created, pid};
  size_t cap = strlen(template) * 2 + strlen(id) * 8 + 128, len = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  for (const char *p = template; *p;) {
    int m = 0;
    for (; m < 3 && strncmp(p, marks[m], strlen(marks[m])); m++)
      ;
    const char *piece = m < 3 ? values[m] : p;
    size_t n = m < 3 ? strlen(piece) : 1;
    if (len + n + 1 > cap) {
      char *bigger = realloc(out, cap = (len + n + 1) * 2);
      if (!bigger) return free(out), NULL;
      out = bigger;
    }
    memcpy(out + len, piece, n);
    len += n;
    p += m < 3 ? strlen(marks[m]) : 1;
  }
  out[len] = '\0';
  return out;
}

static unsigned crc32(const char *data, size_t len) {
  static unsigned table[256];
  if (!table[1])
    for (unsigned i = 0; i < 256; i++) {
      unsigned c = i;
      for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
  unsigned crc = ~0u;
  for (size_t i = 0; i < len; i++) crc = table[(crc ^ (unsigned char)data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static int mkdir_p(char *path) {
  for (char *s = path + 1;; s++) {
    if (*s && *s != '/') continue;
    char saved = *s;
    *s = '\0';
    int rc = mkdir(path, 0755);
    *s = saved;
    if (rc < 0 && errno != EEXIST) return fail_errno("mkdir %s", path);
    if (!saved) return 0;
  }
}

/* What the run made, to be removed when it ends. */
struct made {
  char *state_dir;
  char *cgroups[MAX_LIST];
  int n_cgroups, cgroup_new[MAX_LIST];
  pid_t monitor;
};

static void remove_state_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    for (struct dirent *e; (e = readdir(d));)
      if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
  }
  rmdir(dir);
}

/* As Runtime.delete: what is still in the cgroup is killed, then the cgroups and the state go. */
static void remove_container(struct made *m, int all_cgroups) {
  char procs[4200];
  for (int i = 0; i < m->n_cgroups; i++) {
    ssize_t len;
    snprintf(procs, sizeof procs, "%s/cgroup.procs", m->cgroups[i]);
    cleanup_free char *pids = read_file(procs, &len);
    for (char *p = pids; p && *p; p = strchrnul(p, '\n') + (*strchrnul(p, '\n') ? 1 : 0))
      if (atoi(p) > 0) kill(atoi(p), SIGKILL);
  }
  if (m->monitor > 0) waitpid(m->monitor, NULL, 0);
  for (int i = 0; i < m->n_cgroups; i++) {
    if (!all_cgroups && !m->cgroup_new[i]) continue;
    for (int tries = 0; rmdir(m->cgroups[i]) < 0 && errno == EBUSY && tries < 1000; tries++)
      usleep(5000); /* the last processes are still leaving */
  }
  if (m->state_dir) remove_state_dir(m->state_dir);
}

struct plan_reader {
  char *pos, *end;
};

static const char *token(struct plan_reader *r) {
  if (r->pos >= r->end) return NULL;
  const char *t = r->pos;
  r->pos += strlen(r->pos) + 1;
  return t;
}

/* The plan, checked against this bundle and this machine; NULL when it does not apply. */
static char *applicable_plan(const struct run_args *a, const char *bundle, struct plan_reader *r) {
  char path[4200];
  ssize_t len = 0, config_len = 0;
  snprintf(path, sizeof path, "%s/.plans/%08x", a->root, fnv1a(bundle, a->cgroup_parent));
  char *plan = read_file(path, &len);
  if (!plan) return NULL;
  *r = (struct plan_reader){plan, plan + len};
  snprintf(path, sizeof path, "%s/config.json", bundle);
  cleanup_free char *config = read_file(path, &config_len);
  const char *magic = token(r), *p_bundle = token(r), *p_parent = token(r), *mounts = token(r), *p_config = token(r);
  int ok = config && magic && p_bundle && p_parent && mounts && p_config && !strcmp(magic, "berth-run-plan-1") && !strcmp(p_bundle, bundle) &&
           !strcmp(p_parent, a->cgroup_parent) && (size_t)config_len == strlen(p_config) &&
           !memcmp(config, p_config, (size_t)config_len) && same_cgroup_mounts(mounts);
  while (ok && r->pos < r->end && !strcmp(r->pos, "stamp")) {
    struct stat st;
    token(r);
    const char *file = token(r), *mtime = token(r);
    char now[32];
    if (!mtime || stat(file, &st) < 0) ok = 0;
    else snprintf(now, sizeof now, "%lld", (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec), ok = !strcmp(now, mtime);
  }
  if (!ok) return free(plan), NULL;
  return plan;
}

/* Steps before the monitor; -1 with shim_error set once something was made, 1 for Node (nothing made). */
static int prepare(struct plan_reader *r, const char *id, struct made *m, char **state, char **instructions_file) {
  for (const char *op; (op = token(r));) {
    if (!strcmp(op, "need-dir")) {
      struct stat st;
      const char *dir = token(r);
      token(r);
      if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) return 1; /* Node words the error */
    } else if (!strcmp(op, "state-dir")) {
      cleanup_free char *dir = with_id(token(r), id);
      if (mkdir(dir, 0700) < 0) return 1; /* taken, or no root: Node says which */
      m->state_dir = strdup(dir);
    } else if (!strcmp(op, "cgroup-dir")) {
      char *dir = with_id(token(r), id);
      struct stat st;
      if (m->n_cgroups == MAX_LIST) return fail("too many cgroup directories");
      m->cgroup_new[m->n_cgroups] = stat(dir, &st) < 0;
      m->cgroups[m->n_cgroups++] = dir;
      if (mkdir_p(dir) < 0) return -1;
    } else if (!strcmp(op, "cgroup-write")) {
      cleanup_free char *file = with_id(token(r), id);
      const char *value = token(r), *field = token(r);
      if (write_file(file, value, strlen(value)) < 0)
        return fail("invalid container spec: %s: the kernel refused %s=%s (%s)", field, strrchr(file, '/') + 1, value,
                    errno == EINVAL ? "invalid value" : errno == EBUSY ? "current usage is above it" : strerror(errno));
    } else if (!strcmp(op, "state")) {
      *state = (char *)token(r);
    } else if (!strcmp(op, "instructions")) {
      char path[4200];
      long long n;
      if (parse_ll(token(r), &n) < 0) return -1;
      snprintf(path, sizeof path, "%s/instructions", m->state_dir);
      cleanup_fd int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) return fail_errno("create %s", path);
      for (long long i = 0; i < n; i++) {
        cleanup_free char *t = with_id(token(r), id);
        if (!t || write_all(fd, t, strlen(t) + 1) < 0) return fail_errno("write %s", path);
      }
      *instructions_file = strdup(path);
    } else if (!strcmp(op, "end")) {
      return *state && *instructions_file ? 0 : fail("run plan without state or instructions");
    } else {
      return fail("run plan: unknown step '%s'", op);
    }
  }
  return fail("run plan ends early");
}

/* The monitor, as `berth-shim create`: a fork of ours, its status lines on fd 3, our stdio the container's. */
static pid_t start_monitor(const char *instructions, int status_w, const sigset_t *old_mask) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  static struct plan plan;
  sigprocmask(SIG_SETMASK, old_mask, NULL);
  if (dup2(status_w, 3) < 0) _exit(1);
  if (plan_load(instructions, &plan) < 0) {
    status_line("error 1 %s", shim_error);
    _exit(1);
  }
  _exit(run_create(&plan));
}

static int write_state(const struct made *m, const char *template, const char *id) {
  char path[4200], *json = fill_state(template, id, m->monitor);
  if (!json) return fail("out of memory");
  size_t len = strlen(json);
  char *line = malloc(len + 16);
  if (!line) return free(json), fail("out of memory");
  int n = snprintf(line, len + 16, "%08x %s\n", crc32(json, len), json);
  snprintf(path, sizeof path, "%s/state.json.1", m->state_dir);
  cleanup_fd int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int rc = fd < 0 || write_all(fd, line, (size_t)n) < 0 ? fail_errno("write %s", path) : 0;
  free(json);
  free(line);
  return rc;
}

/* Follow the monitor's status lines, passing our signals on to the container; its exit status. */
static int follow(int status_r, int sigfd, const char *id, const char *pid_file) {
  char buf[8192];
  size_t len = 0;
  pid_t init = 0;
  for (;;) {
    struct pollfd fds[2] = {{status_r, POLLIN, 0}, {sigfd, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0 && errno != EINTR) return 1;
    if (fds[1].revents) {
      struct signalfd_siginfo si;
      while (read(sigfd, &si, sizeof si) == sizeof si)
        if (init > 0) kill(init, (int)si.ssi_signo);
    }
    if (!fds[0].revents) continue;
    ssize_t n = read(status_r, buf + len, sizeof buf - 1 - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fprintf(stderr, "berth-runtime: container \"%s\": berth-shim ended without reporting\n", id);
      return 1;
    }
    len += (size_t)n;
    buf[len] = '\0';
    for (char *nl; (nl = strchr(buf, '\n'));) {
      *nl = '\0';
      int code, sig;
      if (sscanf(buf, "created %d", &init) == 1 && pid_file) {
        char text[24];
        int k = snprintf(text, sizeof text, "%d", init);
        if (write_file_atomic(pid_file, text, (size_t)k) < 0) fprintf(stderr, "berth-runtime: %s\n", shim_error);
      } else if (sscanf(buf, "exited %d %d", &code, &sig) == 2) {
        return code;
      } else if (sscanf(buf, "error %d", &code) == 1) {
        const char *msg = strchr(buf + 6, ' ');
        fprintf(stderr, "berth-runtime: container \"%s\": %s\n", id, msg ? msg + 1 : "failed");
        return code;
      }
      len -= (size_t)(nl + 1 - buf);
      memmove(buf, nl + 1, len + 1);
    }
  }
}

int run_runtime_front(int argc, char **argv) {
  const char *main_js = argv[0];
  struct run_args a = {0};
  struct plan_reader r;
  struct made m = {0};
  char bundle[4096], *state = NULL, *instructions = NULL;
  if (parse_run(argc - 1, argv + 1, &a) < 0 || !realpath(a.bundle, bundle)) to_node(main_js, argc - 1, argv + 1);
  cleanup_free char *plan = applicable_plan(&a, bundle, &r);
  if (!plan) to_node(main_js, argc - 1, argv + 1);
  int rc = prepare(&r, a.id, &m, &state, &instructions);
  if (rc > 0) {
    remove_container(&m, 0);
    to_node(main_js, argc - 1, argv + 1);
  }

  int status[2], sigfd = -1;
  sigset_t mask, old_mask;
  sigemptyset(&mask);
  for (int s = 0, sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}; s < 6; s++) sigaddset(&mask, sigs[s]);
  if (rc == 0 && pipe2(status, O_CLOEXEC) < 0) rc = fail_errno("pipe");
  if (rc == 0) {
    sigprocmask(SIG_BLOCK, &mask, &old_mask);
    sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    m.monitor = start_monitor(instructions, status[1], &old_mask);
    close(status[1]);
    if (m.monitor < 0) rc = fail_errno("fork");
  }
  if (rc == 0) rc = write_state(&m, state, a.id);
  if (rc < 0) {
    fprintf(stderr, "berth-runtime: %s\n", shim_error);
    if (m.monitor > 0) kill(m.monitor, SIGKILL);
    remove_container(&m, 0);
    return 1;
  }
  int code = follow(status[0], sigfd, a.id, a.pid_file);
  if (!a.keep) remove_container(&m, 1);
  else if (m.monitor > 0) waitpid(m.monitor, NULL, 0);
  return code;
}
