/*
 * berth-shim spawner SOCKET: starts programs (ip, CNI plugins, iptables…) for
 * the agent. The agent is a large Node process: every fork of it copies its
 * page tables and leaves it taking copy-on-write faults afterwards, which cost
 * more CPU than the short programs themselves. This process is tiny, so its
 * forks are cheap. It decides nothing: it runs what it is sent and returns
 * what came out.
 *
 * One connection per program. The request is a u32 length (host order) and
 * that many bytes: MODE, ARGC, the arguments, ENVC, the environment (all
 * NUL-terminated), then the bytes for the program's stdin.
 *
 * MODE "run": the answer is three u32 — the exit code (128+N when killed by
 * signal N), the stdout length, the stderr length — then stdout and stderr.
 * Hanging up before the answer kills the program.
 *
 * MODE "detach" (a container's monitor, which outlives the agent): the
 * program gets a session of its own, /dev/null as stdin and stdout, and the
 * connection as stderr and fd 3, on which it first says "pid N". It is
 * nobody's child here for long: its handler exits at once, so init reaps it.
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_REQUEST (16u << 20)

extern char **environ;

struct bytes {
  char *data;
  size_t len, cap;
};

static int bytes_add(struct bytes *b, const char *p, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n) cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) return -1;
    b->data = data, b->cap = cap;
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  return 0;
}

static int read_exact(int fd, void *p, size_t n) {
  for (size_t got = 0; got < n;) {
    ssize_t r = read(fd, (char *)p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    got += r;
  }
  return 0;
}

/* The next NUL-terminated string of the request, or NULL past its end. */
static char *next_field(char **cursor, char *end) {
  char *s = *cursor;
  char *nul = s < end ? memchr(s, '\0', end - s) : NULL;
  if (!nul) return NULL;
  *cursor = nul + 1;
  return s;
}

/* COUNT then COUNT strings, as a NULL-terminated vector. */
static char **field_list(char **cursor, char *end) {
  char *count = next_field(cursor, end);
  if (!count) return NULL;
  long n = strtol(count, NULL, 10);
  if (n < 0 || n > 4096) return NULL;
  char **list = calloc(n + 1, sizeof *list);
  for (long i = 0; list && i < n; i++)
    if (!(list[i] = next_field(cursor, end))) return NULL;
  return list;
}

static void exec_child(char **argv, char **env, int in, int out, int err) {
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
  signal(SIGPIPE, SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  environ = env; /* so that execvp searches the PATH the agent sent */
  execvp(argv[0], argv);
  dprintf(2, "berth-shim spawner: exec %s: %s\n", argv[0], strerror(errno));
  _exit(127);
}

/* MODE detach: ARGV started on its own, as the header describes. */
static int detach(int conn, char **argv, char **env) {
  pid_t pid = fork();
  if (pid != 0) return pid < 0;
  setsid();
  /* fd 3 must survive the exec: a copy of CONN, or CONN itself without close-on-exec; taken
   * before /dev/null is opened, which would otherwise land on a free fd 3 */
  if ((conn == 3 ? fcntl(3, F_SETFD, 0) : dup2(conn, 3)) < 0) _exit(127);
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null < 0) _exit(127);
  dprintf(3, "pid %d\n", (int)getpid());
  exec_child(argv, env, null, null, conn);
  return 1; /* not reached */
}

/* One request on CONN: run it, answer, return the handler's exit code. */
static int serve(int conn) {
  uint32_t len;
  if (read_exact(conn, &len, sizeof len) < 0 || len > MAX_REQUEST) return 1;
  char *request = malloc(len + 1);
  if (!request || read_exact(conn, request, len) < 0) return 1;
  char *cursor = request, *end = request + len;
  char *mode = next_field(&cursor, end);
  char **argv = mode ? field_list(&cursor, end) : NULL;
  char **env = argv ? field_list(&cursor, end) : NULL;
  if (!argv || !argv[0] || !env) return 1;
  if (!strcmp(mode, "detach")) return detach(conn, argv, env);
  if (strcmp(mode, "run")) return 1;
  const char *input = cursor;
  size_t input_left = end - cursor;

  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) exec_child(argv, env, in[0], out[1], err[1]);
  close(in[0]), close(out[1]), close(err[1]);
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  if (!input_left) close(in[1]), in[1] = -1;

  struct bytes outputs[2] = {{0}, {0}};
  int open_outputs = 2;
  while (open_outputs > 0) {
    struct pollfd fds[4] = {
        {.fd = out[0], .events = POLLIN},
        {.fd = err[0], .events = POLLIN},
        {.fd = conn, .events = POLLIN},
        {.fd = in[1], .events = POLLOUT},
    };
    if (poll(fds, 4, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].revents) { /* the agent hung up (or sent more): it no longer wants this */
      kill(pid, SIGKILL);
      return 1;
    }
    if (fds[3].revents) {
      ssize_t w = write(in[1], input, input_left);
      if (w > 0) input += w, input_left -= w;
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || !input_left) close(in[1]), in[1] = -1;
    }
    for (int i = 0; i < 2; i++) {
      if (!fds[i].revents) continue;
      char chunk[16384];
      ssize_t r = read(fds[i].fd, chunk, sizeof chunk);
      if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (r > 0 && bytes_add(&outputs[i], chunk, r) == 0) continue;
      close(fds[i].fd);
      if (i == 0) out[0] = -1;
      else err[0] = -1;
      open_outputs--;
    }
  }
  if (in[1] >= 0) close(in[1]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 1;
  uint32_t answer[3] = {
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
      outputs[0].len,
      outputs[1].len,
  };
  if (write_all(conn, (const char *)answer, sizeof answer) < 0 || write_all(conn, outputs[0].data, outputs[0].len) < 0 ||
      write_all(conn, outputs[1].data, outputs[1].len) < 0)
    return 1;
  return 0;
}

int run_spawner(const char *socket_path) {
  /* a spawner outliving its agent would be found by nobody */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) return 1;
  signal(SIGCHLD, SIG_IGN); /* handlers reap themselves away */
  signal(SIGPIPE, SIG_IGN);

  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(socket_path) >= sizeof addr.sun_path) {
    fprintf(stderr, "berth-shim spawner: socket path too long: %s\n", socket_path);
    return 1;
  }
  strcpy(addr.sun_path, socket_path);
  int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  unlink(socket_path);
  mode_t mask = umask(077);
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 128) < 0) {
    fprintf(stderr, "berth-shim spawner: listen on %s: %s\n", socket_path, strerror(errno));
    return 1;
  }
  umask(mask);
  printf("ready\n");
  fflush(stdout);
  for (;;) {
    int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      fprintf(stderr, "berth-shim spawner: accept: %s\n", strerror(errno));
      return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
      close(listener);
      signal(SIGCHLD, SIG_DFL);
      _exit(serve(conn));
    }
    close(conn);
  }
}
