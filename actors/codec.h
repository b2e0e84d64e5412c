#pragma once
// The binary form of events and ticket states, written once against the describe() protocol.
// Each stored value starts with a format byte; describe() order is the schema. A member added to a
// stored type goes last in its describe() with since{N}, N the new format (codec.cc's
// format_current is raised with it); records in an older format decode with that member at its
// default. Removing or reordering members is not allowed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/outbox_entry.h"
#include "workflow/events.h"
#include "workflow/ticket.h"

namespace hotline::actors {

std::string encode(const std::vector<workflow::event_record>& events);
std::string encode(const workflow::ticket_state& state);
/// Nothing if the bytes are not a value this version wrote.
std::optional<std::vector<workflow::event_record>> decode_events(std::string_view bytes);
std::optional<workflow::ticket_state> decode_state(std::string_view bytes);
std::string encode(const workflow::refusal& r);
std::optional<workflow::refusal> decode_refusal(std::string_view bytes);
std::string encode(const outbox_entry& entry);
std::optional<outbox_entry> decode_outbox_entry(std::string_view bytes);
std::string encode(const workflow::knowledge_entry& entry);
std::optional<workflow::knowledge_entry> decode_knowledge_entry(std::string_view bytes);

}  // namespace hotline::actors
