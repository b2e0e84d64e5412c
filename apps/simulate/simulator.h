#pragma once
// `hotline simulate`: a jurisdiction's days in virtual time on the real runtime (actors and
// RocksDB). Arrivals and behaviour come from a load file; the same seed gives the same result,
// event for event.
//
// Each simulated instant, in order: the timers due by then fire (advance); the calls of that
// instant are registered, in arrival order, and the runtime goes quiet (the escalation actor's
// hot-spot supervision included); then every ticket with a step due takes it, at most one
// command per ticket at a time, in rounds until none is left. Commands on different tickets run
// concurrently and share group commits.

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "actors/runtime.h"
#include "apps/simulate/load_model.h"

namespace hotline::simulate {

struct sim_options {
  workflow::instant start;  // a local midnight
  int days = 30;
  std::uint64_t seed = 1;
  double tickets_per_day = 0;  // > 0: instead of the load file's rate
  int resolution_minutes = 1;  // steps happen on this grid
  bool progress = false;       // a progress bar on stderr
};

struct sim_figures {
  std::size_t tickets = 0;
  std::size_t commands = 0;
  std::size_t refused = 0;  // steps the rules refused (the behaviour then does otherwise)
  std::map<std::string, std::size_t> refusals;  // by action, code and message
  std::size_t abandoned = 0;  // tickets whose required step was refused: left as they were
  std::size_t events = 0;     // recorded by commands, timers and escalation
  std::size_t timers_fired = 0;
  std::size_t instants = 0;  // simulated instants with something to do
  bool settled = true;       // false: the runtime once failed to go quiet within a minute, or
                             // time stopped short (an unreadable due index), so the run may not
                             // be the same as another with this seed, or a ticket could not be
                             // read
  double seconds = 0;
  workflow::instant end;
};

sim_figures run_simulation(actors::runtime& rt, const load_model& m, const sim_options& o);

}  // namespace hotline::simulate
