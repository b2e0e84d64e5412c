#pragma once
// Who calls, and when: arrivals from a load model's daily rate, weekday and hourly curves and
// holiday factor, plus its storms. Deterministic: the same model, days and seed give the same
// arrivals.

#include <cstdint>
#include <optional>
#include <vector>

#include "apps/simulate/load_model.h"
#include "workflow/commands.h"
#include "workflow/policy.h"

namespace hotline::simulate {

struct arrival {
  workflow::instant at;
  workflow::intake request;              // related_to is filled in when the call is made
  std::optional<std::size_t> repeat_of;  // an earlier arrival: the same caller on the same matter
  bool unreasonable = false;             // a demand termination will end, where allowed
  double unhappy_rate = -1;              // >= 0: the caller's own dissatisfaction rate
};

/// Every arrival of `days` days from `start` (a local midnight), in time order.
std::vector<arrival> plan_arrivals(const load_model& m, const workflow::jurisdiction& j,
                                   workflow::instant start, int days, std::uint64_t seed);

/// A deterministic draw in [0, 1) for (seed, a, b, c): the same question always gets the same
/// answer, whatever order questions are asked in.
double draw(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c);

}  // namespace hotline::simulate
