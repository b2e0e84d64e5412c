#pragma once
// The bulletins a jurisdiction publishes, as files a supervisor would open: JSON (as
// GET /api/v1/reports answers), CSV and Excel (as ?format=csv|xlsx), Markdown in Chinese, and
// SVG charts (daily volume with overdue beside it, departments ranked, supervision by rung).

#include <string>
#include <vector>

#include "actors/runtime.h"

namespace hotline::simulate {

/// Writes, into `dir`, each bulletin the policy names (week, month, quarter, year) for every
/// period that overlaps [from, to). The paths written; failed if a bulletin cannot be read from
/// the runtime or a file cannot be written.
actors::lookup<std::vector<std::string>> write_bulletins(const actors::runtime& rt,
                                                         workflow::instant from,
                                                         workflow::instant to,
                                                         const std::string& dir);

/// The Markdown of one bulletin; `charts` is the file name prefix of its SVG charts.
std::string bulletin_markdown(const workflow::bulletin& b, const workflow::jurisdiction& j,
                              const std::string& charts);
/// The three charts of a bulletin, as SVG documents: volume, departments, supervision.
std::vector<std::pair<std::string, std::string>> bulletin_charts(const workflow::bulletin& b,
                                                                 const workflow::jurisdiction& j);

}  // namespace hotline::simulate
