#pragma once
// Where the program's data (scenarios/, console/) is, found from the binary itself so that an
// installed server needs no source tree: next to the binary in a build tree (build/scenarios
// links to the sources'), else in ../share/hotline beside bin/ (GNUInstallDirs), however the
// prefix was chosen at install time.

#include <string>

namespace hotline::app {

/// The folder `name` of the program's data ("scenarios", "console"); the installed location
/// when neither exists, so a message names where it was looked for.
std::string data_path(const std::string& name);

}  // namespace hotline::app
