#pragma once
// Bar charts as SVG a supervisor reads at a glance: series side by side (grouped, never stacked),
// every bar's count written on it, the title and the legend on lines of their own, Chinese set
// in WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) where it is installed.

#include <string>
#include <vector>

namespace hotline::simulate {

struct chart_series {
  std::string name;
  std::string color;
  std::vector<double> values;  // one per category
};

struct bar_chart {
  std::string title;
  std::string subtitle;
  std::vector<std::string> categories;
  std::vector<chart_series> series;
  bool horizontal = false;                // categories down the side, bars to the right
  std::vector<std::string> remarks = {};  // horizontal only: a text after each category's bars
};

/// The chart as an SVG document.
std::string render_svg(const bar_chart& c);

/// The font stack charts name.
extern const char* const chart_fonts;

}  // namespace hotline::simulate
