#pragma once
// Command-line flags: "--name value" pairs, each known in advance, each given at most once.

#include <map>
#include <optional>
#include <set>
#include <string>

namespace hotline::app {

class flags {
 public:
  /// Parses argv[first..]; `error` names the first bad flag.
  flags(int argc, char** argv, int first, const std::set<std::string>& known, std::string& error);
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace hotline::app
