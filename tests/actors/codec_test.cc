// The stored format: records written by an earlier build still decode (actors/codec.h).
#include <gtest/gtest.h>

#include "actors/codec.h"
#include "workflow/decide.h"
#include "workflow/recompute.h"

namespace hotline::testing {
namespace {
using namespace workflow;

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::string to_hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

// A submission and its dispatch as format 1 wrote them (the first layout, before any member
// tagged since{2} existed). Members added later must leave these bytes readable.
const std::string format_1_events =
    "010201a0d8ba9b0d0b6f70657261746f723a6f7000044d432d31096d656e676368656e67000206e5819ce6b0"
    "b40ce4b889e5a4a9e6b2a1e6b0b40106e5bca0e4b8890b313338303030303030303000000000000000000000"
    "000001a0d8ba9b0d02c090bb9b0d0b6f70657261746f723a6f70030a7761746572776f726b730107686f7573"
    "696e6700000001b0fcc89b0d01b0fcc89b0d01";

std::vector<event_record> sample() {
  submitted s;
  s.id = "MC-1";
  s.jurisdiction = "mengcheng";
  s.request.type = ticket_type::complaint;
  s.request.title = "停水";
  s.request.content = "三天没水";
  s.request.caller = citizen{"张三", "13800000000"};
  s.dispatch_due = instant{1773622800};
  dispatched d;
  d.lead = "waterworks";
  d.co = {"housing"};
  d.sign_due = instant{1773739800};
  d.return_due = instant{1773739800};
  d.deemed_on_return_expiry = true;
  return {{1, instant{1773622800}, "operator:op", s, "v1"},
          {2, instant{1773626400}, "operator:op", d, "v1"}};
}

TEST(StoredFormat, EventsWrittenInTheFirstFormatStillDecode) {
  auto decoded = actors::decode_events(from_hex(format_1_events));
  ASSERT_TRUE(decoded) << "now encodes as " << to_hex(actors::encode(sample()));
  ASSERT_EQ(decoded->size(), 2u);
  const auto& s = std::get<submitted>((*decoded)[0].body);
  EXPECT_EQ(s.request.title, "停水");
  EXPECT_EQ(s.request.caller->phone, "13800000000");
  EXPECT_EQ(s.dispatch_due, instant{1773622800});
  const auto& d = std::get<dispatched>((*decoded)[1].body);
  EXPECT_EQ(d.lead, "waterworks");
  EXPECT_EQ(d.co, std::vector<std::string>{"housing"});
  EXPECT_EQ((*decoded)[1].by, "operator:op");
  EXPECT_TRUE(d.deemed_on_return_expiry);
  EXPECT_EQ((*decoded)[1].policy_version, "");  // not recorded before format 5
}

TEST(StoredFormat, TheCurrentFormatRoundTrips) {
  auto bytes = actors::encode(sample());
  auto decoded = actors::decode_events(bytes);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(actors::encode(*decoded), bytes);
  EXPECT_EQ((*decoded)[1].policy_version, "v1");
}

TEST(StoredFormat, AnUnknownFormatIsRefusedNotGuessed) {
  auto bytes = actors::encode(sample());
  bytes[0] = 99;
  EXPECT_FALSE(actors::decode_events(bytes));
}

// A direct answer as formats 4 and 5 wrote it (5: with the policy version applied), before an
// answer cited a knowledge entry (format 6).
const std::string format_4_answer = "040101000b6f70657261746f723a6f700109e5b7b2e7ad94e5a48d";
const std::string format_5_answer = "050101000b6f70657261746f723a6f700109e5b7b2e7ad94e5a48d027631";

TEST(StoredFormat, AnAnswerWrittenBeforeCitationsDecodesCitingNothing) {
  for (const auto& hex : {format_4_answer, format_5_answer}) {
    auto decoded = actors::decode_events(from_hex(hex));
    ASSERT_TRUE(decoded) << hex;
    const auto& a = std::get<answered>(decoded->at(0).body);
    EXPECT_EQ(a.text, "已答复");
    EXPECT_EQ(a.entry_id, "");
    EXPECT_EQ(a.entry_revision, 0);
  }
  EXPECT_EQ(actors::decode_events(from_hex(format_5_answer))->at(0).policy_version, "v1");
  answered cited{"已答复", "water-outage", 2};
  auto again = actors::decode_events(
      actors::encode(std::vector<event_record>{{1, instant{0}, "operator:op", cited}}));
  ASSERT_TRUE(again);
  EXPECT_EQ(std::get<answered>(again->at(0).body).entry_revision, 2);
}

TEST(StoredFormat, AKnowledgeEntryRoundTrips) {
  knowledge_entry e;
  e.id = "water-outage";
  e.fields.title = "小区停水三天如何处理";
  e.fields.body = "先报修";
  e.fields.owner = "waterworks";
  e.fields.valid_from = date{2026, 3, 16};
  e.fields.review_by = date{2026, 6, 30};
  e.revision = 3;
  auto decoded = actors::decode_knowledge_entry(actors::encode(e));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->fields.title, e.fields.title);
  EXPECT_EQ(decoded->fields.review_by, e.fields.review_by);
  EXPECT_FALSE(decoded->fields.valid_to);
  EXPECT_EQ(decoded->revision, 3);
  EXPECT_FALSE(actors::decode_knowledge_entry("\x05garbage"));
}

// A ticket's snapshot as format 3 wrote it, before deadlines recorded what set them: Mengcheng
// complaint MC-1, dispatched 2026-12-24 09:30, handled by 2027-01-08 17:30; its contact deadline
// (2026-12-25 17:30) fired.
const std::string format_3_state =
    "03044d432d31096d656e676368656e6700000000000006e5819ce6b0b4000000000000000000a0bae3b20d04"
    "030007686f7573696e67000001b0d6e3b20d000000001400000000000001b0def1b20d01000001b0b285b40d"
    "000000000000000000000000000000000000000000000000000000000000";

TEST(StoredFormat, AStateWrittenBeforeTermFactsDecodesAndKeepsItsDeadlines) {
  auto decoded = actors::decode_state(from_hex(format_3_state));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->id, "MC-1");
  EXPECT_EQ(decoded->current, status::handling);
  EXPECT_EQ(decoded->handle_deadline.due, instant{1799400600});
  EXPECT_FALSE(decoded->handle_deadline.set_by);  // unknown: a later calendar leaves it alone
  EXPECT_EQ(decoded->contact_deadline.due, instant{1798191000});
  EXPECT_TRUE(decoded->contact_deadline.fired);
  auto armed = deadlines(*decoded);
  ASSERT_EQ(armed.size(), 1u);
  EXPECT_EQ(armed[0].kind, deadline_kind::handle);
  EXPECT_EQ(armed[0].due, instant{1799400600});
  EXPECT_TRUE(recompute(*decoded, working_calendar{}).empty());
  EXPECT_TRUE(decoded->attachments.empty());  // format 5's members: at their defaults
  EXPECT_FALSE(decoded->survey_deadline.due);
  // Written again, it is the current format and still the same state.
  auto again = actors::decode_state(actors::encode(*decoded));
  ASSERT_TRUE(again);
  EXPECT_EQ(actors::encode(*again), actors::encode(*decoded));
}

TEST(StoredFormat, TermFactsRoundTrip) {
  ticket_state s;
  s.id = "MC-2";
  s.version = 2;
  s.current = status::handling;
  s.handle_deadline.due = instant{1799400600};
  s.handle_deadline.set_by = term_fact{instant{1798075800}, working_days(10), 3};
  auto decoded = actors::decode_state(actors::encode(s));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->handle_deadline.set_by, s.handle_deadline.set_by);
}

// Format 5: a ticket's attachments (003 §5(4)) and the SMS survey's expiry.
TEST(StoredFormat, AttachmentsAndTheSurveyRoundTrip) {
  std::vector<event_record> events{
      {7, instant{1773626400}, "department:xinhua",
       attached{std::string(64, 'a'), "现场.jpg", media_type::jpeg, 2048, false}, "v1"},
      {8, instant{1773630000}, "department:xinhua",
       survey_sent{instant{1773912600}, term_fact{instant{1773630000}, working_days(3), 0}}, "v1"},
      {9, instant{1773912600}, "system:timer",
       survey_unanswered{instant{1773912600}, survey_silence::closes}, "v1"}};
  auto decoded = actors::decode_events(actors::encode(events));
  ASSERT_TRUE(decoded);
  ASSERT_EQ(decoded->size(), 3u);
  EXPECT_EQ(std::get<attached>((*decoded)[0].body).file_name, "现场.jpg");
  EXPECT_EQ(std::get<survey_sent>((*decoded)[1].body).due, instant{1773912600});
  EXPECT_EQ(std::get<survey_unanswered>((*decoded)[2].body).then, survey_silence::closes);

  ticket_state s;
  s.id = "PDS-1";
  s.version = 9;
  for (const auto& e : events) evolve(s, e);
  auto state = actors::decode_state(actors::encode(s));
  ASSERT_TRUE(state);
  ASSERT_EQ(state->attachments.size(), 1u);
  EXPECT_EQ(state->attachments[0].by, "department:xinhua");
  EXPECT_EQ(state->attachments[0].size, 2048u);
  EXPECT_TRUE(state->survey_deadline.fired);
  EXPECT_EQ(actors::encode(*state), actors::encode(s));
}

}  // namespace
}  // namespace hotline::testing
