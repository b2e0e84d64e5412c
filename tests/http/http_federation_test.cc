// Upper and lower platforms as two real servers on loopback (002 art. 10, 001 art. 2, 10(4) and
// 20, 003 §1(4)): Heyuan's server plays the upper platform, Mengcheng's the lower. The upper
// forwards an item; the lower registers it on the upper_platform channel with the upper's id and
// term, handles it and reports back; the upper's ticket follows. Deliveries go through each
// side's outbox, and survive SIGKILL of either side: every item arrives exactly once.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "tests/support/server_process.h"

namespace hotline::testing {
namespace {

namespace json = boost::json;

const std::string complaint = R"({"channel":"phone","type":"complaint","title":"小区停水三天",
    "content":"幸福小区3栋自周一起停水","citizen":{"name":"张三","phone":"13800000000"}})";
const std::string drain = R"({"timeout_seconds":60})";

class Federation : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(files.path);
    write(files.path + "/upper.json", "mengcheng", lower_port);
    write(files.path + "/lower.json", "city", upper_port);
    start_upper();
    start_lower();
  }

  static void write(const std::string& file, const std::string& peer, int port) {
    std::ofstream(file) << R"({"peers":[{"id":")" << peer << R"(","url":"http://127.0.0.1:)" << port
                        << R"(","token":"link-city-mengcheng"}]})";
  }
  std::vector<std::string> flags(int port, const std::string& peers) const {
    return {"--clock",     "virtual",
            "--start",     "2026-03-16T09:00:00+08:00",
            "--listen",    "127.0.0.1:" + std::to_string(port),
            "--peers",     peers,
            "--retry-max", "0.2"};
  }
  void start_upper() {
    upper = std::make_unique<server_process>("heyuan", upper_dir.path,
                                             flags(upper_port, files.path + "/upper.json"));
    ASSERT_EQ(upper->port(), upper_port);
  }
  void start_lower() {
    lower = std::make_unique<server_process>("mengcheng", lower_dir.path,
                                             flags(lower_port, files.path + "/lower.json"));
    ASSERT_EQ(lower->port(), lower_port);
  }

  // A complaint registered on the upper platform and forwarded to the lower one.
  std::string forward_new() {
    auto r = upper->post("/api/v1/tickets", "dev-operator", complaint);
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id(r.json().at("id").get_string());
    auto f = upper->post("/api/v1/tickets/" + id + "/forward", "dev-operator",
                         R"({"platform":"mengcheng"})");
    EXPECT_EQ(f.status, 200) << f.body;
    return id;
  }
  // The lower platform's tickets, by the upper item each answers to.
  std::map<std::string, std::vector<json::object>> lower_by_upper() {
    std::map<std::string, std::vector<json::object>> out;
    auto listed = lower->get("/api/v1/tickets?limit=500", "dev-operator").json();
    for (const auto& t : listed.at("items").get_array()) {
      const auto& o = t.get_object();
      out[std::string(o.at("upper").at("ticket").get_string())].push_back(o);
    }
    return out;
  }
  json::object ticket(server_process& s, const std::string& id) {
    return s.get("/api/v1/tickets/" + id, "dev-operator").json().get_object();
  }
  static std::vector<std::string> events(const json::object& t) {
    std::vector<std::string> out;
    for (const auto& h : t.at("history").get_array()) {
      std::string e(h.at("event").get_string());
      if (e == "platform_reported") e += ":" + std::string(h.at("data").at("kind").get_string());
      out.push_back(e);
    }
    return out;
  }

  temp_dir files, upper_dir, lower_dir;
  int upper_port = free_port(), lower_port = free_port();
  std::unique_ptr<server_process> upper, lower;
};

const std::string office = R"({"lead":"waterworks","approved_by":{"name":"王主任","post":"主任"}})";
const std::string signing = R"({"approved_by":{"name":"周经理","post":"总经理"}})";
// A key item's reply in Mengcheng needs four names in order (001 art. 24).
const std::string replying = R"({"result":"更换爆裂管段，已恢复供水",
    "handler":{"name":"李四","post":"维修班长","phone":"0558-7123456"},
    "approved_by":[{"name":"周经理"},{"name":"副县长甲"},{"name":"副县长乙"},{"name":"县长"}]})";

TEST_F(Federation, Zhijiang002Art10_TheLowerPlatformHandlesTheItemAndTheUpperFollowsToClosed) {
  std::string id = forward_new();
  ASSERT_EQ(upper->post("/admin/outbox/drain", "dev-admin", drain).status, 200);
  auto by_upper = lower_by_upper();
  ASSERT_EQ(by_upper[id].size(), 1u);
  json::object low = by_upper[id][0];
  std::string low_id(low.at("id").get_string());
  EXPECT_EQ(low.at("channel"), "upper_platform");
  EXPECT_EQ(low.at("upper").at("platform"), "city");  // from the link's token, not the body
  // The upper's term travels with it: Heyuan's complaint term from Monday 16 March 2026.
  EXPECT_EQ(low.at("upper").at("due"), ticket(*upper, id).at("forwarded_due"));
  EXPECT_EQ(low.at("upper").at("due"), "2026-03-30T17:30:00+08:00");
  // An upper platform's item is a key item in Mengcheng (001 art. 2, 10(4)).
  EXPECT_EQ(low.at("key_source"), "upper_hotline");

  const std::string at = "/api/v1/tickets/" + low_id;
  ASSERT_EQ(lower->post(at + "/dispatch", "dev-operator", office).status, 200);
  ASSERT_EQ(lower->post(at + "/sign", "dev-waterworks", signing).status, 200);
  ASSERT_EQ(lower->post(at + "/reply", "dev-waterworks", replying).status, 200);
  ASSERT_EQ(lower->post("/admin/outbox/drain", "dev-admin", drain).status, 200);
  EXPECT_EQ(ticket(*upper, id).at("status"), "replied");
  ASSERT_EQ(lower->post(at + "/evaluate", "dev-operator", R"({"satisfied":true})").status, 200);
  ASSERT_EQ(lower->post("/admin/outbox/drain", "dev-admin", drain).status, 200);

  auto up = ticket(*upper, id);
  EXPECT_EQ(up.at("status"), "closed");
  EXPECT_EQ(up.at("archived"), true);
  EXPECT_EQ(events(up),
            (std::vector<std::string>{"submitted", "forwarded", "platform_reported:progress",
                                      "platform_reported:replied", "platform_reported:closed",
                                      "closed", "archived"}));
  auto box = lower->get("/admin/outbox", "dev-admin").json();
  EXPECT_EQ(box.at("pending"), 0);
  EXPECT_EQ(box.at("delivered"), 3);
}

TEST_F(Federation, Zhijiang002Art10_AnItemThatIsNotTheirsComesBackToTheCenterToDispatch) {
  std::string id = forward_new();
  ASSERT_EQ(upper->post("/admin/outbox/drain", "dev-admin", drain).status, 200);
  std::string low_id(lower_by_upper()[id].at(0).at("id").get_string());
  auto d = lower->post("/api/v1/tickets/" + low_id + "/decline", "dev-operator",
                       R"({"reason_code":"out_of_jurisdiction","reason":"不属本县管辖",
                           "referral":"亳州市水务局"})");
  ASSERT_EQ(d.status, 200) << d.body;
  ASSERT_EQ(lower->post("/admin/outbox/drain", "dev-admin", drain).status, 200);
  auto up = ticket(*upper, id);
  EXPECT_EQ(up.at("status"), "received");
  EXPECT_EQ(up.at("forwarded_to"), nullptr);
  EXPECT_EQ(events(up).back(), "platform_reported:returned");
  const auto& allowed = up.at("allowed").get_array();
  EXPECT_NE(std::find(allowed.begin(), allowed.end(), json::value("dispatch")), allowed.end());
}

TEST_F(Federation, OnlyAConfiguredPeerIsForwardedToAndOnlyItReportsOnTheItem) {
  auto r = upper->post("/api/v1/tickets", "dev-operator", complaint);
  std::string id(r.json().at("id").get_string());
  auto f = upper->post("/api/v1/tickets/" + id + "/forward", "dev-operator",
                       R"({"platform":"nowhere"})");
  EXPECT_EQ(f.status, 422);
  EXPECT_EQ(f.json().at("error").at("details").at("field"), "platform");
  // An operator cannot pose as an upper platform.
  auto posing = upper->post("/api/v1/tickets", "dev-operator",
                            R"({"channel":"upper_platform","type":"complaint","title":"t",
                                "content":"c","upper":{"ticket":"x"}})");
  EXPECT_EQ(posing.status, 422) << posing.body;
  // A report on an item that was not forwarded is refused and changes nothing.
  auto report = upper->post("/api/v1/tickets/" + id + "/platform_report", "link-city-mengcheng",
                            R"({"kind":"closed"})");
  EXPECT_EQ(report.status, 409) << report.body;
  EXPECT_EQ(ticket(*upper, id).at("status"), "received");
}

TEST_F(Federation, EveryItemArrivesExactlyOnceThroughADownPeerAndSigkillsOfEitherSide) {
  std::set<std::string> forwarded;
  // The lower platform is down: the items wait in the upper's outbox, retried with backoff.
  lower->kill_hard();
  for (int i = 0; i < 5; ++i) forwarded.insert(forward_new());
  auto waiting = upper->post("/admin/outbox/drain", "dev-admin", R"({"timeout_seconds":1})");
  EXPECT_EQ(waiting.status, 503);
  auto box = upper->get("/admin/outbox", "dev-admin").json();
  EXPECT_EQ(box.at("pending"), 5);
  EXPECT_GE(box.at("items").at(0).at("attempts").as_int64(), 1);
  EXPECT_NE(box.at("items").at(0).at("last_error"), nullptr);
  start_lower();
  ASSERT_EQ(upper->post("/admin/outbox/drain", "dev-admin", drain).status, 200);

  // SIGKILL of the upper right after its items are acknowledged, while it delivers them.
  for (int i = 0; i < 10; ++i) forwarded.insert(forward_new());
  upper->kill_hard();
  start_upper();
  ASSERT_EQ(upper->post("/admin/outbox/drain", "dev-admin", drain).status, 200)
      << upper->get("/admin/outbox", "dev-admin").body;

  // SIGKILL of the lower while the upper delivers to it.
  for (int i = 0; i < 10; ++i) forwarded.insert(forward_new());
  lower->kill_hard();
  start_lower();
  ASSERT_EQ(upper->post("/admin/outbox/drain", "dev-admin", drain).status, 200);

  auto by_upper = lower_by_upper();
  EXPECT_EQ(by_upper.size(), forwarded.size()) << upper->get("/admin/outbox", "dev-admin").body;
  for (const auto& id : forwarded) EXPECT_EQ(by_upper[id].size(), 1u) << id;

  // Reports back survive a SIGKILL of the lower mid-delivery too.
  std::string id = *forwarded.begin();
  std::string low_id(by_upper[id].at(0).at("id").get_string());
  ASSERT_EQ(lower->post("/api/v1/tickets/" + low_id + "/dispatch", "dev-operator", office).status,
            200);
  ASSERT_EQ(lower->post("/api/v1/tickets/" + low_id + "/sign", "dev-waterworks", signing).status,
            200);
  lower->kill_hard();
  start_lower();
  ASSERT_EQ(lower->post("/admin/outbox/drain", "dev-admin", drain).status, 200);
  auto up = ticket(*upper, id);
  EXPECT_EQ(up.at("status"), "handling") << lower->get("/admin/outbox", "dev-admin").body;
  auto history = events(up);
  EXPECT_EQ(std::count(history.begin(), history.end(), "platform_reported:progress"), 1);
  auto metrics = upper->get("/metrics", "dev-admin").body;
  EXPECT_NE(metrics.find("hotline_outbox_pending 0\n"), std::string::npos);
  EXPECT_NE(metrics.find("hotline_outbox_failed 0\n"), std::string::npos);
}

}  // namespace
}  // namespace hotline::testing
