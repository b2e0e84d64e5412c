#pragma once
// A real runtime (actors, a store) on a virtual clock, driven synchronously from a test.

#include <memory>
#include <string>

#include "actors/runtime.h"
#include "tests/support/ticket_case.h"

namespace hotline::testing {

struct runtime_case {
  /// A runtime for `scenario_id` on an in-memory store, the virtual clock at `start`
  /// (`tweaks.where`, if set, in place of the scenario's own jurisdiction).
  runtime_case(const std::string& scenario_id, const std::string& start,
               actors::runtime_options tweaks = {});
  /// The same on a given store (RocksDB in recovery tests).
  runtime_case(const std::string& scenario_id, const std::string& start, storage::store& db,
               actors::runtime_options tweaks = {});
  ~runtime_case();

  /// Submits and waits for the outcome.
  actors::command_outcome submit(workflow::intake r, workflow::actor_ref by = operator_role());
  /// Submits what must succeed; the new ticket's id.
  std::string open(workflow::intake r = request());
  actors::command_outcome act(const std::string& id, workflow::command c, workflow::actor_ref by);
  /// Runs what must succeed; the names of its events.
  std::vector<std::string> ok(const std::string& id, workflow::command c, workflow::actor_ref by);
  /// Advances the virtual clock; how many timers fired.
  std::size_t advance(const std::string& to);
  /// The durable state.
  workflow::ticket_state state(const std::string& id);
  /// The history's event names.
  std::vector<std::string> history(const std::string& id);

  std::unique_ptr<storage::store> owned;
  std::unique_ptr<actors::runtime> rt;
};

std::string describe_outcome(const actors::command_outcome& o);

}  // namespace hotline::testing
