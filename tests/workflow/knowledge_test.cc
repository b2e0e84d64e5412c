// The knowledge base's rules (001 art. 10(1), 002 art. 6(7), 7(7), 8(3), 004 art. 6, 23(9)): who
// writes which entry, when an entry is in force or stale, and what an operator's direct answer
// may cite; and what full-text search may see of a ticket.
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/knowledge.h"
#include "workflow/searchable.h"

namespace hotline::testing {
namespace {
using namespace workflow;

knowledge_fields water_outage(const std::string& owner = "waterworks") {
  knowledge_fields f;
  f.title = "小区停水三天如何处理";
  f.body = "先向县自来水公司报修，三日内未恢复的可拨打12345督办。";
  f.owner = owner;
  f.review_by = date{2026, 6, 30};
  f.source = "蒙城县供水服务规范";
  return f;
}

struct Knowledge : ::testing::Test {
  const department_tree& tree = scenario("mengcheng").departments;
  result<knowledge_write> write(const std::optional<knowledge_entry>& current, knowledge_fields f,
                                const actor_ref& by,
                                const std::string& when = "2026-03-16T09:00:00+08:00") {
    return write_knowledge(current, "water-outage", std::move(f), by, at(when), tree);
  }
  knowledge_entry created(knowledge_fields f = water_outage()) {
    auto w = write(std::nullopt, std::move(f), operator_role());
    EXPECT_TRUE(w) << w.error().message;
    return w->entry;
  }
};

TEST_F(Knowledge, Seed002Art8_3_AUnitKeepsItsOwnEntriesAndNoOneElses) {
  auto mine = write(std::nullopt, water_outage("waterworks"), department("waterworks"));
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_TRUE(mine->created);
  EXPECT_EQ(mine->entry.created_by, "department:waterworks");
  auto for_another = write(std::nullopt, water_outage("housing"), department("waterworks"));
  ASSERT_FALSE(for_another);
  EXPECT_EQ(for_another.error().code, refusal_code::forbidden);
  // Another unit may not change it, nor take it over.
  auto f = water_outage();
  f.body = "改写";
  EXPECT_EQ(write(mine->entry, f, department("housing")).error().code, refusal_code::forbidden);
  EXPECT_EQ(write(mine->entry, water_outage("housing"), department("waterworks")).error().code,
            refusal_code::forbidden);
}

TEST_F(Knowledge, Seed002Art6_7_TheCenterWritesAnyEntryAndOnlyStaffWrite) {
  auto e = created();
  auto f = water_outage();
  f.body = "县自来水公司24小时抢修电话0558-7123456。";
  auto by_supervisor = write(e, f, supervisor(), "2026-03-17T09:00:00+08:00");
  ASSERT_TRUE(by_supervisor) << by_supervisor.error().message;
  EXPECT_EQ(by_supervisor->entry.revision, 2);
  EXPECT_EQ(by_supervisor->entry.created_by, e.created_by);
  EXPECT_EQ(by_supervisor->entry.updated_at, at("2026-03-17T09:00:00+08:00"));
  for (auto who : {actor_ref{role::admin, "", "ops"}, actor_ref{role::platform, "", "city"},
                   actor_ref{role::gateway, "", "sms"}})
    EXPECT_EQ(write(e, f, who).error().code, refusal_code::forbidden);
}

TEST_F(Knowledge, Seed002Art7_7_OnlyTheCenterTurnsAHotTopicIntoAnEntry) {
  auto f = water_outage();
  f.from_topic = "water-outage";
  EXPECT_EQ(write(std::nullopt, f, department("waterworks")).error().code, refusal_code::forbidden);
  auto topic_entry = write(std::nullopt, f, operator_role());
  ASSERT_TRUE(topic_entry);
  EXPECT_EQ(topic_entry->entry.fields.from_topic, "water-outage");
  // The unit then gives the formal answer: it rewrites the body, keeping the topic.
  f.body = "正式答复：停水超过24小时由供水公司送水上门。";
  auto answered = write(topic_entry->entry, f, department("waterworks"));
  ASSERT_TRUE(answered) << answered.error().message;
  EXPECT_EQ(answered->entry.revision, 2);
}

TEST_F(Knowledge, RepeatingAnEntryAsItStandsChangesNothing) {
  auto e = created();
  auto again = write(e, water_outage(), operator_role(), "2026-03-18T09:00:00+08:00");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->entry.revision, 1);
  EXPECT_EQ(again->entry.updated_at, e.updated_at);
}

TEST_F(Knowledge, AnEntryNeedsItsFieldsRight) {
  auto reviewed_long_ago = water_outage();
  reviewed_long_ago.review_by = date{2026, 3, 15};
  EXPECT_EQ(write(std::nullopt, reviewed_long_ago, operator_role()).error().field, "review_by");
  auto backwards = water_outage();
  backwards.valid_from = date{2026, 4, 1};
  backwards.valid_to = date{2026, 3, 31};
  EXPECT_EQ(write(std::nullopt, backwards, operator_role()).error().field, "valid_to");
  EXPECT_EQ(write(std::nullopt, water_outage("nobody"), operator_role()).error().field, "owner");
  auto untitled = water_outage();
  untitled.title.clear();
  EXPECT_EQ(write(std::nullopt, untitled, operator_role()).error().field, "title");
  EXPECT_EQ(write_knowledge(std::nullopt, "Bad Id", water_outage(), operator_role(),
                            at("2026-03-16T09:00:00+08:00"), tree)
                .error()
                .field,
            "id");
  // Omitted, validity starts the day it is written.
  EXPECT_EQ(created().fields.valid_from, (date{2026, 3, 16}));
}

TEST_F(Knowledge, Seed004Art23_9_AnEntryPastItsReviewDateOrItsValidityIsStale) {
  auto f = water_outage();
  f.valid_to = date{2026, 9, 30};
  auto e = created(f);
  EXPECT_FALSE(stale(e, date{2026, 6, 30}));
  EXPECT_TRUE(stale(e, date{2026, 7, 1}));  // review_by 30 June passed
  e.fields.review_by = date{2026, 12, 31};
  EXPECT_FALSE(stale(e, date{2026, 9, 30}));
  EXPECT_TRUE(stale(e, date{2026, 10, 1}));  // no longer in force
  EXPECT_FALSE(in_force(e, date{2026, 10, 1}));
  EXPECT_FALSE(in_force(e, date{2026, 3, 15}));  // not yet
  EXPECT_TRUE(in_force(e, date{2026, 3, 16}));
}

struct Citation : Knowledge {
  ticket_case t{"mengcheng"};
  void SetUp() override {
    t.submit(request(ticket_type::consultation), "2026-03-16T08:40:00+08:00");
  }
  workflow::answer citing(const std::optional<knowledge_entry>& e) {
    workflow::answer a;
    a.text = "先向县自来水公司报修。";
    a.entry_id = "water-outage";
    a.cited = e;
    return a;
  }
};

TEST_F(Citation, Seed001Art10_1_AnAnswerCitingAnExpiredEntryIsRefused) {
  auto f = water_outage();
  f.valid_to = date{2026, 3, 31};
  auto e = created(f);
  auto r = t.refused(citing(e), "2026-04-01T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.code, refusal_code::validation_failed);
  EXPECT_EQ(r.field, "knowledge_entry");
  EXPECT_EQ(t.state().current, status::received);
}

TEST_F(Citation, Seed001Art10_1_AnAnswerCitingAnUnknownEntryIsRefused) {
  auto r = t.refused(citing(std::nullopt), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.field, "knowledge_entry");
}

TEST_F(Citation, Seed001Art10_1_TheAnswerRecordsTheEntryAndTheRevisionItRestsOn) {
  auto e = created();
  e.revision = 3;
  EXPECT_EQ(t.ok(citing(e), "2026-03-16T09:00:00+08:00", operator_role()),
            std::vector<std::string>{"answered"});
  const auto& a = std::get<answered>(t.log().back().body);
  EXPECT_EQ(a.entry_id, "water-outage");
  EXPECT_EQ(a.entry_revision, 3);
}

TEST(Searchable, Seed000Art9_TheCallersNameAndPhoneAreNeverSearchable) {
  ticket_case t{"mengcheng"};
  intake r = request(ticket_type::consultation);
  r.title = "小区停水三天";
  r.content = "张三反映：幸福小区停水，回电13800000000或138-0000-0000";
  r.caller = citizen{"张三", "138-0000-0000"};
  t.submit(r, "2026-03-16T08:40:00+08:00");
  workflow::answer a;
  a.text = "已告知张三报修电话";
  t.ok(a, "2026-03-16T09:00:00+08:00", operator_role());
  auto text = searchable(t.log());
  EXPECT_EQ(text.title, "小区停水三天");
  EXPECT_EQ(text.text.find("张三"), std::string::npos) << text.text;
  EXPECT_EQ(text.text.find("13800000000"), std::string::npos) << text.text;
  EXPECT_EQ(text.text.find("138-0000-0000"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("幸福小区停水"), std::string::npos);
  EXPECT_NE(text.text.find("报修电话"), std::string::npos);  // the answer is searchable
  EXPECT_TRUE(changes_searchable(t.log()));
}

}  // namespace
}  // namespace hotline::testing
