#pragma once
// Errors are values: a rule either yields its result or a typed refusal that says what the caller
// should do (fix the input, wait for the state to change, give up). Nothing here throws.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "workflow/enums.h"
#include "workflow/time.h"

namespace hotline::workflow {

/// Why a command was not carried out. A refusal never changes state.
struct refusal {
  refusal_code code = refusal_code::validation_failed;
  std::string message;                    // one human sentence
  std::string field;                      // validation_failed: the offending field
  std::optional<sign_off_level> level;    // validation_failed on approved_by: the level required
  std::optional<status> current;          // invalid_transition: the status now
  std::vector<action> allowed;            // invalid_transition: the actions allowed now
  std::optional<deadline_kind> deadline;  // deadline_passed
  std::optional<instant> due;             // deadline_passed: when it passed
  std::string ticket;                     // caller_blocked: the ticket whose block applies
};

refusal invalid_field(std::string field, std::string message);
/// A refusal with `code` and `message` and nothing more (forbidden, not_found, ...).
refusal refused(refusal_code code, std::string message);

/// A value or a refusal.
template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  result(refusal error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  /// REQUIRES: ok().
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  /// REQUIRES: !ok().
  const refusal& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, refusal> v_;
};

}  // namespace hotline::workflow
