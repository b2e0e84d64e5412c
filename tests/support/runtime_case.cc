#include "tests/support/runtime_case.h"

#include <gtest/gtest.h>

#include <future>

#include "storage/memory_store.h"

namespace hotline::testing {
using namespace workflow;

namespace {

actors::runtime_options options_for(const std::string& scenario_id, const std::string& start,
                                    storage::store& db, actors::runtime_options o) {
  if (!o.where) o.where = &scenario(scenario_id);  // a test may bring its own jurisdiction
  o.db = &db;
  o.virtual_time = true;
  o.start = at(start);
  return o;
}

actors::command_outcome wait(std::function<void(actors::reply_to)> send) {
  auto done = std::make_shared<std::promise<actors::command_outcome>>();
  auto f = done->get_future();
  send(actors::reply_to([done](actors::command_outcome o) { done->set_value(std::move(o)); }));
  return f.get();
}

}  // namespace

std::string describe_outcome(const actors::command_outcome& o) {
  switch (o.what) {
    case actors::command_outcome::kind::done:
      return "done";
    case actors::command_outcome::kind::refused:
      return "refused: " + std::string(name_of(o.refusal.code)) + ": " + o.refusal.message;
    case actors::command_outcome::kind::unavailable:
      return "unavailable: " + o.error;
  }
  return "?";
}

runtime_case::runtime_case(const std::string& scenario_id, const std::string& start,
                           actors::runtime_options tweaks)
    : owned(storage::open_memory_store()),
      rt(std::make_unique<actors::runtime>(options_for(scenario_id, start, *owned, tweaks))) {}

runtime_case::runtime_case(const std::string& scenario_id, const std::string& start,
                           storage::store& db, actors::runtime_options tweaks)
    : rt(std::make_unique<actors::runtime>(options_for(scenario_id, start, db, tweaks))) {}

runtime_case::~runtime_case() {
  rt.reset();
}

actors::command_outcome runtime_case::submit(intake r, actor_ref by) {
  return wait([&](actors::reply_to reply) { rt->submit(r, by, reply); });
}

std::string runtime_case::open(intake r) {
  auto o = submit(std::move(r));
  EXPECT_EQ(describe_outcome(o), "done");
  return o.ticket ? o.ticket->id : "";
}

actors::command_outcome runtime_case::act(const std::string& id, command c, actor_ref by) {
  return wait([&](actors::reply_to reply) { rt->act(id, c, by, reply); });
}

std::vector<std::string> runtime_case::ok(const std::string& id, command c, actor_ref by) {
  auto o = act(id, std::move(c), std::move(by));
  EXPECT_EQ(describe_outcome(o), "done");
  std::vector<std::string> names;
  for (const auto& e : o.events) names.push_back(event_name(e.body));
  return names;
}

std::size_t runtime_case::advance(const std::string& to) {
  return rt->advance(at(to))->fired;
}

ticket_state runtime_case::state(const std::string& id) {
  auto t = rt->read(id);
  EXPECT_TRUE(t) << id;
  return t ? t->state : ticket_state{};
}

std::vector<std::string> runtime_case::history(const std::string& id) {
  std::vector<std::string> names;
  if (auto t = rt->read(id))
    for (const auto& e : t->history) names.push_back(event_name(e.body));
  return names;
}

}  // namespace hotline::testing
