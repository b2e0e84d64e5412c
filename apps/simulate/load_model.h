#pragma once
// A load file (scenarios/<id>/loads/*.json): how callers arrive and how the center and the
// departments behave, for the simulator. Rates are probabilities; ranges are uniform draws.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workflow/enums.h"
#include "workflow/result.h"

namespace hotline::simulate {

struct range {
  double min = 0;
  double max = 0;
};

template <class T>
using weights = std::vector<std::pair<T, double>>;

struct topic_route {
  std::string topic;
  double weight = 1;
  std::string lead;             // the department it goes to
  std::vector<std::string> co;  // co-handlers, if any
};

/// How one department behaves.
struct unit_behavior {
  range sign_hours{0.5, 6};  // from dispatch to signing (or asking to return)
  double return_rate = 0.03;
  range contact_hours{1, 12};   // from signing to contacting the caller
  range reply_share{0.2, 0.8};  // of the handling term used before replying
  double late_rate = 0.05;      // replies after the handling deadline
  double extension_rate = 0.03;
  double unhappy_rate = 0.1;    // the caller is dissatisfied with a reply
  double assign_unit_rate = 0;  // passes the ticket to a subordinate unit (003 §1(4))
};

/// Callers on one topic and region in a short span: a storm.
struct storm {
  int day = 0;  // from the start of the simulation
  double hour = 9;
  int callers = 20;
  double spread_minutes = 60;
  std::string topic;
  std::string region;
  std::optional<workflow::ticket_type> type;
  std::optional<workflow::ticket_class> cls;
  int calls_each = 1;  // >1: each caller calls again on the matter (related_to), a day apart
  bool unreasonable = false;
  double unhappy_rate = -1;  // >= 0: overrides the units' rate for these tickets
};

struct load_model {
  std::string name;
  double tickets_per_day = 100;
  std::array<double, 24> hourly{};  // relative arrivals by hour
  std::array<double, 7> weekday{};  // Monday first
  double holiday_factor = 0.5;
  weights<workflow::ticket_type> types;
  weights<workflow::channel> channels;
  std::vector<topic_route> topics;
  int matters_per_topic = 1;  // distinct matters under each topic ("停水·12"): hot spots
                              // form around one matter, not a whole category
  weights<std::string> regions;
  double repeat_rate = 0.05;  // the same caller again on an earlier matter
  double confidential_rate = 0.05;
  double key_rate = 0.02;
  weights<workflow::key_source> key_sources;
  double emergency_rate = 0;                // Zhijiang
  weights<workflow::ticket_class> classes;  // Pingdingshan
  double complex_rate = 0;                  // Zhijiang
  double mediation_rate = 0;                // Mengcheng: mediation and enforcement items
  double answer_rate = 0.3;                 // consultations the operator answers directly
  double decline_rate = 0.02;
  range dispatch_minutes{5, 90};
  range approval_minutes{30, 240};  // a supervisor decides a request
  double approve_return_rate = 0.6;
  range evaluation_hours{2, 48};
  double unreasonable_rate = 0.2;  // repeat callers whose demand is ended by termination
  unit_behavior units;             // every department, unless overridden
  std::map<std::string, unit_behavior> unit_overrides;
  std::vector<storm> storms;
};

/// Reads a load file; the refusal names the file and field.
workflow::result<load_model> load_model_file(const std::string& file);

}  // namespace hotline::simulate
