#include "apps/simulate/traffic.h"

#include <algorithm>
#include <random>

namespace hotline::simulate {
using namespace workflow;

namespace {

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

template <class T>
const T& pick(const weights<T>& w, std::mt19937_64& rng) {
  std::vector<double> p;
  for (const auto& [v, weight] : w) p.push_back(weight);
  std::discrete_distribution<std::size_t> d(p.begin(), p.end());
  return w[d(rng)].first;
}

// How busy a day is, relative to an average day.
double day_factor(const load_model& m, const working_calendar& cal, date d) {
  double mean = 0;
  for (double w : m.weekday) mean += w / 7;
  int wd = iso_weekday(d);
  auto working = cal.is_working_day(d);
  bool works = working && *working;
  double weight = m.weekday[wd - 1];
  if (works && wd >= 6) weight = m.weekday[4];        // a make-up working day behaves like a Friday
  if (!works && wd <= 5) weight *= m.holiday_factor;  // a statutory holiday
  return mean > 0 ? weight / mean : 1;
}

intake caller(const load_model& m, std::mt19937_64& rng, std::size_t n) {
  std::uniform_real_distribution<double> u(0, 1);
  intake r;
  r.type = pick(m.types, rng);
  r.via = pick(m.channels, rng);
  std::vector<double> tw;
  for (const auto& t : m.topics) tw.push_back(t.weight);
  const auto& topic = m.topics[std::discrete_distribution<std::size_t>(tw.begin(), tw.end())(rng)];
  r.topic = topic.topic;
  if (m.matters_per_topic > 1)
    r.topic +=
        "·" + std::to_string(std::uniform_int_distribution<int>(1, m.matters_per_topic)(rng));
  r.region = pick(m.regions, rng);
  r.title = "关于" + r.topic + "的诉求";
  r.content = "来电人反映" + r.region + "的" + r.topic + "问题，请求处理。";
  r.caller = citizen{"市民" + std::to_string(n), "138" + std::to_string(10000000 + n % 90000000)};
  r.confidential = u(rng) < m.confidential_rate;
  if (!m.key_sources.empty() && u(rng) < m.key_rate) r.key = pick(m.key_sources, rng);
  r.emergency = u(rng) < m.emergency_rate;
  if (!m.classes.empty()) r.cls = pick(m.classes, rng);
  if (m.complex_rate > 0 && u(rng) < m.complex_rate) r.cx = complexity::complex;
  if (m.mediation_rate > 0 && u(rng) < m.mediation_rate)
    r.kind_of_matter = u(rng) < 0.5 ? nature::mediation : nature::enforcement;
  return r;
}

}  // namespace

double draw(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t h = splitmix(seed ^ splitmix(a ^ splitmix(b ^ splitmix(c))));
  return double(h >> 11) * (1.0 / 9007199254740992.0);
}

std::vector<arrival> plan_arrivals(const load_model& m, const jurisdiction& j, instant start,
                                   int days, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<arrival> out;
  std::vector<double> hourly(m.hourly.begin(), m.hourly.end());
  for (int day = 0; day < days; ++day) {
    const std::size_t first_today = out.size();  // repeats go back to earlier days only
    date d = add_days(local_date(start), day);
    double mean = m.tickets_per_day * day_factor(m, j.calendar, d);
    long count = std::poisson_distribution<long>(std::max(mean, 0.0))(rng);
    std::discrete_distribution<int> hour(hourly.begin(), hourly.end());
    for (long i = 0; i < count; ++i) {
      arrival a;
      a.at = local_instant(d, hour(rng) * 3600 + static_cast<std::int64_t>(u(rng) * 60) * 60);
      a.request = caller(m, rng, out.size());
      if (u(rng) < m.repeat_rate && first_today > 0) {  // the same caller on an earlier matter
        std::size_t back = std::min<std::size_t>(first_today, 2000);
        std::size_t earlier = first_today - 1 - static_cast<std::size_t>(u(rng) * back);
        a.repeat_of = earlier;
        a.request.topic = out[earlier].request.topic;
        a.request.region = out[earlier].request.region;
        a.request.caller = out[earlier].request.caller;
        a.unreasonable = u(rng) < m.unreasonable_rate;
      }
      out.push_back(std::move(a));
    }
  }
  for (const auto& s : m.storms) {
    for (int c = 0; c < s.callers; ++c) {
      std::size_t previous = out.size();
      for (int call = 0; call < s.calls_each; ++call) {
        arrival a;
        date d = add_days(local_date(start), s.day + call);
        double minute = s.hour * 60 + u(rng) * s.spread_minutes;
        a.at = local_instant(d, static_cast<std::int64_t>(minute) * 60);
        a.request = caller(m, rng, out.size());
        a.request.topic = s.topic;
        a.request.region = s.region;
        if (s.type) a.request.type = *s.type;
        if (s.cls) a.request.cls = s.cls;
        a.unreasonable = s.unreasonable;
        a.unhappy_rate = s.unhappy_rate;
        if (call > 0) {
          a.repeat_of = previous;
          a.request.caller = out[previous].request.caller;
          previous = out.size();
        }
        out.push_back(std::move(a));
      }
    }
  }
  // Time order; a repeat keeps pointing at its earlier call, which sorts before it.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return out[a].at < out[b].at; });
  std::vector<std::size_t> position(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  std::vector<arrival> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(out[i]));
    if (sorted.back().repeat_of) sorted.back().repeat_of = position[*sorted.back().repeat_of];
  }
  std::int64_t end = local_instant(add_days(local_date(start), days), 0).seconds;
  sorted.erase(std::remove_if(sorted.begin(), sorted.end(),
                              [&](const arrival& a) { return a.at.seconds >= end; }),
               sorted.end());
  return sorted;
}

}  // namespace hotline::simulate
