// The contract's edges against the real server: each role's limits, redaction, every error
// code, idempotency, backpressure, operators' endpoints, metrics, and a restart mid-lifecycle.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <set>

#include "tests/support/server_process.h"

namespace hotline::testing {
namespace {

const std::string start_flags_clock = "2026-03-16T08:30:00+08:00";
const std::string complaint = R"({"channel":"web","type":"complaint","title":"噪音扰民",
    "content":"夜间施工噪音","citizen":{"name":"王五","phone":"13900000000"},"confidential":true})";

struct Contract : ::testing::Test {
  temp_dir dir;
  std::unique_ptr<server_process> server;
  void start(const std::string& scenario = "heyuan", std::vector<std::string> extra = {}) {
    std::vector<std::string> flags{"--clock", "virtual", "--start", start_flags_clock};
    flags.insert(flags.end(), extra.begin(), extra.end());
    server = std::make_unique<server_process>(scenario, dir.path, flags);
  }
  std::string open(const std::string& body = complaint) {
    auto r = server->post("/api/v1/tickets", "dev-operator", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
  http_reply act(const std::string& id, const std::string& action, const std::string& token,
                 const std::string& body = "{}", std::map<std::string, std::string> headers = {}) {
    return server->post("/api/v1/tickets/" + id + "/" + action, token, body, std::move(headers));
  }
};

TEST_F(Contract, EveryRequestButHealthNeedsAToken) {
  start();
  EXPECT_EQ(server->get("/admin/health", "").status, 200);
  auto r = server->get("/api/v1/departments", "");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.code(), "unauthorized");
  EXPECT_EQ(server->get("/api/v1/departments", "not-a-token").status, 401);
}

// The console's files are open (the page asks for the token), built into the binary, and only
// this server's own scripts may run in them.
TEST_F(Contract, TheConsoleIsServedWithoutATokenFromTheBinary) {
  start("mengcheng");
  auto page = server->get("/", "");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script type=\"module\" src=\"/console/app.js\">"), std::string::npos);
  EXPECT_EQ(page.headers["content-security-policy"].rfind("default-src 'self'", 0), 0u);
  auto script = server->get("/console/app.js", "");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(server->get("/console/style.css", "").headers["content-type"],
            "text/css; charset=utf-8");
  auto missing = server->get("/console/secret.txt", "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.code(), "not_found");
  EXPECT_EQ(server->get("/console/../admin/actors", "").status, 401);   // no way out of console/
  EXPECT_EQ(server->get("/?token=x", "").code(), "validation_failed");  // never in a URL
}

TEST_F(Contract, MeSaysWhoseTokenItIsAndTheServersClock) {
  start("mengcheng");
  auto unit = server->get("/api/v1/me", "dev-waterworks").json();
  EXPECT_EQ(unit, boost::json::parse(R"json({"role":"department","department":"waterworks",
      "display_name":"蒙城县自来水公司","by":"department:waterworks","jurisdiction":"mengcheng",
      "jurisdiction_name":"蒙城县县长热线 (Mengcheng County Magistrate's Hotline)",
      "now":"2026-03-16T08:30:00+08:00"})json"));
  auto op = server->get("/api/v1/me", "dev-operator").json();
  EXPECT_EQ(op.at("role"), "operator");
  EXPECT_EQ(op.at("department"), nullptr);
  EXPECT_EQ(op.at("display_name"), "dev");
  EXPECT_EQ(server->get("/api/v1/me", "").code(), "unauthorized");
}

// Qingming 2026: Saturday 4 April to Monday 6 April off (the State Council's notice), so the
// console counts no working time on them.
TEST_F(Contract, TheCalendarRouteListsWorkingDaysAndBusinessHours) {
  start("mengcheng");
  auto r = server->get("/api/v1/calendar?from=2026-04-02&to=2026-04-07", "dev-waterworks");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = r.json();
  EXPECT_EQ(doc.at("business_hours"), boost::json::parse(R"([{"start":"08:30","end":"12:00"},
      {"start":"14:30","end":"17:30"}])"));
  std::string working;
  for (const auto& d : doc.at("days").as_array()) working += d.at("working").as_bool() ? 'W' : '-';
  EXPECT_EQ(working, "WW---W");  // Thu, Fri, the three days of Qingming, Tue
  EXPECT_EQ(doc.at("days").at(0).at("provisional"), false);
  EXPECT_EQ(server->get("/api/v1/calendar?from=2026-04-07&to=2026-04-02", "dev-operator").code(),
            "validation_failed");
  EXPECT_EQ(server->get("/api/v1/calendar?from=2026-01-01&to=2027-12-31", "dev-operator").code(),
            "validation_failed");
  auto defaults = server->get("/api/v1/calendar", "dev-operator").json();
  EXPECT_EQ(defaults.at("from"), "2026-03-16");  // today on the server's clock
  EXPECT_EQ(defaults.at("to"), "2026-05-15");
}

TEST_F(Contract, AdminAndMetricsAreForAdminsOnly) {
  start();
  for (const char* token : {"dev-operator", "dev-supervisor", "dev-housing"}) {
    EXPECT_EQ(server->get("/metrics", token).code(), "forbidden") << token;
    EXPECT_EQ(server->get("/admin/actors", token).status, 403) << token;
  }
  EXPECT_EQ(server->get("/admin/actors", "dev-admin").status, 200);
}

TEST_F(Contract, EachRoleDoesOnlyItsActions) {
  start();
  EXPECT_EQ(server->post("/api/v1/tickets", "dev-housing", complaint).code(), "forbidden");
  std::string id = open();
  EXPECT_EQ(act(id, "dispatch", "dev-supervisor", R"({"lead":"housing"})").status, 403);
  EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  EXPECT_EQ(act(id, "sign", "dev-operator").status, 403);
  EXPECT_EQ(act(id, "approve_return", "dev-housing").status, 403);
}

TEST_F(Contract, ADepartmentSeesAndActsOnlyOnItsOwnTickets) {
  start();
  std::string mine = open(), theirs = open();
  act(mine, "dispatch", "dev-operator", R"({"lead":"housing"})");
  act(theirs, "dispatch", "dev-operator", R"({"lead":"market"})");
  EXPECT_EQ(server->get("/api/v1/tickets/" + theirs, "dev-housing").code(), "forbidden");
  EXPECT_EQ(act(theirs, "sign", "dev-housing").code(), "forbidden");
  auto list = server->get("/api/v1/tickets", "dev-housing").json();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.at("items").at(0).at("id"), boost::json::value(mine));
  EXPECT_EQ(server->get("/api/v1/tickets?department=market", "dev-housing").status, 403);
  // The parent of a subordinate unit holds its tickets too (Heyuan: market-yuancheng).
  std::string sub = open();
  act(sub, "dispatch", "dev-operator", R"({"lead":"market-yuancheng"})");
  EXPECT_EQ(server->get("/api/v1/tickets/" + sub, "dev-market").status, 200);
  EXPECT_EQ(act(sub, "contact", "dev-market").code(), "invalid_transition");  // held, not signed
}

TEST_F(Contract, AConfidentialCallerIsRedactedForDepartmentsEverywhere) {
  start();
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  auto seen = server->get("/api/v1/tickets/" + id, "dev-housing");
  EXPECT_EQ(seen.json().at("citizen"), boost::json::parse(R"({"redacted":true})"));
  EXPECT_EQ(seen.body.find("13900000000"), std::string::npos) << "the phone leaked";
  EXPECT_EQ(seen.body.find("王五"), std::string::npos) << "the name leaked";
  auto staff = server->get("/api/v1/tickets/" + id, "dev-operator");
  EXPECT_EQ(staff.json().at("citizen").at("phone"), "13900000000");
  EXPECT_EQ(server->get("/api/v1/tickets", "dev-housing").body.find("13900000000"),
            std::string::npos);
}

TEST_F(Contract, BadInputIsRefusedAndChangesNothing) {
  start("heyuan", {"--max-body", "2048"});
  std::string id = open();
  auto before = server->get("/api/v1/tickets/" + id, "dev-operator").body;
  auto big = act(id, "dispatch", "dev-operator", R"({"lead":")" + std::string(4096, 'x') + R"("})");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.code(), "payload_too_large");
  EXPECT_EQ(server
                ->request("POST", "/api/v1/tickets/" + id + "/dispatch", "dev-operator",
                          R"({"lead":"housing"})", {{"Content-Type", "text/plain"}})
                .status,
            415);
  EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":)").code(), "bad_json");
  auto field = act(id, "dispatch", "dev-operator", R"({"lead":"housing","co":["market",7]})");
  EXPECT_EQ(field.status, 422);
  EXPECT_EQ(field.json().at("error").at("details").at("field"), "co[1]");
  auto unknown = act(id, "dispatch", "dev-operator", R"({"lead":"nowhere"})");
  EXPECT_EQ(unknown.json().at("error").at("details").at("field"), "lead");
  auto transition = act(id, "sign", "dev-housing");
  EXPECT_EQ(transition.status, 403);  // nobody leads it yet
  transition = act(id, "evaluate", "dev-operator", R"({"satisfied":true})");
  EXPECT_EQ(transition.status, 409);
  EXPECT_EQ(transition.code(), "invalid_transition");
  EXPECT_EQ(transition.json().at("error").at("details").at("status"), "received");
  EXPECT_EQ(transition.json().at("error").at("details").at("allowed"),
            boost::json::parse(R"(["answer","decline","dispatch","supervise","request_block"])"));
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").body, before);
  EXPECT_EQ(server->get("/api/v1/tickets/nope", "dev-operator").code(), "not_found");
  EXPECT_EQ(act(id, "fly", "dev-operator").status, 404);
  EXPECT_EQ(server->request("DELETE", "/api/v1/tickets/" + id, "dev-operator").status, 405);
  EXPECT_EQ(server->get("/api/v1/tickets?status=lost", "dev-operator").code(), "validation_failed");
}

TEST_F(Contract, ADeadlinePassedIsAConflict) {
  start();
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-17T17:31:00+08:00"})");
  auto late = act(id, "return", "dev-housing", R"({"reason":"非本单位","basis":"三定方案"})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.code(), "deadline_passed");
  EXPECT_EQ(late.json().at("error").at("details").at("due"), "2026-03-17T17:30:00+08:00");
}

TEST_F(Contract, ARepeatedIdempotencyKeyGetsTheFirstAnswerAndDoesNothingAgain) {
  start();
  std::map<std::string, std::string> key{{"Idempotency-Key", "intake-42"}};
  auto first = server->post("/api/v1/tickets", "dev-operator", complaint, key);
  auto second = server->post("/api/v1/tickets", "dev-operator", complaint, key);
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(second.status, 201);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(server->get("/api/v1/tickets", "dev-operator").json().at("items").as_array().size(),
            1u);
  // Another token's same key is another request.
  auto other = server->post("/api/v1/tickets", "dev-supervisor", complaint, key);
  EXPECT_EQ(other.status, 403);
  std::string id(first.json().at("id").get_string());
  std::map<std::string, std::string> k2{{"Idempotency-Key", "dispatch-1"}};
  auto d1 = act(id, "dispatch", "dev-operator", R"({"lead":"housing"})", k2);
  auto d2 = act(id, "dispatch", "dev-operator", R"({"lead":"housing"})", k2);
  EXPECT_EQ(d1.status, 200);
  EXPECT_EQ(d1.body, d2.body);
  // A refusal is the first answer too.
  std::map<std::string, std::string> k3{{"Idempotency-Key", "eval-1"}};
  auto r1 = act(id, "evaluate", "dev-operator", R"({"satisfied":true})", k3);
  auto r2 = act(id, "evaluate", "dev-operator", R"({"satisfied":true})", k3);
  EXPECT_EQ(r1.status, 409);
  EXPECT_EQ(r1.body, r2.body);
}

TEST_F(Contract, ConcurrentRequestsWithOneKeyRunOnce) {
  start();
  std::map<std::string, std::string> key{{"Idempotency-Key", "burst"}};
  std::vector<std::future<http_reply>> replies;
  for (int i = 0; i < 8; ++i)
    replies.push_back(std::async(std::launch::async, [&] {
      return server->post("/api/v1/tickets", "dev-operator", complaint, key);
    }));
  std::set<std::string> bodies;
  for (auto& r : replies) bodies.insert(r.get().body);
  EXPECT_EQ(bodies.size(), 1u);
  EXPECT_EQ(server->get("/api/v1/tickets", "dev-operator").json().at("items").as_array().size(),
            1u);
}

TEST_F(Contract, ASaturatedRuntimeAnswersOverloadedWithRetryAfter) {
  start("heyuan", {"--max-in-flight", "0"});
  auto r = server->post("/api/v1/tickets", "dev-operator", complaint);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.code(), "overloaded");
  EXPECT_EQ(r.headers["retry-after"], "1");
  EXPECT_EQ(server->get("/api/v1/tickets", "dev-operator").json().at("items").as_array().size(),
            0u);
}

TEST_F(Contract, OperatorsSeeActorsTimersAndTheClock) {
  start();
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  auto actor = server->get("/admin/actors/ticket/" + id, "dev-admin").json();
  EXPECT_EQ(actor.at("alive"), true);
  EXPECT_EQ(actor.at("supervisor"), "department:housing");
  EXPECT_EQ(actor.at("timers"),
            boost::json::parse(R"([{"kind":"sign","due":"2026-03-17T17:30:00+08:00"}])"));
  EXPECT_EQ(actor.at("state").at("status"), "dispatched");
  auto all = server->get("/admin/actors?kind=department", "dev-admin").json();
  EXPECT_GT(all.at("items").as_array().size(), 10u);
  EXPECT_EQ(server->get("/admin/clock", "dev-admin").json().at("now"),
            boost::json::value(start_flags_clock));
  auto moved = server->post("/admin/clock", "dev-admin", R"({"advance_seconds":172800})").json();
  EXPECT_EQ(moved.at("now"), "2026-03-18T08:30:00+08:00");
  EXPECT_EQ(moved.at("fired"), 1);
  EXPECT_EQ(
      server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-01T00:00:00+08:00"})").code(),
      "validation_failed");
  auto health = server->get("/admin/health", "").json();
  EXPECT_EQ(health.at("tickets_open"), 1);
}

TEST_F(Contract, TheRealClockIsNotMovedByHand) {
  server = std::make_unique<server_process>("heyuan", dir.path);
  auto r = server->post("/admin/clock", "dev-admin", R"({"advance_seconds":60})");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.code(), "virtual_clock_only");
  EXPECT_EQ(server->get("/admin/clock", "dev-admin").json().at("mode"), "real");
}

TEST_F(Contract, MetricsSpeakPrometheus) {
  start();
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  auto m = server->get("/metrics", "dev-admin");
  EXPECT_EQ(m.headers["content-type"], "text/plain; version=0.0.4");
  for (const char* series :
       {"hotline_http_requests_total{method=\"POST\",route=\"/api/v1/tickets\",status=\"201\"} 1",
        "hotline_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/tickets/{id}/"
        "dispatch\",le=\"+Inf\"} 1",
        "hotline_tickets{status=\"dispatched\"} 1", "hotline_open_timers 1",
        "hotline_timer_lateness_seconds_bucket{le=\"1\"}",
        "hotline_actor_mailbox{kind=\"timer\",id=\"timer\"}", "hotline_storage_syncs_total",
        "hotline_storage_writes_total", "hotline_calendar_official_remaining_seconds 25056000",
        "hotline_storage_failed 0"})
    EXPECT_NE(m.body.find(series), std::string::npos) << series;
}

// promtool (Debian's prometheus) lints the exposition: HELP and TYPE on every family, base
// units, _sum and _count on histograms, counters ending in _total.
TEST_F(Contract, MetricsPassPromtoolAndCountOpenAndOverdueTicketsByLeadDepartment) {
  start();
  open();
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  // Heyuan's 1-working-day signing term (assumed, rules.md §3) ends Tuesday 17 March, 17:30.
  server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-17T17:31:00+08:00"})");
  ASSERT_EQ(server->get("/api/v1/tickets/" + id, "dev-admin").json().at("overdue"), true);
  auto m = server->get("/metrics", "dev-admin");
  for (const char* series :
       {"hotline_department_open_tickets{department=\"housing\"} 1",
        "hotline_department_overdue_tickets{department=\"housing\"} 1",
        "hotline_department_open_tickets{department=\"center\"} 1",
        "hotline_department_overdue_tickets{department=\"center\"} 0",
        "hotline_timer_lateness_seconds_sum ", "process_resident_memory_bytes ",
        "process_cpu_seconds_total ", "process_open_fds ", "process_start_time_seconds ",
        "hotline_build_info{version=\""})
    EXPECT_NE(m.body.find(series), std::string::npos) << series;
  std::string file = dir.path + "/metrics.txt";
  std::ofstream(file) << m.body;
  std::string command = std::string(HOTLINE_PROMTOOL) + " check metrics < " + file + " 2>&1";
  std::string verdict;
  FILE* p = popen(command.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) verdict += buf;
  EXPECT_EQ(pclose(p), 0) << verdict;
  EXPECT_EQ(verdict, "");
  // After a restart the figures by department are counted again from storage.
  server.reset();
  start();
  auto again = server->get("/metrics", "dev-admin").body;
  for (const char* series : {"hotline_department_open_tickets{department=\"housing\"} 1",
                             "hotline_department_overdue_tickets{department=\"housing\"} 1",
                             "hotline_department_open_tickets{department=\"center\"} 1"})
    EXPECT_NE(again.find(series), std::string::npos) << series;
}

// The OpenAPI document the server serves (docs/openapi.json, built in) names exactly the fields
// of the answers: a ticket, a bulletin, the counts; its required ones are always there.
TEST_F(Contract, TheServedOpenApiDocumentNamesTheFieldsOfTheTicketAndTheBulletin) {
  start();
  auto doc = server->get("/api/v1/openapi.json", "");  // no token needed
  ASSERT_EQ(doc.status, 200);
  const auto spec = doc.json();
  const auto& schemas = spec.at("components").at("schemas");
  auto expect_shape = [&](const char* name, const boost::json::value& answer) {
    const auto& schema = schemas.at(name).as_object();
    std::set<std::string> documented, present, required;
    for (const auto& p : schema.at("properties").as_object()) documented.insert(p.key());
    for (const auto& p : answer.as_object()) present.insert(p.key());
    for (const auto& r : schema.at("required").as_array())
      required.insert(std::string(r.as_string()));
    for (const auto& f : present)
      EXPECT_TRUE(documented.count(f)) << name << "." << f << " undocumented";
    for (const auto& f : required) EXPECT_TRUE(present.count(f)) << name << "." << f << " missing";
  };
  std::string id = open();
  auto ticket = act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").json();
  expect_shape("Ticket", ticket);
  EXPECT_EQ(ticket.as_object().size(), schemas.at("Ticket").at("properties").as_object().size());
  auto bulletin = server->get("/api/v1/reports", "dev-operator").json();
  expect_shape("Bulletin", bulletin);
  expect_shape("Counts", bulletin.at("totals"));
  expect_shape("Rates", bulletin.at("rates"));
  expect_shape("Health", server->get("/admin/health", "").json());
}

TEST_F(Contract, OperatorsAreWarnedBeforeTheOfficialCalendarRunsOut) {
  auto health = [&] { return server->get("/admin/health", "").json(); };
  start();
  EXPECT_EQ(health().at("calendar_official_through"), "2026-12-31");
  EXPECT_EQ(health().at("calendar_covered_through"), "2100-12-31");
  EXPECT_TRUE(health().at("warnings").as_array().empty());
  server->post("/admin/clock", "dev-admin", R"({"to":"2026-11-23T09:00:00+08:00"})");
  auto warnings = health().at("warnings").as_array();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(std::string(warnings[0].as_string())
                .find("2027 has no official holiday arrangement (38 days from now)"),
            std::string::npos);
  EXPECT_NE(server->get("/metrics", "dev-admin")
                .body.find("hotline_calendar_official_remaining_seconds 3283200\n"),
            std::string::npos);
}

TEST_F(Contract, ATokensFileBindsDepartmentsAndReplacesTheDevelopmentTokens) {
  std::string file = dir.path + ".tokens.json";
  std::ofstream(file) << R"({"tokens":[{"token":"op-1","role":"operator","label":"alice"},
      {"token":"hs-1","role":"department","department":"housing"}]})";
  start("heyuan", {"--tokens", file});
  EXPECT_EQ(server->post("/api/v1/tickets", "dev-operator", complaint).status, 401);
  auto r = server->post("/api/v1/tickets", "op-1", complaint);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.json().at("history").at(0).at("by"), "operator:alice");
  std::remove(file.c_str());
}

TEST_F(Contract, ARestartInTheMiddleOfALifecycleContinuesWhereItStopped) {
  start("zhijiang");
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  act(id, "sign", "dev-housing");
  EXPECT_EQ(server->stop(), 0);  // SIGTERM: drained, flushed, exit 0
  start("zhijiang");
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("status"), "handling");
  EXPECT_EQ(act(id, "reply", "dev-housing",
                R"({"result":"已处理","handler":{"name":"李四","post":"科长","phone":"1"}})")
                .status,
            200);
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":true})").json().at("status"),
            "closed");
}

TEST_F(Contract, AnAcknowledgedChangeSurvivesKillNine) {
  start();
  std::string id = open();
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  server->kill_hard();
  start();
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("status"), "dispatched");
}

TEST_F(Contract, BadFlagsUnreadableScenariosAndLockedDataAreErrors) {
  for (std::vector<std::string> flags : {std::vector<std::string>{"--bogus", "1"},
                                         {"--clock", "sundial"},
                                         {"--start", "yesterday"},
                                         {"--start", "2101-03-01T09:00:00+08:00"}}) {
    server_process s("heyuan", dir.path, flags);
    EXPECT_EQ(s.port(), 0);
    EXPECT_EQ(s.stop(), 2);
  }
  server_process missing("no-such-jurisdiction", dir.path);
  EXPECT_EQ(missing.stop(), 2);
  start();
  server_process second("heyuan", dir.path);  // the same data directory, still locked
  EXPECT_EQ(second.port(), 0);
  EXPECT_EQ(second.stop(), 2);
}

TEST_F(Contract, DepartmentsAndTheirFigures) {
  start("pingdingshan");
  auto list = server->get("/api/v1/departments", "dev-operator").json().at("items").as_array();
  bool found = false;
  for (const auto& d : list)
    if (d.at("id") == "ximarket") {
      found = true;
      EXPECT_EQ(d.at("parent"), "xinhua");
      EXPECT_EQ(d.at("tier"), 3);
    }
  EXPECT_TRUE(found);
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"xinhua","class":"B"})");
  act(id, "sign", "dev-xinhua");
  act(id, "reply", "dev-xinhua",
      R"({"result":"已办结","handler":{"name":"a","post":"b","phone":"c"},"approved_by":{"name":"区长"}})");
  act(id, "evaluate", "dev-operator", R"({"satisfied":false})");
  auto stats = server
                   ->get(
                       "/api/v1/departments/xinhua/"
                       "stats?from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00",
                       "dev-xinhua")
                   .json();
  EXPECT_EQ(stats.at("counts").at("received"), 1);
  EXPECT_EQ(stats.at("counts").at("signed_on_time"), 1);
  EXPECT_EQ(stats.at("counts").at("replied_on_time"), 1);
  EXPECT_EQ(stats.at("counts").at("dissatisfied"), 1);
  EXPECT_EQ(stats.at("counts").at("reworked"), 1);
  EXPECT_EQ(stats.at("counts").at("supervised_by_level").at("written"), 1);
  EXPECT_EQ(stats.at("rates").at("satisfaction"), 0.0);
  EXPECT_EQ(server->get("/api/v1/departments/weidong/stats", "dev-xinhua").code(), "forbidden");
  EXPECT_EQ(server->get("/api/v1/departments/nowhere/stats", "dev-operator").status, 404);
}

TEST_F(Contract, BulletinsForThePeriodAroundAnInstant) {
  start("mengcheng");
  std::string id = open();
  act(id, "dispatch", "dev-operator", R"({"lead":"housing"})");
  auto week =
      server->get("/api/v1/reports?period=week&at=2026-03-18T10:00:00%2B08:00", "dev-supervisor")
          .json();
  EXPECT_EQ(week.at("from"), "2026-03-16T00:00:00+08:00");
  EXPECT_EQ(week.at("to"), "2026-03-23T00:00:00+08:00");
  EXPECT_EQ(week.at("registered"), 1);
  EXPECT_EQ(week.at("totals").at("received"), 1);
  EXPECT_TRUE(week.at("departments").at(0).at("id").is_null());  // the center, before dispatch
  EXPECT_EQ(week.at("departments").at(1).at("id"), "housing");
  auto year = server->get("/api/v1/reports?period=year", "dev-operator").json();
  EXPECT_NE(year.at("score").at("formula").as_string().find("20 x signed on time"),
            std::string::npos);
  EXPECT_EQ(server->get("/api/v1/reports?period=decade", "dev-operator").code(),
            "validation_failed");
  EXPECT_EQ(server->get("/api/v1/reports", "dev-housing").code(), "forbidden");
}

TEST_F(Contract, ListingFiltersAndPagesWithACursor) {
  start();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(open());
  act(ids[1], "dispatch", "dev-operator", R"({"lead":"housing"})");
  act(ids[3], "dispatch", "dev-operator", R"({"lead":"housing"})");
  auto page = server->get("/api/v1/tickets?limit=2", "dev-supervisor").json();
  ASSERT_EQ(page.at("items").as_array().size(), 2u);
  EXPECT_EQ(page.at("items").at(0).at("id"), boost::json::value(ids[0]));
  std::string next(page.at("next").get_string());
  auto rest = server->get("/api/v1/tickets?limit=10&after=" + next, "dev-supervisor").json();
  EXPECT_EQ(rest.at("items").as_array().size(), 3u);
  EXPECT_TRUE(rest.at("next").is_null());
  auto dispatched = server->get("/api/v1/tickets?status=dispatched", "dev-supervisor").json();
  EXPECT_EQ(dispatched.at("items").as_array().size(), 2u);
  auto housing =
      server->get("/api/v1/tickets?department=housing&status=dispatched", "dev-operator").json();
  EXPECT_EQ(housing.at("items").as_array().size(), 2u);
  server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-18T09:00:00+08:00"})");
  EXPECT_EQ(server->get("/api/v1/tickets?overdue=true", "dev-supervisor")
                .json()
                .at("items")
                .as_array()
                .size(),
            2u);
  EXPECT_EQ(server->get("/api/v1/tickets?limit=0", "dev-supervisor").code(), "validation_failed");
}

}  // namespace
}  // namespace hotline::testing
