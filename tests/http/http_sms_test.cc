// Messages to callers through a fake SMS gateway, a real HTTP server on loopback (004 art. 15,
// 002 art. 19(1), 001 art. 15): the result and the satisfaction survey go out through the
// outbox; the caller's answer, brought back by the gateway, becomes the evaluation. A blocked
// caller is never messaged (000 art. 20).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include "http/civet_server.h"
#include "tests/support/server_process.h"

namespace hotline::testing {
namespace {

// The gateway as a provider runs one: it takes a message once per Idempotency-Key.
class fake_gateway {
 public:
  fake_gateway()
      : server_({"127.0.0.1:0", 8, 1 << 16, nullptr}, [this](const http::request& r) {
          std::lock_guard<std::mutex> lock(mutex_);
          if (r.header("authorization") != "Bearer gw-token") return http::json_response(401, {});
          auto doc = boost::json::parse(r.body).as_object();
          received_.emplace(r.header("idempotency-key"), doc);
          return http::json_response(200, {{"accepted", true}});
        }) {
    EXPECT_EQ(server_.start(), "");
  }
  std::string url() const { return "http://" + server_.bound() + "/send"; }
  std::map<std::string, boost::json::object> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, boost::json::object> received_;  // by idempotency key
  http::civet_server server_;
};

class Sms : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(files.path);
    std::ofstream(files.path + "/peers.json")
        << R"({"peers":[],"sms_gateway":{"url":")" << gateway.url() << R"(","token":"gw-token"}})";
    server = std::make_unique<server_process>(
        "heyuan", data.path,
        std::vector<std::string>{"--clock", "virtual", "--start", "2026-03-16T09:00:00+08:00",
                                 "--peers", files.path + "/peers.json", "--retry-max", "0.2"});
    ASSERT_NE(server->port(), 0);
  }
  std::string submit(const std::string& type) {
    auto r = server->post("/api/v1/tickets", "dev-operator",
                          R"({"channel":"phone","type":")" + type +
                              R"(","title":"停水什么时候恢复","content":"幸福小区停水",
                              "citizen":{"name":"张三","phone":"13800000000"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
  http_reply drain() {
    return server->post("/admin/outbox/drain", "dev-admin", R"({"timeout_seconds":60})");
  }

  fake_gateway gateway;
  temp_dir files, data;
  std::unique_ptr<server_process> server;
};

TEST_F(Sms, Heyuan004Art15_TheCallersSmsAnswerBecomesTheEvaluation) {
  std::string id = submit("consultation");
  ASSERT_EQ(server
                ->post("/api/v1/tickets/" + id + "/answer", "dev-operator",
                       R"({"answer":"管网抢修中，预计今晚恢复"})")
                .status,
            200);
  ASSERT_EQ(drain().status, 200);
  auto got = gateway.received();
  ASSERT_EQ(got.size(), 2u);  // the answer, then the survey
  for (const auto& [key, m] : got) {
    EXPECT_EQ(m.at("to"), "13800000000");
    EXPECT_EQ(m.at("ticket"), id.c_str());
    EXPECT_EQ(m.at("id"), key.c_str());
  }
  std::string survey(std::prev(got.end())->second.at("text").get_string());
  EXPECT_NE(survey.find("回复1为满意"), std::string::npos) << survey;

  // Not the caller's phone: refused, nothing changes.
  auto other = server->post("/api/v1/sms/inbound", "gw-token",
                            R"({"ticket":")" + id + R"(","from":"13900000000","text":"1"})");
  EXPECT_EQ(other.status, 403) << other.body;
  // Not an answer: refused, naming the field.
  auto vague = server->post("/api/v1/sms/inbound", "gw-token",
                            R"({"ticket":")" + id + R"(","from":"13800000000","text":"好的"})");
  EXPECT_EQ(vague.status, 422) << vague.body;
  // Only the gateway's token brings replies.
  EXPECT_EQ(server->post("/api/v1/sms/inbound", "dev-operator", "{}").status, 403);

  auto answer = server->post("/api/v1/sms/inbound", "gw-token",
                             R"({"ticket":")" + id + R"(","from":"+86 138 0000 0000","text":"1"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto t = answer.json();
  EXPECT_EQ(t.at("status"), "closed");
  EXPECT_EQ(t.at("evaluation"), "satisfied");
  EXPECT_EQ(t.at("history").as_array().back().at("by"), "gateway:sms_gateway");
}

// The survey waits for an answer for the policy's time (3 working days, assumed), counted on the
// calendar from the answer: Monday 16 March 2026, 09:00 -> Thursday 19 March, 17:30. Heyuan
// visits back only as needed (004 art. 15): unanswered, the item closes unscored.
TEST_F(Sms, Heyuan004Art15_AnUnansweredSurveyIsRecordedOnItsDayAndClosesTheItem) {
  std::string id = submit("consultation");
  auto answered = server->post("/api/v1/tickets/" + id + "/answer", "dev-operator",
                               R"({"answer":"管网抢修中，预计今晚恢复"})");
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json().at("deadlines").at("survey"), "2026-03-19T17:30:00+08:00");
  EXPECT_EQ(answered.json().at("history").as_array().back().at("event"), "survey_sent");
  auto clock = [&](const std::string& to) {
    return server->post("/admin/clock", "dev-admin", R"({"to":")" + to + R"("})").status;
  };
  ASSERT_EQ(clock("2026-03-19T17:29:59+08:00"), 200);
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("status"), "answered");
  ASSERT_EQ(clock("2026-03-19T17:30:00+08:00"), 200);
  auto t = server->get("/api/v1/tickets/" + id, "dev-operator").json();
  EXPECT_EQ(t.at("status"), "closed");
  EXPECT_EQ(t.at("evaluation"), nullptr);  // silence is neither satisfied nor dissatisfied
  const auto& history = t.at("history").as_array();
  auto unanswered = std::find_if(history.begin(), history.end(), [](const boost::json::value& e) {
    return e.at("event") == "survey_unanswered";
  });
  ASSERT_NE(unanswered, history.end());
  EXPECT_EQ(unanswered->at("at"), "2026-03-19T17:30:00+08:00");
  EXPECT_EQ(unanswered->at("by"), "system:timer");
  EXPECT_EQ(unanswered->at("data").at("then"), "closes");
  // Too late: the item is closed.
  auto late = server->post("/api/v1/sms/inbound", "gw-token",
                           R"({"ticket":")" + id + R"(","from":"13800000000","text":"1"})");
  EXPECT_EQ(late.status, 409) << late.body;
}

TEST_F(Sms, Yaoan000Art20_ABlockedCallerIsNeverMessaged) {
  std::string earlier = submit("consultation");
  std::string abusive = submit("consultation");
  ASSERT_EQ(server
                ->post("/api/v1/tickets/" + abusive + "/request_block", "dev-operator",
                       R"({"reason":"反复辱骂话务员"})")
                .status,
            200);
  ASSERT_EQ(
      server->post("/api/v1/tickets/" + abusive + "/approve_block", "dev-supervisor", "{}").status,
      200);
  // Answered after the block: its messages are written, and never sent.
  ASSERT_EQ(
      server
          ->post("/api/v1/tickets/" + earlier + "/answer", "dev-operator", R"({"answer":"已答复"})")
          .status,
      200);
  ASSERT_EQ(drain().status, 200);
  EXPECT_TRUE(gateway.received().empty());
  auto box = server->get("/admin/outbox", "dev-admin").json();
  EXPECT_EQ(box.at("failed"), 2);
  EXPECT_EQ(box.at("items").at(0).at("state"), "failed");
  EXPECT_NE(std::string(box.at("items").at(0).at("last_error").get_string()).find("blocked"),
            std::string::npos);
}

}  // namespace
}  // namespace hotline::testing
