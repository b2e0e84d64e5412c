// Search and lists over HTTP against the real server (issue 14): each filter of GET
// /api/v1/tickets, the two orders and their cursors, the 422s, and what a department may find.
// Mengcheng, from Monday 16 March 2026: a unit signs within one working day (001 art. 14),
// contacts the caller within one (art. 15) and replies within ten (art. 18).
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {

std::vector<std::string> ids_in(const boost::json::value& listing) {
  std::vector<std::string> ids;
  for (const auto& t : listing.at("items").as_array()) ids.emplace_back(t.at("id").as_string());
  return ids;
}

std::string text(const boost::json::value& v) {
  return v.is_null() ? "null" : std::string(v.as_string());
}

const std::string sign_off = R"({"approved_by":{"name":"周局长","post":"局长"}})";

struct Search : virtual_server {
  void SetUp() override { start("mengcheng"); }

  std::string open(const std::string& fields) {
    auto r =
        server->post("/api/v1/tickets", "dev-operator",
                     R"({"channel":"phone","title":"来电","content":"来电内容",)" + fields + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").as_string());
  }
  std::string open(const std::string& type, const std::string& phone, bool confidential = false) {
    return open(R"("type":")" + type + R"(","citizen":{"name":"张三","phone":")" + phone +
                R"("},"confidential":)" + (confidential ? "true" : "false"));
  }
  void act(const std::string& id, const std::string& action, const std::string& token,
           const std::string& body = "{}") {
    auto r = server->post("/api/v1/tickets/" + id + "/" + action, token, body);
    EXPECT_EQ(r.status, 200) << action << ": " << r.body;
  }
  void advance(const std::string& to) {
    auto r = server->post("/admin/clock", "dev-admin", R"({"to":")" + to + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
  }
  std::string dispatched(const std::string& lead) {
    auto id = open("complaint", "13800000001");
    act(id, "dispatch", "dev-operator", R"({"lead":")" + lead + R"("})");
    return id;
  }
  // Signed (with the unit head's sign-off, 001 art. 17) and the caller contacted.
  void taken_on(const std::string& id) {
    act(id, "sign", "dev-housing", sign_off);
    act(id, "contact", "dev-housing", R"({"note":"已联系"})");
  }
  boost::json::value list(const std::string& query, const std::string& token = "dev-operator") {
    auto r = server->get("/api/v1/tickets?" + query, token);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return r.json();
  }
  std::vector<std::string> ids(const std::string& query,
                               const std::string& token = "dev-operator") {
    return ids_in(list(query, token));
  }
  // The field a 422 names.
  std::string refused_field(const std::string& query, const std::string& token = "dev-operator") {
    auto r = server->get("/api/v1/tickets?" + query, token);
    EXPECT_EQ(r.status, 422) << query << ": " << r.body;
    return r.status == 422 ? text(r.json().at("error").at("details").at("field")) : r.body;
  }
};

using ids_t = std::vector<std::string>;

TEST_F(Search, Seed000Art20_APhoneFindsTheCallersTicketsByItsDigitsAsBlockingComparesThem) {
  auto a = open("complaint", "13800000000");
  auto b = open("help", "+86 138-0000-0000");
  auto other = open("complaint", "13900000000");
  auto anonymous = open(R"("type":"complaint")");
  EXPECT_EQ(ids("phone=13800000000"), (ids_t{a, b}));
  EXPECT_EQ(ids("phone=%2B86%20138%200000%200000"), (ids_t{a, b}));
  EXPECT_EQ(ids("phone=139-0000-0000"), (ids_t{other}));
  EXPECT_EQ(ids("phone=13700000000"), ids_t{});
  EXPECT_EQ(refused_field("phone=unknown"), "phone");
  EXPECT_EQ(ids(""), (ids_t{a, b, other, anonymous}));
}

TEST_F(Search, RegionTopicTypeAndCreatedCombineWithEachOtherAndTheStatus) {
  auto a = open(R"("type":"complaint","region":"chengguan","topic":"water-outage")");
  advance("2026-03-17T09:00:00+08:00");
  auto b = open(R"("type":"help","region":"chengguan","topic":"noise")");
  auto c = open(R"("type":"complaint","region":"zhuangzhou","topic":"water-outage")");
  advance("2026-03-18T09:00:00+08:00");
  auto d = open(R"("type":"complaint","region":"chengguan","topic":"water-outage")");
  act(d, "dispatch", "dev-operator", R"({"lead":"housing"})");

  EXPECT_EQ(ids("region=chengguan"), (ids_t{a, b, d}));
  EXPECT_EQ(ids("topic=water-outage"), (ids_t{a, c, d}));
  EXPECT_EQ(ids("type=complaint"), (ids_t{a, c, d}));
  EXPECT_EQ(ids("region=chengguan&topic=water-outage&type=complaint"), (ids_t{a, d}));
  EXPECT_EQ(ids("region=chengguan&topic=water-outage&status=dispatched"), (ids_t{d}));
  EXPECT_EQ(ids("region=nowhere"), ids_t{});
  // Registered in [created_from, created_to): the offset's + may be sent as it is or as %2B.
  EXPECT_EQ(ids("created_from=2026-03-17T00:00:00%2B08:00&created_to=2026-03-18T00:00:00+08:00"),
            (ids_t{b, c}));
  EXPECT_EQ(ids("created_from=2026-03-17T09:00:00%2B08:00"), (ids_t{b, c, d}));
  EXPECT_EQ(ids("created_to=2026-03-17T09:00:00%2B08:00"), (ids_t{a}));
  EXPECT_EQ(ids("created_from=2026-03-17T00:00:00%2B08:00&topic=water-outage"), (ids_t{c, d}));
  EXPECT_EQ(ids("created_from=2026-03-17T01:00:00Z&type=complaint&limit=1"), (ids_t{c}));
  // Pages of a filtered listing follow its cursor.
  auto first = list("type=complaint&limit=2");
  EXPECT_EQ(ids_in(first), (ids_t{a, c}));
  EXPECT_EQ(text(first.at("next")), c);
  auto second = list("type=complaint&limit=2&after=" + c);
  EXPECT_EQ(ids_in(second), (ids_t{d}));
  EXPECT_TRUE(second.at("next").is_null());
  EXPECT_EQ(ids("sort=created&type=complaint"), (ids_t{a, c, d}));
}

// The department's inbox: its tickets by the next term it owes, an overdue one first, those
// owing nothing last; due_before=<end of today> is what is due today (and overdue).
TEST_F(Search, Seed001Art14_Art15_Art18_TheInboxSortsByTheHoldersNextTerm) {
  advance("2026-03-16T09:00:00+08:00");
  auto late = dispatched("housing");
  auto working = dispatched("housing");
  taken_on(working);
  auto elsewhere = dispatched("market");
  // Not signed nor returned within a working day: deemed accepted, its contact term passed.
  advance("2026-03-18T09:00:00+08:00");
  auto fresh = dispatched("housing");
  auto done = dispatched("housing");
  taken_on(done);
  act(done, "reply", "dev-housing",
      R"({"result":"已处理","handler":{"name":"李四","post":"科长","phone":"0558-7654321"},)"
      R"("approved_by":{"name":"周局长","post":"局长"}})");

  auto inbox = list("sort=due", "dev-housing");
  EXPECT_EQ(ids_in(inbox), (ids_t{late, fresh, working, done}));
  std::vector<std::string> dues;
  for (const auto& t : inbox.at("items").as_array()) dues.push_back(text(t.at("next_due")));
  EXPECT_EQ(dues, (ids_t{"2026-03-17T17:30:00+08:00", "2026-03-19T17:30:00+08:00",
                         "2026-03-30T17:30:00+08:00", "null"}));
  EXPECT_EQ(inbox.at("items").at(0).at("overdue"), boost::json::value(true));
  EXPECT_EQ(ids("sort=due&due_before=2026-03-19T00:00:00%2B08:00", "dev-housing"), (ids_t{late}));
  EXPECT_EQ(ids("sort=due&due_before=2026-03-20T00:00:00%2B08:00", "dev-housing"),
            (ids_t{late, fresh}));
  // In registration order, due_before filters the same tickets.
  EXPECT_EQ(ids("due_before=2026-03-20T00:00:00%2B08:00"), (ids_t{late, elsewhere, fresh}));
  EXPECT_EQ(ids("sort=due&department=market"), (ids_t{elsewhere}));
  EXPECT_EQ(ids("sort=due&status=handling", "dev-housing"), (ids_t{late, working}));
  // With a filter too, those owing nothing come last, and the cursor crosses over to them.
  auto owing = list("sort=due&type=complaint&limit=3", "dev-housing");
  EXPECT_EQ(ids_in(owing), (ids_t{late, fresh, working}));
  EXPECT_EQ(ids("sort=due&type=complaint&after=" + text(owing.at("next")), "dev-housing"),
            (ids_t{done}));

  // Page by page through the cursor: each page's next, passed back as after.
  ids_t paged;
  std::string after;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = list("sort=due&limit=1" + (after.empty() ? "" : "&after=" + after), "dev-housing");
    auto got = ids_in(page);
    paged.insert(paged.end(), got.begin(), got.end());
    if (page.at("next").is_null()) break;
    after = text(page.at("next"));
  }
  EXPECT_EQ(paged, (ids_t{late, fresh, working, done}));
  // The ticket shows the same next term.
  auto one = server->get("/api/v1/tickets/" + fresh, "dev-housing").json();
  EXPECT_EQ(text(one.at("next_due")), "2026-03-19T17:30:00+08:00");
  EXPECT_EQ(text(one.at("deadlines").at("sign")), "2026-03-19T17:30:00+08:00");
}

TEST_F(Search, BadFiltersAndCursorsAreRefusedNamingTheParameter) {
  auto a = open("complaint", "13800000000");
  open("complaint", "13800000000");
  EXPECT_EQ(refused_field("sort=priority"), "sort");
  EXPECT_EQ(refused_field("type=rumour"), "type");
  EXPECT_EQ(refused_field("created_from=yesterday"), "created_from");
  EXPECT_EQ(refused_field("created_to=2026-03-16"), "created_to");
  EXPECT_EQ(refused_field("due_before=2026-03-16T25:00:00%2B08:00"), "due_before");
  EXPECT_EQ(refused_field("after=mengcheng-20260316-999999"), "after");
  EXPECT_EQ(refused_field("after=garbage&phone=13800000000"), "after");
  EXPECT_EQ(refused_field("sort=due&after=" + a), "after");  // an id is no cursor in due order
  EXPECT_EQ(refused_field("sort=due&after=soon:" + a), "after");
  EXPECT_EQ(refused_field("phone=13800000000&region=x&regoin=y"), "regoin");
  // The first page in due order ends with a cursor that works there, and only there.
  auto page = list("sort=due&limit=1");
  std::string next = text(page.at("next"));
  EXPECT_EQ(list("sort=due&after=" + next).at("items").as_array().size(), 1u);
  EXPECT_EQ(refused_field("after=" + next), "after");
}

// A department finds by phone only its own tickets whose caller it may see: a confidential
// caller's phone is never a way to learn who that caller is (000 art. 9, 004 art. 19).
TEST_F(Search, Seed004Art19_ADepartmentFindsByPhoneOnlyItsOwnTicketsWithVisibleCallers) {
  auto hidden = open("complaint", "13800000000", true);
  auto visible = open("complaint", "13800000000");
  auto not_ours = open("complaint", "13800000000");
  act(hidden, "dispatch", "dev-operator", R"({"lead":"housing"})");
  act(visible, "dispatch", "dev-operator", R"({"lead":"housing"})");
  act(not_ours, "dispatch", "dev-operator", R"({"lead":"market"})");
  EXPECT_EQ(ids("phone=13800000000"), (ids_t{hidden, visible, not_ours}));
  EXPECT_EQ(ids("phone=13800000000", "dev-supervisor"), (ids_t{hidden, visible, not_ours}));
  EXPECT_EQ(ids("phone=13800000000", "dev-housing"), (ids_t{visible}));
  EXPECT_EQ(ids("phone=13800000000&sort=due", "dev-housing"), (ids_t{visible}));
  // It still lists the confidential ticket, redacted, without the phone filter.
  auto own = list("sort=created", "dev-housing");
  EXPECT_EQ(ids_in(own), (ids_t{hidden, visible}));
  EXPECT_EQ(own.at("items").at(0).at("citizen"), boost::json::parse(R"({"redacted":true})"));
  EXPECT_EQ(
      server->get("/api/v1/tickets?phone=13800000000&department=market", "dev-housing").status,
      403);
}

}  // namespace
}  // namespace hotline::testing
