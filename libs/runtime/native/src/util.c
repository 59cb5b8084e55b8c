#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

char shim_error[2048];

int fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(shim_error, sizeof shim_error, fmt, ap);
  va_end(ap);
  return -1;
}

int fail_errno(const char *fmt, ...) {
  int saved = errno;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(shim_error, sizeof shim_error, "%s: %s", msg, strerror(saved));
  errno = saved;
  return -1;
}

/* Prefix the recorded error with context: "mount /proc: permission denied". */
int fail_ctx(const char *fmt, ...) {
  char ctx[1024], old[sizeof shim_error];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ctx, sizeof ctx, fmt, ap);
  va_end(ap);
  memcpy(old, shim_error, sizeof old);
  snprintf(shim_error, sizeof shim_error, "%s: %s", ctx, old);
  return -1;
}

void closep(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

void freep(void *p) { free(*(void **)p); }

int write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

int write_file(const char *path, const char *data, size_t len) {
  cleanup_fd int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return fail_errno("open %s", path);
  if (write_all(fd, data, len) < 0) return fail_errno("write %s", path);
  return 0;
}

/* Write through a temporary file and rename, so readers never see half a file. */
int write_file_atomic(const char *path, const char *data, size_t len) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  cleanup_fd int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail_errno("open %s", tmp);
  if (write_all(fd, data, len) < 0) return fail_errno("write %s", tmp);
  if (rename(tmp, path) < 0) return fail_errno("rename %s", tmp);
  return 0;
}

ssize_t read_all(int fd, char **out) {
  size_t cap = 8192, len = 0;
  char *buf = malloc(cap + 1);
  if (!buf) return fail("out of memory");
  for (;;) {
    if (len == cap) {
      char *bigger = realloc(buf, cap * 2 + 1);
      if (!bigger) {
        free(buf);
        return fail("out of memory");
      }
      buf = bigger;
      cap *= 2;
    }
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      free(buf);
      return fail_errno("read");
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  buf[len] = '\0';
  *out = buf;
  return (ssize_t)len;
}

long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int parse_ll(const char *s, long long *out) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *s == '\0' || *end != '\0') return fail("not a number: '%s'", s);
  *out = v;
  return 0;
}

int parse_u64(const char *s, int base, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, base);
  if (errno || *s == '\0' || *end != '\0') return fail("not a number: '%s'", s);
  *out = v;
  return 0;
}

/* Report to whoever started us on fd 3, if they gave us one. Never fatal. */
void status_line(const char *fmt, ...) {
  char line[4096];
  va_list ap;
  if (fcntl(3, F_GETFD) < 0) return;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line - 1, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n > sizeof line - 2) n = sizeof line - 2;
  for (int i = 0; i < n; i++)
    if (line[i] == '\n') line[i] = ' '; /* one message, one line */
  line[n++] = '\n';
  (void)write_all(3, line, (size_t)n);
}
