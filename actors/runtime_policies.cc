// Policy versions loaded while running (rules.md §9, docs/policy-versions.md): validated, stored,
// and in force from their effective date.
//   counters "policy\0<effective_from>"   a version an operator loaded: its JSON as given
#include "actors/runtime_impl.h"
#include "workflow/policy_versions.h"

namespace hotline::actors {
using namespace workflow;

namespace {

const std::string policy_prefix = std::string("policy") + '\0';

refusal not_loadable(std::string message) {
  refusal r;
  r.code = refusal_code::not_found;
  r.message = std::move(message);
  return r;
}

// `built` as the jurisdiction in force today, on `now`'s departments and calendar; platforms
// (not from the scenario: --peers) carried over to every version.
result<std::shared_ptr<jurisdiction>> rebuilt(std::vector<policy> built, const jurisdiction& now,
                                              date today) {
  for (auto& p : built) p.platforms = now.rules.platforms;
  auto j = with_versions(std::move(built), now.departments, now.calendar, today);
  if (!j) return j.error();
  return std::make_shared<jurisdiction>(std::move(j).value());
}

// The version of `built` that `known` does not have, if one.
const policy* new_version(const std::vector<policy>& built,
                          const std::vector<policy_version>& known) {
  for (const auto& p : built) {
    bool seen = false;
    for (const auto& v : known) seen = seen || v.id == p.version.id;
    if (!seen) return &p;
  }
  return nullptr;
}

}  // namespace

lookup<std::vector<std::string>> loaded_policies(const storage::store& db) {
  std::vector<std::string> out;
  std::string end = policy_prefix;
  end.back() = '\1';
  std::string error = db.scan(storage::family::counters, policy_prefix, end,
                              [&](std::string_view, std::string_view value) {
                                out.emplace_back(value);
                                return true;
                              });
  if (!error.empty())
    return lookup<std::vector<std::string>>::failed("the loaded policies: " + error);
  return out;
}

result<policy_load> runtime::load_policy_version(const std::string& json) {
  runtime_context& ctx = *impl_->ctx;
  std::lock_guard<std::mutex> lock(impl_->jurisdiction_loads);
  if (!ctx.options.build_policies)
    return not_loadable("This server's policy is fixed: it was started without policy files.");
  auto stored = loaded_policies(ctx.db);
  if (stored.failed()) return policy_load{{}, stored.error()};
  std::vector<std::string> docs = *stored;
  docs.push_back(json);
  auto built = ctx.options.build_policies(docs);
  if (!built) return built.error();
  auto now = ctx.where();
  date today = local_date(ctx.time.now());
  const policy* added = new_version(*built, versions_of(*now));
  if (!added)
    return invalid_field("version.id",
                         "this version is loaded already; a new one needs its own id");
  if (auto refused = check_new_version(*now, added->version, today)) return *refused;
  std::string key = policy_prefix + format_date(*added->version.effective_from);
  auto next = rebuilt(std::move(built).value(), *now, today);
  if (!next) return next.error();
  if (std::string error = ctx.db.commit_and_wait({{storage::family::counters, key, json}});
      !error.empty())
    return policy_load{{}, error};
  ctx.put_where(*next);
  return policy_load{versions_of(**next), ""};
}

void runtime::start_with_loaded_policies() {
  runtime_context& ctx = *impl_->ctx;
  if (!ctx.options.build_policies) return;
  auto stored = loaded_policies(ctx.db);
  if (stored.failed()) {
    ctx.cannot_recover(stored.error());
    return;
  }
  if (stored->empty()) return;
  auto built = ctx.options.build_policies(*stored);
  auto next = built ? rebuilt(std::move(built).value(), *ctx.where(), local_date(ctx.time.now()))
                    : result<std::shared_ptr<jurisdiction>>(built.error());
  if (!next) {
    ctx.cannot_recover("a loaded policy version: " + next.error().message);
    return;
  }
  ctx.put_where(*next);
}

}  // namespace hotline::actors
