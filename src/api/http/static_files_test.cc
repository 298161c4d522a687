#include "api/http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api/http/route.h"

namespace zj::http {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// web/          index.html, app.json, assets/app.3f2a.js, fonts/x.woff2, link_in.css → style.css,
//               link_out.txt → ../secret.txt, link_dir → .., link_page → ../secret.txt
// secret.txt    outside the served folder
class HttpStaticFiles : public testing::Test {
 protected:
  void SetUp() override {
    base_ =
        fs::temp_directory_path() / ("zj_http_static_" + std::to_string(::getpid()) + "_" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    web_ = base_ / "web";
    Write(web_ / "index.html", "<!doctype html>INDEX");
    Write(web_ / "app.json", "{}");
    Write(web_ / "style.css", "body{}");
    Write(web_ / "assets" / "app.3f2a.js", "console.log(1)");
    Write(web_ / "fonts" / "x.woff2", "wOF2");
    Write(base_ / "secret.txt", "SECRET");
    fs::create_symlink("style.css", web_ / "link_in.css");
    fs::create_symlink("../secret.txt", web_ / "link_out.txt");
    fs::create_symlink("..", web_ / "link_dir");
    fs::create_symlink("../secret.txt", web_ / "link_page");
    auto files = StaticFiles::Open(web_.string());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_.emplace(std::move(*files));
  }
  void TearDown() override { fs::remove_all(base_); }

  Result<StaticFiles::File> Get(std::string_view raw_path) {
    ZJ_ASSIGN_OR_RETURN(std::vector<std::string> segments, SplitPath(raw_path));
    return files_->Serve(segments);
  }

  fs::path base_;
  fs::path web_;
  std::optional<StaticFiles> files_;
};

TEST_F(HttpStaticFiles, ServesFilesWithTypeAndCachePolicy) {
  auto js = Get("/assets/app.3f2a.js");
  ASSERT_TRUE(js.ok()) << js.status().ToString();
  EXPECT_EQ(js->body, "console.log(1)");
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");

  auto css = Get("/style.css");
  ASSERT_TRUE(css.ok());
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(css->cache_control, "no-cache");

  auto font = Get("/fonts/x.woff2");
  ASSERT_TRUE(font.ok());
  EXPECT_EQ(font->content_type, "font/woff2");

  auto index = Get("/index.html");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->cache_control, "no-cache");

  auto inside_link = Get("/link_in.css");  // a symlink that stays inside is fine
  ASSERT_TRUE(inside_link.ok());
  EXPECT_EQ(inside_link->body, "body{}");
}

TEST_F(HttpStaticFiles, MimeTypes) {
  EXPECT_EQ(StaticFiles::MimeType("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::MimeType("a.PNG"), "image/png");
  EXPECT_EQ(StaticFiles::MimeType("a.json"), "application/json; charset=utf-8");
  EXPECT_EQ(StaticFiles::MimeType("/x/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::MimeType("/x.d/README"), "application/octet-stream");
  EXPECT_EQ(StaticFiles::MimeType("a.exe"), "application/octet-stream");
}

TEST_F(HttpStaticFiles, PagesWithoutExtensionFallBackToIndex) {
  for (std::string_view page :
       {"/", "/clues", "/clues/12", "/clues/12/", "/assets", "/%E7%BA%BF"}) {
    auto f = Get(page);
    ASSERT_TRUE(f.ok()) << page << ": " << f.status().ToString();
    EXPECT_EQ(f->body, "<!doctype html>INDEX") << page;
    EXPECT_EQ(f->cache_control, "no-cache") << page;
  }
  for (std::string_view missing : {"/missing.js", "/assets/app.0000.js", "/a/b.css"}) {
    auto f = Get(missing);
    EXPECT_EQ(f.status().code(), StatusCode::kNotFound) << missing;
  }
}

TEST_F(HttpStaticFiles, NeverServesAFileOutsideTheFolder) {
  for (std::string_view bad : {"/../secret.txt",
                               "/assets/../../secret.txt",
                               "/%2e%2e/secret.txt",
                               "/..%2fsecret.txt",
                               "/%2e%2e%2fsecret.txt",
                               "/%252e%252e/secret.txt",
                               "/..%5csecret.txt",
                               "/..\\secret.txt",
                               "/assets/..",
                               "/.",
                               "/./index.html",
                               "//secret.txt",
                               "/assets//app.3f2a.js",
                               "/link_out.txt",
                               "/link_dir/secret.txt",
                               "/link_dir",
                               "/link_page",
                               "/link_dir/",
                               "/.hidden",
                               "/a%01b",
                               "/%2e%2e",
                               "/%2e%2e/",
                               "/..",
                               "/../"}) {
    auto f = Get(bad);
    EXPECT_EQ(f.status().code(), StatusCode::kNotFound)
        << bad << " served " << (f.ok() ? f->body : "");
  }
  EXPECT_FALSE(SplitPath("/index.html%00.png").ok());  // NUL never gets this far
}

TEST(HttpStaticFilesOpen, MissingFolderIsNotFound) {
  auto f = StaticFiles::Open("/nonexistent/zj/web/dist");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
  EXPECT_NE(f.status().message().find("/nonexistent/zj/web/dist"), std::string::npos);
}

}  // namespace
}  // namespace zj::http
