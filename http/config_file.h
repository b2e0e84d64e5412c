#pragma once
// Reading the server's JSON configuration files (tokens, peers) with errors that name the file.

#include <boost/json.hpp>
#include <string>

#include "workflow/result.h"

namespace hotline::http {

/// The refusal "<file>: <what>.", for a start-up error.
workflow::refusal bad_file(const std::string& file, const std::string& what);
/// The JSON in `file` (null if it is not JSON: the caller says what shape it wanted), or the
/// refusal saying it cannot be read.
workflow::result<boost::json::value> read_config_file(const std::string& file);

}  // namespace hotline::http
