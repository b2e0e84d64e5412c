// The knowledge base and full-text search through the real server (001 art. 10(1), 002 art.
// 6(7), 7(7), 8(3), 004 art. 6, 23(9)): entries kept by their owners, an operator's answer that
// cites one, stale entries flagged, and Chinese queries over entries and tickets that show each
// viewer only what it may see, from an index that outlives a restart and its own deletion.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {
namespace json = boost::json;

const std::string entry_body = R"({"title":"小区停水三天如何处理",
  "body":"先向县自来水公司报修；三日内未恢复供水的，由热线督办。","owner":"waterworks",
  "review_by":"2026-03-31","source":"蒙城县城区供水服务规范"})";
const std::string outage = R"({"channel":"phone","type":"complaint","title":"小区停水三天",
  "content":"城关街道幸福小区3栋自周一起停水","citizen":{"name":"张三","phone":"13800000000"},
  "confidential":true})";

struct KnowledgeSearch : virtual_server {
  http_reply put(const std::string& id, const std::string& token, const std::string& body) {
    return server->request("PUT", "/api/v1/knowledge/" + id, token, body,
                           {{"Content-Type", "application/json"}});
  }
  std::string open(const std::string& body = outage) {
    auto r = server->post("/api/v1/tickets", "dev-operator", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
  // The ids a listing or search answers, in its order.
  std::vector<std::string> ids(const std::string& path, const std::string& token) {
    auto r = server->get(path, token);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    auto listing = r.json();  // named: a range-for over a temporary's member reads freed memory
    for (const auto& item : listing.at("items").as_array()) out.emplace_back(item.at("id").as_string());
    return out;
  }
  std::string metrics() { return server->get("/metrics", "dev-admin").body; }
};

const std::string stop_water = "%E5%81%9C%E6%B0%B4";  // 停水
const std::string mars = "%E7%81%AB%E6%98%9F";        // 火星

TEST_F(KnowledgeSearch, Seed001Art10_1_StopWaterFindsTheEntryAndTheTicketAndMarsNothing) {
  start("mengcheng");
  auto created = put("water-outage", "dev-waterworks", entry_body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.headers["location"], "/api/v1/knowledge/water-outage");
  EXPECT_EQ(created.json().at("revision"), 1);
  EXPECT_EQ(created.json().at("valid_from"), "2026-03-16");
  EXPECT_EQ(created.json().at("in_force"), true);
  std::string id = open();
  EXPECT_EQ(ids("/api/v1/knowledge?q=" + stop_water, "dev-operator"),
            std::vector<std::string>{"water-outage"});
  EXPECT_EQ(ids("/api/v1/tickets?q=" + stop_water, "dev-operator"), std::vector<std::string>{id});
  EXPECT_TRUE(ids("/api/v1/knowledge?q=" + mars, "dev-operator").empty());
  EXPECT_TRUE(ids("/api/v1/tickets?q=" + mars, "dev-operator").empty());
  // The caller's name is not indexed: searching for it finds nothing.
  EXPECT_TRUE(ids("/api/v1/tickets?q=%E5%BC%A0%E4%B8%89", "dev-operator").empty());  // 张三
  EXPECT_TRUE(ids("/api/v1/tickets?q=13800000000", "dev-operator").empty());
  // The unit's reply is searchable once given.
  ASSERT_EQ(
      server
          ->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator", R"({"lead":"waterworks"})")
          .status,
      200);
  ASSERT_EQ(server
                ->post("/api/v1/tickets/" + id + "/sign", "dev-waterworks",
                       R"({"approved_by":{"name":"周经理"}})")
                .status,
            200);
  ASSERT_EQ(server
                ->post("/api/v1/tickets/" + id + "/reply", "dev-waterworks",
                       R"({"result":"更换爆裂管段，已恢复供水","handler":{"name":"李四",
                         "post":"班长","phone":"0558-7123456"},"approved_by":{"name":"周经理"}})")
                .status,
            200);
  EXPECT_EQ(ids("/api/v1/tickets?q=%E7%88%86%E8%A3%82", "dev-operator"),  // 爆裂
            std::vector<std::string>{id});
}

TEST_F(KnowledgeSearch, TheIndexSurvivesARestartAndIsRebuiltWhenItsFolderIsDeleted) {
  start("mengcheng");
  ASSERT_EQ(put("water-outage", "dev-operator", entry_body).status, 201);
  std::string id = open();
  ASSERT_EQ(ids("/api/v1/tickets?q=" + stop_water, "dev-operator"), std::vector<std::string>{id});
  server.reset();
  start("mengcheng");
  EXPECT_EQ(ids("/api/v1/knowledge?q=" + stop_water, "dev-operator"),
            std::vector<std::string>{"water-outage"});
  EXPECT_EQ(ids("/api/v1/tickets?q=" + stop_water, "dev-operator"), std::vector<std::string>{id});
  EXPECT_NE(metrics().find("hotline_search_rebuilds_total 0\n"), std::string::npos);
  server.reset();
  std::filesystem::remove_all(dir.path + "/search");
  start("mengcheng");
  EXPECT_EQ(ids("/api/v1/tickets?q=" + stop_water, "dev-operator"), std::vector<std::string>{id});
  EXPECT_EQ(ids("/api/v1/knowledge?q=" + stop_water, "dev-operator"),
            std::vector<std::string>{"water-outage"});
  EXPECT_NE(metrics().find("hotline_search_rebuilds_total 1\n"), std::string::npos);
}

TEST_F(KnowledgeSearch, Seed004Art23_10_ADepartmentFindsOnlyTicketsItMaySeeAndNoCaller) {
  start("mengcheng");
  std::string id = open();
  ASSERT_EQ(
      server
          ->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator", R"({"lead":"waterworks"})")
          .status,
      200);
  EXPECT_TRUE(ids("/api/v1/tickets?q=" + stop_water, "dev-housing").empty());
  auto found = server->get("/api/v1/tickets?q=" + stop_water, "dev-waterworks");
  ASSERT_EQ(found.status, 200) << found.body;
  auto items = found.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("citizen").at("redacted"), true);  // confidential (004 art. 19)
  // The other filters still apply.
  EXPECT_TRUE(ids("/api/v1/tickets?status=closed&q=" + stop_water, "dev-operator").empty());
  EXPECT_EQ(ids("/api/v1/tickets?department=waterworks&q=" + stop_water, "dev-operator"),
            std::vector<std::string>{id});
}

TEST_F(KnowledgeSearch, Seed001Art10_1_AnAnswerCitesAnEntryInForceAndNotAnExpiredOne) {
  start("mengcheng");
  ASSERT_EQ(put("water-outage-2025", "dev-operator",
                R"({"title":"2025年停水补偿","body":"按旧标准补偿。","owner":"waterworks",
                "valid_from":"2025-01-01","valid_to":"2026-03-15","review_by":"2026-12-31"})")
                .status,
            201);
  ASSERT_EQ(put("water-outage", "dev-operator", entry_body).status, 201);
  std::string id = open(R"({"channel":"phone","type":"consultation","title":"停水怎么办",
    "content":"小区停水三天"})");
  auto expired = server->post("/api/v1/tickets/" + id + "/answer", "dev-operator",
                              R"({"answer":"按旧标准补偿","knowledge_entry":"water-outage-2025"})");
  EXPECT_EQ(expired.status, 422) << expired.body;
  EXPECT_EQ(expired.json().at("error").at("details").at("field"), "knowledge_entry");
  auto unknown = server->post("/api/v1/tickets/" + id + "/answer", "dev-operator",
                              R"({"answer":"报修","knowledge_entry":"no-such-entry"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(server->get("/api/v1/tickets/" + id, "dev-operator").json().at("status"), "received");
  auto cited = server->post("/api/v1/tickets/" + id + "/answer", "dev-operator",
                            R"({"answer":"先向自来水公司报修","knowledge_entry":"water-outage"})");
  ASSERT_EQ(cited.status, 200) << cited.body;
  auto last = cited.json().at("history").as_array().back();
  EXPECT_EQ(last.at("event"), "answered");
  EXPECT_EQ(last.at("data").at("knowledge_entry"), "water-outage");
  EXPECT_EQ(last.at("data").at("knowledge_revision"), 1);
}

TEST_F(KnowledgeSearch, Seed004Art23_9_StaleEntriesAreFlaggedToTheirOwners) {
  start("mengcheng");
  ASSERT_EQ(put("water-outage", "dev-waterworks", entry_body).status, 201);
  // Another unit may not rewrite it (002 art. 8(3): each keeps its own).
  auto theirs = put("water-outage", "dev-housing", entry_body);
  EXPECT_EQ(theirs.status, 403) << theirs.body;
  EXPECT_TRUE(ids("/api/v1/knowledge?stale=true", "dev-waterworks").empty());
  ASSERT_EQ(
      server->post("/admin/clock", "dev-admin", R"({"to":"2026-04-01T09:00:00+08:00"})").status,
      200);
  EXPECT_EQ(ids("/api/v1/knowledge?stale=true&owner=waterworks", "dev-waterworks"),
            std::vector<std::string>{"water-outage"});
  EXPECT_TRUE(ids("/api/v1/knowledge?stale=true&owner=housing", "dev-housing").empty());
  EXPECT_EQ(server->get("/api/v1/knowledge/water-outage", "dev-operator").json().at("stale"), true);
  EXPECT_NE(metrics().find("hotline_knowledge_stale_entries{department=\"waterworks\"} 1\n"),
            std::string::npos);
  // Its owner reviews it: a new review date, a new revision, no longer stale.
  std::string reviewed = entry_body;
  reviewed.replace(reviewed.find("2026-03-31"), 10, "2026-09-30");
  auto r = put("water-outage", "dev-waterworks", reviewed);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("revision"), 2);
  EXPECT_EQ(r.json().at("stale"), false);
  EXPECT_EQ(put("water-outage", "dev-waterworks", reviewed).json().at("revision"), 2);
  EXPECT_EQ(metrics().find("hotline_knowledge_stale_entries{"), std::string::npos);
}

}  // namespace
}  // namespace hotline::testing
