#pragma once
// Listing tickets from the index lists alone (index_keys.h): each filter is a list, a page is
// where the lists meet (a leapfrog intersection: every list seeks to the furthest position any
// other reached), so a page costs seeks, not a scan of the tickets. In due order the inbox list
// (every ticket's, or the holders') drives; with other filters, the tickets owing a term (few:
// those are the open ones) are collected where the filters meet and sorted by due if at most
// small_set, else the inbox list is walked checking each filter; the tickets owing nothing come
// last, where the filters meet in registration order.

#include <string>
#include <vector>

#include "actors/queries.h"
#include "storage/store.h"

namespace hotline::actors {

/// Whom a listing is for, beyond the query: the holders it is limited to (a department viewer's
/// subtree, or the `department` filter's; none: any) and whether a phone finds confidential
/// callers (center staff only: workflow::citizen_visible).
struct search_scope {
  std::vector<std::string> holders;
  bool confidential_callers = true;
};

/// A page of ids and the next page's cursor ("" on the last page).
struct id_page {
  std::vector<std::string> ids;
  std::string next;
};

/// The tickets of `q` within `scope`, in `q.order`, from `q.after`. Absent when `q.after` is not
/// a cursor of that order (no such ticket, or the wrong shape); failed when storage could not
/// answer (never a shorter page).
lookup<id_page> search_tickets(const storage::store& db, const ticket_query& q,
                               const search_scope& scope);

/// How many tickets a filter or the due bound may leave for them to be collected and sorted.
constexpr std::size_t small_set = 1000;

}  // namespace hotline::actors
