#pragma once
// The satisfaction survey by SMS (004 art. 15, 002 art. 19(1), 001 art. 15) and its expiry: a
// survey that goes out arms a `survey` deadline; the caller's answer (survey_reply) or the
// center's evaluation disarms it; when it passes unanswered, the ticket records so and goes on
// as the jurisdiction's policy says (survey.unanswered in policy.json).

#include <array>
#include <string_view>

#include "workflow/describe.h"
#include "workflow/enums.h"
#include "workflow/period.h"

namespace hotline::workflow {

/// What a survey left unanswered leads to.
enum class survey_silence {
  awaits_visit_back,  // the center's visit-back decides (001 art. 25, 003 §5(5)): still awaits
                      // `evaluate`, and a late SMS answer still counts
  closes              // closed and archived unscored: visits back are by sample or as needed
                      // (000 art. 4, 002 art. 19(2), 004 art. 15), and silence is no verdict
};
template <>
struct enum_names<survey_silence> {
  static constexpr std::array names{std::string_view("awaits_visit_back"),
                                    std::string_view("closes")};
};

/// The survey went out to the caller by SMS; an answer is awaited until `due`.
struct survey_sent {
  static constexpr std::string_view name = "survey_sent";
  instant due;
  std::optional<term_fact> term;  // what set `due`
};
template <class F>
void describe(F& f, survey_sent& x) {
  f("due", x.due);
  f("term", x.term);
}

/// No answer came by `due`: recorded as such (not as satisfied, nor dissatisfied).
struct survey_unanswered {
  static constexpr std::string_view name = "survey_unanswered";
  instant due;
  survey_silence then = survey_silence::awaits_visit_back;
};
template <class F>
void describe(F& f, survey_unanswered& x) {
  f("due", x.due);
  f("then", x.then);
}

}  // namespace hotline::workflow
