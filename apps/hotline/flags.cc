#include "apps/hotline/flags.h"

namespace hotline::app {

flags::flags(int argc, char** argv, int first, const std::set<std::string>& known,
             std::string& error) {
  for (int i = first; i < argc && error.empty(); ++i) {
    std::string name = argv[i];
    if (name.rfind("--", 0) != 0 || !known.count(name.substr(2)))
      error = "unknown flag '" + name + "'";
    else if (i + 1 >= argc)
      error = "flag " + name + " needs a value";
    else if (!values_.emplace(name.substr(2), argv[++i]).second)
      error = "flag " + name + " is given twice";
  }
}

std::optional<std::string> flags::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string flags::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

}  // namespace hotline::app
