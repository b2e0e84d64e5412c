// GET /admin/policy, PUT /admin/policy: the jurisdiction's policy versions, and a version loaded
// while running (rules.md §9, docs/policy-versions.md).
#include "http/api.h"
#include "workflow/policy_versions.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

// Every version, oldest first, with the one in force marked.
json::object versions_json(const std::vector<policy_version>& versions,
                           const std::string& in_force) {
  json::array items;
  for (const auto& v : versions)
    items.push_back({{"id", v.id},
                     {"effective_from",
                      v.effective_from ? json::value(format_date(*v.effective_from)) : nullptr},
                     {"source", v.source},
                     {"in_force", v.id == in_force}});
  return {{"in_force", in_force}, {"items", std::move(items)}};
}

}  // namespace

response api::admin_policy() {
  auto where = rt_.where();
  return json_response(200, versions_json(versions_of(*where), where->rules.version.id));
}

response api::admin_put_policy(const call& c) {
  auto body = json_body(c.req);
  if (auto* r = std::get_if<response>(&body)) return *r;
  auto done = rt_.load_policy_version(c.req.body);
  if (!done) return refusal_response(done.error());
  if (!done->error.empty()) return error_response(503, "unavailable", done->error);
  return json_response(200, versions_json(done->versions, rt_.where()->rules.version.id));
}

}  // namespace hotline::http
