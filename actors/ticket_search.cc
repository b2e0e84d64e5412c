#include "actors/ticket_search.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <optional>

#include "actors/index_keys.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
using namespace workflow;
using storage::family;

namespace {

// The index lists one filter allows: a ticket passes if it is in any of them (a department's
// units).
using filter = std::vector<std::string>;

// One filter's lists walked together in one order: the union of their positions (the key past
// the list's prefix).
class posting {
 public:
  posting(const storage::store& db, const filter& prefixes) {
    for (const auto& p : prefixes) {
      std::string end = p;
      end.back() = '\1';  // prefixes end in '\0'
      parts_.emplace_back(p, db.open_cursor(family::indexes, end));
    }
  }

  /// Moves to the least position >= `at`; false when there is none.
  bool seek(std::string_view at) {
    for (auto& p : parts_) {
      if (p.state == part::ended || (p.state == part::at && p.position() >= at)) continue;
      // The next key is often the one wanted (a page read in order): a Next costs a fraction of
      // a Seek, which merges every level of the tree again.
      if (p.state == part::at &&
          (p.moved(p.c->next()), p.state == part::ended || p.position() >= at))
        continue;
      p.moved(p.c->seek(p.prefix + std::string(at)));
    }
    return settle();
  }
  /// Moves past the current position; false at the end.
  bool next() {
    for (auto& p : parts_)
      if (p.state == part::at && p.position() == current_) p.moved(p.c->next());
    return settle();
  }
  const std::string& position() const { return current_; }
  std::string error() const {
    for (const auto& p : parts_)
      if (auto e = p.c->error(); !e.empty()) return e;
    return {};
  }

 private:
  struct part {
    enum { unstarted, at, ended } state = unstarted;
    std::string prefix;
    std::unique_ptr<storage::cursor> c;
    part(std::string p, std::unique_ptr<storage::cursor> cur)
        : prefix(std::move(p)), c(std::move(cur)) {}
    std::string_view position() const { return c->key().substr(prefix.size()); }
    void moved(bool found) { state = found ? at : ended; }
  };
  bool settle() {
    bool any = false;
    for (auto& p : parts_)
      if (p.state == part::at && (!any || p.position() < current_)) {
        current_ = std::string(p.position());
        any = true;
      }
    return any;
  }
  std::vector<part> parts_;
  std::string current_;
};

// The least position >= `at` in every posting (leapfrog); false when one of them ends.
bool meet(std::vector<posting>& all, std::string& at) {
  std::size_t agreed = 0;
  for (std::size_t i = 0; agreed < all.size(); i = (i + 1) % all.size()) {
    if (!all[i].seek(at)) return false;
    if (all[i].position() == at) {
      ++agreed;
    } else {
      at = all[i].position();
      agreed = 1;
    }
  }
  return true;
}

// A candidate: where it sorts, and its id.
struct hit {
  std::string due;      // D
  std::string created;  // T
  std::string id;
  std::string in(list_order o) const {
    return o == list_order::due ? due + created + id : created + id;
  }
};

class search {
 public:
  search(const storage::store& db, const ticket_query& q, const search_scope& scope)
      : db_(db), q_(q) {
    auto by = [&](char tag, std::string_view value) {
      filters_.push_back({list_prefix(tag, value)});
    };
    if (q.status) by('s', name_of(*q.status));
    if (q.overdue_only) by('o', "");
    if (q.supervision) by('v', name_of(*q.supervision));
    if (q.pending) by('p', name_of(*q.pending));
    if (q.type) by('y', name_of(*q.type));
    if (!q.region.empty() && !q.topic.empty())
      by('x', region_topic(q.region, q.topic));  // one list, not two long ones to intersect
    else if (!q.region.empty())
      by('r', q.region);
    else if (!q.topic.empty())
      by('t', q.topic);
    if (!q.phone.empty()) {
      std::string digits = same_caller_key(q.phone);
      by('n', digits);
      if (!scope.confidential_callers) hidden_ = list_prefix('m', digits);
    }
    for (const auto& h : scope.holders) {
      holders_.push_back(list_prefix('h', h));
      inbox_.push_back(list_prefix('e', h));
    }
    if (inbox_.empty()) inbox_.push_back(list_prefix('d'));
    if (q.created_from) from_ = storage::time_key(q.created_from->seconds);
    if (q.created_to) to_ = storage::time_key(q.created_to->seconds);
    if (q.due_before) due_before_ = storage::time_key(q.due_before->seconds);
  }

  lookup<id_page> run() {
    bool known = start_from_cursor();
    if (!error_.empty()) return lookup<id_page>::failed("the indexes: " + error_);
    if (!known) return {};
    std::optional<std::vector<hit>> few;
    if (q_.order == list_order::created) {
      if (q_.due_before) few = few_by_due();
      if (!few && error_.empty()) stream_created();
    } else if (filters_.empty()) {
      stream_due(true);  // the inbox list holds every ticket in due order
    } else {
      few = few_by_filters();
      if (!few && error_.empty()) stream_due(false);
    }
    if (few && error_.empty()) page_of(*few);
    if (q_.order == list_order::due && !filters_.empty() && !q_.due_before && error_.empty())
      stream_owing_nothing();
    if (!error_.empty()) return lookup<id_page>::failed("the indexes: " + error_);
    return std::move(page_);
  }

 private:
  // Turns `after` into the position to start at; false if it is no cursor of this order.
  bool start_from_cursor() {
    if (q_.order == list_order::created) start_ = from_;
    if (q_.after.empty()) return true;
    std::string id = q_.after, due;
    if (q_.order == list_order::due) {
      auto colon = q_.after.find(':');
      if (colon == std::string::npos) return false;
      std::string secs = q_.after.substr(0, colon);
      id = q_.after.substr(colon + 1);
      if (secs == "none") {
        due = due_time_key(std::nullopt);
      } else {
        char* end = nullptr;
        errno = 0;
        long long s = std::strtoll(secs.c_str(), &end, 10);
        if (secs.empty() || *end || errno) return false;
        due = storage::time_key(s);
      }
    }
    auto where = sorted_as(id);
    if (!where) return false;
    std::string after = (q_.order == list_order::due ? due : "") + where->created + id;
    start_ = std::max(start_, after + '\0');
    return true;
  }

  std::optional<sort_keys> sorted_as(const std::string& id) {
    auto r = db_.read(family::indexes, sort_keys_key(id));
    if (r.failed()) error_ = r.error;
    if (!r.value) return std::nullopt;
    return read_sort_keys(*r.value);
  }

  bool created_in_range(std::string_view created) const {
    return created >= from_ && (to_.empty() || created < to_);
  }

  // Whether ticket `id`, created at T `created`, is in every filter's lists.
  bool passes(const std::string& created, const std::string& id) {
    for (const auto& f : filters_) {
      bool in = false;
      for (const auto& prefix : f) {
        auto r = db_.read(family::indexes, prefix + created + id);
        if (r.failed()) error_ = r.error;
        if ((in = r.value.has_value())) break;
      }
      if (!in) return false;
    }
    return true;
  }

  void take(hit h) {
    if (page_.ids.size() == q_.limit) return;
    if (!hidden_.empty()) {  // a confidential caller's ticket found by phone, for a department
      auto r = db_.read(family::indexes, hidden_ + h.created + h.id);
      if (r.failed()) error_ = r.error;
      if (r.failed() || r.value) return;
    }
    page_.ids.push_back(h.id);
    if (page_.ids.size() < q_.limit) return;
    if (q_.order == list_order::created) {
      page_.next = h.id;
    } else {
      auto due = due_of(h.due);
      page_.next = (due ? std::to_string(due->seconds) : std::string("none")) + ":" + h.id;
    }
  }
  bool full() const { return page_.ids.size() == q_.limit; }

  // The filters' and the holders' lists in registration order, and those of `more`.
  std::vector<posting> lists_in_created_order(std::vector<filter> more = {}) const {
    std::vector<posting> lists;
    for (const auto& f : filters_) lists.emplace_back(db_, f);
    if (!holders_.empty()) lists.emplace_back(db_, holders_);
    for (const auto& f : more) lists.emplace_back(db_, f);
    return lists;
  }

  // Registration order: where all the filters meet (every ticket without one), from the start.
  // With due_before, only the tickets owing a term can pass.
  void stream_created() {
    std::vector<posting> lists;
    if (q_.due_before)
      lists = lists_in_created_order({{list_prefix('w')}});
    else
      lists = lists_in_created_order();
    if (lists.empty()) lists.emplace_back(db_, filter{list_prefix('a')});
    for (std::string at = start_; !full() && meet(lists, at); at.push_back('\0')) {
      std::string created = at.substr(0, 8);
      if (!to_.empty() && created >= to_) break;
      std::string id = at.substr(8);
      if (q_.due_before) {
        auto where = sorted_as(id);
        if (!error_.empty()) return;
        if (!where || where->due >= due_before_) continue;
      }
      take({"", std::move(created), std::move(id)});
    }
    collect_errors(lists);
  }

  // Due order: the holders' inbox lists (every ticket's without holders), the other filters
  // checked one by one; those owing nothing too if `through_none`.
  void stream_due(bool through_none) {
    posting inbox(db_, inbox_);
    const std::string none = due_time_key(std::nullopt);
    for (bool more = inbox.seek(start_); more && !full(); more = inbox.next()) {
      const std::string& at = inbox.position();
      std::string due = at.substr(0, 8), created = at.substr(8, 8), id = at.substr(16);
      if (q_.due_before && due >= due_before_) break;
      if (!through_none && due == none) break;
      bool in = created_in_range(created) && passes(created, id);
      if (!error_.empty()) return;
      if (!in) continue;
      take({std::move(due), std::move(created), std::move(id)});
    }
    if (error_.empty()) error_ = inbox.error();
  }

  // The tickets due before due_before, if there are at most small_set of them in the inbox lists.
  std::optional<std::vector<hit>> few_by_due() {
    posting inbox(db_, inbox_);
    std::vector<hit> out;
    std::size_t seen = 0;
    for (bool more = inbox.seek(""); more; more = inbox.next()) {
      const std::string& at = inbox.position();
      if (at.compare(0, 8, due_before_) >= 0) break;
      if (++seen > small_set) return std::nullopt;
      std::string created = at.substr(8, 8), id = at.substr(16);
      bool in = created_in_range(created) && passes(created, id);
      if (!error_.empty()) return std::nullopt;
      if (!in) continue;
      out.push_back({at.substr(0, 8), std::move(created), std::move(id)});
    }
    if (error_.empty()) error_ = inbox.error();
    return out;
  }

  // The tickets owing a term where the filters meet, if there are at most small_set of them,
  // with their due.
  std::optional<std::vector<hit>> few_by_filters() {
    auto lists = lists_in_created_order({{list_prefix('w')}});
    std::vector<hit> out;
    for (std::string at = from_; meet(lists, at); at.push_back('\0')) {
      if (!to_.empty() && at.compare(0, 8, to_) >= 0) break;
      if (out.size() == small_set) return std::nullopt;
      out.push_back({"", at.substr(0, 8), at.substr(8)});
    }
    collect_errors(lists);
    for (auto& h : out) {
      auto where = sorted_as(h.id);
      if (!error_.empty()) break;
      if (where) h.due = where->due;
    }
    return out;
  }

  // Due order, after every ticket owing a term: those owing nothing, in registration order, where
  // the filters meet (the inbox list would walk all of them to find those).
  void stream_owing_nothing() {
    const std::string none = due_time_key(std::nullopt);
    std::string at = from_;
    if (start_.compare(0, 8, none) == 0) at = std::max(at, start_.substr(8));
    auto lists = lists_in_created_order();
    for (; !full() && meet(lists, at); at.push_back('\0')) {
      std::string created = at.substr(0, 8);
      if (!to_.empty() && created >= to_) break;
      std::string id = at.substr(8);
      auto owing = db_.read(family::indexes, list_prefix('w') + at);
      if (owing.failed()) error_ = owing.error;
      if (!error_.empty()) return;
      if (!owing.value) take({none, std::move(created), std::move(id)});
    }
    collect_errors(lists);
  }

  // A page of `few` in the listing's order, from the start.
  void page_of(std::vector<hit>& few) {
    list_order o = q_.order;
    std::sort(few.begin(), few.end(),
              [o](const hit& a, const hit& b) { return a.in(o) < b.in(o); });
    for (auto& h : few) {
      if (full()) break;
      if (h.due.empty() || h.in(o) < start_) continue;
      if (q_.due_before && h.due >= due_before_) continue;
      take(std::move(h));
    }
  }

  void collect_errors(const std::vector<posting>& lists) {
    for (const auto& l : lists)
      if (error_.empty()) error_ = l.error();
  }

  const storage::store& db_;
  const ticket_query& q_;
  std::vector<filter> filters_;  // all but the holders
  filter holders_;               // the holders' lists in registration order
  filter inbox_;                 // in due order: the holders', or every ticket's
  std::string hidden_;           // a list whose tickets this viewer may not find
  std::string from_, to_, due_before_;
  std::string start_;  // the first position the page may hold
  id_page page_;
  std::string error_;
};

}  // namespace

lookup<id_page> search_tickets(const storage::store& db, const ticket_query& q,
                               const search_scope& scope) {
  return search(db, q, scope).run();
}

}  // namespace hotline::actors
