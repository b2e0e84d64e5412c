// Rule fidelity through the real server (rules.md §1, §3, §8): who is held to account, and which
// steps need whose name, as a client sees them over HTTP.
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {
namespace json = boost::json;

const std::string complaint = R"({"channel":"phone","type":"complaint","title":"噪音扰民",
  "content":"夜间施工噪音","citizen":{"name":"张三","phone":"13800000000"}})";
const std::string handler = R"("handler":{"name":"李四","post":"科长","phone":"0558-7654321"})";

struct Rules : virtual_server {
  std::string open(const std::string& body = complaint) {
    auto r = server->post("/api/v1/tickets", "dev-operator", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
  http_reply act(const std::string& id, const std::string& action, const std::string& token,
                 const std::string& body = "{}") {
    return server->post("/api/v1/tickets/" + id + "/" + action, token, body);
  }
  json::value ticket(const std::string& id) {
    return server->get("/api/v1/tickets/" + id, "dev-supervisor").json();
  }
};

TEST_F(Rules, Mengcheng001Art10_1_OnlyConsultationsAreAnsweredDirectly) {
  start("mengcheng");
  std::string id = open();
  auto refused = act(id, "answer", "dev-operator", R"({"answer":"已答复"})");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.code(), "invalid_transition");
  EXPECT_EQ(ticket(id).at("status"), "received");  // nothing changed
  std::string question = open(R"({"channel":"phone","type":"consultation","title":"公积金",
    "content":"怎么提取公积金"})");
  EXPECT_EQ(act(question, "answer", "dev-operator", R"({"answer":"携身份证到中心办理"})").status,
            200);
}

TEST_F(Rules, Mengcheng001Art19_NeverMoreDaysThanAskedAndTheUnitHeadPastTen) {
  start("mengcheng");
  std::string id = open();
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  ASSERT_EQ(act(id, "sign", "dev-housing", R"({"approved_by":{"name":"局长"}})").status, 200);
  // 10 + 2 working days passes 10: the unit head's signed application (001 art. 19).
  auto unsigned_request =
      act(id, "request_extension", "dev-housing", R"({"working_days":2,"reason":"需协调"})");
  EXPECT_EQ(unsigned_request.status, 422);
  EXPECT_EQ(unsigned_request.json().at("error").at("details").at("level"), "unit_head");
  ASSERT_EQ(act(id, "request_extension", "dev-housing",
                R"({"working_days":2,"reason":"需协调","approved_by":{"name":"周局长"}})")
                .status,
            200);
  EXPECT_EQ(ticket(id).at("pending").at("extension").at("working_days"), 2);
  auto more = act(id, "approve_extension", "dev-supervisor", R"({"working_days":5})");
  EXPECT_EQ(more.status, 422);
  EXPECT_EQ(more.json().at("error").at("details").at("field"), "working_days");
  EXPECT_EQ(ticket(id).at("extension_count"), 0);
  ASSERT_EQ(act(id, "approve_extension", "dev-supervisor", R"({"working_days":2})").status, 200);
  EXPECT_EQ(ticket(id).at("deadlines").at("handle"), "2026-04-01T17:30:00+08:00");
}

// An item from an upper platform is a key item (001 art. 2, 10(4), 21(1)); its reply needs the
// chain of art. 24: the unit head, the two deputy county heads, then the county head.
TEST_F(Rules, Mengcheng001Art24_AKeyItemsReplyNeedsFourNamesInOrder) {
  start("mengcheng");
  std::string id = open(R"({"channel":"upper_platform","type":"complaint","title":"省热线转办",
    "content":"省12345转来"})");
  auto t = ticket(id);
  EXPECT_EQ(t.at("key_source"), "upper_hotline");
  EXPECT_EQ(t.at("supervision_level"), "written");
  EXPECT_EQ(t.at("sign_off").at("dispatch"), "office_head");
  ASSERT_EQ(
      act(id, "dispatch", "dev-operator", R"({"lead":"housing","approved_by":{"name":"赵主任"}})")
          .status,
      200);
  ASSERT_EQ(act(id, "sign", "dev-housing", R"({"approved_by":{"name":"局长"}})").status, 200);
  json::array chain{"unit_head", "deputy_county_head", "deputy_county_head", "county_head"};
  EXPECT_EQ(ticket(id).at("sign_off_chain").at("reply"), chain);
  auto one = act(id, "reply", "dev-housing",
                 R"({"result":"已处理",)" + handler + R"(,"approved_by":{"name":"局长"}})");
  EXPECT_EQ(one.status, 422);
  EXPECT_EQ(one.json().at("error").at("details").at("field"), "approved_by");
  EXPECT_EQ(ticket(id).at("status"), "handling");
  auto four = act(id, "reply", "dev-housing",
                  R"({"result":"已处理",)" + handler + R"(,"approved_by":[{"name":"周局长"},
                      {"name":"吴副县长"},{"name":"郑副县长"},{"name":"刘县长"}]})");
  ASSERT_EQ(four.status, 200) << four.body;
  std::vector<std::string> names, levels;
  auto replied = ticket(id);
  for (const auto& a : replied.at("approvals").as_array())
    if (a.at("step") == "reply") {
      names.emplace_back(a.at("name").as_string());
      levels.emplace_back(a.at("level").as_string());
    }
  EXPECT_EQ(names, (std::vector<std::string>{"周局长", "吴副县长", "郑副县长", "刘县长"}));
  EXPECT_EQ(levels, (std::vector<std::string>{"unit_head", "deputy_county_head",
                                              "deputy_county_head", "county_head"}));
}

// A silent co-handler is late itself, not the lead (004 art. 11, 23(5); rules.md §1).
TEST_F(Rules, Heyuan004Art23_5_ASilentCoHandlerIsOverdueItselfNotTheLead) {
  start("heyuan");
  std::string id = open();
  ASSERT_EQ(
      act(id, "dispatch", "dev-operator", R"({"lead":"housing","co":["urban-management"]})").status,
      200);
  ASSERT_EQ(act(id, "sign", "dev-housing").status, 200);
  auto t = ticket(id);
  EXPECT_EQ(t.at("deadlines").at("handle"), "2026-03-30T17:30:00+08:00");
  const auto& part = t.at("co_reports").as_array().at(0);
  EXPECT_EQ(part.at("department"), "urban-management");
  EXPECT_EQ(part.at("due"), "2026-03-27T17:30:00+08:00");  // a working day before the lead's
  ASSERT_EQ(
      server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-27T17:30:00+08:00"})").status,
      200);
  t = ticket(id);
  EXPECT_EQ(t.at("co_reports").as_array().at(0).at("overdue"), true);
  EXPECT_EQ(t.at("overdue"), false);
  bool recorded = false;
  for (const auto& e : t.at("history").as_array())
    recorded = recorded || e.at("event") == "co_report_overdue";
  EXPECT_TRUE(recorded);
  // The lead is not held up by the late part: it replies for the whole.
  EXPECT_EQ(act(id, "reply", "dev-housing", R"({"result":"已处理",)" + handler + "}").status, 200);
  const std::string march = "?from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00";
  auto co_stats =
      server->get("/api/v1/departments/urban-management/stats" + march, "dev-supervisor").json();
  EXPECT_EQ(co_stats.at("counts").at("co_assigned"), 1);
  EXPECT_EQ(co_stats.at("counts").at("co_overdue"), 1);
  auto lead_stats =
      server->get("/api/v1/departments/housing/stats" + march, "dev-supervisor").json();
  EXPECT_EQ(lead_stats.at("counts").at("replied"), 1);
  EXPECT_EQ(lead_stats.at("counts").at("overdue"), 0);
}

// 002 art. 16(3): an emergency dispatched on a Sunday night is signed and its caller reached
// within the hour, not on Monday's business hours.
TEST_F(Rules, Zhijiang002Art16_3_AnEmergencyRunsOnThe24x7ClockFromDispatch) {
  server = std::make_unique<server_process>(
      "zhijiang", dir.path,
      std::vector<std::string>{"--clock", "virtual", "--start", "2026-03-15T22:00:00+08:00"});
  std::string id = open(R"({"channel":"phone","type":"help","title":"燃气管道破裂",
    "content":"小区燃气管道破裂需紧急处置","emergency":true})");
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  auto t = ticket(id);
  EXPECT_EQ(t.at("deadlines").at("sign"), "2026-03-15T23:00:00+08:00");
  EXPECT_EQ(t.at("deadlines").at("contact"), "2026-03-15T23:00:00+08:00");
}

// 003 §1(4): the office dispatches to level-2 units; §5(6): one extension application per item.
TEST_F(Rules, Pingdingshan003_Level2DispatchAndOneExtensionApplication) {
  start("pingdingshan");
  std::string id = open();
  auto past = act(id, "dispatch", "dev-operator", R"({"lead":"ximarket","class":"B"})");
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.json().at("error").at("details").at("field"), "lead");
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"xinhua","class":"B"})").status, 200);
  ASSERT_EQ(act(id, "sign", "dev-xinhua").status, 200);
  ASSERT_EQ(
      act(id, "request_extension", "dev-xinhua", R"({"working_days":3,"reason":"需协调"})").status,
      200);
  ASSERT_EQ(act(id, "reject_extension", "dev-supervisor", R"({"reason":"可按期办结"})").status,
            200);
  auto again =
      act(id, "request_extension", "dev-xinhua", R"({"working_days":2,"reason":"仍需时间"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "limit_reached");
}

// 004 art. 18: a help item's term (3 working days) and limit (5), shown apart.
TEST_F(Rules, Heyuan004Art18_AHelpItemShowsItsTermAndItsLimit) {
  start("heyuan");
  std::string id = open(R"({"channel":"phone","type":"help","title":"求助","content":"老人走失"})");
  ASSERT_EQ(act(id, "dispatch", "dev-operator", R"({"lead":"housing"})").status, 200);
  ASSERT_EQ(act(id, "sign", "dev-housing").status, 200);
  auto t = ticket(id);
  EXPECT_EQ(t.at("deadlines").at("handle_term"), "2026-03-19T17:30:00+08:00");
  EXPECT_EQ(t.at("deadlines").at("handle"), "2026-03-23T17:30:00+08:00");
}

// 002 art. 11(8) is Zhijiang's own ground: Heyuan refuses it before a confirmed rework (art. 9,
// 14), and a caller unhappy with a direct answer is not a unit's dissatisfaction (rules.md §1).
TEST_F(Rules, Heyuan004Art9_14_ARepeatIsAcceptedUntilAConfirmedRework) {
  start("heyuan");
  std::string first = open(R"({"channel":"phone","type":"consultation","title":"咨询",
    "content":"社保怎么交"})");
  ASSERT_EQ(act(first, "answer", "dev-operator", R"({"answer":"到社保局办理"})").status, 200);
  ASSERT_EQ(act(first, "evaluate", "dev-operator", R"({"satisfied":false})").status, 200);
  EXPECT_EQ(ticket(first).at("status"), "received");  // reopened for a unit
  EXPECT_EQ(ticket(first).at("rework_count"), 0);
  std::string again = open(R"({"channel":"phone","type":"consultation","title":"再次咨询",
    "content":"社保怎么交","related_to":")" +
                           first + R"("})");
  auto declined = act(again, "decline", "dev-operator",
                      R"({"reason_code":"repeat_without_new_facts","reason":"重复"})");
  EXPECT_EQ(declined.status, 422);
  EXPECT_EQ(declined.json().at("error").at("details").at("field"), "reason_code");
}

}  // namespace
}  // namespace hotline::testing
