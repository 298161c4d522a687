#include "report/docx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/sha256.h"
#include "report/qr_png.h"
#include "report/testing/samples.h"
#include "report/zip.h"

namespace zj::report {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::Sample;
using testing::TemplateDir;
using testing::WellFormed;

const TemplateSet& Shipped() {
  static const TemplateSet* set = [] {
    Result<TemplateSet> r = LoadTemplates(TemplateDir());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new TemplateSet(std::move(r).value());
  }();
  return *set;
}

std::map<std::string, std::string> ShippedFiles() {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(TemplateDir())) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[e.path().lexically_relative(TemplateDir()).generic_string()] = text.str();
  }
  return files;
}

std::string Part(std::string_view docx, std::string_view name) {
  Result<std::vector<ZipEntry>> entries = ReadZip(docx);
  EXPECT_TRUE(entries.ok());
  for (const ZipEntry& e : *entries) {
    if (e.name == name) return e.data;
  }
  ADD_FAILURE() << "no part " << name;
  return "";
}

TEST(DocxTest, EveryKindRendersAWellFormedPackage) {
  for (DocumentKind kind : kAllDocumentKinds) {
    SCOPED_TRACE(std::string(KindId(kind)));
    const LegalDocument doc = Sample(kind);
    Result<std::string> docx = RenderDocx(Shipped(), doc);
    ASSERT_TRUE(docx.ok()) << docx.status().message();
    Result<std::vector<ZipEntry>> entries = ReadZip(*docx);
    ASSERT_TRUE(entries.ok());
    ASSERT_FALSE(entries->empty());
    EXPECT_EQ(entries->front().name, "[Content_Types].xml");
    std::vector<std::string> names;
    for (const ZipEntry& e : *entries) {
      names.push_back(e.name);
      if (e.name.ends_with(".xml") || e.name.ends_with(".rels")) {
        EXPECT_TRUE(WellFormed(e.data)) << e.name;
        EXPECT_EQ(e.data.find("{{"), std::string::npos) << e.name;
      }
    }
    for (const char* part : {"word/document.xml", "word/styles.xml", "word/footer1.xml",
                             "word/media/qr.png", "_rels/.rels", "docProps/core.xml"}) {
      EXPECT_NE(std::find(names.begin(), names.end(), part), names.end()) << part;
    }
    EXPECT_TRUE(std::is_sorted(names.begin() + 1, names.end()));

    const std::string text = *DocxPlainText(Part(*docx, "word/document.xml"));
    EXPECT_THAT(text, HasSubstr(doc.issuing_org + "\n" + std::string(KindTitle(kind)) + "\n" +
                                doc.doc_no + "\n" + doc.addressee + "：\n"));
    for (const std::string& fact : doc.facts) EXPECT_THAT(text, HasSubstr(fact + "\n"));
    EXPECT_THAT(text, HasSubstr(doc.authority[0]));
    EXPECT_THAT(text, HasSubstr("\n" + ChineseDate(doc.issued_on) + "\n（院印）\n"));
    if (!doc.basis.empty()) {
      EXPECT_THAT(text, HasSubstr(doc.basis[0].citation));
    }

    const std::string footer = Part(*docx, "word/footer1.xml");
    EXPECT_THAT(footer, HasSubstr(doc.case_no));
    EXPECT_THAT(footer, HasSubstr(Sha256::Of(text).substr(0, 16)));
    EXPECT_THAT(Part(*docx, "docProps/core.xml"), HasSubstr("2026-11-24T00:00:00Z"));
  }
}

TEST(DocxTest, KindSpecificParts) {
  const std::string suggestion = *DocxPlainText(
      Part(*RenderDocx(Shipped(), Sample(DocumentKind::kSuggestion)), "word/document.xml"));
  EXPECT_THAT(suggestion, HasSubstr("一、存在的问题\n"));
  EXPECT_THAT(suggestion, HasSubstr("二、问题产生的原因\n刑期届满提示依赖人工台账"));
  EXPECT_THAT(suggestion, HasSubstr("（一）建立刑期届满前三十日提示制度。\n（二）定期比对"));
  EXPECT_THAT(suggestion, HasSubstr("请你单位于收到本检察建议书之日起两个月以内将整改落实情况"));
  EXPECT_THAT(suggestion, HasSubstr("如对本检察建议有异议，请于收到本检察建议书之日起五日内"));

  const std::string opinion = *DocxPlainText(
      Part(*RenderDocx(Shipped(), Sample(DocumentKind::kProposalOpinion)), "word/document.xml"));
  EXPECT_THAT(opinion, HasSubstr("四川省锦江监狱于二〇二六年十月十五日提请对罪犯张某某减刑八个月。"));
  EXPECT_THAT(opinion, HasSubstr("罪犯张某某，男，一九八〇年三月五日出生"));
  EXPECT_THAT(opinion, HasSubstr("本院意见如下：\n本院认为对罪犯张某某不应减刑"));
  EXPECT_EQ(opinion.find("请于"), std::string::npos);  // no reply deadline given

  const std::string ruling = *DocxPlainText(
      Part(*RenderDocx(Shipped(), Sample(DocumentKind::kRulingCorrection)), "word/document.xml"));
  EXPECT_THAT(ruling, HasSubstr("四川省成都市中级人民法院于二〇二六年十一月二日作出（2026）川01刑更"
                                "1234号刑事裁定，对罪犯张某某减去有期徒刑八个月。本院于二〇二六年"
                                "十一月六日收到该裁定书副本"));
  EXPECT_THAT(ruling, HasSubstr("本院认为：\n该罪犯前次减刑至本次提请的间隔"));
  // The basis item has no text: no quotation paragraph.
  EXPECT_EQ(ruling.find("规定：“"), std::string::npos);

  const std::string notice = *DocxPlainText(
      Part(*RenderDocx(Shipped(), Sample(DocumentKind::kCorrectionNotice)), "word/document.xml"));
  EXPECT_THAT(notice, HasSubstr("本院认为，上述行为违反了《中华人民共和国监狱法》第三十五条的规定。\n"
                                "《中华人民共和国监狱法》第三十五条规定：“罪犯服刑期满"));
  EXPECT_THAT(notice, HasSubstr("根据《中华人民共和国刑事诉讼法》第二百七十六条、《中华人民共和国"
                                "人民检察院组织法》第二十一条的规定，特通知你单位予以纠正。"));
  EXPECT_THAT(notice, HasSubstr("请于十五日内将纠正结果书面回复我院。"));
  EXPECT_THAT(notice, HasSubstr("附件：\n1. 罪犯张某某释放证明书复印件\n"));
  EXPECT_THAT(notice, HasSubstr("（院印）\n（联系人及电话：王检察官　028-86000000）\n"));
}

TEST(DocxTest, ProposalOpinionWithoutReasonsIsRefused) {
  LegalDocument doc = Sample(DocumentKind::kProposalOpinion);
  doc.reasons.clear();
  EXPECT_EQ(RenderDocx(Shipped(), doc).status().message(), "检察意见书缺少“理由”");
}

TEST(DocxTest, OptionalPartsLeaveNoTrace) {
  LegalDocument doc = Sample(DocumentKind::kCorrectionNotice);
  doc.attachments.clear();
  doc.contact.clear();
  doc.requirement.clear();
  doc.basis[0].text.clear();
  const std::string text = *DocxPlainText(Part(*RenderDocx(Shipped(), doc), "word/document.xml"));
  EXPECT_EQ(text.find("附件"), std::string::npos);
  EXPECT_EQ(text.find("联系人"), std::string::npos);
  EXPECT_EQ(text.find("规定：“"), std::string::npos);
  EXPECT_TRUE(text.ends_with("（院印）\n"));
}

TEST(DocxTest, TextIsEscapedAndLineBreaksKept) {
  LegalDocument doc = Sample(DocumentKind::kCorrectionNotice);
  doc.addressee = "A&B <监狱> \"'";
  doc.facts = {"第一行\n第二行"};
  Result<std::string> docx = RenderDocx(Shipped(), doc);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  const std::string xml = Part(*docx, "word/document.xml");
  EXPECT_TRUE(WellFormed(xml));
  EXPECT_THAT(xml, HasSubstr("A&amp;B &lt;监狱&gt; &quot;&apos;："));
  EXPECT_THAT(xml, HasSubstr("第一行</w:t><w:br/><w:t xml:space=\"preserve\">第二行"));
  const std::string text = *DocxPlainText(xml);
  EXPECT_THAT(text, HasSubstr("A&B <监狱> \"'：\n"));
  EXPECT_THAT(text, HasSubstr("第一行\n第二行\n"));
}

TEST(DocxTest, SameDocumentSameBytes) {
  const LegalDocument doc = Sample(DocumentKind::kSuggestion);
  Result<std::string> a = RenderDocx(Shipped(), doc);
  Result<std::string> b = RenderDocx(Shipped(), doc);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Sha256::Of(*a), Sha256::Of(*b));
  LegalDocument other = doc;
  other.facts[0] += "另查明。";
  EXPECT_NE(Sha256::Of(*RenderDocx(Shipped(), other)), Sha256::Of(*a));
}

TEST(DocxTest, QrCodeEncodesNumberAndTextDigest) {
  const LegalDocument doc = Sample(DocumentKind::kCorrectionNotice);
  const std::string docx = *RenderDocx(Shipped(), doc);
  Result<std::string> digest = DocxTextSha256(docx);
  ASSERT_TRUE(digest.ok()) << digest.status().message();
  EXPECT_EQ(*digest, Sha256::Of(*DocxPlainText(Part(docx, "word/document.xml"))));
  EXPECT_EQ(VerificationPayload(doc.doc_no, *digest),
            "执检文书核验\n文号：锦检刑执纠违〔2026〕3号\n文本摘要：" + *digest);
  EXPECT_EQ(Part(docx, "word/media/qr.png"), *QrPng(VerificationPayload(doc.doc_no, *digest)));
  EXPECT_THAT(Part(docx, "word/_rels/footer1.xml.rels"), HasSubstr("media/qr.png"));
  EXPECT_THAT(Part(docx, "word/footer1.xml"), HasSubstr("r:embed=\"rIdQr\""));
  EXPECT_FALSE(DocxTextSha256("not a docx").ok());
  EXPECT_EQ(DocxTextSha256(*WriteZip(std::vector<ZipEntry>{{"a.xml", "<a/>"}})).status().message(),
            "文件不是 Word 文书：缺少 word/document.xml");
}

TEST(DocxTest, InvalidDocumentIsRefusedWithItsReason) {
  LegalDocument doc = Sample(DocumentKind::kCorrectionNotice);
  doc.addressee.clear();
  Result<std::string> r = RenderDocx(Shipped(), doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "纠正违法通知书缺少“主送单位”");
  doc = Sample(DocumentKind::kCorrectionNotice);
  doc.facts[0] = "含有\x07控制字符";
  EXPECT_THAT(RenderDocx(Shipped(), doc).status().message(),
              HasSubstr("模板 correction_notice.xml 第 "));
}

TEST(DocxTest, BatchHoldsOneDocxPerDocumentNamedByNumber) {
  std::vector<LegalDocument> docs;
  for (DocumentKind kind : kAllDocumentKinds) docs.push_back(Sample(kind));
  Result<std::string> zip = RenderDocxBatch(Shipped(), docs);
  ASSERT_TRUE(zip.ok()) << zip.status().message();
  Result<std::vector<ZipEntry>> entries = ReadZip(*zip);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ((*entries)[i].name, docs[i].doc_no + ".docx");
    EXPECT_EQ((*entries)[i].data, *RenderDocx(Shipped(), docs[i]));
  }
  EXPECT_EQ(*RenderDocxBatch(Shipped(), docs), *zip);
}

TEST(DocxTest, BatchErrors) {
  EXPECT_EQ(RenderDocxBatch(Shipped(), {}).status().message(), "没有选择要下载的文书");
  std::vector<LegalDocument> twice = {Sample(DocumentKind::kSuggestion),
                                      Sample(DocumentKind::kSuggestion)};
  EXPECT_EQ(RenderDocxBatch(Shipped(), twice).status().message(),
            "批量下载的文书中文号重复：锦检刑执检建〔2026〕3号");
  std::vector<LegalDocument> bad = {Sample(DocumentKind::kSuggestion),
                                    Sample(DocumentKind::kCorrectionNotice)};
  bad[1].facts.clear();
  Result<std::string> r = RenderDocxBatch(Shipped(), bad);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "第 2 份文书（锦检刑执纠违〔2026〕3号）：纠正违法通知书缺少“事实”");
}

TEST(DocxTest, FileNamesAreSafe) {
  LegalDocument doc = Sample(DocumentKind::kCorrectionNotice);
  EXPECT_EQ(DocxFileName(doc), "锦检刑执纠违〔2026〕3号.docx");
  doc.doc_no = "a/b\\c:d*e?f\"g<h>i|j\x01";
  EXPECT_EQ(DocxFileName(doc), "a_b_c_d_e_f_g_h_i_j_.docx");
}

TEST(DocxTest, OperatorsRestyleByEditingTheTemplateFiles) {
  std::map<std::string, std::string> files = ShippedFiles();
  std::string& notice = files.at("correction_notice.xml");
  const std::string seal = "（院印）";
  notice.replace(notice.find(seal), seal.size(), "（检察院印章）");
  Result<TemplateSet> set = ParseTemplates(files);
  ASSERT_TRUE(set.ok()) << set.status().message();
  const std::string text = *DocxPlainText(
      Part(*RenderDocx(*set, Sample(DocumentKind::kCorrectionNotice)), "word/document.xml"));
  EXPECT_THAT(text, HasSubstr("（检察院印章）"));
}

TEST(DocxTest, TemplateDirectoryErrors) {
  EXPECT_EQ(LoadTemplates("/nonexistent/templates").status().code(), StatusCode::kNotFound);

  auto problem = [](auto change) {
    std::map<std::string, std::string> files = ShippedFiles();
    change(files);
    Result<TemplateSet> r = ParseTemplates(files);
    EXPECT_FALSE(r.ok());
    return r.ok() ? "" : r.status().message();
  };
  EXPECT_EQ(problem([](auto& f) { f.erase("suggestion.xml"); }),
            "文书模板缺少 suggestion.xml（检察建议书）");
  EXPECT_EQ(problem([](auto& f) { f.erase("package/_rels/.rels"); }),
            "文书模板包缺少 package/_rels/.rels");
  EXPECT_EQ(problem([](auto& f) { f["package/word/document.xml"] = "<w:document/>"; }),
            "文书模板包不能含有 package/word/document.xml：正文由 <文书种类>.xml 生成");
  EXPECT_EQ(problem([](auto& f) { f["package/word/media/logo.png"] = "PNG"; }),
            "文书模板包 package/ 中只能有 .xml 和 .rels 文件：package/word/media/logo.png");
  EXPECT_THAT(problem([](auto& f) {
                std::string& t = f["package/[Content_Types].xml"];
                const size_t png = t.find("<Default Extension=\"png\"");
                t.erase(png, t.find("/>", png) + 2 - png);
              }),
              HasSubstr("须声明 png 图片"));
  EXPECT_EQ(problem([](auto& f) {
              std::string& t = f["ruling_correction.xml"];
              t.replace(t.find("{{ruling_no}}"), 13, "{{ruling_number}}");
            }),
            "模板 ruling_correction.xml 第 9 行：未知的占位符 {{ruling_number}}");
  // A field of another kind is unknown here.
  EXPECT_THAT(problem([](auto& f) { f["correction_notice.xml"] += "{{?suggestions}}{{/suggestions}}"; }),
              HasSubstr("未知的占位符 {{?suggestions}}"));
  EXPECT_THAT(problem([](auto& f) { f["package/docProps/app.xml"] += "{{facts}}"; }),
              HasSubstr("模板 package/docProps/app.xml"));
}

TEST(DocxTest, ShippedTemplatesShareTheOfficialPageSetup) {
  const std::map<std::string, std::string> files = ShippedFiles();
  std::string first;
  for (DocumentKind kind : kAllDocumentKinds) {
    const std::string& t = files.at(std::string(KindId(kind)) + ".xml");
    const size_t begin = t.find("<w:sectPr>"), end = t.find("</w:sectPr>");
    ASSERT_NE(begin, std::string::npos);
    const std::string section = t.substr(begin, end - begin);
    if (first.empty()) first = section;
    EXPECT_EQ(section, first) << KindId(kind);
  }
  // A4; 上 37mm 下 35mm 左 28mm 右 26mm, in twentieths of a point.
  EXPECT_THAT(first, HasSubstr("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  EXPECT_THAT(first, HasSubstr("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""));
  const std::string& styles = files.at("package/word/styles.xml");
  EXPECT_THAT(styles, HasSubstr("w:eastAsia=\"Noto Serif CJK SC\""));
  EXPECT_THAT(styles, HasSubstr("w:eastAsia=\"Noto Sans CJK SC\""));
  EXPECT_THAT(styles, HasSubstr("<w:sz w:val=\"44\"/>"));  // 二号
  EXPECT_THAT(styles, HasSubstr("<w:sz w:val=\"32\"/>"));  // 三号
}

TEST(DocxTest, DocumentsGuideListsEveryPlaceholder) {
  std::ifstream in(testing::SourceDir() + "/docs/documents.md");
  std::ostringstream guide;
  guide << in.rdbuf();
  ASSERT_FALSE(guide.str().empty());
  for (DocumentKind kind : kAllDocumentKinds) {
    for (const FieldSpec& spec : DocumentSchema(kind)) {
      EXPECT_THAT(guide.str(), HasSubstr("`" + spec.name + "`")) << KindId(kind);
    }
  }
  for (const FieldSpec& spec : PackageSchema()) {
    EXPECT_THAT(guide.str(), HasSubstr("`" + spec.name + "`"));
  }
}

TEST(DocxPlainTextTest, ParagraphsBreaksTabsAndEntities) {
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document><w:body><!-- <w:t>no</w:t> -->"
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>"
      "<w:r><w:t>a&amp;b&lt;&#x4E00;&#20108;</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\"> "
      "c</w:t><w:br/><w:t>d</w:t></w:r></w:p><w:p/><w:p><w:r><w:t/></w:r></w:p>"
      "</w:body></w:document>";
  EXPECT_EQ(*DocxPlainText(xml), "a&b<一二\t c\nd\n\n\n");
  EXPECT_FALSE(DocxPlainText("<w:p><w:t>open").ok());
  EXPECT_FALSE(DocxPlainText("<w:p><w:t>&bogus;</w:t></w:p>").ok());
  EXPECT_FALSE(DocxPlainText("<w:p><w:t>a<w:b/></w:t></w:p>").ok());
  EXPECT_FALSE(DocxPlainText("<w:p").ok());
}

}  // namespace
}  // namespace zj::report
