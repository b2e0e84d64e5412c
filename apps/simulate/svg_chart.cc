#include "apps/simulate/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace hotline::simulate {

const char* const chart_fonts = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
  return out;
}

// Roughly how wide `s` sets at `size` px: a Chinese character a full em, others about half.
double text_width(const std::string& s, double size) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? size : 0.6 * size;
    i += n;
  }
  return w;
}

std::string count(double v) {
  std::ostringstream s;
  s << static_cast<long long>(std::llround(v));
  return s.str();
}

// An axis maximum at a round step: 1, 2 or 5 times a power of ten, four or five steps.
std::pair<double, double> axis(double max_value) {
  if (max_value <= 0) return {1, 1};
  double raw = max_value / 5, power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) {
      step = std::max(1.0, m * power);
      break;
    }
  return {std::ceil(max_value / step) * step, step};
}

struct canvas {
  std::ostringstream svg;
  void text(double x, double y, const std::string& s, const char* anchor = "start", int size = 12,
            const char* extra = "") {
    svg << "<text x=\"" << x << "\" y=\"" << y << "\" font-size=\"" << size << "\" text-anchor=\""
        << anchor << "\"" << extra << ">" << escape(s) << "</text>\n";
  }
  void rect(double x, double y, double w, double h, const std::string& fill) {
    svg << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << w << "\" height=\"" << h
        << "\" fill=\"" << fill << "\"/>\n";
  }
  void line(double x1, double y1, double x2, double y2, const char* stroke) {
    svg << "<line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2 << "\" y2=\"" << y2
        << "\" stroke=\"" << stroke << "\"/>\n";
  }
};

std::string document(double width, double height, const canvas& k) {
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" font-family=\"" << chart_fonts << "\">\n<rect width=\"100%\" height=\"100%\" "
      << "fill=\"white\"/>\n"
      << k.svg.str() << "</svg>\n";
  return out.str();
}

constexpr double title_size = 16, header = 78;  // title, subtitle, legend: then the plot

// Title, subtitle and legend, each on its own line.
void head(canvas& k, const bar_chart& c) {
  k.text(16, 24, c.title, "start", static_cast<int>(title_size), " font-weight=\"bold\"");
  if (!c.subtitle.empty()) k.text(16, 44, c.subtitle, "start", 12, " fill=\"#555\"");
  double x = 16;
  for (const auto& s : c.series) {
    k.rect(x, 56, 12, 12, s.color);
    k.text(x + 16, 66, s.name);
    x += 16 + text_width(s.name, 12) + 20;
  }
}

double max_of(const bar_chart& c) {
  double m = 0;
  for (const auto& s : c.series)
    for (double v : s.values) m = std::max(m, v);
  return m;
}

double heading_width(const bar_chart& c) {
  return 32 + std::max(text_width(c.title, title_size), text_width(c.subtitle, 12));
}

std::string vertical(const bar_chart& c) {
  const std::size_t n = c.categories.size(), per = c.series.size();
  const double bar = n <= 16 ? 16 : n <= 40 ? 9 : 4, left = 56, right = 24;
  double label_w = 0;
  for (const auto& s : c.categories) label_w = std::max(label_w, text_width(s, 11) + 6);
  // Few categories spread over the width, each wide enough for its label; many get narrow bars
  // and every k-th label.
  double group = per * bar + bar;
  if (n <= 16) group = std::max({group, label_w + 8, std::min(120.0, (480 - left - right) / n)});
  const double plot_h = 240, bottom = 44;
  const double width = std::max({480.0, left + n * group + right, heading_width(c)});
  const double height = header + plot_h + bottom, base = header + plot_h;
  auto [top, step] = axis(max_of(c) * 1.1);
  canvas k;
  head(k, c);
  for (double t = 0; t <= top + 1e-9; t += step) {
    double y = base - plot_h * t / top;
    k.line(left, y, width - right, y, t == 0 ? "#888" : "#e4e4e4");
    k.text(left - 6, y + 4, count(t), "end", 11, " fill=\"#555\"");
  }
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(label_w / group)));
  for (std::size_t i = 0; i < n; ++i) {
    double x0 = left + i * group + (group - per * bar) / 2;
    for (std::size_t s = 0; s < per; ++s) {
      double v = c.series[s].values[i], h = plot_h * v / top, x = x0 + s * bar;
      k.rect(x, base - h, bar - 1, h, c.series[s].color);
      if ((v > 0 || n <= 16) && bar >= 9) k.text(x + bar / 2, base - h - 3, count(v), "middle", 10);
    }
    if (i % every == 0) k.text(x0 + per * bar / 2, base + 16, c.categories[i], "middle", 11);
  }
  return document(width, height, k);
}

std::string horizontal(const bar_chart& c) {
  const std::size_t n = c.categories.size(), per = c.series.size();
  const double bar = 14, row = per * bar + 12, plot_w = 420;
  double label_w = 0, remark_w = 0;
  for (const auto& s : c.categories) label_w = std::max(label_w, text_width(s, 12));
  for (const auto& s : c.remarks) remark_w = std::max(remark_w, text_width(s, 12));
  const double left = 16 + label_w + 10, count_room = 40;
  const double width = std::max(left + plot_w + count_room + remark_w + 24, heading_width(c));
  const double height = header + n * row + 36;
  auto [top, step] = axis(max_of(c) * 1.05);
  canvas k;
  head(k, c);
  const double base = header + n * row + 4;
  for (double t = 0; t <= top + 1e-9; t += step) {
    double x = left + plot_w * t / top;
    k.line(x, header - 4, x, base, t == 0 ? "#888" : "#e4e4e4");
    k.text(x, base + 16, count(t), "middle", 11, " fill=\"#555\"");
  }
  for (std::size_t i = 0; i < n; ++i) {
    double y0 = header + i * row;
    k.text(left - 10, y0 + per * bar / 2 + 4, c.categories[i], "end");
    for (std::size_t s = 0; s < per; ++s) {
      double v = c.series[s].values[i], w = plot_w * v / top, y = y0 + s * bar;
      k.rect(left, y, w, bar - 2, c.series[s].color);
      k.text(left + w + 4, y + bar - 4, count(v), "start", 11);
    }
    if (i < c.remarks.size())
      k.text(left + plot_w + count_room, y0 + per * bar / 2 + 4, c.remarks[i], "start", 12,
             " fill=\"#333\"");
  }
  return document(width, height, k);
}

}  // namespace

std::string render_svg(const bar_chart& c) {
  return c.horizontal ? horizontal(c) : vertical(c);
}

}  // namespace hotline::simulate
