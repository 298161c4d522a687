// LibreOffice round trip: the four kinds rendered as .docx, converted to PDF by one soffice run
// (with a private profile, so parallel runs do not clash), read back with pdftotext -layout.
// Where zbarimg (zbar-tools) is installed, the QR code printed on page one is scanned too.
// Set ZJ_REPORT_PDF_DIR to keep the .docx and .pdf files there for a look.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/docx.h"
#include "report/testing/samples.h"

namespace zj::report {
namespace {

namespace fs = std::filesystem;
using testing::Sample;

bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// pdftotext -layout breaks lines and pads them; compare without any white space.
std::string Squeeze(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (s.compare(i, 3, "\u3000") == 0) {  // the full-width space
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

TEST(PdfTest, LibreOfficePrintsWhatWeWrote) {
  if (!OnPath("soffice") || !OnPath("pdftotext")) {
    GTEST_SKIP() << "未安装 LibreOffice（soffice）或 pdftotext，跳过 PDF 转换测试 / soffice or "
                    "pdftotext not installed";
  }
  Result<TemplateSet> templates = LoadTemplates(testing::TemplateDir());
  ASSERT_TRUE(templates.ok()) << templates.status().message();

  const char* keep = std::getenv("ZJ_REPORT_PDF_DIR");
  const fs::path dir = keep && *keep ? fs::path(keep)
                                     : fs::temp_directory_path() /
                                           ("zj-report-pdf-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string files;
  for (DocumentKind kind : kAllDocumentKinds) {
    Result<std::string> docx = RenderDocx(*templates, Sample(kind));
    ASSERT_TRUE(docx.ok()) << docx.status().message();
    const fs::path path = dir / (std::string(KindId(kind)) + ".docx");
    std::ofstream(path, std::ios::binary) << *docx;
    files += " " + Quote(path.string());
  }
  const std::string profile = "file://" + (dir / "lo-profile").string();
  const std::string convert = "soffice -env:UserInstallation=" + Quote(profile) +
                              " --headless --norestore --convert-to pdf --outdir " +
                              Quote(dir.string()) + files + " > " + Quote((dir / "soffice.log").string()) +
                              " 2>&1";
  ASSERT_EQ(std::system(convert.c_str()), 0) << ReadFile(dir / "soffice.log");

  for (DocumentKind kind : kAllDocumentKinds) {
    SCOPED_TRACE(std::string(KindId(kind)));
    const LegalDocument doc = Sample(kind);
    const fs::path pdf = dir / (std::string(KindId(kind)) + ".pdf");
    const fs::path txt = dir / (std::string(KindId(kind)) + ".txt");
    ASSERT_TRUE(fs::exists(pdf)) << ReadFile(dir / "soffice.log");
    const std::string extract =
        "pdftotext -layout -enc UTF-8 " + Quote(pdf.string()) + " " + Quote(txt.string());
    ASSERT_EQ(std::system(extract.c_str()), 0);
    const std::string text = ReadFile(txt);
    const std::string flat = Squeeze(text);
    // Title, number and addressee each stand on a line of their own, in this order.
    const std::string head = std::string(KindTitle(kind)) + "\n" + Squeeze(doc.doc_no) + "\n" +
                             doc.addressee + "：";
    std::string lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!Squeeze(line).empty()) lines += Squeeze(line) + "\n";
    }
    EXPECT_THAT(lines, ::testing::HasSubstr(head));
    EXPECT_THAT(flat, ::testing::HasSubstr(Squeeze(doc.issuing_org)));
    EXPECT_THAT(flat, ::testing::HasSubstr(Squeeze(doc.facts[0])));
    EXPECT_THAT(flat, ::testing::HasSubstr(Squeeze(doc.authority[0])));
    if (!doc.basis.empty()) {
      EXPECT_THAT(flat, ::testing::HasSubstr(Squeeze(doc.basis[0].citation)));
    }
    EXPECT_THAT(flat, ::testing::HasSubstr(ChineseDate(doc.issued_on) + "（院印）"));
    EXPECT_THAT(flat, ::testing::HasSubstr("案件编号：" + Squeeze(doc.case_no)));

    // Where zbar is installed, the printed 文书核验码 must scan back to the number and the
    // digest of the document's text.
    if (OnPath("zbarimg") && OnPath("pdftoppm")) {
      const fs::path page = dir / (std::string(KindId(kind)) + "-page1");
      const fs::path scanned = dir / (std::string(KindId(kind)) + ".qr");
      const std::string scan = "pdftoppm -png -r 300 -f 1 -l 1 -singlefile " +
                               Quote(pdf.string()) + " " + Quote(page.string()) +
                               " && zbarimg -q --raw " + Quote(page.string() + ".png") + " > " +
                               Quote(scanned.string()) + " 2>/dev/null";
      ASSERT_EQ(std::system(scan.c_str()), 0);
      const std::string docx = ReadFile(dir / (std::string(KindId(kind)) + ".docx"));
      EXPECT_EQ(ReadFile(scanned), VerificationPayload(doc.doc_no, *DocxTextSha256(docx)) + "\n");
    }
  }
  if (!(keep && *keep)) fs::remove_all(dir);
}

}  // namespace
}  // namespace zj::report
