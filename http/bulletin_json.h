#pragma once
// A bulletin as JSON: GET /api/v1/reports and the simulator's bulletin files.

#include <boost/json.hpp>

#include "workflow/bulletin.h"

namespace hotline::http {

boost::json::object counts_json(const workflow::unit_counts& c);
/// The shares a reader compares units by: signed on time, replied on time, satisfaction.
boost::json::object rates_json(const workflow::unit_counts& c);
boost::json::object bulletin_json(const workflow::bulletin& b, const workflow::jurisdiction& j);

}  // namespace hotline::http
