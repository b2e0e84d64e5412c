// Calendars over time against the real server (rules.md §9): a year without the State Council's
// arrangement is provisional, computed from the holiday law, and never stops the hotline (001
// art. 12: 7x24).
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {

const std::string complaint = R"({"channel":"web","type":"complaint","title":"噪音扰民",
    "content":"夜间施工噪音","citizen":{"name":"王五","phone":"13900000000"}})";

struct Calendars : virtual_server {
  void start_at(const std::string& at) { start("heyuan", at); }
  std::string signed_complaint() {
    auto r = server->post("/api/v1/tickets", "dev-operator", complaint);
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id(r.json().at("id").get_string());
    EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
    EXPECT_EQ(act(id, "sign", "dev-housing").status, 200);
    return id;
  }
  http_reply act(const std::string& id, const std::string& action, const std::string& token,
                 const std::string& body = "{}") {
    return server->post("/api/v1/tickets/" + id + "/" + action, token, body);
  }
};

TEST_F(Calendars, AnItemSignedInLateDecember2026IsDueInJanuary2027) {
  // Heyuan complaints: 10 working days (004 art. 18). Thu 24 Dec 2026: Dec 25, 28-31, then
  // 2027 (provisional: New Year's Day Fri Jan 1 is the law's art. 2 holiday), Jan 4-8.
  start_at("2026-12-24T09:00:00+08:00");
  std::string id = signed_complaint();
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("deadlines").at("handle"), "2027-01-08T17:30:00+08:00");
  EXPECT_EQ(t.at("provisional"), boost::json::parse(R"(["handle"])"));
}

TEST_F(Calendars, DeadlinesInAnOfficialYearAreNotProvisional) {
  start_at("2026-11-23T09:00:00+08:00");
  std::string id = signed_complaint();
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("deadlines").at("handle"), "2026-12-07T17:30:00+08:00");
  EXPECT_TRUE(t.at("provisional").as_array().empty());
}

TEST_F(Calendars, AdminsListTheNationalYearsOfficialAndProvisional) {
  start_at("2026-11-23T09:00:00+08:00");
  for (const char* token : {"dev-operator", "dev-supervisor", "dev-housing"})
    EXPECT_EQ(server->get("/admin/calendars", token).code(), "forbidden") << token;
  auto items = server->get("/admin/calendars", "dev-admin").json().at("items").as_array();
  ASSERT_GE(items.size(), 3u);
  EXPECT_EQ(items[0].at("year"), 2025);
  EXPECT_EQ(items[0].at("scope"), "national");
  EXPECT_EQ(items[0].at("provisional"), false);
  EXPECT_NE(std::string(items[0].at("source").as_string()).find("国务院办公厅"), std::string::npos);
  EXPECT_EQ(items[2].at("year"), 2027);
  EXPECT_EQ(items[2].at("provisional"), true);
  EXPECT_NE(std::string(items[2].at("source").as_string()).find("国务院令第795号"),
            std::string::npos);
  EXPECT_EQ(items.back().at("year"), 2100);
}

TEST_F(Calendars, AServerStartedOn3February2027WithOnly2025And2026FilesRunsAndSigns) {
  start_at("2027-02-03T09:00:00+08:00");
  auto health = server->get("/admin/health", "").json();
  EXPECT_EQ(health.at("status"), "ok");
  EXPECT_TRUE(health.at("calendar_official_through").is_null());
  ASSERT_EQ(health.at("warnings").as_array().size(), 1u);
  EXPECT_NE(std::string(health.at("warnings").at(0).as_string())
                .find("2027 has no official holiday arrangement: deadlines reaching into it"),
            std::string::npos);
  EXPECT_NE(server->get("/metrics", "dev-admin")
                .body.find("hotline_calendar_official_remaining_seconds 0\n"),
            std::string::npos);
  // Wed 3 Feb 2027 + 10 working days: Feb 4; Feb 5 is the Spring Festival eve, 6-8 the festival,
  // 9-10 compensate its weekend days 6-7 (holiday law art. 6); then Feb 11-12, 15-19, 22-23.
  std::string id = signed_complaint();
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("deadlines").at("handle"), "2027-02-23T17:30:00+08:00");
}

}  // namespace
}  // namespace hotline::testing
