#pragma once
// What of a ticket or a knowledge entry full-text search may see. Pure: the search engine
// (search/) indexes what this gives and nothing else.
//
// A caller's name and phone are never searchable (000 art. 9, 002 art. 25-26, 004 art. 23(10)):
// they are not given, and where the texts repeat them ("已电话联系张三") they are blanked out.

#include <string>
#include <vector>

#include "workflow/events.h"
#include "workflow/knowledge.h"

namespace hotline::workflow {

struct searchable_text {
  std::string title;
  std::string text;  // the rest: a ticket's content, direct answers and replies; an entry's body
};

/// A ticket's searchable text, from its history: title, content, the operator's direct answers
/// and the units' replies, with the caller's name and phone blanked out.
searchable_text searchable(const std::vector<event_record>& history);

/// Whether `events` change what a ticket's searchable text is.
bool changes_searchable(const std::vector<event_record>& events);

/// An entry's searchable text: its title and body.
searchable_text searchable(const knowledge_entry& e);

/// `text` with each occurrence of the caller's name and phone (and the phone's digits alone, as
/// callers and units write them) replaced by spaces.
std::string without_caller(std::string text, const citizen& caller);

}  // namespace hotline::workflow
