// hotline: a 12345 hotline workflow runtime. `hotline --help`, `hotline serve --help`,
// `hotline simulate --help` list the flags; `--flag value` and `--flag=value` both work.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "apps/hotline/serve.h"
#include "apps/hotline/simulate.h"

int main(int argc, char** argv) {
  using namespace hotline::app;
  CLI::App app{"hotline: a workflow runtime for 12345 government service hotlines", "hotline"};
  app.set_version_flag("--version", "hotline " HOTLINE_VERSION);
  app.require_subcommand(1, 1);
  serve_options serving;
  auto* serve_command = app.add_subcommand("serve", "Run the runtime behind its HTTP contract");
  add_serve_flags(*serve_command, serving);
  simulate_options simulating;
  auto* simulate_command =
      app.add_subcommand("simulate", "Play a jurisdiction's days in virtual time; write bulletins");
  add_simulate_flags(*simulate_command, simulating);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // One line and exit code 2, whatever was wrong, as the contract asks of a bad flag.
    std::string command = serve_command->parsed()      ? " serve"
                          : simulate_command->parsed() ? " simulate"
                                                       : "";
    std::fprintf(stderr, "hotline%s: %s (see --help)\n", command.c_str(), e.what());
    return 2;
  }
  if (serve_command->parsed()) return serve(serving);
  return simulate(simulating);
}
