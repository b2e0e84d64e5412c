// The process the crash test kills: runs the runtime on a RocksDB directory and takes a burst of
// submissions and dispatches, many in flight at once, printing "ack <id> <version>" for each
// command only once it is durable. Usage: crash_child DATA_DIR SCENARIOS_DIR COUNT
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

#include "actors/runtime.h"
#include "apps/scenario/load_scenario.h"
#include "storage/rocksdb_store.h"

using namespace hotline;
using namespace hotline::workflow;

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  auto where = scenario::load_scenario(std::string(argv[2]) + "/heyuan");
  std::string error;
  auto db = storage::open_rocksdb_store({argv[1]}, error);
  if (!where || !db) return 3;
  actors::runtime_options o;
  o.where = &where.value();
  o.db = db.get();
  o.virtual_time = true;
  o.start = *parse_instant("2026-03-16T09:00:00+08:00");
  actors::runtime rt(o);
  std::mutex out;
  std::atomic<int> in_flight{0};
  const int count = std::atoi(argv[3]);
  auto ack = [&](const actors::command_outcome& r) {
    std::lock_guard<std::mutex> lock(out);
    std::printf("ack %s %llu\n", r.ticket->id.c_str(),
                static_cast<unsigned long long>(r.ticket->version));
    std::fflush(stdout);
  };
  for (int i = 0; i < count; ++i) {
    while (in_flight > 64) std::this_thread::yield();
    ++in_flight;
    intake req;
    req.type = ticket_type::complaint;
    req.title = "crash test " + std::to_string(i);
    req.content = "burst";
    rt.submit(
        req, {role::operator_, "", "crash"}, actors::reply_to([&](actors::command_outcome r) {
          if (r.what != actors::command_outcome::kind::done) {
            --in_flight;
            return;
          }
          ack(r);
          rt.act(r.ticket->id, dispatch{"housing", {}, std::nullopt, std::nullopt, std::nullopt},
                 {role::operator_, "", "crash"}, actors::reply_to([&](actors::command_outcome d) {
                   if (d.what == actors::command_outcome::kind::done) ack(d);
                   --in_flight;
                 }));
        }));
  }
  rt.quiesce(std::chrono::seconds(60));
  std::printf("done\n");
  return 0;
}
