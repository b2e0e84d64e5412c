#pragma once
// `hotline serve`: the runtime on a scenario and a data directory, behind the HTTP facade.

#include <CLI/CLI.hpp>
#include <string>

namespace hotline::app {

struct serve_options {
  std::string scenario;  // "": the installed scenarios' default (data_paths.h)
  std::string data_dir = "./data";
  std::string listen = "127.0.0.1:8080";
  std::string tokens;  // "": development tokens
  std::string clock = "real";
  std::string start;  // "": now
  std::string durability = "sync";
  int threads = 64;
  int connections = 1024;
  long max_body = 1 << 20;
  long max_live = 20000;
  long max_in_flight = 20000;
  std::string peers;       // "": no peer platforms, no SMS gateway (http/peers.h)
  double retry_max = 300;  // seconds: the longest wait between two delivery attempts
  std::string access_log;  // "": none; "-": stderr; else a file appended to
};

/// The flags of `hotline serve`, each checked as it is parsed.
void add_serve_flags(CLI::App& command, serve_options& o);
/// Runs until SIGTERM or SIGINT; the process exit code.
int serve(const serve_options& o);

}  // namespace hotline::app
