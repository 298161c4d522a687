#include "api/http/route.h"

#include <gtest/gtest.h>

namespace zj::http {
namespace {

PathPattern P(std::string_view pattern) {
  auto p = PathPattern::Parse(pattern);
  EXPECT_TRUE(p.ok()) << pattern << ": " << p.status().ToString();
  return p.ok() ? *p : PathPattern();
}

std::vector<std::string> Split(std::string_view path) {
  auto s = SplitPath(path);
  EXPECT_TRUE(s.ok()) << path << ": " << s.status().ToString();
  return s.ok() ? *s : std::vector<std::string>{};
}

TEST(HttpPathPattern, ParsesLiteralsAndTypedParameters) {
  const PathPattern p = P("/api/clues/{clue_no:int}/notes/{note}");
  ASSERT_EQ(p.segments().size(), 5u);
  EXPECT_EQ(p.segments()[2].kind, PathPattern::Kind::kInt);
  EXPECT_EQ(p.segments()[2].text, "clue_no");
  EXPECT_EQ(p.segments()[4].kind, PathPattern::Kind::kString);
  EXPECT_EQ(p.Shape(), "/api/clues/{:int}/notes/{}");
  EXPECT_EQ(p.OpenApiPath(), "/api/clues/{clue_no}/notes/{note}");
  EXPECT_EQ(P("/api/x/{name:str}").Shape(), "/api/x/{}");
  EXPECT_EQ(P("/").OpenApiPath(), "/");
}

TEST(HttpPathPattern, RejectsMalformedPatterns) {
  for (std::string_view bad :
       {"", "api/clues", "/api//clues", "/api/clues/", "/api/{", "/api/{}", "/api/{Clue}",
        "/api/{1a}", "/api/{a:float}", "/api/{a}/{a:int}", "/api/a{b}", "/api/%61", "/api/{a b}"}) {
    auto p = PathPattern::Parse(bad);
    EXPECT_FALSE(p.ok()) << bad;
    if (!p.ok()) {
      EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(p.status().message().find("路径模式"), std::string::npos);
    }
  }
}

TEST(HttpPathPattern, MatchesAndCollectsParameters) {
  const PathPattern p = P("/api/clues/{clue_no:int}/notes/{note}");
  PathParams params;
  EXPECT_TRUE(p.Match(Split("/api/clues/42/notes/a%2Fb"), &params));
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"clue_no", "42"}));
  EXPECT_EQ(params[1], (std::pair<std::string, std::string>{"note", "a/b"}));

  EXPECT_FALSE(p.Match(Split("/api/clues/4x/notes/a"), nullptr));
  EXPECT_FALSE(p.Match(Split("/api/clues/-4/notes/a"), nullptr));
  EXPECT_FALSE(p.Match(Split("/api/clues/1234567890123456789/notes/a"), nullptr));  // 19 digits
  EXPECT_TRUE(p.Match(Split("/api/clues/123456789012345678/notes/a"), nullptr));
  EXPECT_FALSE(p.Match(Split("/api/clues/42/notes/"), nullptr));  // empty string parameter
  EXPECT_FALSE(p.Match(Split("/api/clues/42/notes"), nullptr));
  EXPECT_FALSE(p.Match(Split("/api/clues/42/notes/a/b"), nullptr));
  EXPECT_FALSE(P("/api/clues").Match(Split("/api/clues/"), nullptr));
  EXPECT_TRUE(P("/").Match(Split("/"), nullptr));
}

TEST(HttpPathPattern, MostSpecificSegmentFromTheLeftWins) {
  EXPECT_TRUE(P("/api/clues/stats").MoreSpecificThan(P("/api/clues/{id}")));
  EXPECT_TRUE(P("/api/clues/stats").MoreSpecificThan(P("/api/clues/{id:int}")));
  EXPECT_TRUE(P("/api/clues/{id:int}").MoreSpecificThan(P("/api/clues/{id}")));
  EXPECT_FALSE(P("/api/clues/{id}").MoreSpecificThan(P("/api/clues/{id:int}")));
  EXPECT_TRUE(P("/api/a/{x}").MoreSpecificThan(P("/api/{y}/b")));
  EXPECT_FALSE(P("/api/a/b").MoreSpecificThan(P("/api/a/b")));
}

TEST(HttpSplitPath, DecodesEachSegmentOnce) {
  EXPECT_EQ(Split("/"), std::vector<std::string>{""});
  EXPECT_EQ(Split("/api/clues"), (std::vector<std::string>{"api", "clues"}));
  EXPECT_EQ(Split("/a/"), (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(Split("/%E7%BA%BF%E7%B4%A2/a%2fb"), (std::vector<std::string>{"线索", "a/b"}));
  EXPECT_EQ(Split("/%252e%252e"), std::vector<std::string>{"%2e%2e"});
  EXPECT_EQ(Split("/%2e%2e/x"), (std::vector<std::string>{"..", "x"}));
  EXPECT_EQ(Split("/a+b"), std::vector<std::string>{"a+b"});
}

TEST(HttpSplitPath, RejectsRelativePathsBadEscapesAndNul) {
  for (std::string_view bad : {"", "api", "*", "http://x/a", "/a%", "/a%2", "/a%zz", "/a%00b"}) {
    auto s = SplitPath(bad);
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) {
      EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace zj::http
