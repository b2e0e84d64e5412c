// GET /api/v1/departments and /api/v1/departments/{id}/stats.
#include "http/api.h"
#include "workflow/statistics.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

json::object counts_json(const unit_counts& c) {
  json::object by_level;
  for (std::size_t i = 1; i < c.supervised_by_level.size(); ++i)
    by_level[name_of(static_cast<supervision_level>(i))] = c.supervised_by_level[i];
  return {{"received", c.received},         {"signed_on_time", c.signed_on_time},
          {"signed_late", c.signed_late},   {"deemed_signed", c.deemed},
          {"returned", c.returned},         {"overdue", c.overdue},
          {"extended", c.extended},         {"replied", c.replied},
          {"replied_on_time", c.replied_on_time}, {"satisfied", c.satisfied},
          {"dissatisfied", c.dissatisfied}, {"reworked", c.reworked},
          {"supervised", c.supervised},     {"supervised_by_level", std::move(by_level)},
          {"terminated", c.terminated}};
}

json::value rate(long part, long whole) {
  return whole == 0 ? json::value(nullptr) : json::value(double(part) / double(whole));
}

}  // namespace

response api::departments(const call&) {
  json::array items;
  for (const auto& d : rt_.where().departments.all())
    items.push_back({{"id", d.id}, {"name", d.name},
                     {"parent", d.parent.empty() ? json::value(nullptr) : json::value(d.parent)},
                     {"tier", d.tier}});
  return json_response(200, {{"items", std::move(items)}});
}

response api::department_stats(const call& c, const std::string& id) {
  if (!rt_.where().departments.find(id))
    return error_response(404, "not_found", "There is no department " + id + ".");
  auto units = subtree(id);
  if (c.who.who == role::department) {
    auto mine = subtree(c.who.department);
    if (std::find(mine.begin(), mine.end(), id) == mine.end())
      return error_response(403, "forbidden", "Department " + c.who.department + " cannot see " + id + ".");
  }
  // The period: [from, to), by default the month so far.
  instant to = rt_.now(), from = local_instant({local_date(to).year, local_date(to).month, 1}, 0);
  for (auto [name, target] : {std::pair{"from", &from}, {"to", &to}}) {
    auto it = c.req.query.find(name);
    if (it == c.req.query.end()) continue;
    auto t = parse_instant(it->second);
    if (!t) return refusal_response(invalid_field(name, "must be an RFC 3339 time"));
    *target = *t;
  }
  std::map<std::string, unit_counts> tallies;
  actors::ticket_query q;
  q.holders = units;
  q.limit = 500;
  for (;;) {
    auto ids = rt_.repository().list(q);
    for (const auto& ticket : ids) tally(rt_.repository().history(ticket), from, to, tallies);
    if (ids.size() < q.limit) break;
    q.after = ids.back();
  }
  unit_counts total;
  for (const auto& u : units)
    if (auto it = tallies.find(u); it != tallies.end()) total.add(it->second);
  long signs = total.signed_on_time + total.signed_late;
  return json_response(
      200, {{"department", id},
            {"from", format_instant(from)},
            {"to", format_instant(to)},
            {"counts", counts_json(total)},
            {"rates",
             {{"signed_on_time", rate(total.signed_on_time, signs)},
              {"replied_on_time", rate(total.replied_on_time, total.replied)},
              {"satisfaction", rate(total.satisfied, total.satisfied + total.dissatisfied)}}}});
}

}  // namespace hotline::http
