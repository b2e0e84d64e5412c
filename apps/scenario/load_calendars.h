#pragma once
// Loads the working-time calendar:
//   scenarios/calendars/YYYY.json        the national calendar, one official year a file (the State
//                                        Council's notice): holidays and make-up working days
//   scenarios/<id>/calendars/*.json      optional local layers: the holidays a local regulation
//                                        adds to one year, with that regulation as their source
// Later years without their official file are provisional (provisional_years.h).

#include <string>
#include <vector>

#include "workflow/calendar.h"
#include "workflow/result.h"

namespace hotline::scenario {

/// The national calendar folder of the scenario in `scenario_dir`: its sibling `calendars/`.
std::string national_calendars_dir(const std::string& scenario_dir);

/// The calendar from the national files in `national_dir`, the provisional years after them and
/// the local layers in `scenario_dir`/calendars, or a refusal naming the file and field at fault.
/// `loaded`: official years an operator loaded (PUT /admin/calendars/{year}), each in place of
/// the file of its year, if there is one.
workflow::result<workflow::working_calendar> load_calendar(
    const workflow::business_hours& hours, const std::string& national_dir,
    const std::string& scenario_dir, const std::vector<workflow::year_calendar>& loaded = {});

/// One official year in the JSON of calendars/YYYY.json, which must be `year`'s; or a
/// validation_failed naming the field at fault ("holidays[2]", "year").
workflow::result<workflow::year_calendar> read_official_year(const std::string& json, int year);

}  // namespace hotline::scenario
