#include "apps/scenario/lunar_calendar.h"

#include <unicode/ucal.h>

#include <cmath>
#include <memory>

#include "apps/scenario/new_moon.h"

namespace hotline::scenario {
using workflow::date;

namespace {

using calendar_ptr = std::unique_ptr<UCalendar, decltype(&ucal_close)>;

calendar_ptr open_chinese_calendar() {
  UErrorCode status = U_ZERO_ERROR;
  const UChar zone[] = u"Asia/Shanghai";
  calendar_ptr cal(ucal_open(zone, -1, "zh_CN@calendar=chinese", UCAL_DEFAULT, &status),
                   &ucal_close);
  if (U_FAILURE(status)) cal.reset();
  return cal;
}

// The Beijing day ICU gives for lunar `month`/1 (not leap) of the lunar year that starts in
// Gregorian `year`: within a day of the truth, since ICU's new moons can be minutes off.
std::optional<date> icu_month_start(UCalendar* cal, int year, int month) {
  UErrorCode status = U_ZERO_ERROR;
  ucal_clear(cal);
  // ICU counts Chinese years from 2637 BCE: the lunar year starting in Gregorian Y is Y + 2637.
  ucal_set(cal, UCAL_EXTENDED_YEAR, year + 2637);
  ucal_set(cal, UCAL_MONTH, month - 1);
  ucal_set(cal, UCAL_IS_LEAP_MONTH, 0);
  ucal_set(cal, UCAL_DATE, 1);
  const UDate millis = ucal_getMillis(cal, &status);  // local midnight of that day
  if (U_FAILURE(status)) return std::nullopt;
  const auto seconds = static_cast<std::int64_t>(std::floor(millis / 1000.0));
  return workflow::local_date(workflow::instant{seconds});
}

std::optional<lunar_month_start> start_of(UCalendar* cal, int year, int month) {
  auto icu = icu_month_start(cal, year, month);
  if (!icu) return std::nullopt;
  auto moon = new_moon_near(workflow::local_instant(*icu, 12 * 3600));
  if (!moon) return std::nullopt;
  return lunar_month_start{*icu, workflow::local_date(*moon), *moon};
}

}  // namespace

std::optional<lunar_month_start> month_start(int year, int month) {
  auto cal = open_chinese_calendar();
  if (!cal) return std::nullopt;
  return start_of(cal.get(), year, month);
}

std::optional<lunar_festivals> lunar_festivals_of(int year) {
  auto cal = open_chinese_calendar();
  if (!cal) return std::nullopt;
  // ICU numbers the months; the day each begins is the Beijing day of Meeus's new moon.
  auto m1 = start_of(cal.get(), year, 1), m5 = start_of(cal.get(), year, 5),
       m8 = start_of(cal.get(), year, 8);
  if (!m1 || !m5 || !m8) return std::nullopt;
  return lunar_festivals{m1->first_day, workflow::add_days(m5->first_day, 4),
                         workflow::add_days(m8->first_day, 14)};
}

}  // namespace hotline::scenario
