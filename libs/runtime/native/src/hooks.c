/*
 * OCI hooks the shim runs because only it is where they must run: in the
 * runtime namespace while the init waits (createRuntime, prestart), in the
 * container's mount namespace before pivot_root (createContainer), in the
 * container just before the process is exec'd (startContainer). TypeScript
 * chose the hooks, their order and the state JSON; the shim only runs them.
 *
 * Each hook gets the state on stdin (with the init's pid filled in), its
 * stdout and stderr are kept for the error message, and it is killed when
 * its timeout passes. A hook that fails fails the operation.
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void __attribute__((noreturn)) hook_child(struct hook *h, int in, int out) {
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, NULL);
  signal(SIGPIPE, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) _exit(127);
  close_range(3, ~0U, 0); /* the status pipe, the sync socket, the container's pipes: none are the hook's */
  execve(h->path, (char *const *)h->args, h->has_env ? (char *const *)h->env : environ);
  dprintf(2, "exec %s: %s", h->path, strerror(errno));
  _exit(127);
}

/* The tail of what the hook said, for the error message. */
static void keep_output(char *kept, size_t cap, size_t *len, const char *data, size_t n) {
  if (n >= cap) data += n - (cap - 1), n = cap - 1;
  if (*len + n >= cap) {
    size_t drop = *len + n - (cap - 1);
    memmove(kept, kept + drop, *len - drop);
    *len -= drop;
  }
  memcpy(kept + *len, data, n);
  *len += n;
  kept[*len] = '\0';
}

static int hook_wait(struct hook *h, pid_t child, int in, int out, const char *state, int *status) {
  char kept[1024] = "", buf[4096];
  size_t kept_len = 0, state_len = strlen(state), sent = 0;
  long long deadline = h->timeout > 0 ? now_ns() + h->timeout * 1000000000LL : 0;
  cleanup_fd int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
  if (pidfd < 0) return fail_errno("pidfd_open");
  fcntl(in, F_SETFL, O_NONBLOCK);
  for (;;) {
    struct pollfd fds[3] = {{pidfd, POLLIN, 0}, {out, POLLIN, 0}, {sent < state_len ? in : -1, POLLOUT, 0}};
    long long left_ms = deadline ? (deadline - now_ns()) / 1000000 : -1;
    int wait_ms = left_ms > INT_MAX ? INT_MAX : (int)left_ms;
    if (deadline && wait_ms <= 0) {
      kill(child, SIGKILL);
      waitpid(child, NULL, 0);
      return fail("killed after its timeout of %d seconds%s%s", h->timeout, kept_len ? ": " : "", kept);
    }
    if (poll(fds, 3, wait_ms) < 0 && errno != EINTR) return fail_errno("poll");
    if (fds[2].revents) {
      ssize_t n = write(in, state + sent, state_len - sent);
      if (n > 0) sent += (size_t)n;
      else if (n < 0 && errno != EAGAIN && errno != EINTR) sent = state_len; /* it does not read stdin */
      if (sent == state_len) close(in), in = -1;
    }
    if (fds[1].revents) {
      ssize_t n = read(out, buf, sizeof buf);
      if (n > 0) keep_output(kept, sizeof kept, &kept_len, buf, (size_t)n);
      else if (n == 0 || (errno != EAGAIN && errno != EINTR)) out = -1; /* fd closed below by the caller */
    }
    if (fds[0].revents) break;
  }
  if (in >= 0) close(in);
  if (out >= 0) { /* what it said just before exiting */
    ssize_t n;
    fcntl(out, F_SETFL, O_NONBLOCK);
    while ((n = read(out, buf, sizeof buf)) > 0) keep_output(kept, sizeof kept, &kept_len, buf, (size_t)n);
  }
  waitpid(child, status, 0);
  if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return 0;
  if (WIFSIGNALED(*status)) return fail("killed by signal %d%s%s", WTERMSIG(*status), kept_len ? ": " : "", kept);
  return fail("exited with status %d%s%s", WEXITSTATUS(*status), kept_len ? ": " : "", kept);
}

static int hook_run(struct hook *h, pid_t pid) {
  int in[2], out[2], status = 0;
  size_t size = strlen(h->state_pre) + strlen(h->state_post) + 24;
  cleanup_free char *state = malloc(size);
  if (!state) return fail("out of memory");
  snprintf(state, size, "%s%d%s", h->state_pre, (int)pid, h->state_post);
  if (pipe2(in, O_CLOEXEC) < 0) return fail_errno("pipe");
  if (pipe2(out, O_CLOEXEC) < 0) return close(in[0]), close(in[1]), fail_errno("pipe");
  pid_t child = fork();
  if (child < 0) return close(in[0]), close(in[1]), close(out[0]), close(out[1]), fail_errno("fork");
  if (child == 0) hook_child(h, in[0], out[1]);
  close(in[0]);
  close(out[1]);
  int rc = hook_wait(h, child, in[1], out[0], state, &status);
  close(out[0]);
  return rc;
}

int hooks_run(struct plan *p, const char *when) {
  for (int i = 0; i < p->n_hooks; i++) {
    struct hook *h = &p->hooks[i];
    if (strcmp(h->when, when)) continue;
    if (hook_run(h, p->init_pid) < 0) return fail_ctx("%s (%s)", h->label, h->path);
  }
  return 0;
}

int hooks_any(struct plan *p, const char *when) {
  for (int i = 0; i < p->n_hooks; i++)
    if (!strcmp(p->hooks[i].when, when)) return 1;
  return 0;
}
