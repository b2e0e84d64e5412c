// The browser console: GET / (its page), GET /console/{file} (its modules and style), both
// without a token (the page asks for one and keeps it in the browser session), and
// GET /api/v1/me, which tells the console whose token it holds.
#include "http/api.h"
#include "http/console_files.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

std::string content_type_of(std::string_view name) {
  auto ends_with = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "text/plain; charset=utf-8";
}

}  // namespace

response api::console_file(const std::string& name) {
  const auto& files = embedded_console();
  auto it = files.find(name);
  if (it == files.end())
    return error_response(404, "not_found", "The console has no file '" + name + "'.");
  response r;
  r.body = std::string(it->second);
  r.content_type = content_type_of(name);
  // Only this server's own files run in the page: no inline script, no other origin.
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-cache");  // a new build's console at once
  return r;
}

response api::me(const call& c) {
  auto where = rt_.where();
  json::value department = nullptr;
  std::string display_name = c.who.label;
  if (c.who.who == role::department) {
    department = json::string(c.who.department);
    if (const auto* d = where->departments.find(c.who.department)) display_name = d->name;
  }
  return json_response(200, {{"role", name_of(c.who.who)},
                             {"department", std::move(department)},
                             {"display_name", display_name},
                             {"by", by_text(c.who)},
                             {"jurisdiction", where->rules.id},
                             {"jurisdiction_name", where->rules.name},
                             {"now", format_instant(rt_.now())}});
}

}  // namespace hotline::http
