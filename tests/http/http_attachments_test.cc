// Attachments over HTTP against the real server (003 §5(4): the reply carries the leader's signed
// sign-off and photos of the handling): upload, list, download, the type read from the bytes, the
// size limit, the same bytes once, a restart, and who sees what (004 art. 19, 000 art. 9).
#include <gtest/gtest.h>

#include "tests/support/server_case.h"

namespace hotline::testing {
namespace {
namespace json = boost::json;

std::string jpeg_bytes() {
  std::string b("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01", 12);
  for (int round = 0; round < 4; ++round)
    for (int i = 0; i < 256; ++i) b += static_cast<char>(i);
  return b + "\xFF\xD9";
}
// sha256 of jpeg_bytes() (python3 -c "import hashlib; ...").
const std::string jpeg_digest = "f93a58e72763a764de6d2bf0ea7071b1c948760e46032c067858223bb2dcdd24";
const std::string png_bytes("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x00\x01", 20);
const std::string pdf_bytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

struct Attachments : virtual_server {
  std::string id;
  // A Pingdingshan class B item with Xinhua district, signed for: the unit handles it.
  void handling(const std::string& scenario_id, const std::string& lead, bool confidential) {
    start(scenario_id);
    auto r = server->post("/api/v1/tickets", "dev-operator",
                          R"({"channel":"phone","type":"complaint","title":"占道经营",
                              "content":"建设路夜市占道经营","confidential":)" +
                              std::string(confidential ? "true" : "false") +
                              R"(,"citizen":{"name":"王五","phone":"13900000000"}})");
    ASSERT_EQ(r.status, 201) << r.body;
    id = std::string(r.json().at("id").get_string());
    std::string dispatch = R"({"lead":")" + lead + R"("})";
    if (scenario_id == "pingdingshan") dispatch = R"({"lead":")" + lead + R"(","class":"B"})";
    ASSERT_EQ(server->post(path("/dispatch"), "dev-operator", dispatch).status, 200);
    ASSERT_EQ(server->post(path("/sign"), "dev-" + lead, "{}").status, 200);
  }
  std::string path(const std::string& rest = "") const { return "/api/v1/tickets/" + id + rest; }
  http_reply upload(const std::string& token, const std::string& bytes,
                    std::map<std::string, std::string> headers = {}) {
    return server->request("POST", path("/attachments"), token, bytes, std::move(headers));
  }
  json::array listed(const std::string& token) {
    auto r = server->get(path("/attachments"), token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json().at("items").as_array() : json::array{};
  }
};

TEST_F(Attachments, Pingdingshan003S5_4_UploadListDownloadOnceAndAfterARestart) {
  handling("pingdingshan", "xinhua", false);
  const std::string unit = "dev-xinhua";
  auto photo =
      upload(unit, jpeg_bytes(),
             {{"Content-Type", "image/jpeg"},
              {"Content-Disposition", "attachment; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg"}});
  ASSERT_EQ(photo.status, 200) << photo.body;
  auto shown = photo.json().at("attachments").as_array();
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].at("digest"), jpeg_digest.c_str());  // content-addressed: sha256 of the bytes
  EXPECT_EQ(shown[0].at("name"), "现场.jpg");
  EXPECT_EQ(shown[0].at("type"), "image/jpeg");
  EXPECT_EQ(shown[0].at("size"), 1038);
  EXPECT_EQ(shown[0].at("by"), "department:xinhua");
  EXPECT_EQ(photo.json().at("history").as_array().back().at("event"), "attached");
  const auto version = photo.json().at("version").as_int64();

  // A PNG sent as generic bytes, and the signed sign-off as PDF with no Content-Type at all.
  ASSERT_EQ(upload(unit, png_bytes,
                   {{"Content-Type", "application/octet-stream"},
                    {"Content-Disposition", "attachment; filename=\"site.png\""}})
                .status,
            200);
  ASSERT_EQ(upload(unit, pdf_bytes, {{"Content-Disposition", "attachment; filename=\"签发.pdf\""}})
                .status,
            200);
  // The same bytes again, under another name: nothing new is recorded.
  auto again =
      upload(unit, jpeg_bytes(), {{"Content-Disposition", "attachment; filename=copy.jpg"}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("version").as_int64(), version + 2);
  EXPECT_EQ(again.json().at("attachments").as_array().size(), 3u);

  auto check_all = [&] {
    auto items = listed("dev-operator");
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].at("name"), "现场.jpg");
    EXPECT_EQ(items[1].at("type"), "image/png");
    EXPECT_EQ(items[2].at("name"), "签发.pdf");
    EXPECT_EQ(items[2].at("type"), "application/pdf");
    const std::vector<std::string> bytes{jpeg_bytes(), png_bytes, pdf_bytes};
    for (std::size_t i = 0; i < 3; ++i) {
      std::string digest(items[i].at("digest").get_string());
      auto got = server->get(path("/attachments/" + digest), unit);
      ASSERT_EQ(got.status, 200) << got.body;
      EXPECT_EQ(got.body, bytes[i]);
      EXPECT_EQ(got.headers["content-type"], std::string(items[i].at("type").get_string()));
    }
  };
  check_all();
  auto pdf = server->get(
      path("/attachments/" + std::string(listed(unit)[2].at("digest").get_string())), unit);
  EXPECT_NE(pdf.headers["content-disposition"].find("filename*=UTF-8''%E7%AD%BE%E5%8F%91.pdf"),
            std::string::npos)
      << pdf.headers["content-disposition"];

  server.reset();  // the bytes are stored with the ticket's data
  start("pingdingshan");
  check_all();
}

TEST_F(Attachments, Pingdingshan003S5_4_TheTypeIsReadFromTheBytesAndTheSizeIsLimited) {
  handling("pingdingshan", "xinhua", false);
  auto renamed = upload("dev-xinhua", "这是一份文本说明，不是图片。\n",
                        {{"Content-Type", "image/jpeg"},
                         {"Content-Disposition", "attachment; filename=\"photo.jpg\""}});
  EXPECT_EQ(renamed.status, 422) << renamed.body;
  EXPECT_EQ(renamed.code(), "validation_failed");
  EXPECT_EQ(renamed.json().at("error").at("details").at("field"), "body");
  std::string message(renamed.json().at("error").at("message").get_string());
  EXPECT_NE(message.find("not a JPEG, PNG or PDF file"), std::string::npos) << message;
  EXPECT_NE(message.find("look like text"), std::string::npos) << message;
  auto mislabelled = upload("dev-xinhua", png_bytes, {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(mislabelled.status, 422);
  EXPECT_EQ(mislabelled.json().at("error").at("details").at("field"), "Content-Type");

  // The policy's limit (10 MiB), well over --max-body's 1 MiB default: exactly the limit passes,
  // a byte more is refused before the body is read.
  std::string limit_bytes = jpeg_bytes();
  limit_bytes.resize(10 * 1024 * 1024, 'x');
  EXPECT_EQ(upload("dev-xinhua", limit_bytes, {{"Content-Type", "image/jpeg"}}).status, 200);
  auto big = server->raw("POST " + path("/attachments") +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                         "Authorization: Bearer dev-xinhua\r\nContent-Type: image/jpeg\r\n"
                         "Content-Length: 10485761\r\n\r\n");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.code(), "payload_too_large");
  EXPECT_EQ(listed("dev-operator").size(), 1u);  // only the one accepted
}

TEST_F(Attachments, Pingdingshan003S5_4_ADepartmentWithoutTheTicketSeesNoneOfIt) {
  handling("pingdingshan", "xinhua", false);
  ASSERT_EQ(upload("dev-xinhua", jpeg_bytes()).status, 200);
  EXPECT_EQ(server->get(path("/attachments"), "dev-weidong").status, 403);
  EXPECT_EQ(server->get(path("/attachments/" + jpeg_digest), "dev-weidong").status, 403);
  EXPECT_EQ(upload("dev-weidong", png_bytes).status, 403);
  // Nor does a unit below the lead that was not assigned it; an unknown digest is not there.
  EXPECT_EQ(server->get(path("/attachments/" + jpeg_digest), "dev-ximarket").status, 403);
  EXPECT_EQ(server->get(path("/attachments/" + std::string(64, '0')), "dev-operator").status, 404);
  EXPECT_EQ(server->get("/api/v1/tickets/pingdingshan-20990101-000001/attachments", "dev-operator")
                .status,
            404);
}

// 004 art. 19, 000 art. 9: on a confidential ticket the center's uploads (which may show who the
// caller is) are not shown to units: not listed, not downloadable, redacted in the history.
TEST_F(Attachments, Heyuan004Art19_TheCentersUploadsToAConfidentialTicketStayWithTheCenter) {
  handling("heyuan", "housing", true);
  ASSERT_EQ(upload("dev-operator", jpeg_bytes(),
                   {{"Content-Disposition", "attachment; filename=\"王五身份证.jpg\""}})
                .status,
            200);
  ASSERT_EQ(upload("dev-housing", png_bytes).status, 200);
  EXPECT_EQ(listed("dev-operator").size(), 2u);
  auto unit = listed("dev-housing");
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].at("type"), "image/png");
  EXPECT_EQ(server->get(path("/attachments/" + jpeg_digest), "dev-housing").status, 404);
  EXPECT_EQ(server->get(path("/attachments/" + jpeg_digest), "dev-supervisor").status, 200);
  auto seen = server->get(path(), "dev-housing");
  EXPECT_EQ(seen.body.find("身份证"), std::string::npos) << "the name leaked";
  EXPECT_EQ(seen.body.find(jpeg_digest), std::string::npos) << "the digest leaked";
  EXPECT_EQ(seen.json().at("attachments").as_array().size(), 1u);
}

}  // namespace
}  // namespace hotline::testing
