// Attachments (003 §5(4)): the reply carries the leader's signed sign-off and photos of the
// handling, uploaded as the ticket's attachments. The rule core reads the type from the bytes.
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;

const std::string jpeg_head("\xFF\xD8\xFF\xE0\x00\x10JF", 8);
const std::string png_head("\x89PNG\r\n\x1A\n", 8);
const std::string digest_a(64, 'a');
const std::string digest_b(64, 'b');

attach upload(const std::string& head, const std::string& digest, const std::string& name,
              const std::string& declared = "", std::uint64_t size = 2'000'000) {
  return attach{name, declared, head, size, digest};
}

struct Attachments : ::testing::Test {
  ticket_case t{"pingdingshan"};
  void handling(bool confidential = false) {
    intake r = request();
    r.confidential = confidential;
    t.submit(r, "2026-03-16T08:40:00+08:00");
    dispatch d = dispatch_to("xinhua");
    d.cls = ticket_class::B;
    t.ok(d, "2026-03-16T09:00:00+08:00", operator_role());
    t.ok(sign{}, "2026-03-16T09:30:00+08:00", department("xinhua"));
  }
};

TEST_F(Attachments, Seed003S5_4_TheUnitUploadsTheSignedSignOffAndPhotosWithItsReply) {
  handling();
  EXPECT_EQ(t.ok(upload(jpeg_head, digest_a, "现场照片.jpg"), "2026-03-17T10:00:00+08:00",
                 department("xinhua")),
            std::vector<std::string>{"attached"});
  EXPECT_EQ(t.ok(upload("%PDF-1.7", digest_b, "领导签发.pdf", "application/pdf"),
                 "2026-03-17T10:05:00+08:00", department("xinhua")),
            std::vector<std::string>{"attached"});
  t.ok(reply_with("已清理占道摊点", signed_by("王局长", "局长")), "2026-03-17T11:00:00+08:00",
       department("xinhua"));
  ASSERT_EQ(t.state().attachments.size(), 2u);
  const attachment& photo = t.state().attachments[0];
  EXPECT_EQ(photo.type, media_type::jpeg);
  EXPECT_EQ(photo.name, "现场照片.jpg");
  EXPECT_EQ(photo.by, "department:xinhua");
  EXPECT_EQ(photo.at, at("2026-03-17T10:00:00+08:00"));
  EXPECT_EQ(t.state().attachments[1].type, media_type::pdf);
  // After the reply, until the evaluation, a forgotten photo may still follow.
  t.ok(upload(png_head, std::string(64, 'c'), ""), "2026-03-17T12:00:00+08:00",
       department("xinhua"));
  EXPECT_EQ(t.state().attachments[2].name, "attachment.png");
}

TEST_F(Attachments, Seed003S5_4_TheTypeIsReadFromTheContentNotTheName) {
  handling();
  auto r = t.refused(upload("hello wo", digest_a, "photo.jpg", "image/jpeg"),
                     "2026-03-17T10:00:00+08:00", department("xinhua"));
  EXPECT_EQ(r.code, refusal_code::validation_failed);
  EXPECT_EQ(r.field, "body");
  EXPECT_NE(r.message.find("not a JPEG, PNG or PDF"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("look like text"), std::string::npos) << r.message;
  // A PNG declared as JPEG is refused too: the declaration must not contradict the bytes.
  r = t.refused(upload(png_head, digest_a, "photo.jpg", "image/jpeg"), "2026-03-17T10:00:00+08:00",
                department("xinhua"));
  EXPECT_EQ(r.field, "Content-Type");
  // Undeclared or generic bytes are typed by their content.
  t.ok(upload(png_head, digest_a, "photo.jpg", "application/octet-stream"),
       "2026-03-17T10:00:00+08:00", department("xinhua"));
  EXPECT_EQ(t.state().attachments[0].type, media_type::png);
}

TEST_F(Attachments, Seed003S5_4_ALargerFileThanThePolicyAllowsIsRefused) {
  handling();
  const auto limit = static_cast<std::uint64_t>(t.where().rules.attachment_max_bytes.value);
  auto r = t.refused(upload(jpeg_head, digest_a, "big.jpg", "", limit + 1),
                     "2026-03-17T10:00:00+08:00", department("xinhua"));
  EXPECT_EQ(r.code, refusal_code::payload_too_large);
  t.ok(upload(jpeg_head, digest_a, "big.jpg", "", limit), "2026-03-17T10:00:00+08:00",
       department("xinhua"));
  r = t.refused(upload(jpeg_head, digest_b, "empty.jpg", "", 0), "2026-03-17T10:00:00+08:00",
                department("xinhua"));
  EXPECT_EQ(r.field, "body");
}

TEST_F(Attachments, Seed003S5_4_TheSameBytesTwiceAreRecordedOnce) {
  handling();
  t.ok(upload(jpeg_head, digest_a, "a.jpg"), "2026-03-17T10:00:00+08:00", department("xinhua"));
  auto again = t.run(upload(jpeg_head, digest_a, "copy.jpg"), "2026-03-17T10:01:00+08:00",
                     department("xinhua"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(t.state().attachments.size(), 1u);
  EXPECT_EQ(t.state().attachments[0].name, "a.jpg");
}

TEST_F(Attachments, Seed003S5_4_WhoMayAttachAndWhen) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  // The center may attach from intake on (a caller's photo); a unit only once it handles it.
  t.ok(upload(jpeg_head, digest_a, "来电人照片.jpg"), "2026-03-16T08:45:00+08:00", operator_role());
  dispatch d = dispatch_to("xinhua");
  d.cls = ticket_class::B;
  t.ok(d, "2026-03-16T09:00:00+08:00", operator_role());
  auto r = t.refused(upload(jpeg_head, digest_b, "x.jpg"), "2026-03-16T09:10:00+08:00",
                     department("xinhua"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  t.ok(sign{}, "2026-03-16T09:30:00+08:00", department("xinhua"));
  r = t.refused(upload(jpeg_head, digest_b, "x.jpg"), "2026-03-16T09:40:00+08:00",
                department("weidong"));
  EXPECT_EQ(r.code, refusal_code::forbidden);
  actor_ref gateway{role::gateway, "", "sms_gateway"};
  r = t.refused(upload(jpeg_head, digest_b, "x.jpg"), "2026-03-16T09:40:00+08:00", gateway);
  EXPECT_EQ(r.code, refusal_code::forbidden);
  t.ok(reply_with("已处理", signed_by("王局长", "局长")), "2026-03-17T11:00:00+08:00",
       department("xinhua"));
  t.ok(satisfied(), "2026-03-18T10:00:00+08:00", operator_role());
  r = t.refused(upload(jpeg_head, digest_b, "late.jpg"), "2026-03-18T10:05:00+08:00",
                operator_role());
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
}

// 004 art. 19, 000 art. 9: what the center uploads to a confidential ticket may show who the
// caller is, so departments do not see it; what a unit uploads, everyone who sees the ticket does.
TEST_F(Attachments, Seed004Art19_TheCentersUploadsToAConfidentialTicketAreHiddenFromUnits) {
  handling(true);
  t.ok(upload(jpeg_head, digest_a, "来电人身份证.jpg"), "2026-03-16T10:00:00+08:00",
       operator_role());
  t.ok(upload(png_head, digest_b, "现场.png"), "2026-03-16T11:00:00+08:00", department("xinhua"));
  auto unit = visible_attachments(t.state(), department("xinhua"));
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].digest, digest_b);
  EXPECT_EQ(visible_attachments(t.state(), operator_role()).size(), 2u);
  EXPECT_EQ(visible_attachments(t.state(), supervisor()).size(), 2u);
}

TEST(MediaType, SignaturesOfJpegPngAndPdf) {
  EXPECT_EQ(sniff_media_type(jpeg_head), media_type::jpeg);
  EXPECT_EQ(sniff_media_type(png_head), media_type::png);
  EXPECT_EQ(sniff_media_type("%PDF-1.4\n"), media_type::pdf);
  EXPECT_EQ(sniff_media_type("GIF89a"), std::nullopt);
  EXPECT_EQ(sniff_media_type(std::string("\xFF\xD8", 2)), std::nullopt);
  EXPECT_EQ(sniff_media_type(""), std::nullopt);
}

}  // namespace
}  // namespace hotline::testing
