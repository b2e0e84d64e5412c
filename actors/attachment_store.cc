#include "actors/attachment_store.h"

#include <openssl/evp.h>

namespace hotline::actors {

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 0xf];
  }
  return out;
}

std::vector<storage::write_op> attachment_writes(const std::vector<workflow::event_record>& events,
                                                 const std::string& bytes) {
  std::vector<storage::write_op> out;
  for (const auto& e : events)
    if (auto* a = std::get_if<workflow::attached>(&e.body))
      out.push_back({storage::family::attachments, a->digest, bytes});
  return out;
}

lookup<std::string> read_attachment(const storage::store& db, const std::string& digest) {
  auto r = db.read(storage::family::attachments, digest);
  if (r.failed()) return lookup<std::string>::failed(r.error);
  if (!r.value) return {};
  return std::move(*r.value);
}

}  // namespace hotline::actors
