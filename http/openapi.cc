// GET /api/v1/openapi.json: the contract as an OpenAPI 3.1 document (docs/openapi.json, built
// into the binary by cmake/embed_text.cmake, so an installed server serves the one it implements).
#include <string_view>

#include "http/api.h"

namespace hotline {
extern const std::string_view openapi_document;
}

namespace hotline::http {

response api::openapi() {
  response r;
  r.body = std::string(openapi_document);
  return r;
}

}  // namespace hotline::http
