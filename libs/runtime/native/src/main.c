/* berth-shim create|exec|fs INSTRUCTIONS, spawner SOCKET, rebind FROM TO, runtime MAIN.JS ARGS… — see shim.h. */
#include "shim.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  static struct plan plan;
  if (argc == 2 && !strcmp(argv[1], "--version")) return puts("berth-shim 1"), 0;
  if (argc == 3 && !strcmp(argv[1], "spawner")) return run_spawner(argv[2]);
  if (argc == 4 && !strcmp(argv[1], "rebind")) return run_rebind(argv[2], argv[3]);
  if (argc >= 3 && !strcmp(argv[1], "runtime")) return run_runtime_front(argc - 2, argv + 2);
  if (argc != 3 || (strcmp(argv[1], "create") && strcmp(argv[1], "exec") && strcmp(argv[1], "fs"))) {
    fprintf(stderr, "usage: berth-shim create|exec|fs INSTRUCTIONS | spawner SOCKET | rebind FROM TO\n");
    return 2;
  }
  if (plan_load(argv[2], &plan) < 0) {
    status_line("error 1 %s", shim_error);
    fprintf(stderr, "berth-shim: %s\n", shim_error);
    return 1;
  }
  if (!strcmp(argv[1], "fs")) return run_fs(&plan);
  return !strcmp(argv[1], "create") ? run_create(&plan) : run_exec(&plan);
}
