// The attachments of a ticket (003 §5(4)): POST /api/v1/tickets/{id}/attachments takes the
// file's bytes as the raw body (its name in Content-Disposition), GET lists them, and
// GET /api/v1/tickets/{id}/attachments/{digest} gives one back. The rules (who, when, which
// types, how large, the same bytes once) are the rule core's; here a request is translated.
#include "http/api.h"
#include "http/ticket_json.h"
#include "http/url.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

// The file name of `Content-Disposition: attachment; filename*=UTF-8''%E7%8E%B0.jpg` (RFC 6266,
// RFC 8187: preferred) or `filename="photo.jpg"`; "" if none.
std::string disposition_filename(const std::string& header) {
  auto param = [&](const std::string& key) -> std::optional<std::string> {
    for (std::size_t at = header.find(key); at != std::string::npos;
         at = header.find(key, at + 1)) {
      std::size_t before = header.find_last_not_of(" \t", at == 0 ? 0 : at - 1);
      if (at != 0 && (before == std::string::npos || header[before] != ';')) continue;
      std::string rest = header.substr(at + key.size());
      if (!rest.empty() && rest[0] == '"') {
        std::string out;
        for (std::size_t i = 1; i < rest.size() && rest[i] != '"'; ++i)
          out += rest[i] == '\\' && i + 1 < rest.size() ? rest[++i] : rest[i];
        return out;
      }
      return rest.substr(0, rest.find(';'));
    }
    return std::nullopt;
  };
  if (auto extended = param("filename*=")) {
    std::string value = *extended;
    auto quote = value.find("''");  // charset'language'value; only UTF-8 is read
    if (quote != std::string::npos) return url_decode(value.substr(quote + 2));
  }
  return param("filename=").value_or("");
}

// `attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<the name, percent-encoded>`.
std::string content_disposition(const std::string& name) {
  static const char hex[] = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? '_' : static_cast<char>(c);
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_')
      encoded += static_cast<char>(c);
    else
      encoded += std::string{'%', hex[c >> 4], hex[c & 0xf]};
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

std::size_t api::body_limit(const request& head, std::size_t max_body) const {
  // POST /api/v1/tickets/{id}/attachments
  static const std::string prefix = "/api/v1/tickets/", suffix = "/attachments";
  const std::string& p = head.path;
  const bool upload = head.method == "POST" && p.size() > prefix.size() + suffix.size() &&
                      p.compare(0, prefix.size(), prefix) == 0 &&
                      p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0 &&
                      p.find('/', prefix.size()) == p.size() - suffix.size();
  if (!upload) return max_body;
  // The rule core refuses a larger file (413): a body over it is not read at all.
  return std::max(max_body,
                  static_cast<std::size_t>(rt_.where()->rules.attachment_max_bytes.value));
}

response api::upload_attachment(const call& c, const std::string& id) {
  return change(
      c, 200, [] { return std::optional<response>(); },
      [&](actors::reply_to reply, std::string key) {
        actors::upload file{disposition_filename(c.req.header("content-disposition")),
                            c.req.header("content-type"), c.req.body};
        rt_.attach(id, std::move(file), c.who, std::move(reply), std::move(key));
      });
}

response api::list_attachments(const call& c, const std::string& id) {
  auto listed = rt_.attachments(id, c.who);
  if (!listed) return no_value(listed);
  json::array items;
  for (const auto& a : *listed) items.push_back(attachment_json(a));
  return json_response(200, {{"items", std::move(items)}});
}

response api::download_attachment(const call& c, const std::string& id, const std::string& digest) {
  auto file = rt_.attachment(id, digest, c.who);
  if (!file) return no_value(file);
  response r;
  r.content_type = std::string(name_of(file->about.type));
  r.body = std::move(file->bytes);
  r.headers.emplace_back("Content-Disposition", content_disposition(file->about.name));
  r.headers.emplace_back("ETag", "\"" + digest + "\"");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace hotline::http
