#include "apps/hotline/data_paths.h"

#include <filesystem>

namespace hotline::app {

std::string data_path(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  fs::path beside = bin / name, installed = bin / HOTLINE_DATA_FROM_BIN / name;
  if (fs::exists(beside, ec)) return beside.lexically_normal().string();
  return installed.lexically_normal().string();
}

}  // namespace hotline::app
