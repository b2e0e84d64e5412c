// Policy versions against the real server (rules.md §9): Zhijiang's draft for comment
// (征求意见稿) replaced by a final text with another handling term. A term already running keeps
// the version it was computed under; a step taken once the new version is in force uses it; every
// decision records the version it applied.
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {

// The final text, as an operator loads it: general items in 7 working days instead of 5.
const std::string final_text = R"j({
  "version": {"id": "枝政办发〔2026〕8号 (test)", "effective_from": "2026-03-18",
              "source": "002's final text (test): general items within 7 working days"},
  "changes": {"terms": {"handle": [
    {"when": {"complexities": ["complex"]}, "term": "15wd", "source": "002 art. 17(2)"},
    {"term": "7wd", "source": "002 final text (test), art. 17(2): general items within 7 working days"}
  ]}}})j";

struct PolicyVersions : virtual_server {
  http_reply put(const std::string& body, const std::string& token = "dev-admin") {
    return server->request("PUT", "/admin/policy", token, body,
                           {{"Content-Type", "application/json"}});
  }
  std::string open() {
    auto r = server->post("/api/v1/tickets", "dev-operator",
                          R"({"channel":"phone","type":"complaint","title":"噪音扰民",
                              "content":"夜间施工噪音","citizen":{"name":"王五","phone":"13900000000"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.json().at("id").get_string());
  }
  void dispatch_and_sign(const std::string& id) {
    ASSERT_EQ(
        server->post("/api/v1/tickets/" + id + "/dispatch", "dev-operator", R"({"lead":"housing"})")
            .status,
        200);
    ASSERT_EQ(server->post("/api/v1/tickets/" + id + "/sign", "dev-housing", "{}").status, 200);
  }
  boost::json::value ticket(const std::string& id) {
    return server->get("/api/v1/tickets/" + id, "dev-operator").json();
  }
  std::string handle_due(const std::string& id) {
    return std::string(ticket(id).at("deadlines").at("handle").as_string());
  }
};

TEST_F(PolicyVersions, Seed002Art17_2_ATermKeepsItsVersionAndANewStepUsesTheOneInForce) {
  start("zhijiang");  // Mon 16 Mar 2026, 08:30
  auto listed = server->get("/admin/policy", "dev-admin").json();
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.at("in_force"), "征求意见稿");

  std::string before = open();  // received and handled under the draft
  dispatch_and_sign(before);
  std::string received_before = open();  // received under the draft, dispatched under the final

  auto r = put(final_text);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(r.json().at("in_force"), "征求意见稿");  // not before Wed 18 Mar
  EXPECT_EQ(r.json().at("items").at(1).at("effective_from"), "2026-03-18");
  EXPECT_EQ(r.json().at("items").at(1).at("in_force"), false);

  // Still Monday: the draft's 5 working days (002 art. 17(2)): 17-20, 23 March.
  std::string monday = open();
  dispatch_and_sign(monday);
  EXPECT_EQ(handle_due(monday), "2026-03-23T17:30:00+08:00");

  ASSERT_EQ(
      server->post("/admin/clock", "dev-admin", R"({"to":"2026-03-18T08:30:00+08:00"})").status,
      200);
  EXPECT_EQ(server->get("/admin/policy", "dev-admin").json().at("in_force"),
            "枝政办发〔2026〕8号 (test)");
  std::string after = open();
  dispatch_and_sign(after);
  dispatch_and_sign(received_before);
  // Wed 18 Mar + 7 working days: 19, 20, 23-27 March.
  EXPECT_EQ(handle_due(after), "2026-03-27T17:30:00+08:00");
  EXPECT_EQ(handle_due(received_before), "2026-03-27T17:30:00+08:00");
  // The terms computed under the draft keep their dates (法不溯及既往).
  EXPECT_EQ(handle_due(before), "2026-03-23T17:30:00+08:00");
  EXPECT_EQ(handle_due(monday), "2026-03-23T17:30:00+08:00");

  // Each decision records the version it applied; the ticket shows its last.
  auto old_one = ticket(before);
  EXPECT_EQ(old_one.at("policy_version"), "征求意见稿");
  for (const auto& e : old_one.at("history").as_array())
    EXPECT_EQ(e.at("policy_version"), "征求意见稿") << e;
  auto mixed = ticket(received_before).at("history").as_array();
  EXPECT_EQ(mixed.front().at("event"), "submitted");
  EXPECT_EQ(mixed.front().at("policy_version"), "征求意见稿");
  EXPECT_EQ(mixed.back().at("policy_version"), "枝政办发〔2026〕8号 (test)");
  EXPECT_EQ(ticket(received_before).at("policy_version"), "枝政办发〔2026〕8号 (test)");
}

TEST_F(PolicyVersions, Rules9_ALoadedVersionIsInForceAfterARestart) {
  start("zhijiang");
  ASSERT_EQ(put(final_text).status, 200);
  ASSERT_EQ(server->stop(), 0);
  start("zhijiang", "2026-03-18T08:30:00+08:00");
  auto listed = server->get("/admin/policy", "dev-admin").json();
  ASSERT_EQ(listed.at("items").as_array().size(), 2u);
  EXPECT_EQ(listed.at("in_force"), "枝政办发〔2026〕8号 (test)");
  std::string id = open();
  dispatch_and_sign(id);
  EXPECT_EQ(handle_due(id), "2026-03-27T17:30:00+08:00");
}

TEST_F(PolicyVersions, Rules9_ABadVersionIsRefusedNamingTheFieldAndChangesNothing) {
  start("zhijiang");
  EXPECT_EQ(put(final_text, "dev-operator").code(), "forbidden");
  EXPECT_EQ(put(final_text, "dev-supervisor").code(), "forbidden");
  EXPECT_EQ(server->get("/admin/policy", "dev-supervisor").code(), "forbidden");
  auto field_of = [](const http_reply& r) {
    return std::string(r.json().at("error").at("details").at("field").as_string());
  };
  auto with = [](const std::string& from, const std::string& to) {
    std::string s = final_text;
    return s.replace(s.find(from), from.size(), to);
  };
  // Taking effect in the past would reach over decisions already taken.
  auto r = put(with("2026-03-18", "2026-03-01"));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "version.effective_from");
  // The draft's own id.
  r = put(with("枝政办发〔2026〕8号 (test)", "征求意见稿"));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "version.id");
  // A term that does not parse names its place in the changes.
  r = put(with("\"7wd\"", "\"7 days\""));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "changes.terms.handle[1].term");
  // The working calendar is shared: business hours are not a version's to change.
  r = put(with(R"("changes": {)",
               R"("changes": {"business_hours": {"value": ["09:00-17:00"], "source": "x"},)"));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "changes.business_hours");
  r = put(R"({"changes": {}})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "version");
  EXPECT_EQ(put("{oops").status, 400);

  auto listed = server->get("/admin/policy", "dev-admin").json();
  EXPECT_EQ(listed.at("items").as_array().size(), 1u);
  // A second valid load after the first is fine; the same one again is refused.
  ASSERT_EQ(put(final_text).status, 200);
  r = put(final_text);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "version.id");
}

}  // namespace
}  // namespace hotline::testing
