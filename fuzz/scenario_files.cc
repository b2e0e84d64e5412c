// libFuzzer: the scenario loader on a jurisdiction whose one file is the input: the first byte
// picks policy.json, departments.json or calendars/2026.json of a copy of scenarios/heyuan.
// A bad file is an error naming it, never a crash.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "apps/scenario/load_scenario.h"

namespace fs = std::filesystem;

namespace {

const fs::path& scenario_copy() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("hotline-fuzz-scenario-" + std::to_string(getpid()));
    fs::remove_all(d);
    fs::copy(HOTLINE_SCENARIOS_DIR "/heyuan", d, fs::copy_options::recursive);
    fs::remove_all(d / "loads");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const char* files[] = {"policy.json", "departments.json", "calendars/2026.json"};
  fs::path file = scenario_copy() / files[data[0] % 3];
  fs::path original = fs::path(HOTLINE_SCENARIOS_DIR "/heyuan") / files[data[0] % 3];
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  }
  (void)hotline::scenario::load_scenario(scenario_copy().string());
  fs::copy_file(original, file, fs::copy_options::overwrite_existing);
  return 0;
}
