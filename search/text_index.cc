#include "search/text_index.h"

#include <xapian.h>

namespace hotline::search {
namespace {

std::string unique_term(collection c, const std::string& id) {
  return "Q" + std::string(1, static_cast<char>(c)) + id;
}
std::string collection_term(collection c) {
  return "C" + std::string(1, static_cast<char>(c));
}

}  // namespace

struct text_index::impl {
  explicit impl(const std::string& dir, int action) : db(dir, action) {}
  Xapian::WritableDatabase db;
};

text_index::text_index(std::unique_ptr<impl> i) : impl_(std::move(i)) {}
text_index::~text_index() = default;

std::unique_ptr<text_index> text_index::open(const std::string& dir, bool overwrite,
                                             std::string& error) {
  try {
    int action = overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
    auto i = std::make_unique<impl>(dir, action);
    return std::unique_ptr<text_index>(new text_index(std::move(i)));
  } catch (const Xapian::Error& e) {
    error = "the search index in " + dir + ": " + e.get_description();
    return nullptr;
  }
}

std::string text_index::stamp(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return impl_->db.get_metadata(key);
  } catch (const Xapian::Error&) {
    return {};
  }
}

std::string text_index::put(collection c, const std::string& id, const std::string& title,
                            const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    Xapian::TermGenerator terms;
    terms.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    Xapian::Document doc;
    terms.set_document(doc);
    terms.index_text(title, 2);  // a title word weighs twice a body word
    terms.increase_termpos();
    terms.index_text(text);
    doc.add_boolean_term(unique_term(c, id));
    doc.add_boolean_term(collection_term(c));
    doc.set_data(id);
    impl_->db.replace_document(unique_term(c, id), doc);
    return {};
  } catch (const Xapian::Error& e) {
    return "indexing " + id + ": " + e.get_description();
  }
}

std::string text_index::remove(collection c, const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    impl_->db.delete_document(unique_term(c, id));
    return {};
  } catch (const Xapian::Error& e) {
    return "removing " + id + ": " + e.get_description();
  }
}

std::string text_index::commit(const std::map<std::string, std::string>& stamps) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    for (const auto& [k, v] : stamps) impl_->db.set_metadata(k, v);
    impl_->db.commit();
    return {};
  } catch (const Xapian::Error& e) {
    return "committing the search index: " + e.get_description();
  }
}

std::vector<std::string> text_index::find(collection c, const std::string& query, std::size_t first,
                                          std::size_t count, std::string& error) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out;
  try {
    Xapian::QueryParser parser;
    parser.set_default_op(Xapian::Query::OP_AND);  // every term of the query, not any
    Xapian::Query parsed;
    try {
      parsed = parser.parse_query(
          query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    } catch (const Xapian::QueryParserError&) {
      // Not the query syntax (an unbalanced quote, a stray operator): the words as words.
      parsed = parser.parse_query(query, Xapian::QueryParser::FLAG_CJK_NGRAM);
    }
    if (parsed.empty()) return out;
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, parsed, Xapian::Query(collection_term(c))));
    Xapian::MSet found = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                          static_cast<Xapian::doccount>(count));
    for (auto it = found.begin(); it != found.end(); ++it)
      out.push_back(it.get_document().get_data());
  } catch (const Xapian::Error& e) {
    error = "searching: " + e.get_description();
    out.clear();
  }
  return out;
}

}  // namespace hotline::search
