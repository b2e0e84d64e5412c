#pragma once
// `hotline simulate`: a jurisdiction's days in virtual time on the real runtime, then its
// bulletins.

namespace hotline::app {

int simulate(int argc, char** argv);

}  // namespace hotline::app
