#pragma once
// What a bulletin says in Chinese, once for every format (JSON, CSV, Excel, Markdown, SVG): its
// title from the days it really covers, the columns of the department table and their order,
// the rungs' names, and how a rate is written, so a chart and a table never disagree.

#include <optional>
#include <string>
#include <vector>

#include "workflow/bulletin.h"

namespace hotline::http {

/// The jurisdiction's name without the English gloss the scenario adds in parentheses.
std::string jurisdiction_name(const workflow::jurisdiction& j);
/// "2026年3月16日至3月22日" for [from, to), `to` exclusive.
std::string date_span(workflow::instant from, workflow::instant to);
/// The title: the period's own name when its data cover all of it ("…2026年3月通报",
/// "…周通报（2026年3月16日至3月22日）"), else the days covered
/// ("…通报（2026年3月16日至3月22日，共7天，属2026年度统计期）").
std::string bulletin_title(const workflow::bulletin& b, const workflow::jurisdiction& j);

/// "<jurisdiction>-<period>-<first day>": the bulletin's file names, without the extension.
std::string bulletin_file_stem(const workflow::bulletin& b);

/// Mengcheng's yearly score formula (workflow's mengcheng_score_formula), in Chinese.
extern const char* const score_formula_text;

/// A column of the department table: its JSON key, its Chinese heading, its figure.
struct count_column {
  const char* key;
  const char* label;
  long (*of)(const workflow::unit_counts&);
};
/// The counts, in the order tables show them (supervision by rung among them: `written`, …).
const std::vector<count_column>& count_columns();

/// A share: its JSON key, its heading, and its value in 0..1 (nothing when nothing to divide).
struct rate_column {
  const char* key;
  const char* label;
  std::optional<double> (*of)(const workflow::unit_counts&);
};
const std::vector<rate_column>& rate_columns();
/// A rate in percent with one decimal, "95.2", or "" with nothing to divide (CSV, Excel).
std::string percent_number(std::optional<double> rate);
/// A rate as tables and charts write it: "95.2%", or "—" with nothing to divide.
std::string percent_text(std::optional<double> rate);

/// 书面督办, 现场督办, 重点督办, 移交办理 (003 §6(1)-(4)).
const char* rung_label(workflow::supervision_level level);

/// One row of the department table: the center before dispatch first, then the departments
/// with figures, ranked by tickets received (the scenario's order among equals).
struct bulletin_row {
  std::string id;  // "" for the center
  std::string name;
  const workflow::unit_counts* counts;
};
std::vector<bulletin_row> bulletin_rows(const workflow::bulletin& b,
                                        const workflow::jurisdiction& j);

}  // namespace hotline::http
