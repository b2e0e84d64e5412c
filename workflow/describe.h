#pragma once
// The field protocol: `describe(f, x)` calls `f(name, member)` for each member of a command,
// event or value type, in a fixed order, `f(name, member, optional)` for a member a request
// may leave out, and `f(name, member, since{N})` for a stored member added in format N. Codecs
// (binary in actors/, JSON in http/) are written once against it.
//
// describe takes a mutable reference so one function serves reading and writing; writers must
// not modify what they are given.

#include <optional>
#include <type_traits>
#include <vector>

#include "workflow/result.h"
#include "workflow/values.h"

namespace hotline::workflow {

/// Tag for a member that may be absent from a request.
struct optional_tag {};
inline constexpr optional_tag optional{};

/// Tag for a member of a stored type (event, ticket state) added after the first storage format:
/// `f("co_reports", x.co_reports, since{2})`. Records written in an older format lack it, and
/// the binary reader leaves it at its default for them. New members go last in describe().
struct since {
  int format;
};

template <class F>
void describe(F& f, citizen& x) {
  f("name", x.name, optional);
  f("phone", x.phone, optional);
}
template <class F>
void describe(F& f, signature& x) {
  f("name", x.name);
  f("post", x.post, optional);
}
template <class F>
void describe(F& f, approval& x) {
  f("step", x.at);
  f("level", x.level);
  f("name", x.name);
  f("post", x.post);
  f("at", x.when);
}
template <class F>
void describe(F& f, handler& x) {
  f("name", x.name);
  f("post", x.post);
  f("phone", x.phone);
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/// A refusal is stored too: as the first answer under an idempotency key.
template <class F>
void describe(F& f, refusal& x) {
  f("code", x.code);
  f("message", x.message);
  f("field", x.field);
  f("level", x.level);
  f("current", x.current);
  f("allowed", x.allowed);
  f("deadline", x.deadline);
  f("due", x.due);
  f("ticket", x.ticket);
}

}  // namespace hotline::workflow
