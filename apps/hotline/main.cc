// hotline: a 12345 hotline workflow runtime.
//   hotline simulate --scenario DIR --load FILE --out DIR [--days N] [--seed S] ...
//   hotline serve [--scenario DIR] [--data-dir DIR] [--listen HOST:PORT] [--tokens FILE]
//                 [--clock real|virtual] [--start RFC3339] [--durability sync|relaxed]
//                 [--threads N] [--max-body BYTES] [--max-live N] [--max-in-flight N]
#include <cstdio>
#include <cstring>

#include "apps/hotline/serve.h"
#include "apps/hotline/simulate.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "serve") == 0) return hotline::app::serve(argc, argv);
  if (argc >= 2 && std::strcmp(argv[1], "simulate") == 0) return hotline::app::simulate(argc, argv);
  std::fprintf(
      stderr,
      "usage: hotline serve [--scenario DIR] [--data-dir DIR] [--listen HOST:PORT]\n"
      "                     [--tokens FILE] [--clock real|virtual] [--start RFC3339]\n"
      "                     [--durability sync|relaxed] [--threads N] [--max-body BYTES]\n"
      "                     [--max-live N] [--max-in-flight N]\n"
      "       hotline simulate --scenario DIR --load FILE --out DIR [--days N] [--seed S]\n"
      "                     [--start RFC3339] [--data-dir DIR] [--tickets-per-day N]\n"
      "                     [--resolution-minutes N] [--durability sync|relaxed]\n"
      "                     [--digest yes]\n");
  return 2;
}
