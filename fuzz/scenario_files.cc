// libFuzzer: the scenario loader on a jurisdiction whose one file is the input: the first byte
// picks heyuan/policy.json, heyuan/departments.json or the national calendars/2026.json of a
// copy of scenarios/ (heyuan and the national calendar beside it), or the body of
// PUT /admin/calendars/2026, read in memory. A bad file is an error naming it, never a crash.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "apps/scenario/load_calendars.h"
#include "apps/scenario/load_scenario.h"

namespace fs = std::filesystem;

namespace {

// A copy of scenarios/ with heyuan and the national calendars, the layout the loader reads.
const fs::path& scenarios_copy() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("hotline-fuzz-scenario-" + std::to_string(getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    for (const char* part : {"heyuan", "calendars"})
      fs::copy(fs::path(HOTLINE_SCENARIOS_DIR) / part, d / part, fs::copy_options::recursive);
    fs::remove_all(d / "heyuan" / "loads");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  if (data[0] % 4 == 3) {
    std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    (void)hotline::scenario::read_official_year(body, 2026);
    return 0;
  }
  static const char* files[] = {"heyuan/policy.json", "heyuan/departments.json",
                                "calendars/2026.json"};
  fs::path file = scenarios_copy() / files[data[0] % 4];
  fs::path original = fs::path(HOTLINE_SCENARIOS_DIR) / files[data[0] % 4];
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  }
  (void)hotline::scenario::load_scenario((scenarios_copy() / "heyuan").string());
  fs::copy_file(original, file, fs::copy_options::overwrite_existing);
  return 0;
}
