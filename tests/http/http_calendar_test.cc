// Calendars over time against the real server (rules.md §9): a year without the State Council's
// arrangement is provisional, computed from the holiday law, and never stops the hotline (001
// art. 12: 7x24).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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


// The State Council's 2027 arrangement as an operator would load it, with one holiday the
// provisional year does not have (Mon 4 Jan) and one make-up working day (Sat 9 Jan).
const std::string official_2027 = R"j({"year":2027,
  "source":"国务院办公厅关于2027年部分节假日安排的通知 (test)",
  "holidays":[["2027-01-01","2027-01-04"],["2027-02-05","2027-02-11"]],
  "working_weekends":["2027-01-09"]})j";

boost::json::value last_event(const boost::json::value& ticket, const std::string& name) {
  boost::json::value found;
  for (const auto& e : ticket.at("history").as_array())
    if (e.at("event") == name.c_str()) found = e;
  return found;
}

TEST_F(Calendars, Rules9_LoadingTheOfficial2027MovesAnArmedDeadlineAndRecordsWhy) {
  // Heyuan complaint signed Thu 24 Dec 2026: 10 working days (004 art. 18) end on the
  // provisional Fri 8 Jan 2027. The official year adds Mon 4 Jan and works Sat 9 Jan: Jan 5-8
  // and 9 are days 6-10, so the term ends Sat 9 Jan 2027 at close of business.
  start_at("2026-12-24T09:00:00+08:00");
  std::string id = signed_complaint();
  auto before = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  ASSERT_EQ(before.at("deadlines").at("handle"), "2027-01-08T17:30:00+08:00");

  auto r = server->request("PUT", "/admin/calendars/2027", "dev-admin", official_2027,
                           {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("checked"), 1);
  EXPECT_EQ(r.json().at("changed"), 1);

  auto after = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(after.at("deadlines").at("handle"), "2027-01-09T17:30:00+08:00");
  EXPECT_TRUE(after.at("provisional").as_array().empty());
  auto moved = last_event(after, "deadline_recomputed");
  ASSERT_TRUE(moved.is_object()) << after.at("history");
  EXPECT_EQ(moved.at("data").at("kind"), "handle");
  EXPECT_EQ(moved.at("data").at("old_due"), "2027-01-08T17:30:00+08:00");
  EXPECT_EQ(moved.at("data").at("new_due"), "2027-01-09T17:30:00+08:00");
  EXPECT_NE(std::string(moved.at("data").at("source").as_string()).find("2027年部分节假日"),
            std::string::npos);

  auto years = server->get("/admin/calendars", "dev-admin").json().at("items").as_array();
  ASSERT_GE(years.size(), 3u);
  EXPECT_EQ(years[2].at("year"), 2027);
  EXPECT_EQ(years[2].at("provisional"), false);

  // Loading the same year again changes nothing.
  r = server->request("PUT", "/admin/calendars/2027", "dev-admin", official_2027,
                      {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("changed"), 0);
}

TEST_F(Calendars, Rules9_ALoadedYearIsInForceAfterARestart) {
  start_at("2026-12-24T09:00:00+08:00");
  std::string id = signed_complaint();
  ASSERT_EQ(server
                ->request("PUT", "/admin/calendars/2027", "dev-admin", official_2027,
                          {{"Content-Type", "application/json"}})
                .status,
            200);
  ASSERT_EQ(server->stop(), 0);
  start_at("2026-12-24T10:00:00+08:00");
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("deadlines").at("handle"), "2027-01-09T17:30:00+08:00");
  EXPECT_TRUE(t.at("provisional").as_array().empty());
  // A new item counts on the loaded year too: Thu 24 Dec + 10 working days.
  std::string later = signed_complaint();
  EXPECT_EQ(server->get("/api/v1/tickets/" + later, "dev-operator").json().at("deadlines").at("handle"),
            "2027-01-09T17:30:00+08:00");
}

TEST_F(Calendars, Rules9_AFiredDeadlineIsHistoryAndStaysAsItWas) {
  // Heyuan's sign term is 1 working day [assumed, rules.md §3]: dispatched Thu 31 Dec 2026, it
  // is due Mon 4 Jan 2027 (Jan 1 is the provisional New Year's Day) and fires unsigned. Loading
  // the official year that makes Jan 4 a holiday does not move what already fired.
  start_at("2026-12-31T09:00:00+08:00");
  auto r = server->post("/api/v1/tickets", "dev-operator", complaint);
  std::string id(r.json().at("id").get_string());
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  ASSERT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("deadlines").at("sign"),
            "2027-01-04T17:30:00+08:00");
  ASSERT_EQ(server->post("/admin/clock", "dev-admin", R"({"advance_seconds":518400})").status, 200);
  auto fired = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  ASSERT_TRUE(last_event(fired, "sign_overdue").is_object()) << fired.at("history");

  r = server->request("PUT", "/admin/calendars/2027", "dev-admin", official_2027,
                      {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_TRUE(last_event(t, "deadline_recomputed").is_null()) << t.at("history");
  EXPECT_EQ(last_event(t, "sign_overdue").at("at"), last_event(fired, "sign_overdue").at("at"));
}

TEST_F(Calendars, Rules9_AMalformedYearIsRefusedNamingTheFieldAndChangesNothing) {
  start_at("2026-12-24T09:00:00+08:00");
  std::string id = signed_complaint();
  auto put = [&](const std::string& year, const std::string& body, const std::string& token) {
    return server->request("PUT", "/admin/calendars/" + year, token, body,
                           {{"Content-Type", "application/json"}});
  };
  EXPECT_EQ(put("2027", official_2027, "dev-operator").code(), "forbidden");
  EXPECT_EQ(put("2027", official_2027, "dev-supervisor").code(), "forbidden");
  auto r = put("2027", R"({"year":2027,"source":"x","holidays":[["2027-01-01","2026-12-01"]],
                          "working_weekends":[]})", "dev-admin");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("holidays"), std::string::npos) << r.body;
  r = put("2027", R"({"year":2028,"source":"x","holidays":[],"working_weekends":[]})", "dev-admin");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("year"), std::string::npos) << r.body;
  r = put("2027", R"({"year":2027,"holidays":[],"working_weekends":[]})", "dev-admin");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("source"), std::string::npos) << r.body;
  EXPECT_EQ(put("2027", "{not json", "dev-admin").status, 400);
  EXPECT_EQ(put("20x7", official_2027, "dev-admin").status, 404);

  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("deadlines").at("handle"), "2027-01-08T17:30:00+08:00");
  EXPECT_TRUE(last_event(t, "deadline_recomputed").is_null());
  auto years = server->get("/admin/calendars", "dev-admin").json().at("items").as_array();
  EXPECT_EQ(years[2].at("provisional"), true);
}

TEST_F(Calendars, Rules9_AYearFileDroppedIntoTheScenarioIsPutInForceByReload) {
  // A copy of the scenario, so the test can add a file to its national calendar.
  namespace fs = std::filesystem;
  fs::path copy = fs::path(dir.path) / "scenarios";
  fs::create_directories(copy);
  fs::copy(std::string(HOTLINE_SCENARIOS_DIR) + "/heyuan", copy / "heyuan",
           fs::copy_options::recursive);
  fs::copy(std::string(HOTLINE_SCENARIOS_DIR) + "/calendars", copy / "calendars",
           fs::copy_options::recursive);
  server = std::make_unique<server_process>(
      (copy / "heyuan").string(), dir.path + "/data",
      std::vector<std::string>{"--clock", "virtual", "--start", "2026-12-24T09:00:00+08:00"});
  std::string id = signed_complaint();

  EXPECT_EQ(server->post("/admin/calendars/reload", "dev-supervisor", "{}").code(), "forbidden");
  std::ofstream(copy / "calendars" / "2027.json") << "{\"year\":2027,\"source\":\"\"}";
  auto r = server->post("/admin/calendars/reload", "dev-admin", "{}");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("source"), std::string::npos) << r.body;
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("deadlines").at("handle"),
            "2027-01-08T17:30:00+08:00");

  std::ofstream(copy / "calendars" / "2027.json") << official_2027;
  r = server->post("/admin/calendars/reload", "dev-admin", "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("changed"), 1);
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("deadlines").at("handle"),
            "2027-01-09T17:30:00+08:00");
}

}  // namespace
}  // namespace hotline::testing
