#pragma once
// The ticket as the contract shows it (shared/api.md, GET /api/v1/tickets/{id}), for one viewer:
// a confidential caller is {"redacted":true} to departments, in the history too, and so is an
// attachment the center uploaded to a confidential ticket (workflow::attachment_visible).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "workflow/decide.h"
#include "workflow/policy.h"

namespace hotline::http {

/// The ticket under its jurisdiction's rules and calendar; with its history when `history` is
/// given. As JSON text, written directly (the answer to every command and GET).
std::string ticket_json_text(const workflow::ticket_state& s, const workflow::jurisdiction& j,
                             const workflow::actor_ref& viewer,
                             const std::vector<workflow::event_record>* history);
/// The same as a tree, to put inside another answer.
boost::json::object ticket_json(const workflow::ticket_state& s, const workflow::jurisdiction& j,
                                const workflow::actor_ref& viewer,
                                const std::vector<workflow::event_record>* history);

/// {"digest","name","type","size","by","at"}: an attachment as the ticket and its list show it.
boost::json::object attachment_json(const workflow::attachment& a);

}  // namespace hotline::http
