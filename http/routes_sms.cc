// POST /api/v1/sms/inbound: a caller's reply, brought by the SMS gateway with its token
// ({"ticket","from","text"}), becomes the survey_reply command on that ticket.
#include "http/api.h"
#include "http/json_codec.h"

namespace hotline::http {
using namespace workflow;

namespace {
struct inbound_sms {
  std::string ticket;
  survey_reply reply;
};
template <class F>
void describe(F& f, inbound_sms& x) {
  f("ticket", x.ticket);
  describe(f, x.reply);
}
}  // namespace

response api::sms_inbound(const call& c) {
  if (auto denied = authorize_role(action::survey_reply, c.who)) return refusal_response(*denied);
  std::optional<inbound_sms> decoded;
  return change(
      c, 200,
      [&]() -> std::optional<response> {
        auto body = json_body(c.req);
        if (auto* r = std::get_if<response>(&body)) return *r;
        auto sms = from_json<inbound_sms>(std::get<boost::json::value>(body));
        if (!sms) return refusal_response(sms.error());
        decoded = std::move(sms).value();
        return std::nullopt;
      },
      [&](actors::reply_to reply, std::string key) {
        rt_.act(decoded->ticket, decoded->reply, c.who, std::move(reply), std::move(key));
      });
}

}  // namespace hotline::http
