/*
 * `berth-shim exec`: run another process in a running container. The shim
 * joins the container's pid namespace, forks; the child joins the cgroups and
 * the other namespaces, takes the process attributes and execs. The shim
 * stays to forward signals and exits with the process's status.
 * Lines on fd 3 (if open): started PID | error CODE MSG
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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

int run_exec(struct plan *p) {
  int sv[2], status;
  char msg[sizeof shim_error + 16];
  if (ns_join_pid(p) < 0) return status_line("error 1 %s", shim_error), 1;
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
    return fail_errno("socketpair"), status_line("error 1 %s", shim_error), 1;

  pid_t pid = fork();
  if (pid < 0) return fail_errno("fork"), status_line("error 1 %s", shim_error), 1;
  if (pid == 0) {
    close(sv[0]);
    exec_child(p, sv[1]);
  }
  close(sv[1]);
  child_pid = pid;
  int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], forward);

  ssize_t n;
  while ((n = recv(sv[0], msg, sizeof msg - 1, 0)) < 0 && errno == EINTR)
    ;
  if (n > 0) {
    msg[n] = '\0';
    status_line("error %s", msg);
  } else {
    status_line("started %d", pid);
  }
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 1;
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
