#pragma once
// `hotline simulate`: a jurisdiction's days in virtual time on the real runtime, then its
// bulletins.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace hotline::app {

struct simulate_options {
  std::string scenario, load, out;
  int days = 30;
  std::uint64_t seed = 1;
  std::string start = "2026-03-02T00:00:00+08:00";
  std::string data_dir;  // "": OUT/data
  double tickets_per_day = 0;
  int resolution_minutes = 1;
  std::string durability = "sync";
  std::string digest = "no";
};

void add_simulate_flags(CLI::App& command, simulate_options& o);
int simulate(const simulate_options& o);

}  // namespace hotline::app
