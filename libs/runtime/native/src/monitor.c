/*
 * `berth-shim create`: the container's monitor. It clones the container's
 * init into new namespaces, puts it in its cgroups, releases it, then stays
 * for the container's life: it copies stdout/stderr into the json log, waits
 * for "start" on the control fifo, reaps the init and records how it ended.
 *
 * With a terminal, the container's stdio is a pseudo-terminal whose master
 * end the init sends here; with open-stdin, a fifo in the state dir feeds the
 * container's stdin (or its terminal). The ctl fifo also takes
 * "resize ROWS COLS".
 *
 * Files it writes in the state dir: pid, ctl (fifo), stdin (fifo), started, exit.
 * Lines it writes on fd 3 (if open): created PID | started | error CODE MSG | exited CODE SIGNAL
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MSG_GO 'G'
#define MSG_READY 'R'
#define MSG_START 'S'
#define MSG_ERROR 'E'
#define MSG_EXEC 'X' /* sent just before execve; EOF after it means execve succeeded */
#define MSG_NAMESPACES 'N' /* the init is in its namespaces and waits for the createRuntime hooks */

/* In the child: tell the monitor what went wrong and give up with CODE. */
static void __attribute__((noreturn)) child_fail(int sync, int code) {
  char msg[sizeof shim_error + 16];
  int n = snprintf(msg, sizeof msg, "%c%d %s", MSG_ERROR, code, shim_error);
  (void)send(sync, msg, (size_t)n, 0);
  _exit(code);
}

/* Wait for the monitor's go-ahead ("G" and our pid as the host sees it, for the hooks' state). */
static void await_go(struct plan *p, int sync) {
  char go[32];
  ssize_t n = read(sync, go, sizeof go - 1);
  if (n < 1 || go[0] != MSG_GO) _exit(1);
  go[n] = '\0';
  if (n > 1) p->init_pid = (pid_t)atoi(go + 1);
}

static void __attribute__((noreturn)) child_main(struct plan *p, int sync, const int stdio[3]) {
  char c, path[4096];
  int code = 1;
  await_go(p, sync);
  if (userns_become_root(p) < 0) child_fail(sync, 1);
  if (p->log_path)
    for (int fd = 0; fd < 3; fd++)
      if (stdio[fd] >= 0 && dup2(stdio[fd], fd) < 0) fail_errno("dup2"), child_fail(sync, 1);
  if (ns_join_all(p, 1) < 0) child_fail(sync, 1);
  for (int i = 0; i < p->n_ns; i++)
    if (p->ns[i].type == CLONE_NEWCGROUP && !p->ns[i].path && unshare(CLONE_NEWCGROUP) < 0)
      fail_errno("unshare cgroup namespace"), child_fail(sync, 1);
  if (hooks_any(p, "runtime")) {
    if (send(sync, (char[]){MSG_NAMESPACES}, 1, 0) != 1) _exit(1);
    await_go(p, sync);
  }
  if (container_setup(p) < 0) child_fail(sync, 1);
  if (p->terminal && console_setup(p, sync) < 0) child_fail(sync, 1);
  if (process_resolve(p, path, sizeof path, &code) < 0) child_fail(sync, code);
  if (!p->autostart) {
    if (send(sync, (char[]){MSG_READY}, 1, 0) != 1) _exit(1);
    if (read(sync, &c, 1) != 1 || c != MSG_START) _exit(1);
  }
  if (process_apply(p) < 0) child_fail(sync, 1);
  if (hooks_any(p, "start") && hooks_run(p, "start") < 0) child_fail(sync, 1);
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); /* nothing of ours leaks into the container */
  (void)send(sync, (char[]){MSG_EXEC}, 1, 0);
  execve(path, (char *const *)p->args, (char *const *)p->env);
  fail_errno("exec: \"%s\"", p->args[0]);
  child_fail(sync, errno == ENOENT ? 127 : 126);
}

struct monitor {
  struct plan *plan;
  pid_t pid;
  int sync, ctl, sigfd;
  int out[2]; /* read ends of the container's stdout/stderr, -1 when closed */
  int pty;    /* the terminal's master end, -1 without one */
  int stdin_fifo, stdin_w; /* where stdin comes from; the pipe to the container's stdin (no terminal) */
  char pending[65536];     /* stdin read but not yet taken by the container */
  size_t pending_len, pending_off;
  struct jsonlog *log;
  int relay;                 /* a terminal relayed to our own stdin/stdout (no log, no console socket) */
  int exec_sent, failed, started, exited, status;
};

static void state_file(struct monitor *m, const char *name, const char *fmt, long long a, long long b, long long c) {
  char path[4200], data[128];
  snprintf(path, sizeof path, "%s/%s", m->plan->state_dir, name);
  int n = snprintf(data, sizeof data, fmt, a, b, c);
  if (write_file_atomic(path, data, (size_t)n) < 0) fprintf(stderr, "berth-shim: %s\n", shim_error);
}

static int join_cgroups(struct monitor *m) {
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%d", m->pid);
  for (int i = 0; i < m->plan->n_cgroup_procs; i++)
    if (write_file(m->plan->cgroup_procs[i], pid, (size_t)n) < 0) return fail_ctx("join cgroup");
  return 0;
}

enum sync_event { SYNC_NONE, SYNC_READY, SYNC_NAMESPACES, SYNC_CLOSED };

/*
 * A message from the init on the sync socket. At end of file the init has
 * either exec'd (it said MSG_EXEC and no error followed) or died before that.
 */
static enum sync_event on_sync(struct monitor *m, char *msg, size_t size) {
  int fd;
  ssize_t n = recv_with_fd(m->sync, msg, size - 1, &fd);
  if (n < 0 && errno == EINTR) return SYNC_NONE;
  if (n > 0 && msg[0] == MSG_CONSOLE && fd >= 0 && m->plan->console_socket) {
    int rc = console_hand_over(m->plan->console_socket, fd);
    close(fd);
    if (rc < 0) { /* no one holds the terminal: the container cannot be used */
      m->failed = 1;
      status_line("error 1 %s", shim_error);
      kill(m->pid, SIGKILL);
    }
    return SYNC_NONE;
  }
  if (n > 0 && msg[0] == MSG_CONSOLE && fd >= 0) {
    m->pty = fd;
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return SYNC_NONE;
  }
  if (n <= 0) {
    close(m->sync);
    m->sync = -1;
    if (m->exec_sent && !m->failed) {
      m->started = 1;
      state_file(m, "started", "%lld\n", now_ns(), 0, 0);
      status_line("started");
    } else if (!m->failed) {
      m->failed = 1;
      status_line("error 1 container init exited during setup");
    }
    return SYNC_CLOSED;
  }
  msg[n] = '\0';
  if (msg[0] == MSG_EXEC) m->exec_sent = 1;
  if (msg[0] == MSG_ERROR) {
    char path[4200];
    m->failed = 1;
    status_line("error %s", msg + 1);
    /* for a `start` from another process, which cannot hear fd 3 */
    snprintf(path, sizeof path, "%s/error", m->plan->state_dir);
    write_file_atomic(path, msg + 1, strlen(msg + 1));
  }
  return msg[0] == MSG_READY ? SYNC_READY : msg[0] == MSG_NAMESPACES ? SYNC_NAMESPACES : SYNC_NONE;
}

static void on_output(struct monitor *m, int stream) {
  char buf[65536];
  ssize_t n = read(m->out[stream], buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    jsonlog_flush(m->log, stream);
    close(m->out[stream]);
    m->out[stream] = -1;
    return;
  }
  if (jsonlog_feed(m->log, stream, buf, (size_t)n) < 0) fprintf(stderr, "berth-shim: %s\n", shim_error);
}

static void on_pty(struct monitor *m) {
  char buf[65536];
  ssize_t n = read(m->pty, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) { /* EIO: every slave end is closed */
    if (m->log) jsonlog_flush(m->log, 0);
    close(m->pty);
    m->pty = -1;
    return;
  }
  if (m->relay) {
    (void)write_all(1, buf, (size_t)n);
    return;
  }
  if (jsonlog_feed(m->log, 0, buf, (size_t)n) < 0) fprintf(stderr, "berth-shim: %s\n", shim_error);
}

static int open_stdin_fifo(struct monitor *m, int create) {
  char path[4200];
  snprintf(path, sizeof path, "%s/stdin", m->plan->state_dir);
  if (create) {
    unlink(path);
    if (mkfifo(path, 0600) < 0) return fail_errno("mkfifo %s", path);
  }
  /* no writer yet is fine: poll reports nothing until one comes and goes */
  m->stdin_fifo = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  return m->stdin_fifo < 0 ? fail_errno("open %s", path) : 0;
}

static int stdin_target(struct monitor *m) { return m->plan->terminal ? m->pty : m->stdin_w; }

/* Hand what is pending to the container; what it does not take yet waits for POLLOUT. */
static void flush_stdin(struct monitor *m) {
  int target = stdin_target(m);
  while (m->pending_off < m->pending_len) {
    ssize_t n = target < 0 ? -1 : write(target, m->pending + m->pending_off, m->pending_len - m->pending_off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    if (n < 0) { /* the container closed its stdin: what it did not read is lost, as with a pipe */
      m->pending_off = m->pending_len;
      break;
    }
    m->pending_off += (size_t)n;
  }
  m->pending_len = m->pending_off = 0;
}

static void on_stdin(struct monitor *m) {
  ssize_t n = read(m->stdin_fifo, m->pending, sizeof m->pending);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n > 0) {
    m->pending_len = (size_t)n;
    m->pending_off = 0;
    flush_stdin(m);
    return;
  }
  /* the writer went away: a terminal waits for the next one; a pipe reaches end of file */
  if (m->stdin_fifo > 0) close(m->stdin_fifo);
  m->stdin_fifo = -1;
  if (m->relay) return; /* end of our input: the terminal stays, as a closed keyboard would leave it */
  if (m->plan->terminal) {
    if (open_stdin_fifo(m, 0) < 0) fprintf(stderr, "berth-shim: %s\n", shim_error);
  } else if (m->stdin_w >= 0) {
    close(m->stdin_w);
    m->stdin_w = -1;
  }
}

static void on_control(struct monitor *m) {
  char cmd[512];
  ssize_t n = read(m->ctl, cmd, sizeof cmd - 1);
  if (n <= 0) return;
  cmd[n] = '\0';
  for (char *line = strtok(cmd, "\n"); line; line = strtok(NULL, "\n")) {
    unsigned rows, cols;
    if (!strncmp(line, "start", 5) && !m->started && m->sync >= 0)
      (void)send(m->sync, (char[]){MSG_START}, 1, 0);
    else if (sscanf(line, "resize %u %u", &rows, &cols) == 2 && m->pty >= 0 && console_resize(m->pty, rows, cols) < 0)
      fprintf(stderr, "berth-shim: %s\n", shim_error);
  }
}

static void on_signal(struct monitor *m) {
  struct signalfd_siginfo si;
  int status;
  while (read(m->sigfd, &si, sizeof si) == sizeof si)
    ;
  while (waitpid(m->pid, &status, WNOHANG) == m->pid) {
    m->exited = 1;
    m->status = status;
  }
}

/* Serve the container until its init is gone and its output drained. */
static void event_loop(struct monitor *m) {
  long long drain_deadline = 0;
  char msg[sizeof shim_error + 16];
  for (;;) {
    int pending = m->pending_len > m->pending_off;
    struct pollfd fds[8] = {
        {m->sigfd, POLLIN, 0},  {m->ctl, POLLIN, 0},    {m->sync, POLLIN, 0},
        {m->out[0], POLLIN, 0}, {m->out[1], POLLIN, 0}, {m->pty, POLLIN, 0},
        {pending ? -1 : m->stdin_fifo, POLLIN, 0},      {pending ? stdin_target(m) : -1, POLLOUT, 0},
    };
    if (m->exited) {
      if (!drain_deadline) drain_deadline = now_ns() + 2000000000LL; /* orphans may hold the pipes */
      /* the sync socket tells whether the init ever exec'd: hear it out before leaving */
      if ((m->out[0] < 0 && m->out[1] < 0 && m->pty < 0 && m->sync < 0) || now_ns() > drain_deadline) return;
    }
    if (poll(fds, 8, m->exited ? 100 : -1) < 0 && errno != EINTR) return;
    if (fds[0].revents) on_signal(m);
    if (fds[1].revents) on_control(m);
    if (fds[2].revents) on_sync(m, msg, sizeof msg);
    for (int s = 0; s < 2; s++)
      if (fds[3 + s].revents && m->out[s] >= 0) on_output(m, s);
    if (fds[5].revents && m->pty >= 0) on_pty(m);
    if (fds[6].revents && m->stdin_fifo >= 0) on_stdin(m);
    if (fds[7].revents) flush_stdin(m);
  }
}

static void record_exit(struct monitor *m) {
  int code = WIFSIGNALED(m->status) ? 128 + WTERMSIG(m->status) : WEXITSTATUS(m->status);
  int sig = WIFSIGNALED(m->status) ? WTERMSIG(m->status) : 0;
  for (int s = 0; s < 2; s++)
    if (m->log) jsonlog_flush(m->log, s);
  state_file(m, "exit", "%lld %lld %lld\n", code, sig, now_ns());
  status_line("exited %d %d", code, sig);
}

/* Our stdin's terminal settings before we made it raw, put back however we leave. */
static struct termios saved_termios;
static void restore_terminal(void) { tcsetattr(0, TCSANOW, &saved_termios); }

/* As `runc run` with a terminal and no console socket: our stdin feeds the terminal, its output goes to our stdout. */
static void open_relay(struct monitor *m) {
  struct winsize ws;
  m->relay = 1;
  m->stdin_fifo = 0;
  if (!isatty(0) || tcgetattr(0, &saved_termios) < 0) return;
  if (!m->plan->console_rows && ioctl(0, TIOCGWINSZ, &ws) == 0) {
    m->plan->console_rows = ws.ws_row;
    m->plan->console_cols = ws.ws_col;
  }
  struct termios raw = saved_termios;
  cfmakeraw(&raw);
  if (tcsetattr(0, TCSANOW, &raw) == 0) atexit(restore_terminal);
}

static int open_stdio(struct monitor *m, int child_stdio[3]) {
  int pipes[2][2];
  if (!m->plan->log_path && m->plan->terminal && !m->plan->console_socket) open_relay(m);
  if (!m->plan->log_path) return 0;
  m->log = jsonlog_open(m->plan->log_path, m->plan->log_max_size, m->plan->log_max_files);
  if (!m->log) return -1;
  if (m->plan->open_stdin && open_stdin_fifo(m, 1) < 0) return -1;
  if (m->plan->terminal) return 0; /* the container's terminal carries all three */
  if (m->plan->open_stdin) {
    int in[2];
    if (pipe2(in, O_CLOEXEC) < 0) return fail_errno("pipe");
    child_stdio[0] = in[0];
    m->stdin_w = in[1];
    fcntl(m->stdin_w, F_SETFL, O_NONBLOCK);
  } else {
    child_stdio[0] = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (child_stdio[0] < 0) return fail_errno("open /dev/null");
  }
  for (int s = 0; s < 2; s++) {
    if (pipe2(pipes[s], O_CLOEXEC) < 0) return fail_errno("pipe");
    m->out[s] = pipes[s][0];
    child_stdio[1 + s] = pipes[s][1];
  }
  return 0;
}

static int open_control(struct monitor *m) {
  char path[4200];
  snprintf(path, sizeof path, "%s/ctl", m->plan->state_dir);
  unlink(path);
  if (mkfifo(path, 0600) < 0) return fail_errno("mkfifo %s", path);
  /* read-write, so the fifo never reports end-of-file between writers */
  m->ctl = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
  return m->ctl < 0 ? fail_errno("open %s", path) : 0;
}

/*
 * The container has the caller's stdio (pass-through) or a terminal of its own: we keep none
 * of them, so the caller's pipes end when the container's processes close them, as with runc.
 */
static void release_callers_stdio(void) {
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) return;
  for (int fd = 0; fd < 3; fd++) dup2(null, fd);
  if (null > 2) close(null);
}

static int clone_flags(struct plan *p) {
  int flags = 0;
  for (int i = 0; i < p->n_ns; i++)
    if (!p->ns[i].path && p->ns[i].type != CLONE_NEWCGROUP) flags |= p->ns[i].type;
  return flags;
}

static int release_init(struct monitor *m) {
  char go[32];
  int n = snprintf(go, sizeof go, "%c%d", MSG_GO, m->pid);
  return send(m->sync, go, (size_t)n, 0) != n ? fail_errno("release init") : 0;
}

static int fail_create(struct monitor *m) {
  status_line("error 1 %s", shim_error);
  if (m->pid > 0) {
    kill(m->pid, SIGKILL);
    waitpid(m->pid, NULL, 0);
  }
  return 1;
}

int run_create(struct plan *p) {
  static struct monitor m; /* big (the stdin buffer): not on the stack */
  m = (struct monitor){.plan = p, .pid = -1, .sync = -1, .ctl = -1, .sigfd = -1, .out = {-1, -1}, .pty = -1, .stdin_fifo = -1, .stdin_w = -1};
  int sv[2], child_stdio[3] = {-1, -1, -1};
  char msg[sizeof shim_error + 16];
  sigset_t mask;

  signal(SIGPIPE, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  setsid(); /* already a session leader when spawned detached; that is fine */
  if (!p->state_dir || !p->rootfs) return fail("instructions need state-dir and rootfs"), fail_create(&m);
  if (open_stdio(&m, child_stdio) < 0 || open_control(&m) < 0) return fail_create(&m);
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) return fail_errno("socketpair"), fail_create(&m);
  if (ns_join_pid(p) < 0 || userns_prepare(p) < 0) return fail_create(&m);

  sigemptyset(&mask);
  sigaddset(&mask, SIGCHLD);
  sigprocmask(SIG_BLOCK, &mask, NULL);
  m.sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
  if (m.sigfd < 0) return fail_errno("signalfd"), fail_create(&m);

  m.pid = (pid_t)syscall(SYS_clone, clone_flags(p) | SIGCHLD, NULL, NULL, NULL, NULL);
  if (m.pid < 0) return fail_errno("clone"), fail_create(&m);
  if (m.pid == 0) {
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    close(sv[0]);
    child_main(p, sv[1], child_stdio);
  }
  close(sv[1]);
  for (int fd = 0; fd < 3; fd++)
    if (child_stdio[fd] >= 0) close(child_stdio[fd]);
  if (!p->log_path && !m.relay) release_callers_stdio();
  m.sync = sv[0];

  if (userns_write_maps(p, m.pid) < 0 || userns_outer_limits(p, m.pid) < 0 || join_cgroups(&m) < 0)
    return fail_create(&m);
  state_file(&m, "pid", "%lld\n", m.pid, 0, 0);
  p->init_pid = m.pid;
  if (release_init(&m) < 0) return fail_create(&m);
  if (hooks_any(p, "runtime")) {
    enum sync_event ev;
    while ((ev = on_sync(&m, msg, sizeof msg)) == SYNC_NONE)
      ;
    if (ev != SYNC_NAMESPACES) { /* the failure has been reported */
      waitpid(m.pid, NULL, 0);
      return 1;
    }
    if (hooks_run(p, "runtime") < 0 || release_init(&m) < 0) return fail_create(&m);
  }

  if (!p->autostart) {
    enum sync_event ev;
    while ((ev = on_sync(&m, msg, sizeof msg)) == SYNC_NONE)
      ;
    if (ev != SYNC_READY) { /* the failure has been reported */
      waitpid(m.pid, NULL, 0);
      return 1;
    }
  }
  status_line("created %d", m.pid);
  event_loop(&m);
  if (!m.exited) {
    waitpid(m.pid, &m.status, 0);
    m.exited = 1;
  }
  record_exit(&m);
  jsonlog_close(m.log);
  return m.failed && !m.started;
}
