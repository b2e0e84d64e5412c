// An upload (003 §5(4): "在系统附件中上传领导签发及办理过程图片等电子版材料"): who may attach
// at which point, what is accepted (JPEG, PNG, PDF by their content, up to the jurisdiction's
// size), and the same bytes twice on one ticket recorded once.
#include <algorithm>
#include <cctype>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

// "Image/JPEG; charset=x" -> "image/jpeg".
std::string bare_media_type(const std::string& header) {
  std::string t = header.substr(0, header.find(';'));
  t.erase(std::remove_if(t.begin(), t.end(), [](unsigned char c) { return std::isspace(c); }),
          t.end());
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  return t;
}

// What the refused bytes look like, for the message: text is the usual mistake (a renamed file).
std::string looks_like(std::string_view head) {
  bool text = !head.empty() && std::all_of(head.begin(), head.end(), [](unsigned char c) {
    return c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
  });
  return text ? " (they look like text)" : "";
}

bool is_digest(const std::string& d) {
  return d.size() == 64 && std::all_of(d.begin(), d.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::optional<refusal> check_name(const std::string& name) {
  if (auto r = check_text("name", name, 200)) return r;
  if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
    return invalid_field("name", "must not contain control characters");
  return std::nullopt;
}

// The center's staff at any point of an open ticket (a caller's photo at intake, a supervision
// notice); a unit that holds it while it handles it or has replied (the reply's materials).
std::optional<refusal> check_uploader(const ticket_state& s, const context& ctx) {
  const role who = ctx.by.who;
  if (who != role::operator_ && who != role::supervisor && who != role::department)
    return forbidden("Only the center's staff and the units handling a ticket attach files to it.");
  if (!s.is_open())
    return invalid_transition(
        s, ctx.where.rules,
        "A ticket that is " + std::string(name_of(s.current)) + " takes no more attachments.");
  if (who != role::department) return std::nullopt;
  if (!may_view(s, ctx.by, ctx.where.departments))
    return forbidden("Department " + ctx.by.department + " does not hold this ticket.");
  if (s.current != status::handling && s.current != status::replied)
    return invalid_transition(
        s, ctx.where.rules,
        "A unit attaches the materials of its handling once it has taken the ticket on (003 "
        "§5(4)); this ticket is " +
            std::string(name_of(s.current)) + ".");
  return std::nullopt;
}

}  // namespace

events decide_one(const ticket_state& s, const attach& c, const context& ctx) {
  if (auto r = check_uploader(s, ctx)) return *r;
  const auto limit = static_cast<std::uint64_t>(ctx.where.rules.attachment_max_bytes.value);
  if (c.size == 0) return invalid_field("body", "is empty: send the file's bytes");
  if (c.size > limit) {
    refusal r;
    r.code = refusal_code::payload_too_large;
    r.message = "The attachment has " + std::to_string(c.size) + " bytes; at most " +
                std::to_string(limit) + " are accepted here.";
    return r;
  }
  auto type = sniff_media_type(c.head);
  if (!type)
    return invalid_field("body",
                         "is not a JPEG, PNG or PDF file: its first bytes are none of their "
                         "signatures" +
                             looks_like(c.head) +
                             "; the type is read from the content, not from the name");
  const std::string declared = bare_media_type(c.declared_type);
  if (!declared.empty() && declared != "application/octet-stream" && declared != name_of(*type))
    return invalid_field("Content-Type",
                         "says " + declared + " but the content is " + std::string(name_of(*type)));
  static constexpr const char* extension[] = {"jpg", "png", "pdf"};
  const std::string name =
      c.name.empty() ? "attachment." + std::string(extension[static_cast<int>(*type)]) : c.name;
  if (auto r = check_name(name)) return *r;
  if (!is_digest(c.digest)) return invalid_field("digest", "is not a sha256 in lowercase hex");
  // Content-addressed: the same bytes again change nothing on this ticket.
  if (std::any_of(s.attachments.begin(), s.attachments.end(),
                  [&](const attachment& a) { return a.digest == c.digest; }))
    return std::vector<event_record>{};
  decision d(s, ctx);
  const bool center = ctx.by.who != role::department;
  d.add(attached{c.digest, name, *type, c.size, center && s.confidential});
  return d.take();
}

}  // namespace hotline::workflow::detail
