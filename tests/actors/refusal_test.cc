// A refused command changes nothing: not a byte of storage (events, snapshot, due index, indexes,
// idempotency, counters), not the live actor's state, not the runtime's counters. Checked through
// the runtime for every kind of command, in each state of a lifecycle, in every jurisdiction.
#include <gtest/gtest.h>

#include "storage/store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;

struct jurisdiction_case {
  std::string id;
  std::string lead;
  std::string other;  // a department that does not hold the ticket
};

// The steps that take a ticket from submitted to closed; stage k is after the first k of them.
std::vector<std::pair<command, actor_ref>> lifecycle(const jurisdiction_case& j) {
  dispatch d = dispatch_to(j.lead, {}, signed_by("局长"));
  if (scenario(j.id).rules.uses_class.value) d.cls = ticket_class::B;
  return {{d, operator_role()},
          {sign{signed_by("局长")}, department(j.lead)},
          {reply_with("已处理", signed_by("局长")), department(j.lead)},
          {satisfied(), operator_role()}};
}

// Every kind of command a client can send, most of them wrong for most states or actors.
std::vector<std::pair<command, actor_ref>> probes(const jurisdiction_case& j) {
  auto lead = department(j.lead), other = department(j.other);
  return {{answer{"已答复"}, operator_role()},
          {decline{decline_reason::too_vague, "不清楚", ""}, operator_role()},
          {dispatch_to("nowhere"), operator_role()},
          {dispatch_to(j.lead), lead},
          {sign{}, other},
          {return_ticket{"非本单位职责", "", j.other}, other},
          {approve_return{"", std::nullopt}, supervisor()},
          {reject_return{"应由牵头单位办理"}, supervisor()},
          {assign_unit{"nowhere"}, lead},
          {contact{"已联系"}, other},
          {submit_plan{"方案"}, other},
          {co_report{"已协办"}, other},
          {request_extension{3, "需协调", std::nullopt}, other},
          {approve_extension{std::nullopt}, supervisor()},
          {reject_extension{"不同意"}, supervisor()},
          {reply_with("已处理"), other},
          {satisfied(), lead},
          {review{true, "处理得当"}, supervisor()},
          {supervise{"", std::nullopt}, operator_role()},
          {request_termination{"无理诉求", std::nullopt}, other},
          {approve_termination{"同意", std::nullopt}, supervisor()},
          {reject_termination{"不同意"}, supervisor()},
          {request_block{"骚扰"}, other},
          {approve_block{}, supervisor()},
          {reject_block{"不同意"}, supervisor()},
          {lift_block{"解除"}, supervisor()}};
}

// Every family of the store, keys and values, byte for byte.
std::string dump(storage::store& db) {
  std::string out;
  for (std::size_t f = 0; f < storage::family_count; ++f)
    db.scan(static_cast<storage::family>(f), "", "", [&](std::string_view k, std::string_view v) {
      out.append(storage::be64(k.size())).append(k).append(storage::be64(v.size())).append(v);
      return true;
    });
  return out;
}

// What the runtime shows besides storage: the actor's state and the counters notifications keep.
std::string live_view(runtime_case& r, const std::string& id) {
  auto info = r.rt->inspect(id);
  std::string out = info.state ? fingerprint(*info.state) : "no state";
  auto s = r.rt->stats();
  for (auto [st, n] : s.by_status) out += " " + std::string(name_of(st)) + "=" + std::to_string(n);
  return out + " armed=" + std::to_string(s.armed_timers);
}

class Refusal : public ::testing::TestWithParam<jurisdiction_case> {};

TEST_P(Refusal, ARefusedCommandChangesNothingStoredOrLive) {
  const jurisdiction_case& j = GetParam();
  runtime_case r(j.id, "2026-03-16T08:30:00+08:00");
  auto steps = lifecycle(j);
  // A fresh ticket at stage k (a probe that was carried out moved the last one on).
  auto bring = [&](std::size_t k) {
    std::string id = r.open();
    for (std::size_t i = 0; i < k; ++i) r.ok(id, steps[i].first, steps[i].second);
    EXPECT_TRUE(r.rt->quiesce(std::chrono::seconds(10)));
    return id;
  };
  std::size_t refused = 0;
  for (std::size_t k = 0; k <= steps.size(); ++k) {
    std::string id = bring(k);
    for (const auto& [c, by] : probes(j)) {
      std::string stored = dump(*r.owned), live = live_view(r, id);
      auto o = r.act(id, c, by);
      ASSERT_TRUE(r.rt->quiesce(std::chrono::seconds(10)));
      if (o.what != actors::command_outcome::kind::refused) {
        ASSERT_EQ(describe_outcome(o), "done");
        id = bring(k);
        continue;
      }
      ++refused;
      std::string what = std::string(name_of(*action_of(c))) + " at stage " + std::to_string(k);
      EXPECT_EQ(dump(*r.owned), stored) << what;
      EXPECT_EQ(live_view(r, id), live) << what;
    }
  }
  // Most probes are wrong for most stages: the check above ran, and often.
  EXPECT_GE(refused, probes(j).size() * 3);
}

INSTANTIATE_TEST_SUITE_P(All, Refusal,
                         ::testing::Values(jurisdiction_case{"yaoan-water", "water-supply",
                                                             "reservoirs"},
                                           jurisdiction_case{"mengcheng", "housing", "waterworks"},
                                           jurisdiction_case{"zhijiang", "housing", "waterworks"},
                                           jurisdiction_case{"pingdingshan", "xinhua", "ximarket"},
                                           jurisdiction_case{"heyuan", "housing", "market"}),
                         [](const auto& p) {
                           std::string n = p.param.id;
                           n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
                           return n;
                         });

}  // namespace
}  // namespace hotline::testing
