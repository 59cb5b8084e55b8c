/*
 * Terminals. The pseudo-terminal is made inside the container, from its own
 * devpts instance (so `tty` names a device the container can see), and its
 * master end travels to the shim's parent process over the sync socket
 * (SCM_RIGHTS), as runc's console socket does. The process then makes the
 * slave its controlling terminal and its stdio.
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#ifndef TIOCGPTPEER
#define TIOCGPTPEER _IO('T', 0x41)
#endif

int console_resize(int master, unsigned rows, unsigned cols) {
  struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  if (!rows || !cols) return 0;
  return ioctl(master, TIOCSWINSZ, &ws) < 0 ? fail_errno("set the terminal size") : 0;
}

int send_fd(int sock, char tag, int fd) {
  char buf[CMSG_SPACE(sizeof(int))];
  struct iovec iov = {.iov_base = &tag, .iov_len = 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf, .msg_controllen = sizeof buf};
  memset(buf, 0, sizeof buf);
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof(int));
  return sendmsg(sock, &msg, 0) < 0 ? fail_errno("send the terminal") : 0;
}

/*
 * As runc's --console-socket: connect to SOCKET_PATH and send MASTER with
 * SCM_RIGHTS, the terminal's name (/dev/pts/N in the container) as the payload.
 */
int console_hand_over(const char *socket_path, int master) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  char name[64], buf[CMSG_SPACE(sizeof(int))];
  unsigned pty;
  if (strlen(socket_path) >= sizeof addr.sun_path) return fail("console socket path too long: %s", socket_path);
  strcpy(addr.sun_path, socket_path);
  if (ioctl(master, TIOCGPTN, &pty) < 0) return fail_errno("TIOCGPTN");
  int n = snprintf(name, sizeof name, "/dev/pts/%u", pty);
  cleanup_fd int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (sock < 0) return fail_errno("socket");
  if (connect(sock, (struct sockaddr *)&addr, sizeof addr) < 0) return fail_errno("connect to console socket %s", socket_path);
  struct iovec iov = {.iov_base = name, .iov_len = (size_t)n};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf, .msg_controllen = sizeof buf};
  memset(buf, 0, sizeof buf);
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &master, sizeof(int));
  return sendmsg(sock, &msg, 0) < 0 ? fail_errno("send the terminal to console socket %s", socket_path) : 0;
}

ssize_t recv_with_fd(int sock, char *data, size_t size, int *fd) {
  char buf[CMSG_SPACE(sizeof(int))];
  struct iovec iov = {.iov_base = data, .iov_len = size};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf, .msg_controllen = sizeof buf};
  *fd = -1;
  ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  if (n <= 0) return n;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) memcpy(fd, CMSG_DATA(c), sizeof(int));
  return n;
}

/* In the container (after pivot_root, or after joining its mount namespace). */
int console_setup(struct plan *p, int sync) {
  cleanup_fd int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) return fail_errno("open /dev/ptmx in the container");
  if (unlockpt(master) < 0) return fail_errno("unlockpt");
  int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);
  if (slave < 0) {
    char name[64];
    if (ptsname_r(master, name, sizeof name) != 0) return fail_errno("ptsname");
    slave = open(name, O_RDWR | O_NOCTTY);
    if (slave < 0) return fail_errno("open %s", name);
  }
  if (console_resize(master, p->console_rows, p->console_cols) < 0) return -1;
  if (send_fd(sync, MSG_CONSOLE, master) < 0) return -1;
  if (setsid() < 0) return fail_errno("setsid");
  if (ioctl(slave, TIOCSCTTY, 0) < 0) return fail_errno("make the terminal the controlling one");
  for (int fd = 0; fd < 3; fd++)
    if (dup2(slave, fd) < 0) return fail_errno("dup2 terminal");
  if (slave > 2) close(slave);
  return 0;
}
