// Calendar years loaded while running (docs/calendars.md): stored, put in force, and every open
// ticket's deadlines recomputed on them.
//   counters "calendar\0<year>"     an official year an operator loaded: its JSON as given
//            "calendar_recompute"   a load whose recompute has not finished: the next start-up
//                                   runs it again (it changes nothing where it already ran)
#include <cstdio>
#include <future>

#include "actors/runtime_impl.h"

namespace hotline::actors {
using namespace workflow;

namespace {

const std::string calendar_prefix = std::string("calendar") + '\0';
const std::string recompute_pending_key = "calendar_recompute";

std::string calendar_key(int year) {
  return calendar_prefix + std::to_string(year);
}

refusal not_loadable(std::string message) {
  refusal r;
  r.code = refusal_code::not_found;
  r.message = std::move(message);
  return r;
}

// Commands sent at once before their answers are awaited: enough to fill group commits, few
// enough not to crowd out the clients' commands.
constexpr std::size_t recompute_wave = 64;

}  // namespace

lookup<std::map<int, std::string>> loaded_calendars(const storage::store& db) {
  std::map<int, std::string> out;
  std::string end = calendar_prefix;
  end.back() = '\1';
  std::string error = db.scan(storage::family::counters, calendar_prefix, end,
                              [&](std::string_view key, std::string_view value) {
                                int year =
                                    std::stoi(std::string(key.substr(calendar_prefix.size())));
                                out[year] = std::string(value);
                                return true;
                              });
  if (!error.empty()) return lookup<decltype(out)>::failed("the loaded calendars: " + error);
  return out;
}

namespace {

bool calendar_recompute_pending(const storage::store& db) {
  return db.get(storage::family::counters, recompute_pending_key).has_value();
}

// Every open ticket's deadlines onto the calendar in force, `recompute_wave` at a time; the
// marker goes once all are done.
calendar_load recompute_open_tickets(runtime& rt, runtime_context& ctx) {
  calendar_load out;
  auto ids = ctx.repo.open_ids();
  if (ids.failed()) {
    out.error = ids.error();
    return out;
  }
  for (std::size_t first = 0; first < ids->size(); first += recompute_wave) {
    std::vector<std::future<command_outcome>> answers;
    for (std::size_t i = first; i < std::min(ids->size(), first + recompute_wave); ++i) {
      auto answered = std::make_shared<std::promise<command_outcome>>();
      answers.push_back(answered->get_future());
      rt.act((*ids)[i], recompute_deadlines{}, system_actor("calendar"),
             reply_to([answered](command_outcome o) { answered->set_value(std::move(o)); }));
    }
    for (auto& a : answers) {
      command_outcome o = a.get();
      ++out.checked;
      if (o.what == command_outcome::kind::done && !o.events.empty()) ++out.changed;
      if (o.what == command_outcome::kind::unavailable && out.error.empty()) out.error = o.error;
    }
  }
  if (out.error.empty())
    out.error =
        ctx.db.commit_and_wait({{storage::family::counters, recompute_pending_key, std::nullopt}});
  return out;
}

// Builds the calendar with `loaded`, stores `year` (if any) with the recompute marker, puts the
// calendar in force, and recomputes.
result<calendar_load> put_in_force(runtime& rt, runtime_context& ctx, std::mutex& one_at_a_time,
                                   std::optional<std::pair<int, std::string>> year) {
  std::lock_guard<std::mutex> lock(one_at_a_time);
  if (!ctx.options.build_calendar)
    return not_loadable("This server's calendar is fixed: it was started without calendar files.");
  auto loaded = loaded_calendars(ctx.db);
  if (loaded.failed()) return calendar_load{0, 0, loaded.error()};
  std::map<int, std::string> years = *loaded;
  if (year) years[year->first] = year->second;
  auto built = ctx.options.build_calendar(years);
  if (!built) return built.error();
  storage::batch b{{storage::family::counters, recompute_pending_key, std::string()}};
  if (year) b.push_back({storage::family::counters, calendar_key(year->first), year->second});
  if (std::string error = ctx.db.commit_and_wait(std::move(b)); !error.empty())
    return calendar_load{0, 0, error};
  auto next = std::make_shared<jurisdiction>(*ctx.where());
  next->calendar = std::move(built).value();
  ctx.put_where(std::move(next));  // commands decided from now on count on it
  return recompute_open_tickets(rt, ctx);
}

}  // namespace

result<calendar_load> runtime::load_calendar_year(int year, const std::string& json) {
  return put_in_force(*this, *impl_->ctx, impl_->jurisdiction_loads, std::make_pair(year, json));
}

result<calendar_load> runtime::reload_calendars() {
  return put_in_force(*this, *impl_->ctx, impl_->jurisdiction_loads, std::nullopt);
}

void runtime::start_with_loaded_calendars() {
  runtime_context& ctx = *impl_->ctx;
  if (!ctx.options.build_calendar) return;
  auto loaded = loaded_calendars(ctx.db);
  if (loaded.failed()) {
    ctx.cannot_recover(loaded.error());
    return;
  }
  if (!loaded->empty()) {
    auto built = ctx.options.build_calendar(*loaded);
    if (!built) {
      ctx.cannot_recover("a loaded calendar year: " + built.error().message);
      return;
    }
    auto next = std::make_shared<jurisdiction>(*ctx.where());
    next->calendar = std::move(built).value();
    ctx.put_where(std::move(next));
  }
}

void runtime::finish_calendar_recompute() {
  runtime_context& ctx = *impl_->ctx;
  if (!calendar_recompute_pending(ctx.db)) return;
  auto done = recompute_open_tickets(*this, ctx);
  std::fprintf(stderr,
               "calendar: recomputed %zu open tickets after an interrupted load, %zu moved%s%s\n",
               done.checked, done.changed, done.error.empty() ? "" : ": ", done.error.c_str());
}

}  // namespace hotline::actors
