// Full lifecycles over HTTP against the real server, one per jurisdiction, with the clock
// driven through /admin/clock.
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {

std::string status_of(const http_reply& r) {
  auto v = r.json();
  return v.is_object() && v.get_object().contains("status")
             ? std::string(v.at("status").get_string())
             : "HTTP " + std::to_string(r.status) + " " + r.body;
}

// The ids a listing returns.
std::vector<std::string> ids_in(const http_reply& r) {
  std::vector<std::string> ids;
  auto listing = r.json();
  for (const auto& t : listing.at("items").as_array()) ids.emplace_back(t.at("id").as_string());
  return ids;
}

struct Server : virtual_server {
  std::string open(
      const std::string& body = R"({"channel":"phone","type":"complaint","title":"小区停水",
      "content":"幸福小区停水三天","citizen":{"name":"张三","phone":"13800000000"},"region":"r1","topic":"water"})") {
    auto r = server->post("/api/v1/tickets", "dev-operator", body);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.headers["location"],
              "/api/v1/tickets/" + std::string(r.json().at("id").get_string()));
    return std::string(r.json().at("id").get_string());
  }
  std::string act(const std::string& id, const std::string& action, const std::string& token,
                  const std::string& body = "{}") {
    return status_of(server->post("/api/v1/tickets/" + id + "/" + action, token, body));
  }
  void advance(const std::string& to) {
    auto r = server->post("/admin/clock", "dev-admin", R"({"to":")" + to + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
  }
  boost::json::value ticket(const std::string& id) {
    return server->get("/api/v1/tickets/" + id, "dev-supervisor").json();
  }
};

const std::string handler = R"("handler":{"name":"李四","post":"科长","phone":"0558-7654321"})";

TEST_F(Server, Yaoan000OfficeLeaderInstructsSectionRepliesBureauHeadSeals) {
  start("yaoan-water");
  std::string id = open();
  EXPECT_EQ(server
                ->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator",
                       R"({"lead":"water-supply"})")
                .code(),
            "validation_failed");
  EXPECT_EQ(act(id, "dispatch", "dev-operator",
                R"({"lead":"water-supply","approved_by":{"name":"杨书记","post":"副书记"}})"),
            "dispatched");
  EXPECT_EQ(act(id, "sign", "dev-water-supply"), "handling");
  EXPECT_EQ(act(id, "contact", "dev-water-supply", R"({"note":"已联系"})"), "handling");
  EXPECT_EQ(act(id, "reply", "dev-water-supply",
                R"({"result":"已抢修",)" + handler + R"(,"approved_by":{"name":"李局长"}})"),
            "replied");
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":true})"), "closed");
  auto t = ticket(id);
  EXPECT_EQ(t.at("retain_until"), "2028-03-16");
  EXPECT_EQ(t.at("approvals").as_array().size(), 2u);
}

TEST_F(Server, Mengcheng001DeemedAcceptanceExtensionAndTermination) {
  start("mengcheng");
  std::string id = open();
  EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})"), "dispatched");
  advance("2026-03-17T17:30:00+08:00");
  auto t = ticket(id);
  EXPECT_EQ(t.at("status"), "handling");
  EXPECT_EQ(t.at("overdue"), true);
  EXPECT_EQ(act(id, "request_extension", "dev-housing",
                R"({"working_days":5,"reason":"需多部门协调","approved_by":{"name":"局长"}})"),
            "handling");
  // The supervisor's inbox: what waits for a decision, by kind.
  auto waiting = [&](const std::string& kind) {
    return ids_in(server->get("/api/v1/tickets?pending=" + kind, "dev-supervisor"));
  };
  EXPECT_EQ(waiting("extension"), std::vector<std::string>{id});
  EXPECT_TRUE(waiting("termination").empty());
  EXPECT_EQ(server->get("/api/v1/tickets?pending=holiday", "dev-supervisor").code(),
            "validation_failed");
  EXPECT_EQ(act(id, "approve_extension", "dev-supervisor"), "handling");
  EXPECT_TRUE(waiting("extension").empty());
  EXPECT_EQ(ticket(id).at("deadlines").at("handle"), "2026-04-07T17:30:00+08:00");
  std::string again = open(
      R"({"channel":"phone","type":"complaint","title":"又停水","content":"再次反映","related_to":")" +
      id + R"("})");
  EXPECT_EQ(ticket(again).at("repeat_count"), 1);
  EXPECT_EQ(act(again, "dispatch", "dev-operator",
                R"({"lead":"housing","approved_by":{"name":"王主任"}})"),
            "dispatched");
  EXPECT_EQ(act(again, "sign", "dev-housing", R"({"approved_by":{"name":"局长"}})"), "handling");
  EXPECT_EQ(act(again, "request_termination", "dev-housing",
                R"({"reason":"无理诉求","approved_by":{"name":"局长"}})"),
            "handling");
  EXPECT_EQ(waiting("termination"), std::vector<std::string>{again});
  // The county head consents by name, and the item is reported to the city (001 art. 20).
  auto unsigned_consent = server->post("/api/v1/tickets/" + again + "/approve_termination",
                                       "dev-supervisor", R"({"reason":"县长同意"})");
  EXPECT_EQ(unsigned_consent.status, 422);
  EXPECT_EQ(unsigned_consent.json().at("error").at("details").at("level"), "county_head");
  EXPECT_EQ(act(again, "approve_termination", "dev-supervisor",
                R"({"reason":"县长同意","approved_by":{"name":"刘县长","post":"县长"}})"),
            "terminated");
  auto history = server->get("/api/v1/tickets/" + again, "dev-supervisor").json().at("history");
  const auto& done = history.as_array()[history.as_array().size() - 2];
  EXPECT_EQ(done.at("event"), "terminated");
  EXPECT_EQ(done.at("data").at("approval").at("name"), "刘县长");
  EXPECT_NE(std::string(done.at("data").at("reported_to").as_string()).find("销号"),
            std::string::npos);
}

TEST_F(Server, Zhijiang002ReturnRefusedThenProfessionalEvaluation) {
  start("zhijiang");
  std::string id = open();
  EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing","complexity":"complex"})"),
            "dispatched");
  EXPECT_EQ(act(id, "return", "dev-housing", R"({"reason":"不属本单位","suggest":"waterworks"})"),
            "dispatched");
  // Refused: the unit takes it in the normal way, signing within a new half-day term.
  EXPECT_EQ(act(id, "reject_return", "dev-supervisor", R"({"reason":"属地管理"})"), "dispatched");
  EXPECT_EQ(ticket(id).at("deadlines").at("sign"), "2026-03-16T11:45:00+08:00");
  EXPECT_EQ(act(id, "sign", "dev-housing"), "handling");
  EXPECT_EQ(ticket(id).at("deadlines").at("handle"), "2026-04-07T17:30:00+08:00");
  EXPECT_EQ(act(id, "reply", "dev-housing", R"({"result":"已处理",)" + handler + "}"), "replied");
  // A dissatisfaction is redone once verified as the unit's fault (002 art. 19(3)).
  EXPECT_EQ(
      server->post("/api/v1/tickets/" + id + "/evaluate", "dev-operator", R"({"satisfied":false})")
          .code(),
      "validation_failed");
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":false,"unit_at_fault":true})"),
            "handling");
  EXPECT_EQ(act(id, "reply", "dev-housing", R"({"result":"再次处理",)" + handler + "}"), "replied");
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":false,"unit_at_fault":true})"),
            "professional_review");
  EXPECT_EQ(act(id, "review", "dev-supervisor", R"({"upheld":true,"note":"已依法处理"})"),
            "closed");
}

TEST_F(Server, Pingdingshan003ClassCNamedLeaderUnitAndLadder) {
  start("pingdingshan");
  std::string id = open();
  EXPECT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"xinhua","class":"B"})"), "dispatched");
  EXPECT_EQ(act(id, "sign", "dev-xinhua"), "handling");
  EXPECT_EQ(act(id, "assign_unit", "dev-xinhua", R"({"unit":"ximarket"})"), "handling");
  EXPECT_EQ(act(id, "contact", "dev-ximarket", R"({"note":"街道已联系"})"), "handling");
  advance("2026-03-30T17:30:00+08:00");
  EXPECT_EQ(ticket(id).at("supervision_level"), "on_site");
  EXPECT_EQ(act(id, "plan", "dev-ximarket", R"({"plan":"三日内清理完毕"})"), "handling");
  // The level-3 unit reports to its level-2 unit, which replies to the office (003 §1(4)).
  EXPECT_EQ(server
                ->post("/api/v1/tickets/" + id + "/reply", "dev-ximarket",
                       R"({"result":"已清理",)" + handler + R"(,"approved_by":{"name":"王主任"}})")
                .status,
            403);
  EXPECT_EQ(act(id, "unit_report", "dev-ximarket", R"({"result":"已清理"})"), "handling");
  EXPECT_EQ(act(id, "reply", "dev-xinhua",
                R"({"result":"已清理",)" + handler + R"(,"approved_by":{"name":"李区长"}})"),
            "replied");
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":true})"), "closed");
}

TEST_F(Server, Heyuan004JointHandlingObjectionAndCityLeader) {
  start("heyuan");
  std::string id = open();
  // Joint and difficult: a city leader approves (004 art. 12).
  EXPECT_EQ(server
                ->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator",
                       R"({"lead":"housing","co":["urban-management"],"complexity":"complex"})")
                .json()
                .at("error")
                .at("details")
                .at("level"),
            "city_leader");
  EXPECT_EQ(act(id, "dispatch", "dev-operator",
                R"({"lead":"housing","co":["urban-management"],"complexity":"complex",
                    "approved_by":{"name":"陈副市长"}})"),
            "dispatched");
  EXPECT_EQ(act(id, "sign", "dev-housing"), "handling");
  EXPECT_EQ(act(id, "co_report", "dev-urban-management", R"({"result":"已清理占道"})"), "handling");
  EXPECT_EQ(act(id, "reply", "dev-housing", R"({"result":"已处理",)" + handler + "}"), "replied");
  EXPECT_EQ(act(id, "evaluate", "dev-operator", R"({"satisfied":false,"comment":"有异议"})"),
            "handling");
  EXPECT_EQ(ticket(id).at("supervision_level"), "written");
}

TEST_F(Server, Yaoan000Art20BlockedCallerIsScreenedAtIntakeAcrossARestartUntilLifted) {
  start("yaoan-water");
  std::string id = open();
  EXPECT_EQ(
      act(id, "request_block", "dev-operator", R"({"reason":"反复辱骂话务员，经查证纯属骚扰"})"),
      "received");
  EXPECT_EQ(ticket(id).at("pending").at("block").at("reason"), "反复辱骂话务员，经查证纯属骚扰");
  EXPECT_EQ(act(id, "approve_block", "dev-supervisor"), "closed");
  EXPECT_EQ(ticket(id).at("caller_blocked"), true);

  server.reset();
  start("yaoan-water");  // the block is durable: it lives in the ticket and its index
  const std::string same_phone = R"({"channel":"phone","type":"complaint","title":"再次来电",
      "content":"……","citizen":{"name":"张三","phone":"+86 138-0000-0000"}})";
  auto refused = server->post("/api/v1/tickets", "dev-operator", same_phone);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.code(), "caller_blocked");
  EXPECT_EQ(refused.json().at("error").at("details").at("ticket"), boost::json::value(id));
  auto other_caller = server->post("/api/v1/tickets", "dev-operator",
                                   R"({"channel":"phone","type":"help","title":"停水",
      "content":"停水","citizen":{"name":"李四","phone":"13900000000"}})");
  EXPECT_EQ(other_caller.status, 201);
  EXPECT_EQ(server->get("/api/v1/blocked-callers", "dev-operator").json().at("items"),
            boost::json::parse(R"([{"phone":"13800000000","ticket":")" + id + R"("}])"));
  EXPECT_EQ(server->get("/api/v1/blocked-callers", "dev-water-supply").status, 403);

  EXPECT_EQ(act(id, "lift_block", "dev-supervisor", R"({"reason":"来电人书面致歉"})"), "closed");
  EXPECT_EQ(server->post("/api/v1/tickets", "dev-operator", same_phone).status, 201);
  EXPECT_TRUE(server->get("/api/v1/blocked-callers", "dev-supervisor")
                  .json()
                  .at("items")
                  .as_array()
                  .empty());
}

}  // namespace
}  // namespace hotline::testing
