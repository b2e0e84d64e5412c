#pragma once
// A full-text index of tickets and knowledge entries on Xapian, Chinese by CJK n-grams
// (TermGenerator and QueryParser FLAG_CJK_NGRAM: unigrams and bigrams of Han text, so "停水"
// finds "小区停水三天" without a word list). Derived data: actors/ feeds it from the store and
// rebuilds it from there when it is missing or behind; it holds only what it is given.
//
// Errors are values (Xapian's exceptions stop here). Thread-safety: every member may be called
// from any thread; calls are serialized.

#ifndef HOTLINE_LINKS_SEARCH
#error "search/ is internal to actors/: reach it through actors::runtime (docs/runtime.md)"
#endif

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hotline::search {

/// The two kinds of documents, searched apart.
enum class collection : char { tickets = 't', knowledge = 'k' };

class text_index {
 public:
  /// Opens the index in `dir`, creating it (and `dir`) if missing; with `overwrite`, starts it
  /// empty. Nothing, with `error` set, if it cannot.
  static std::unique_ptr<text_index> open(const std::string& dir, bool overwrite,
                                          std::string& error);
  ~text_index();
  text_index(const text_index&) = delete;
  text_index& operator=(const text_index&) = delete;

  /// The value a commit stored under `key`; "" if none.
  std::string stamp(const std::string& key) const;
  /// Adds document `id` of `c`, or replaces it. The error, or "".
  std::string put(collection c, const std::string& id, const std::string& title,
                  const std::string& text);
  /// Removes document `id` of `c` if it is there. The error, or "".
  std::string remove(collection c, const std::string& id);
  /// Makes every change so far durable, with `stamps` stored. The error, or "".
  std::string commit(const std::map<std::string, std::string>& stamps);
  /// The ids of `c`'s documents that match `query` (every term of it), best first: at most
  /// `count` from rank `first`. Empty for a query with no terms.
  std::vector<std::string> find(collection c, const std::string& query, std::size_t first,
                                std::size_t count, std::string& error) const;

 private:
  struct impl;
  explicit text_index(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
  mutable std::mutex mutex_;
};

}  // namespace hotline::search
