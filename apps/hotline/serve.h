#pragma once
// `hotline serve`: the runtime on a scenario and a data directory, behind the HTTP facade.

namespace hotline::app {

/// Runs until SIGTERM or SIGINT; the process exit code.
int serve(int argc, char** argv);

}  // namespace hotline::app
