#pragma once
// A test fixture with the real server per test, on the virtual clock: by default from Monday
// 16 March 2026, 08:30 (a working day), so deadlines fall on known dates.

#include <gtest/gtest.h>

#include <memory>

#include "tests/support/server_process.h"

namespace hotline::testing {

struct virtual_server : ::testing::Test {
  temp_dir dir;
  std::unique_ptr<server_process> server;
  void start(const std::string& scenario,
             const std::string& first_instant = "2026-03-16T08:30:00+08:00") {
    server = std::make_unique<server_process>(
        scenario, dir.path,
        std::vector<std::string>{"--clock", "virtual", "--start", first_instant});
  }
};

}  // namespace hotline::testing
