#pragma once
// What the runtime's knowledge-base and full-text queries take and answer (runtime.h), free of
// storage, CAF and Xapian.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workflow/knowledge.h"

namespace hotline::actors {

/// A listing of the knowledge base (GET /api/v1/knowledge); unset parts do not filter.
struct knowledge_query {
  std::string text;         // full-text: entries whose title or body has every term, best first
  std::string owner;        // owned by this department or a unit under it
  bool stale_only = false;  // past review_by or valid_to today (workflow::stale)
  std::string after;        // the `next` of the page before
  std::size_t limit = 50;
};

struct knowledge_page {
  std::vector<workflow::knowledge_entry> items;
  std::string next;  // empty on the last page
};

/// Where the full-text index stands, for /metrics and the health check.
struct search_figures {
  bool enabled = false;        // the runtime has a full-text index
  std::size_t pending = 0;     // journaled since start-up, not yet indexed
  std::uint64_t indexed = 0;   // documents indexed since start-up (rebuilds included)
  std::uint64_t rebuilds = 0;  // full rebuilds from the store since start-up
  std::string failure;         // what holds the index back now, or ""
};

/// Stale entries by owner department (only owners that have some).
using stale_counts = std::map<std::string, std::size_t>;

}  // namespace hotline::actors
