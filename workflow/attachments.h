#pragma once
// Attachments: the electronic materials a reply carries, "领导签发及办理过程图片等电子版材料", the
// leader's signed sign-off and photos of the handling (003 §5(4)). The rule core decides who may
// attach what and when; the bytes themselves never enter it: it is given their size, their
// sha256 and their first bytes, from which it reads the type (by content, never by name).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/describe.h"
#include "workflow/enums.h"

namespace hotline::workflow {

/// What a ticket may carry: pictures (a photo, a scan of the signed sign-off) and PDF documents.
enum class media_type { jpeg, png, pdf };
template <>
struct enum_names<media_type> {
  static constexpr std::array names{std::string_view("image/jpeg"), std::string_view("image/png"),
                                    std::string_view("application/pdf")};
};

/// The type the bytes are, read off their first bytes (their signature); nothing if none of
/// media_type. `head` needs at most the first 8 bytes.
std::optional<media_type> sniff_media_type(std::string_view head);
/// How many first bytes sniff_media_type looks at.
constexpr std::size_t sniffed_bytes = 8;

/// An upload (POST /api/v1/tickets/{id}/attachments): the file's facts, computed by whoever
/// holds the bytes.
struct attach {
  std::string name;           // as the uploader calls it: shown, never trusted for the type
  std::string declared_type;  // the Content-Type sent ("" if none)
  std::string head;           // the first bytes (up to sniffed_bytes)
  std::uint64_t size = 0;
  std::string digest;  // sha256 of the bytes, 64 lowercase hex digits: the storage key
};

/// An attachment as the ticket records it.
struct attachment {
  std::string digest;
  std::string name;
  media_type type = media_type::jpeg;
  std::uint64_t size = 0;
  std::string by;  // "<role>:<department or label>", as the history shows who
  instant at;
  // Shown to the center only: uploaded by the center on a confidential ticket, where it may
  // show who the caller is (000 art. 9, 002 art. 25, 004 art. 19).
  bool center_only = false;
};
template <class F>
void describe(F& f, attachment& x) {
  f("digest", x.digest);
  f("name", x.name);
  f("type", x.type);
  f("size", x.size);
  f("by", x.by);
  f("at", x.at);
  f("center_only", x.center_only);
}

/// The event: the bytes under `digest` are stored in the same atomic batch.
struct attached {
  static constexpr std::string_view name = "attached";
  std::string digest;
  std::string file_name;
  media_type type = media_type::jpeg;
  std::uint64_t size = 0;
  bool center_only = false;
};
template <class F>
void describe(F& f, attached& x) {
  f("digest", x.digest);
  f("name", x.file_name);
  f("type", x.type);
  f("size", x.size);
  f("center_only", x.center_only);
}

struct ticket_state;

/// Whether `viewer` (who may view the ticket) may see attachment `a`: a department does not see
/// what is shown to the center only.
bool attachment_visible(bool center_only, const actor_ref& viewer);
/// The ticket's attachments `viewer` may see, in upload order.
std::vector<attachment> visible_attachments(const ticket_state& s, const actor_ref& viewer);

}  // namespace hotline::workflow
