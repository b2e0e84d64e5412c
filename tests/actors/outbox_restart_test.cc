// The outbox across a restart: every message a crashed process left undelivered goes out when the
// runtime starts again (issue 15: delivery survives a SIGKILL of the sender).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <set>

#include "actors/outbox.h"
#include "storage/memory_store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace std::chrono_literals;

struct recording_transport : actors::transport {
  std::mutex mutex;
  std::set<std::string> delivered;
  actors::delivery_result deliver(const workflow::outgoing_message& m) override {
    std::lock_guard<std::mutex> lock(mutex);
    delivered.insert(m.id);
    return {actors::delivery_result::kind::delivered, ""};
  }
};

workflow::outgoing_message forward_of(const std::string& ticket) {
  workflow::outgoing_message m;
  m.kind = workflow::outgoing_kind::forward;
  m.id = ticket + "/00000002/0";
  m.ticket = ticket;
  m.to = "lower";
  return m;
}

TEST(OutboxRestart, EveryStoredMessageIsDeliveredWhenTheRuntimeStarts) {
  auto db = storage::open_memory_store();
  std::vector<workflow::outgoing_message> left;
  for (const char* t : {"heyuan-20260316-000013", "heyuan-20260316-000014",
                        "heyuan-20260316-000015"})
    left.push_back(forward_of(t));
  std::promise<std::string> written;
  db->commit(actors::outbox_writes(left), [&](const std::string& e) { written.set_value(e); });
  ASSERT_EQ(written.get_future().get(), "");

  recording_transport carrier;
  actors::runtime_options tweaks;
  tweaks.carrier = &carrier;
  runtime_case c("heyuan", "2026-03-16T09:00:00+08:00", *db, tweaks);
  ASSERT_TRUE(c.rt->drain_outbox(10s));
  EXPECT_EQ(carrier.delivered, (std::set<std::string>{left[0].id, left[1].id, left[2].id}));
  auto still = c.rt->outbox(100);
  ASSERT_TRUE(still);
  EXPECT_TRUE(still->empty());
}

}  // namespace
}  // namespace hotline::testing
