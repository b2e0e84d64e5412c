#pragma once
// Internal to actors/: what a runtime (runtime.h) holds. Its member functions live in
// runtime.cc (commands, time, operators) and runtime_queries.cc (reads).

#include <memory>

#include "actors/runtime.h"
#include "actors/runtime_context.h"

namespace hotline::actors {

struct runtime::impl {
  work_in_flight work;  // first: tokens in the actor system's messages outlive the context
  std::unique_ptr<clock> time;
  caf::actor_system_config config;
  std::unique_ptr<caf::actor_system> system;
  std::unique_ptr<runtime_context> ctx;
  // One calendar or policy load at a time: each builds on what was stored before it.
  std::mutex jurisdiction_loads;
  std::mutex knowledge_writes;  // one at a time: each decides on the entry the last one left
};

}  // namespace hotline::actors
