// hotline: a 12345 hotline workflow runtime.
//   hotline serve [--scenario DIR] [--data-dir DIR] [--listen HOST:PORT] [--tokens FILE]
//                 [--clock real|virtual] [--start RFC3339] [--durability sync|relaxed]
//                 [--threads N] [--max-body BYTES] [--max-live N] [--max-in-flight N]
#include <cstdio>
#include <cstring>

#include "apps/hotline/serve.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "serve") == 0) return hotline::app::serve(argc, argv);
  std::fprintf(stderr,
               "usage: hotline serve [--scenario DIR] [--data-dir DIR] [--listen HOST:PORT]\n"
               "                     [--tokens FILE] [--clock real|virtual] [--start RFC3339]\n"
               "                     [--durability sync|relaxed] [--threads N] [--max-body BYTES]\n"
               "                     [--max-live N] [--max-in-flight N]\n");
  return 2;
}
