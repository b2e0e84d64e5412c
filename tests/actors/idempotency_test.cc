// The first answer under an idempotency key is recorded by the runtime, in the batch of what it
// answers: a command carried out (its ticket as of that command), a refusal by the rules (a batch
// of its own: a refusal changes nothing else), or a request rejected before it became a command.
// The answer waits for the record; a record that cannot be written or read is "unavailable",
// never a second run of the command. Records of the previous format still read.
#include <gtest/gtest.h>

#include <future>

#include "storage/memory_store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using kind = actors::command_outcome::kind;

actors::command_outcome act_with_key(runtime_case& r, const std::string& id, command c,
                                     actor_ref by, const std::string& key) {
  auto done = std::make_shared<std::promise<actors::command_outcome>>();
  auto f = done->get_future();
  r.rt->act(id, std::move(c), std::move(by),
            actors::reply_to([done](actors::command_outcome o) { done->set_value(std::move(o)); }),
            key);
  return f.get();
}

TEST(Idempotency, ACarriedOutCommandIsRecordedAsTheTicketItLeft) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  ASSERT_EQ(act_with_key(r, id, dispatch_to("housing"), operator_role(), "k").what, kind::done);
  r.ok(id, sign{}, department("housing"));  // later changes do not change the first answer
  auto first = r.rt->first_answer_to("k");
  ASSERT_TRUE(first) << first.error();
  ASSERT_TRUE(first->ticket);
  EXPECT_EQ(first->ticket->state.current, status::dispatched);
  EXPECT_EQ(first->ticket->history.size(), 2u);
  EXPECT_FALSE(first->refusal);
}

TEST(Idempotency, ARefusalIsRecordedBeforeItIsAnswered) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  auto o = act_with_key(r, id, evaluate{}, operator_role(), "k");  // not replied yet: 409
  ASSERT_EQ(o.what, kind::refused) << describe_outcome(o);
  auto first = r.rt->first_answer_to("k");
  ASSERT_TRUE(first) << first.error();
  ASSERT_TRUE(first->refusal);
  EXPECT_EQ(first->refusal->code, o.refusal.code);
  EXPECT_EQ(first->refusal->message, o.refusal.message);
  EXPECT_EQ(first->refusal->allowed, o.refusal.allowed);
  EXPECT_EQ(first->refusal->current, o.refusal.current);
  // An unknown ticket is a refusal too.
  ASSERT_EQ(act_with_key(r, "heyuan-20260316-999999", sign{}, department("housing"), "k2").what,
            kind::refused);
  ASSERT_TRUE(r.rt->first_answer_to("k2"));
  EXPECT_EQ(r.rt->first_answer_to("k2")->refusal->code, refusal_code::not_found);
  EXPECT_FALSE(r.rt->first_answer_to("never-used"));
  EXPECT_FALSE(r.rt->first_answer_to("never-used").failed());
}

TEST(Idempotency, ARejectedRequestIsRecordedAsItsAnswererGaveIt) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  ASSERT_EQ(r.rt->reject("k", "400\n{\"error\":{}}"), "");
  auto first = r.rt->first_answer_to("k");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->rejected, "400\n{\"error\":{}}");
}

TEST(Idempotency, ARefusalWhoseRecordCannotBeWrittenIsUnavailableAndRecordsNothing) {
  storage::memory_faults faults;
  auto db = storage::open_memory_store(&faults);
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
  std::string id = r.open();
  faults.write = 1;
  auto o = act_with_key(r, id, evaluate{}, operator_role(), "k");
  EXPECT_EQ(o.what, kind::unavailable) << describe_outcome(o);
  EXPECT_FALSE(r.rt->first_answer_to("k"));
  EXPECT_NE(r.rt->reject("k2", "400\n{}"), "");  // the store is failed: nothing more is recorded
  EXPECT_FALSE(r.rt->first_answer_to("k2"));
}

TEST(Idempotency, ARecordThatCannotBeReadIsFailedNotAbsent) {
  storage::memory_faults faults;
  auto db = storage::open_memory_store(&faults);
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
  ASSERT_EQ(r.rt->reject("k", "400\n{}"), "");
  faults.read = 1;
  auto first = r.rt->first_answer_to("k");
  EXPECT_FALSE(first);
  EXPECT_TRUE(first.failed());
  EXPECT_TRUE(r.rt->first_answer_to("k"));  // one read failed, not the record
}

TEST(Idempotency, RecordsOfThePreviousFormatStillRead) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  ASSERT_EQ(r.owned->commit_and_wait({{storage::family::idempotency, "old-done", id + "\n1"},
                                      {storage::family::idempotency, "old-refused",
                                       "refused\n422\n{\"error\":{\"code\":\"x\"}}"}}),
            "");
  auto done = r.rt->first_answer_to("old-done");
  ASSERT_TRUE(done && done->ticket) << done.error();
  EXPECT_EQ(done->ticket->state.id, id);
  auto refused = r.rt->first_answer_to("old-refused");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->rejected, "422\n{\"error\":{\"code\":\"x\"}}");
}

}  // namespace
}  // namespace hotline::testing
