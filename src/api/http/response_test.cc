#include "api/http/response.h"

#include <gtest/gtest.h>

#include "api/http/request.h"

namespace zj::http {
namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(HttpResponse, JsonReplacesInvalidUtf8InsteadOfThrowing) {
  const Response r = Response::Json({{"name", std::string("a\xff")}}, 201);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(r.body)["name"], "a\xEF\xBF\xBD");
}

TEST(HttpResponse, ErrorShape) {
  const Response r = internal::ErrorResponse("00112233aabbccdd", 400, "bad_request",
                                             "立案日期格式不正确", "filed_on");
  EXPECT_EQ(r.status, 400);
  const auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j, nlohmann::json::parse(R"({"error": {"code": "bad_request",
      "message": "立案日期格式不正确", "request_id": "00112233aabbccdd",
      "field": "filed_on"}})"));
  const auto no_field =
      nlohmann::json::parse(internal::ErrorResponse("x", 404, "not_found", "无").body);
  EXPECT_FALSE(no_field["error"].contains("field"));
}

TEST(HttpResponse, SetHeaderReplacesCaseInsensitively) {
  Response r;
  r.headers = {{"cache-control", "a"}, {"X-Other", "b"}, {"Cache-Control", "c"}};
  r.SetHeader("Cache-Control", "private");
  EXPECT_EQ(r.headers, (std::vector<std::pair<std::string, std::string>>{
                           {"X-Other", "b"}, {"Cache-Control", "private"}}));
}

TEST(HttpResponse, SetCookieFlags) {
  SetCookieSpec c{.name = "zj_session", .value = "abc-DEF_123"};
  EXPECT_EQ(*FormatSetCookie(c), "zj_session=abc-DEF_123; Path=/; HttpOnly; SameSite=Strict");
  c.max_age = 3600;
  c.secure = true;
  c.path = "/api";
  EXPECT_EQ(*FormatSetCookie(c),
            "zj_session=abc-DEF_123; Path=/api; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  SetCookieSpec csrf{.name = "zj_csrf", .value = "t0k3n", .max_age = 0, .http_only = false};
  EXPECT_EQ(*FormatSetCookie(csrf), "zj_csrf=t0k3n; Path=/; Max-Age=0; SameSite=Strict");

  Response r;
  ASSERT_TRUE(r.SetCookie(c).ok());
  ASSERT_TRUE(r.SetCookie(csrf).ok());
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0].first, "Set-Cookie");
  EXPECT_EQ(r.headers[1].first, "Set-Cookie");
}

TEST(HttpResponse, SetCookieRejectsUnsafeNamesValuesAndPaths) {
  for (const SetCookieSpec& bad : {
           SetCookieSpec{.name = "", .value = "v"},
           SetCookieSpec{.name = "a b", .value = "v"},
           SetCookieSpec{.name = "a;b", .value = "v"},
           SetCookieSpec{.name = "a", .value = "v; Path=/evil"},
           SetCookieSpec{.name = "a", .value = "x\"y"},
           SetCookieSpec{.name = "a", .value = "x\r\nSet-Cookie: b=1"},
           SetCookieSpec{.name = "a", .value = "中文"},
           SetCookieSpec{.name = "a", .value = "v", .path = "api"},
           SetCookieSpec{.name = "a", .value = "v", .path = "/; Domain=evil"},
           SetCookieSpec{.name = "a", .value = "v", .max_age = -1},
       }) {
    Response r;
    const Status s = r.SetCookie(bad);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad.name << "=" << bad.value;
    EXPECT_TRUE(r.headers.empty());
  }
}

TEST(HttpResponse, ContentDispositionForChineseNames) {
  EXPECT_EQ(ContentDisposition("report.xlsx"),
            "attachment; filename=\"report.xlsx\"; filename*=UTF-8''report.xlsx");
  EXPECT_EQ(ContentDisposition("检察建议书.docx"),
            "attachment; filename=\"download.docx\"; "
            "filename*=UTF-8''%E6%A3%80%E5%AF%9F%E5%BB%BA%E8%AE%AE%E4%B9%A6.docx");
  const std::string d = ContentDisposition("线索清单 2026-03（成都）.xlsx");
  EXPECT_NE(d.find("filename=\"_ 2026-03_.xlsx\""), std::string::npos) << d;
  const size_t star = d.find("filename*=UTF-8''");
  ASSERT_NE(star, std::string::npos);
  EXPECT_EQ(PercentDecode(d.substr(star + 17)), "线索清单 2026-03（成都）.xlsx");

  // Quotes, backslashes, slashes and control characters never reach the quoted fallback.
  const std::string evil = ContentDisposition("a\"b\\c/d\r\ne.txt");
  EXPECT_NE(evil.find("filename=\"a_b_c_d_e.txt\""), std::string::npos) << evil;
  EXPECT_EQ(evil.find('\r'), std::string::npos);
  EXPECT_EQ(evil.find('\n'), std::string::npos);
  EXPECT_EQ(ContentDisposition("报告"),
            "attachment; filename=\"download\"; "
            "filename*=UTF-8''%E6%8A%A5%E5%91%8A");
}

TEST(HttpResponse, FileSetsTypeBodyAndDisposition) {
  const Response r = Response::File("PK\x03\x04", "application/zip", "案卷.zip");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/zip");
  EXPECT_EQ(r.body, "PK\x03\x04");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Content-Disposition");
  EXPECT_EQ(r.headers[0].second, ContentDisposition("案卷.zip"));
}

TEST(HttpCookies, ParsesSeveralHeadersQuotedAndMalformedPairs) {
  const auto cookies = ParseCookies(
      {"a=1; session=\"quoted value\";empty=; novalue; =x;  spaced = v2 ", "a=2; c=3=4"});
  const std::vector<std::pair<std::string, std::string>> want = {
      {"a", "1"},  {"session", "quoted value"}, {"empty", ""}, {"spaced", "v2"}, {"a", "2"},
      {"c", "3=4"}};
  EXPECT_EQ(cookies, want);
  EXPECT_TRUE(ParseCookies({""}).empty());
  EXPECT_TRUE(ParseCookies({";;"}).empty());
  EXPECT_EQ(ParseCookies({"q=\""}),
            (std::vector<std::pair<std::string, std::string>>{{"q", "\""}}));
}

TEST(HttpHeaderFields, ParsesTheRawHeadLikeCppHttplib) {
  const HeaderList fields = ParseHeaderFields(
      "GET /api/x HTTP/1.1\r\n"
      "Host: x\r\n"
      "Cookie:  s=x%3By \r\n"
      "bare-lf: skipped\n"
      "no colon\r\n"
      ": empty name\r\n"
      "X-Empty:\r\n"
      "\r\n"
      "After: the head\r\n");
  const HeaderList want = {{"Host", "x"}, {"Cookie", "s=x%3By"}, {"X-Empty", ""}};
  EXPECT_EQ(fields, want);
  EXPECT_TRUE(ParseHeaderFields("").empty());
  EXPECT_TRUE(ParseHeaderFields("GET / HTTP/1.1\n").empty());
}

}  // namespace
}  // namespace zj::http
