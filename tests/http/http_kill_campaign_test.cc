// A kill campaign on the real server: SIGKILL while clients submit and dispatch and the virtual
// clock fires deadlines, restart on the same data, and again. Every acknowledged command must be
// there after each restart, and no deadline may fire twice (a ticket's history has each overdue
// event at most once). HOTLINE_KILL_CYCLES sets the cycles (default 3; bench/kill_campaign runs
// more).
#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "tests/support/server_process.h"

namespace hotline::testing {
namespace {

const std::string complaint = R"({"channel":"phone","type":"complaint","title":"停水",
    "content":"三天没有水","citizen":{"name":"张三","phone":"13800000000"}})";
const std::vector<std::string> flags{"--clock", "virtual", "--start", "2026-03-16T08:30:00+08:00"};

struct acknowledged {
  std::mutex mutex;
  std::condition_variable changed;  // an acknowledgement, or a client stopped
  std::set<std::string> submitted, dispatched;
  int count = 0, running = 0;
};

// One client: submits and dispatches until the server stops answering.
void client(server_process& s, acknowledged& acks) {
  for (;;) {
    auto r = s.post("/api/v1/tickets", "dev-operator", complaint);
    if (r.status != 201) break;
    std::string id(r.json().at("id").get_string());
    {
      std::lock_guard<std::mutex> lock(acks.mutex);
      acks.submitted.insert(id);
      ++acks.count;
    }
    acks.changed.notify_all();
    if (s.post("/api/v1/tickets/" + id + "/dispatch", "dev-operator", R"({"lead":"housing"})")
            .status != 200)
      break;
    std::lock_guard<std::mutex> lock(acks.mutex);
    acks.dispatched.insert(id);
  }
  {
    std::lock_guard<std::mutex> lock(acks.mutex);
    --acks.running;
  }
  acks.changed.notify_all();
}

TEST(KillCampaign, EveryAcknowledgedCommandSurvivesSigkillAndNoDeadlineFiresTwice) {
  const char* env = std::getenv("HOTLINE_KILL_CYCLES");
  const int cycles = env ? std::atoi(env) : 3;
  temp_dir dir;
  acknowledged acks;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    server_process s("heyuan", dir.path, flags);
    ASSERT_NE(s.port(), 0) << "cycle " << cycle;
    std::unique_lock<std::mutex> lock(acks.mutex);
    const int before = acks.count;
    acks.running = 4;
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) clients.emplace_back([&] { client(s, acks); });
    // Deadlines fire while commands commit: two hours at a time until the kill, so that the
    // sign windows (1 working day) of tickets dispatched meanwhile pass.
    std::thread clock([&] {
      while (s.post("/admin/clock", "dev-admin", R"({"advance_seconds":7200})").status == 200) {
      }
    });
    acks.changed.wait_for(lock, std::chrono::seconds(60),
                          [&] { return acks.count >= before + 40 || acks.running == 0; });
    EXPECT_GT(acks.running, 0) << "the clients stopped before the kill, cycle " << cycle;
    lock.unlock();
    s.kill_hard();  // mid-traffic: the clients' next requests fail and they stop
    for (auto& t : clients) t.join();
    clock.join();
  }
  server_process s("heyuan", dir.path, flags);
  std::lock_guard<std::mutex> lock(acks.mutex);
  ASSERT_GE(acks.submitted.size(), static_cast<std::size_t>(40 * cycles));
  int deadlines_fired = 0;
  for (const auto& id : acks.submitted) {
    auto r = s.get("/api/v1/tickets/" + id, "dev-operator");
    ASSERT_EQ(r.status, 200) << id << " was acknowledged, then lost";
    auto ticket = r.json();
    if (acks.dispatched.count(id)) {
      EXPECT_NE(ticket.at("status"), "received") << id;
    }
    std::map<std::string, int> fired;
    for (const auto& e : ticket.at("history").as_array()) {
      std::string name(e.at("event").as_string());
      if (name.find("overdue") != std::string::npos) ++fired[name], ++deadlines_fired;
    }
    for (const auto& [name, n] : fired) EXPECT_EQ(n, 1) << id << ": " << name << " fired twice";
  }
  EXPECT_GT(deadlines_fired, 0) << "no deadline fired: the campaign tested no timer";
}

}  // namespace
}  // namespace hotline::testing
