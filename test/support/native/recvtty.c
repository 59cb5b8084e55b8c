/*
 * recvtty SOCKET: the receiving end of an OCI runtime's --console-socket, for tests
 * (as runc's contrib/cmd/recvtty). Listens on SOCKET, says "listening", takes one
 * terminal master (SCM_RIGHTS), prints "name: <payload>", then copies what the
 * terminal says to stdout until every slave end is closed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  char name[4096], control[CMSG_SPACE(sizeof(int))], buf[4096];
  int master = -1;
  if (argc != 2 || strlen(argv[1]) >= sizeof addr.sun_path) return fprintf(stderr, "usage: recvtty SOCKET\n"), 2;
  strcpy(addr.sun_path, argv[1]);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  if (sock < 0 || bind(sock, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(sock, 1) < 0) return perror("listen"), 1;
  printf("listening\n");
  fflush(stdout);
  int conn = accept(sock, NULL, NULL);
  if (conn < 0) return perror("accept"), 1;
  struct iovec iov = {.iov_base = name, .iov_len = sizeof name - 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
  ssize_t n = recvmsg(conn, &msg, 0);
  if (n < 0) return perror("recvmsg"), 1;
  name[n] = '\0';
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (c && c->cmsg_type == SCM_RIGHTS) memcpy(&master, CMSG_DATA(c), sizeof(int));
  if (master < 0) return fprintf(stderr, "no file descriptor received\n"), 1;
  printf("name: %s\n", name);
  fflush(stdout);
  while ((n = read(master, buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)n, stdout), fflush(stdout);
  return 0;
}
