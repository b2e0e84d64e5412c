#include "apps/scenario/policy_versions.h"

#include <algorithm>
#include <filesystem>

#include "apps/scenario/json_reader.h"
#include "apps/scenario/read_policy.h"

namespace hotline::scenario {
namespace fs = std::filesystem;
namespace json = boost::json;
using namespace workflow;

namespace {

// RFC 7386: `patch`'s members replace `target`'s, objects merged member by member, null removes.
void merge_patch(json::value& target, const json::value& patch) {
  if (!patch.is_object()) {
    target = patch;
    return;
  }
  if (!target.is_object()) target = json::object();
  auto& t = target.get_object();
  for (const auto& [key, value] : patch.get_object()) {
    if (value.is_null())
      t.erase(key);
    else
      merge_patch(t[key], value);
  }
}

struct version_document {
  std::string file;  // where it came from, for errors
  json::value doc;
  policy_version version;
};

version_document read_document(std::string file, json::value doc) {
  node root(doc, "");
  node changes = root.at("changes");
  if (!doc.as_object().at("changes").is_object()) changes.fail("must be an object");
  for (const char* fixed : {"id", "version", "business_hours"})
    if (changes.find(fixed))
      changes.at(fixed).fail(std::string("a version may not change ") +
                             (std::string(fixed) == "business_hours"
                                  ? "the business hours (the working calendar is shared)"
                                  : "this; give it in `version`"));
  policy_version v = read_version(root.at("version"));
  if (!v.effective_from) root.at("version").fail("a later version needs its effective_from date");
  return {std::move(file), std::move(doc), std::move(v)};
}

}  // namespace

result<policy_set> load_policy_versions(const std::string& dir,
                                        const std::vector<std::string>& loaded) {
  std::string file = (fs::path(dir) / "policy.json").string();
  policy_set out;
  try {
    json::value current = parse_file(file);
    out.policies.push_back(read_policy(node(current, ""), out.hours));

    std::vector<version_document> later;
    for (const auto& path : json_files((fs::path(dir) / "policy-versions").string())) {
      file = path;
      later.push_back(read_document(file, parse_file(file)));
    }
    for (const auto& text : loaded) {
      file = "the loaded version";
      later.push_back(read_document(file, parse_text(text)));
    }
    std::stable_sort(later.begin(), later.end(), [](const auto& a, const auto& b) {
      return *a.version.effective_from < *b.version.effective_from;
    });
    for (auto& v : later) {
      file = v.file;
      merge_patch(current, v.doc.as_object().at("changes"));
      // Errors in the merged document are the changes' own: name them so.
      try {
        business_hours ignored;
        out.policies.push_back(read_policy(node(current, ""), ignored));
      } catch (read_error& e) {
        e.path = "changes" + (e.path.empty() ? "" : "." + e.path);
        throw;
      }
      out.policies.back().version = v.version;
    }
  } catch (const read_error& e) {
    return load_failure(file, e);
  }
  return out;
}

}  // namespace hotline::scenario
