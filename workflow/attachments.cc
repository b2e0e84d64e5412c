// What an attachment is, read off its first bytes, and who sees it.
#include "workflow/attachments.h"

#include <algorithm>

#include "workflow/ticket.h"

namespace hotline::workflow {

std::optional<media_type> sniff_media_type(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  if (starts("\xFF\xD8\xFF")) return media_type::jpeg;      // JPEG SOI + a marker
  if (starts("\x89PNG\r\n\x1A\n")) return media_type::png;  // PNG signature
  if (starts("%PDF-")) return media_type::pdf;              // PDF header
  return std::nullopt;
}

bool attachment_visible(bool center_only, const actor_ref& viewer) {
  return !(center_only && viewer.who == role::department);
}

std::vector<attachment> visible_attachments(const ticket_state& s, const actor_ref& viewer) {
  std::vector<attachment> out;
  std::copy_if(s.attachments.begin(), s.attachments.end(), std::back_inserter(out),
               [&](const attachment& a) { return attachment_visible(a.center_only, viewer); });
  return out;
}

}  // namespace hotline::workflow
