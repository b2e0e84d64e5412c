#pragma once
// The browser console (console/ in the source tree), built into the binary by
// cmake/embed_files.cmake: an installed server serves the console of its own build.

#include <map>
#include <string_view>

namespace hotline::http {

/// Each file of console/ by its name ("index.html", "app.js", ...).
const std::map<std::string_view, std::string_view>& embedded_console();

}  // namespace hotline::http
