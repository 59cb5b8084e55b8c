/*
 * `berth-shim exec`: run another process in a running container. The shim
 * joins the container's pid namespace, forks; the child joins the cgroups and
 * the other namespaces, takes the process attributes and execs. The shim
 * stays to forward signals and exits with the process's status.
 * With a terminal, the child makes one in the container and sends its master
 * here; the shim then relays its own stdin/stdout to it, and reads
 * "ROWS COLS" lines on fd 4 (if open) to resize it.
 * Lines on fd 3 (if open): started PID | error CODE MSG
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t child_pid;

static void forward(int sig) {
  if (child_pid > 0) kill(child_pid, sig);
}

static void __attribute__((noreturn)) exec_child(struct plan *p, int sync) {
  char path[4096];
  int code = 1;
  for (int i = 0; i < p->n_cgroup_procs; i++)
    if (write_file(p->cgroup_procs[i], "0", 1) < 0) goto fail; /* "0": this process */
  if (ns_join_all(p, 1) < 0) goto fail;
  if (p->terminal && console_setup(p, sync) < 0) goto fail;
  if (process_resolve(p, path, sizeof path, &code) < 0) goto fail;
  if (process_apply(p) < 0) goto fail;
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
  execve(path, (char *const *)p->args, (char *const *)p->env);
  fail_errno("exec: \"%s\"", p->args[0]);
  code = errno == ENOENT ? 127 : 126;
fail:;
  char msg[sizeof shim_error + 16];
  int n = snprintf(msg, sizeof msg, "%d %s", code, shim_error);
  (void)send(sync, msg, (size_t)n, 0);
  _exit(code);
}

/* Relay stdin → terminal → stdout until the process is gone and its output read; returns its wait status. */
static int relay(int master, pid_t pid, int sigfd) {
  char buf[65536];
  int status = 0, exited = 0, in = 0, ctl = fcntl(4, F_GETFD) >= 0 ? 4 : -1;
  long long deadline = 0;
  for (;;) {
    if (!exited && waitpid(pid, &status, WNOHANG) == pid) exited = 1;
    if (exited) {
      if (!deadline) deadline = now_ns() + 1000000000LL;
      if (master < 0 || now_ns() > deadline) return status;
    }
    struct pollfd fds[4] = {{in, POLLIN, 0}, {master, POLLIN, 0}, {ctl, POLLIN, 0}, {sigfd, POLLIN, 0}};
    if (poll(fds, 4, exited ? 50 : -1) < 0 && errno != EINTR) return status;
    if (fds[3].revents) {
      struct signalfd_siginfo si;
      while (read(sigfd, &si, sizeof si) == sizeof si)
        ;
    }
    if (fds[0].revents) {
      ssize_t n = read(in, buf, sizeof buf);
      if (n <= 0) in = -1; /* end of input: the terminal stays, as a closed keyboard would leave it */
      else write_all(master, buf, (size_t)n);
    }
    if (fds[1].revents) {
      ssize_t n = read(master, buf, sizeof buf);
      if (n <= 0 && !(n < 0 && (errno == EINTR || errno == EAGAIN))) {
        close(master);
        master = -1;
      } else if (n > 0) write_all(1, buf, (size_t)n);
    }
    if (fds[2].revents) {
      char line[512];
      unsigned rows, cols;
      ssize_t n = read(ctl, line, sizeof line - 1);
      if (n <= 0) ctl = -1;
      else {
        line[n] = '\0';
        /* sizes sent in quick succession arrive in one read: each line, in order (each write is a whole line) */
        for (char *l = strtok(line, "\n"); l; l = strtok(NULL, "\n"))
          if (sscanf(l, "%u %u", &rows, &cols) == 2) console_resize(master, rows, cols);
      }
    }
  }
}

int run_exec(struct plan *p) {
  int sv[2], status, master = -1, sigfd = -1;
  char msg[sizeof shim_error + 16];
  sigset_t mask;
  if (p->terminal) { /* SIGCHLD through a signalfd, blocked before the child can exit */
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigfd < 0) return fail_errno("signalfd"), status_line("error 1 %s", shim_error), 1;
  }
  if (ns_join_pid(p) < 0 || userns_outer_limits(p, 0) < 0) return status_line("error 1 %s", shim_error), 1;
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
    return fail_errno("socketpair"), status_line("error 1 %s", shim_error), 1;

  pid_t pid = fork();
  if (pid < 0) return fail_errno("fork"), status_line("error 1 %s", shim_error), 1;
  if (pid == 0) {
    close(sv[0]);
    if (p->terminal) sigprocmask(SIG_UNBLOCK, &mask, NULL);
    exec_child(p, sv[1]);
  }
  close(sv[1]);
  child_pid = pid;
  int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], forward);

  ssize_t n;
  for (;;) {
    int fd;
    n = recv_with_fd(sv[0], msg, sizeof msg - 1, &fd);
    if (n < 0 && errno == EINTR) continue;
    if (n > 0 && msg[0] == MSG_CONSOLE) {
      master = fd;
      continue;
    }
    break;
  }
  if (n > 0) {
    msg[n] = '\0';
    status_line("error %s", msg);
  } else {
    status_line("started %d", pid);
  }
  if (master >= 0) {
    status = relay(master, pid, sigfd);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  }
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 1;
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
