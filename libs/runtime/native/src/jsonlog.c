/*
 * Docker's json-file log driver format: one object a line,
 *   {"log":"hello\n","stream":"stdout","time":"2026-11-28T01:02:03.123456789Z"}
 * escaped as Go's encoding/json escapes (HTML characters included), lines
 * longer than 16 KiB split into partial entries, files rotated by size.
 */
#include "shim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_BYTES (16 * 1024)

struct jsonlog {
  char path[4096];
  int fd;
  long long size, max_size;
  int max_files;
  char pending[2][LINE_MAX_BYTES];
  size_t pending_len[2];
};

static const char *STREAMS[2] = {"stdout", "stderr"};

struct jsonlog *jsonlog_open(const char *path, long long max_size, int max_files) {
  struct jsonlog *log = calloc(1, sizeof *log);
  if (!log) return fail("out of memory"), NULL;
  snprintf(log->path, sizeof log->path, "%s", path);
  log->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (log->fd < 0) {
    fail_errno("open log %s", path);
    free(log);
    return NULL;
  }
  log->size = lseek(log->fd, 0, SEEK_END);
  log->max_size = max_size;
  log->max_files = max_files < 1 ? 1 : max_files;
  return log;
}

/* log.json → log.json.1 → … → log.json.(max_files-1); the oldest falls off. */
static int rotate(struct jsonlog *log) {
  char from[4200], to[4200];
  close(log->fd);
  if (log->max_files > 1) {
    for (int i = log->max_files - 1; i > 1; i--) {
      snprintf(from, sizeof from, "%s.%d", log->path, i - 1);
      snprintf(to, sizeof to, "%s.%d", log->path, i);
      rename(from, to);
    }
    snprintf(to, sizeof to, "%s.1", log->path);
    rename(log->path, to);
  }
  log->fd = open(log->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
  if (log->fd < 0) return fail_errno("reopen log %s", log->path);
  log->size = 0;
  return 0;
}

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  size_t len;
  unsigned min;
  unsigned cp;
  if (s[0] < 0x80) return 1;
  if ((s[0] & 0xe0) == 0xc0) len = 2, cp = s[0] & 0x1f, min = 0x80;
  else if ((s[0] & 0xf0) == 0xe0) len = 3, cp = s[0] & 0x0f, min = 0x800;
  else if ((s[0] & 0xf8) == 0xf0) len = 4, cp = s[0] & 0x07, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

static size_t escape(char *out, const unsigned char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\') out[o++] = '\\', out[o++] = (char)c, i++;
    else if (c == '\n') out[o++] = '\\', out[o++] = 'n', i++;
    else if (c == '\r') out[o++] = '\\', out[o++] = 'r', i++;
    else if (c == '\t') out[o++] = '\\', out[o++] = 't', i++;
    else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      memcpy(out + o, "\\u00", 4);
      out[o + 4] = hex[c >> 4], out[o + 5] = hex[c & 15];
      o += 6, i++;
    } else {
      size_t len = utf8_len(s + i, n - i);
      if (len == 0) {
        memcpy(out + o, "\\ufffd", 6); /* as Go does for invalid UTF-8 */
        o += 6, i++;
      } else if (len == 3 && s[i] == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) {
        memcpy(out + o, s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029", 6);
        o += 6, i += 3;
      } else {
        memcpy(out + o, s + i, len);
        o += len, i += len;
      }
    }
  }
  return o;
}

static int emit(struct jsonlog *log, int stream, const char *data, size_t len) {
  static char line[LINE_MAX_BYTES * 6 + 256];
  struct timespec ts;
  struct tm tm;
  clock_gettime(CLOCK_REALTIME, &ts);
  gmtime_r(&ts.tv_sec, &tm);
  size_t o = (size_t)snprintf(line, sizeof line, "{\"log\":\"");
  o += escape(line + o, (const unsigned char *)data, len);
  o += (size_t)snprintf(line + o, sizeof line - o,
                        "\",\"stream\":\"%s\",\"time\":\"%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ\"}\n",
                        STREAMS[stream], tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                        tm.tm_min, tm.tm_sec, ts.tv_nsec);
  if (log->max_size > 0 && log->size > 0 && log->size + (long long)o > log->max_size && rotate(log) < 0)
    return -1;
  if (write_all(log->fd, line, o) < 0) return fail_errno("write log %s", log->path);
  log->size += (long long)o;
  return 0;
}

int jsonlog_feed(struct jsonlog *log, int stream, const char *data, size_t len) {
  char *buf = log->pending[stream];
  size_t *have = &log->pending_len[stream];
  for (size_t i = 0; i < len; i++) {
    buf[(*have)++] = data[i];
    if (data[i] == '\n' || *have == LINE_MAX_BYTES) {
      if (emit(log, stream, buf, *have) < 0) return -1;
      *have = 0;
    }
  }
  return 0;
}

/* At end of stream, a last line without its newline is still a line. */
int jsonlog_flush(struct jsonlog *log, int stream) {
  if (log->pending_len[stream] == 0) return 0;
  int rc = emit(log, stream, log->pending[stream], log->pending_len[stream]);
  log->pending_len[stream] = 0;
  return rc;
}

void jsonlog_close(struct jsonlog *log) {
  if (!log) return;
  close(log->fd);
  free(log);
}
