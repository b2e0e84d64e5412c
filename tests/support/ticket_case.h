#pragma once
// Given-events / when-command / then-events for one ticket against a real scenario folder.

#include <string>
#include <vector>

#include "workflow/decide.h"

namespace hotline::testing {

/// The jurisdiction of scenarios/<id>/, loaded once per test binary.
const workflow::jurisdiction& scenario(const std::string& id);

/// The instant of an RFC 3339 text; aborts the test binary on a typo.
workflow::instant at(const std::string& rfc3339);

workflow::actor_ref operator_role();
workflow::actor_ref department(const std::string& id);
workflow::actor_ref supervisor();
workflow::actor_ref timer();

/// Every member of the state as text, to compare two states.
std::string fingerprint(const workflow::ticket_state& s);

/// A minimal valid request of type `type`.
workflow::intake request(workflow::ticket_type type = workflow::ticket_type::complaint);

class ticket_case {
 public:
  explicit ticket_case(const std::string& scenario_id);
  /// Under a jurisdiction of the test's own (REQUIRES: it outlives the case).
  explicit ticket_case(const workflow::jurisdiction& where) : where_(where) {}

  /// Runs `c` at `when` as `who`, folding the events on success.
  workflow::result<std::vector<workflow::event_record>> run(const workflow::command& c,
                                                            const std::string& when,
                                                            const workflow::actor_ref& who);
  /// Runs a command that must succeed; the names of its events.
  std::vector<std::string> ok(const workflow::command& c, const std::string& when,
                              const workflow::actor_ref& who);
  /// Runs a command that must be refused, and checks that the state did not change.
  workflow::refusal refused(const workflow::command& c, const std::string& when,
                            const workflow::actor_ref& who);
  /// Submits `r` at `when` (call `calls` on the matter).
  std::vector<std::string> submit(workflow::intake r, const std::string& when,
                                  int repeat_count = 0);
  /// Fires, in order, every deadline armed up to `when`; the names of the events that follow.
  std::vector<std::string> advance(const std::string& when);

  const workflow::ticket_state& state() const { return state_; }
  const std::vector<workflow::event_record>& log() const { return log_; }
  const workflow::jurisdiction& where() const { return where_; }
  /// The due instant of a deadline slot as RFC 3339, or "none".
  std::string due(workflow::deadline_kind kind) const;
  /// The sign-off level a step needs now, or "none".
  std::string sign_off(workflow::step at) const;

 private:
  const workflow::jurisdiction& where_;
  workflow::ticket_state state_;
  std::vector<workflow::event_record> log_;
};

/// An approval signature.
workflow::signature signed_by(const std::string& name, const std::string& post = "head");

}  // namespace hotline::testing

namespace hotline::testing {

/// Dispatch to `lead` (with co-handlers), optionally signed off.
workflow::dispatch dispatch_to(const std::string& lead, std::vector<std::string> co = {},
                               std::optional<workflow::signatures> approved_by = std::nullopt);
/// A reply naming its handler, optionally signed off (one approver, or a chain).
workflow::reply reply_with(const std::string& result,
                           std::optional<workflow::signatures> approved_by = std::nullopt);
/// The caller's evaluation on the visit-back.
workflow::evaluate satisfied();
/// A dissatisfied evaluation, with the center's finding on the unit's fault where it made one.
workflow::evaluate dissatisfied(const std::string& comment,
                                std::optional<bool> unit_at_fault = std::nullopt);

}  // namespace hotline::testing
