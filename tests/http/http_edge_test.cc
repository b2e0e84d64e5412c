// The edge against a hostile or careless client, on the real server: every answer in the
// contract's shape and valid UTF-8, whatever bytes came in; paths, HEAD, query strings, the
// clock's range, roles before bodies, idempotent refusals, and operators' kills and un-parking.
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {

const std::string complaint = R"({"channel":"web","type":"complaint","title":"噪音扰民",
    "content":"夜间施工噪音","citizen":{"name":"王五","phone":"13900000000"}})";

struct Edge : virtual_server {
  void SetUp() override { start("heyuan"); }
  std::string open() {
    auto r = server->post("/api/v1/tickets", "dev-operator", complaint);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
};

// The contract's error body, parsed strictly: Boost.JSON refuses invalid UTF-8.
void expect_error_shape(const http_reply& r, int status, const std::string& what) {
  EXPECT_EQ(r.status, status) << what << ": " << r.body;
  EXPECT_EQ(r.headers.count("content-type") ? r.headers.at("content-type") : "", "application/json")
      << what;
  boost::json::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  ASSERT_FALSE(ec) << what << ": not JSON or not UTF-8: " << r.body;
  const auto& e = v.at("error");
  EXPECT_FALSE(e.at("code").as_string().empty()) << what;
  EXPECT_FALSE(e.at("message").as_string().empty()) << what;
  EXPECT_TRUE(e.at("details").is_object()) << what;
}

TEST_F(Edge, RequestsCivetWebRefusesComeBackInTheContractsShape) {
  expect_error_shape(server->raw("TRACE / HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "TRACE");
  expect_error_shape(server->raw("GARBAGE\r\n\r\n"), 400, "no request line");
  expect_error_shape(
      server->raw("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"), 411,
      "bad Content-Length");
  expect_error_shape(server->raw("GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n"), 400,
                     "request line over the limit");
  std::string many_headers = "GET /admin/health HTTP/1.1\r\n";
  for (int i = 0; i < 200; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  auto r = server->raw(many_headers + "\r\n");
  EXPECT_EQ(r.headers["content-type"], "application/json") << r.status << " " << r.body;
  expect_error_shape(server->raw("GET / HTTP/9.9\r\n\r\n"), 505, "unknown HTTP version");
}

TEST_F(Edge, WhatTheServerWritesIsUtf8AlsoWhenItQuotesBadBytes) {
  expect_error_shape(server->get("/api/v1/tickets/%FF", "dev-operator"), 400, "path %FF");
  expect_error_shape(server->get("/api/v1/tickets?status=%FF%FE", "dev-operator"), 422,
                     "query value");
  expect_error_shape(server->get("/api/v1/tickets?%C0%AF=1", "dev-operator"), 422, "query name");
  expect_error_shape(server->get("/api/v1/departments/%ED%A0%80/stats", "dev-operator"), 400,
                     "a surrogate");
}

TEST_F(Edge, ANulByteInAPathIsRefusedNotCut) {
  std::string id = open();
  expect_error_shape(server->get("/api/v1/tickets/" + id + "%00junk", "dev-operator"), 400, "%00");
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").status, 200);
}

TEST_F(Edge, HeadIsAnsweredLikeGetWithoutTheBody) {
  std::string id = open();
  auto get = server->get("/api/v1/tickets/" + id, "dev-operator");
  auto head = server->request("HEAD", "/api/v1/tickets/" + id, "dev-operator");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.headers["content-length"], std::to_string(get.body.size()));
  auto refused = server->request("HEAD", "/api/v1/tickets/" + id + "/dispatch", "dev-operator");
  EXPECT_EQ(refused.status, 405);
  EXPECT_EQ(refused.body, "");
  EXPECT_EQ(server->request("DELETE", "/api/v1/tickets/" + id, "dev-operator").headers["allow"],
            "GET, HEAD");
}

TEST_F(Edge, TheClockRefusesAnAdvanceOutOfRangeAndStaysPut) {
  auto before = server->get("/admin/clock", "dev-admin").json().at("now");
  for (const char* seconds : {"9223372036854775807", "18446744073709551615", "-1", "1e30"}) {
    auto r = server->post("/admin/clock", "dev-admin",
                          std::string(R"({"advance_seconds":)") + seconds + "}");
    expect_error_shape(r, 422, seconds);
    EXPECT_EQ(r.json().at("error").at("details").at("field"), "advance_seconds");
  }
  EXPECT_EQ(server->get("/admin/clock", "dev-admin").json().at("now"), before);
}

TEST_F(Edge, ARoleThatMayNotActIsRefusedWhateverItsBody) {
  std::string id = open();
  for (const char* body : {"{", "[]", R"({"lead":42})", R"({"lead":"housing"})"}) {
    EXPECT_EQ(server->post("/api/v1/tickets", "dev-housing", body).code(), "forbidden") << body;
    EXPECT_EQ(server->post("/api/v1/tickets/" + id + "/dispatch", "dev-supervisor", body).code(),
              "forbidden")
        << body;
  }
}

TEST_F(Edge, AnIdempotencyKeyReplaysItsFirstAnswerARefusalIncluded) {
  std::map<std::string, std::string> key{{"Idempotency-Key", "k-1"}};
  auto first = server->post("/api/v1/tickets", "dev-operator", R"({"channel":"fax"})", key);
  EXPECT_EQ(first.status, 422);
  auto retry = server->post("/api/v1/tickets", "dev-operator", complaint, key);
  EXPECT_EQ(retry.status, 422);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(server->get("/api/v1/tickets", "dev-operator").json().at("items").as_array().size(),
            0u);
  auto bad_json =
      server->post("/api/v1/tickets", "dev-operator", "{", {{"Idempotency-Key", "k-2"}});
  EXPECT_EQ(bad_json.code(), "bad_json");
  EXPECT_EQ(
      server->post("/api/v1/tickets", "dev-operator", complaint, {{"Idempotency-Key", "k-2"}}).body,
      bad_json.body);
}

TEST_F(Edge, QueryTimesAreReadAsMeantAndUnknownParametersNamed) {
  EXPECT_EQ(server->get("/api/v1/reports?period=week&at=2026-03-16T09:00:00+08:00", "dev-operator")
                .status,
            200);  // '+' as typed
  EXPECT_EQ(server->get("/api/v1/reports?at=2026-03-16T09:00:00%2B08:00", "dev-operator").status,
            200);
  EXPECT_EQ(server->get("/api/v1/reports?at=2026-03-16T09:00:00%2008:00", "dev-operator").status,
            200);  // a form encoder's space for '+'
  auto bad = server->get("/api/v1/reports?at=yesterday", "dev-operator");
  expect_error_shape(bad, 422, "at=yesterday");
  EXPECT_NE(bad.json().at("error").at("message").as_string().find("+08:00"), std::string::npos);
  auto typo = server->get("/api/v1/tickets?stauts=closed", "dev-operator");
  expect_error_shape(typo, 422, "stauts");
  EXPECT_EQ(typo.json().at("error").at("details").at("field"), "stauts");
  EXPECT_EQ(server->get("/api/v1/departments?x=1", "dev-operator").status, 422);
}

// Waits, by asking, until the ticket has a live actor again after a kill.
bool comes_back(server_process& s, const std::string& id) {
  for (int i = 0; i < 500; ++i)
    if (s.get("/admin/actors/ticket/" + id, "dev-admin").json().at("alive").as_bool()) return true;
  return false;
}

TEST_F(Edge, AnOperatorsKillsAreCountedApartAndNeverParkATicket) {
  std::string id = open();
  ASSERT_EQ(
      server->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator", R"({"lead":"housing"})")
          .status,
      200);
  EXPECT_EQ(server->post("/admin/actors/ticket/" + id + "/unpark", "dev-admin", "").code(),
            "not_found");  // it is not parked
  for (int kill = 0; kill < 5; ++kill) {
    ASSERT_TRUE(comes_back(*server, id)) << kill;
    EXPECT_EQ(server->post("/admin/actors/ticket/" + id + "/kill", "dev-admin", "").status, 200);
  }
  ASSERT_TRUE(comes_back(*server, id));
  EXPECT_FALSE(
      server->get("/admin/actors/ticket/" + id, "dev-admin").json().at("failed").as_bool());
  auto metrics = server->get("/metrics", "dev-admin").body;
  EXPECT_NE(metrics.find("hotline_actor_kills_total 5"), std::string::npos);
  EXPECT_NE(metrics.find("hotline_actor_restarts_total 0"), std::string::npos);
  EXPECT_EQ(server->post("/api/v1/tickets/" + id + "/sign", "dev-housing", "{}").status, 200);
}

TEST(EdgeFlags, BadValuesAreRefusedInEitherSpelling) {
  temp_dir dir;
  for (std::vector<std::string> flags : {std::vector<std::string>{"--threads=0"},
                                         {"--threads", "many"},
                                         {"--durability=foo"},
                                         {"--max-body", "1e9"},
                                         {"--connections=-1"},
                                         {"--threads=8", "--threads=9"}}) {
    server_process s("heyuan", dir.path, flags);
    EXPECT_EQ(s.port(), 0) << flags[0];
    EXPECT_EQ(s.stop(), 2) << flags[0];
  }
  server_process good("heyuan", dir.path, {"--threads=8", "--durability=relaxed"});
  EXPECT_NE(good.port(), 0);
}

// One work slot. The first request holds it while its body is awaited: it was told
// 100 Continue, so it was admitted.
TEST(EdgeOverload, ASaturatedServerShedsWithRetryAfterBeforeTheBodyAndOperatorsStillSeeIt) {
  temp_dir dir;
  server_process s("heyuan", dir.path, {"--threads=1"});
  ASSERT_NE(s.port(), 0);
  client_connection holder(s.port());
  holder.send(
      "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-operator\r\n"
      "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
      std::to_string(complaint.size()) + "\r\n\r\n");
  ASSERT_TRUE(holder.read_until("HTTP/1.1 100 Continue\r\n\r\n"));

  // Shed before its body is sent: 503 in the contract's shape with Retry-After, and the
  // connection closed, since the body it announced was never read.
  auto shed = s.raw(
      "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-operator\r\n"
      "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 4096\r\n\r\n");
  expect_error_shape(shed, 503, "shed");
  EXPECT_EQ(shed.code(), "overloaded");
  EXPECT_EQ(shed.headers["retry-after"], "1");
  EXPECT_EQ(shed.headers["connection"], "close");
  // A shed request without a body keeps its connection: the next request on it is answered.
  client_connection kept(s.port());
  const std::string list =
      "GET /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-operator\r\n\r\n";
  for (int i = 0; i < 2; ++i) {
    kept.send(list);
    auto again = kept.read_reply();
    EXPECT_EQ(again.status, 503) << i;
    EXPECT_EQ(again.headers.count("connection"), 0u) << i;
  }
  // Operators still see the server.
  EXPECT_EQ(s.get("/admin/health", "").status, 200);
  auto metrics = s.get("/metrics", "dev-admin");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find(R"({method="POST",route="shed",status="503"} 1)"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find(R"({method="GET",route="shed",status="503"} 2)"), std::string::npos)
      << metrics.body;

  holder.send(complaint);
  EXPECT_EQ(holder.read_reply().status, 201);
  EXPECT_EQ(s.post("/api/v1/tickets", "dev-operator", complaint).status, 201);
}

}  // namespace
}  // namespace hotline::testing
