#include "report/docx.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/sha256.h"
#include "report/qr_png.h"
#include "report/zip.h"

namespace zj::report {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kContentTypes = "[Content_Types].xml";
constexpr std::string_view kDocumentPart = "word/document.xml";
constexpr std::string_view kQrPart = "word/media/qr.png";
constexpr std::string_view kPackageDir = "package/";
constexpr std::string_view kRequiredParts[] = {kContentTypes, "_rels/.rels",
                                               "word/_rels/document.xml.rels"};

FieldSpec Text(std::string name) { return {std::move(name), FieldType::kText, {}}; }
FieldSpec List(std::string name) { return {std::move(name), FieldType::kTextList, {}}; }

Schema MakeSchema(DocumentKind kind) {
  Schema schema = {
      Text("issuing_org"),     Text("title"),           Text("doc_no"),
      Text("addressee"),       Text("issued_on"),       Text("case_no"),
      Text("subject"),         Text("requirement"),     Text("reply_deadline"),
      Text("contact"),         Text("basis_citations"), Text("authority_citations"),
      List("facts"),           List("attachments"),
      {"basis", FieldType::kRecordList, {"citation", "text", "rule_id"}},
  };
  const auto add = [&](std::initializer_list<FieldSpec> more) {
    schema.insert(schema.end(), more.begin(), more.end());
  };
  switch (kind) {
    case DocumentKind::kCorrectionNotice:
      break;
    case DocumentKind::kSuggestion:
      add({List("reasons"), List("suggestions"), Text("objection_deadline")});
      break;
    case DocumentKind::kProposalOpinion:
      add({List("reasons"), Text("person"), Text("person_info"), Text("proposing_org"),
           Text("proposed_on"), Text("proposal"), Text("opinion")});
      break;
    case DocumentKind::kRulingCorrection:
      add({List("reasons"), Text("court"), Text("ruling_no"), Text("ruled_on"),
           Text("received_on"), Text("person"), Text("ruling")});
      break;
  }
  return schema;
}

size_t KindIndex(DocumentKind kind) {
  for (size_t i = 0; i < std::size(kAllDocumentKinds); ++i) {
    if (kAllDocumentKinds[i] == kind) return i;
  }
  return 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Fields DocumentFields(const LegalDocument& doc) {
  std::vector<std::string> citations;
  RecordList basis;
  for (const LegalBasisItem& item : doc.basis) {
    citations.push_back(item.citation);
    basis.push_back({{"citation", item.citation}, {"text", item.text}, {"rule_id", item.rule_id}});
  }
  Fields f = {
      {"issuing_org", doc.issuing_org},
      {"title", std::string(KindTitle(doc.kind))},
      {"doc_no", doc.doc_no},
      {"addressee", doc.addressee},
      {"issued_on", ChineseDate(doc.issued_on)},
      {"case_no", doc.case_no},
      {"subject", doc.subject},
      {"requirement", doc.requirement},
      {"reply_deadline", doc.reply_deadline},
      {"contact", doc.contact},
      {"basis_citations", JoinCitations(citations)},
      {"authority_citations", JoinCitations(doc.authority)},
      {"facts", doc.facts},
      {"attachments", doc.attachments},
      {"basis", std::move(basis)},
  };
  switch (doc.kind) {
    case DocumentKind::kCorrectionNotice:
      break;
    case DocumentKind::kSuggestion:
      f.insert({{"reasons", doc.reasons},
                {"suggestions", doc.suggestions},
                {"objection_deadline", doc.objection_deadline}});
      break;
    case DocumentKind::kProposalOpinion: {
      const ProposalInfo& p = *doc.proposal;
      f.insert({{"reasons", doc.reasons},
                {"person", p.person},
                {"person_info", p.person_info},
                {"proposing_org", p.proposing_org},
                {"proposed_on", ChineseDate(p.proposed_on)},
                {"proposal", p.proposal},
                {"opinion", p.opinion}});
      break;
    }
    case DocumentKind::kRulingCorrection: {
      const RulingInfo& r = *doc.ruling;
      f.insert({{"reasons", doc.reasons},
                {"court", r.court},
                {"ruling_no", r.ruling_no},
                {"ruled_on", ChineseDate(r.ruled_on)},
                {"received_on", ChineseDate(r.received_on)},
                {"person", r.person},
                {"ruling", r.ruling}});
      break;
    }
  }
  return f;
}

// Decodes the XML character references of a text node.
Result<std::string> Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      return InvalidArgument("文书正文的 XML 格式不正确：无法识别的字符引用");
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    if (ref == "amp") out += '&';
    else if (ref == "lt") out += '<';
    else if (ref == "gt") out += '>';
    else if (ref == "quot") out += '"';
    else if (ref == "apos") out += '\'';
    else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      uint32_t cp = 0;
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) return InvalidArgument("文书正文的 XML 格式不正确：空的字符引用");
      for (char c : digits) {
        int v = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (v < 0 || cp > 0x10FFFF) {
          return InvalidArgument("文书正文的 XML 格式不正确：错误的字符引用");
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (cp > 0x10FFFF) return InvalidArgument("文书正文的 XML 格式不正确：错误的字符引用");
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | cp >> 6);
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | cp >> 12);
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | cp >> 18);
        out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      return InvalidArgument("文书正文的 XML 格式不正确：未知的实体 &" + std::string(ref) + ";");
    }
    i = semi;
  }
  return out;
}

std::string SafeFileName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool unsafe = static_cast<unsigned char>(c) < 0x20 ||
                        std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
    out += unsafe ? '_' : c;
  }
  return out;
}

}  // namespace

const Schema& DocumentSchema(DocumentKind kind) {
  static const std::vector<Schema> schemas = [] {
    std::vector<Schema> all;
    for (DocumentKind k : kAllDocumentKinds) all.push_back(MakeSchema(k));
    return all;
  }();
  return schemas[KindIndex(kind)];
}

const Schema& PackageSchema() {
  static const Schema schema = {Text("issuing_org"),   Text("title"),       Text("doc_no"),
                                Text("case_no"),       Text("subject"),     Text("issued_on"),
                                Text("issued_on_iso"), Text("text_sha256"), Text("verify_code")};
  return schema;
}

const Template& TemplateSet::Document(DocumentKind kind) const {
  return documents_[KindIndex(kind)];
}

Result<TemplateSet> ParseTemplates(const std::map<std::string, std::string>& files) {
  TemplateSet set;
  for (DocumentKind kind : kAllDocumentKinds) {
    const std::string file = std::string(KindId(kind)) + ".xml";
    auto it = files.find(file);
    if (it == files.end()) {
      return InvalidArgument("文书模板缺少 " + file + "（" + std::string(KindTitle(kind)) + "）");
    }
    ZJ_ASSIGN_OR_RETURN(Template t, Template::Parse(file, it->second, DocumentSchema(kind)));
    set.documents_.push_back(std::move(t));
  }
  for (const auto& [path, text] : files) {
    if (path.compare(0, kPackageDir.size(), kPackageDir) != 0) continue;
    const std::string part = path.substr(kPackageDir.size());
    if (!EndsWith(part, ".xml") && !EndsWith(part, ".rels")) {
      return InvalidArgument("文书模板包 package/ 中只能有 .xml 和 .rels 文件：" + path);
    }
    if (part == kDocumentPart || part == kQrPart) {
      return InvalidArgument("文书模板包不能含有 " + path + "：正文由 <文书种类>.xml 生成");
    }
    ZJ_ASSIGN_OR_RETURN(Template t, Template::Parse(path, text, PackageSchema()));
    set.package_.emplace_back(part, std::move(t));
  }
  for (std::string_view required : kRequiredParts) {
    if (std::none_of(set.package_.begin(), set.package_.end(),
                     [&](const auto& p) { return p.first == required; })) {
      return InvalidArgument("文书模板包缺少 package/" + std::string(required));
    }
  }
  const std::string& types = files.at("package/" + std::string(kContentTypes));
  if (types.find("Extension=\"png\"") == std::string::npos ||
      types.find("PartName=\"/word/document.xml\"") == std::string::npos) {
    return InvalidArgument(
        "文书模板包 package/[Content_Types].xml 须声明 png 图片和 /word/document.xml 的类型");
  }
  std::stable_partition(set.package_.begin(), set.package_.end(),
                        [](const auto& p) { return p.first == kContentTypes; });
  return set;
}

Result<TemplateSet> LoadTemplates(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound("找不到文书模板目录：" + dir);
  std::map<std::string, std::string> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return IoError("无法读取文书模板：" + it->path().string());
    files[it->path().lexically_relative(dir).generic_string()] = text.str();
  }
  if (ec) return IoError("无法读取文书模板目录 " + dir + "：" + ec.message());
  return ParseTemplates(files);
}

Result<std::string> RenderDocx(const TemplateSet& templates, const LegalDocument& doc) {
  ZJ_RETURN_IF_ERROR(Validate(doc));
  ZJ_ASSIGN_OR_RETURN(std::string document, templates.Document(doc.kind).Render(DocumentFields(doc)));
  ZJ_ASSIGN_OR_RETURN(std::string text, DocxPlainText(document));
  const std::string digest = Sha256::Of(text);
  ZJ_ASSIGN_OR_RETURN(std::string qr, QrPng(VerificationPayload(doc.doc_no, digest)));

  const Fields package_fields = {
      {"issuing_org", doc.issuing_org},
      {"title", std::string(KindTitle(doc.kind))},
      {"doc_no", doc.doc_no},
      {"case_no", doc.case_no},
      {"subject", doc.subject},
      {"issued_on", ChineseDate(doc.issued_on)},
      {"issued_on_iso", doc.issued_on.ToString() + "T00:00:00Z"},
      {"text_sha256", digest},
      {"verify_code", digest.substr(0, 16)},
  };
  std::vector<ZipEntry> entries;
  for (const auto& [part, t] : templates.package()) {
    ZJ_ASSIGN_OR_RETURN(std::string xml, t.Render(package_fields));
    entries.push_back({part, std::move(xml)});
  }
  entries.push_back({std::string(kDocumentPart), std::move(document)});
  entries.push_back({std::string(kQrPart), std::move(qr)});
  // [Content_Types].xml stays first; the rest by path.
  std::sort(entries.begin() + 1, entries.end(),
            [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  return WriteZip(entries);
}

Result<std::string> RenderDocxBatch(const TemplateSet& templates,
                                    std::span<const LegalDocument> docs) {
  if (docs.empty()) return InvalidArgument("没有选择要下载的文书");
  std::vector<ZipEntry> entries;
  std::set<std::string> names;
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string name = DocxFileName(docs[i]);
    if (!names.insert(name).second) {
      return InvalidArgument("批量下载的文书中文号重复：" + docs[i].doc_no);
    }
    Result<std::string> docx = RenderDocx(templates, docs[i]);
    if (!docx.ok()) {
      return Status(docx.status().code(), "第 " + std::to_string(i + 1) + " 份文书（" +
                                              docs[i].doc_no + "）：" + docx.status().message());
    }
    entries.push_back({std::move(name), std::move(docx).value()});
  }
  return WriteZip(entries);
}

std::string DocxFileName(const LegalDocument& doc) { return SafeFileName(doc.doc_no) + ".docx"; }

Result<std::string> DocxPlainText(std::string_view xml) {
  std::string out;
  bool in_text = false;
  bool in_tab_stops = false;  // <w:tabs> holds <w:tab/> stops, which are not text
  size_t text_start = 0;
  size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    if (xml.compare(pos, 4, "<!--") == 0) {
      size_t end = xml.find("-->", pos + 4);
      if (end == std::string_view::npos) {
        return InvalidArgument("文书正文的 XML 格式不正确：注释没有结束");
      }
      pos = end + 3;
      continue;
    }
    size_t end = xml.find('>', pos);
    if (end == std::string_view::npos) {
      return InvalidArgument("文书正文的 XML 格式不正确：标记没有结束");
    }
    std::string_view tag = xml.substr(pos + 1, end - pos - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool self_closing = !tag.empty() && tag.back() == '/';
    std::string_view name = closing ? tag.substr(1) : tag;
    name = name.substr(0, name.find_first_of(" \t\r\n/"));
    if (in_text) {
      if (!(closing && name == "w:t")) {
        return InvalidArgument("文书正文的 XML 格式不正确：<w:t> 中含有其他标记");
      }
      ZJ_ASSIGN_OR_RETURN(std::string text, Unescape(xml.substr(text_start, pos - text_start)));
      out += text;
      in_text = false;
    } else if (name == "w:t" && !closing && !self_closing) {
      in_text = true;
      text_start = end + 1;
    } else if (name == "w:br" || name == "w:cr") {
      out += '\n';
    } else if (name == "w:tabs" && !self_closing) {
      in_tab_stops = !closing;
    } else if (name == "w:tab" && self_closing && !in_tab_stops) {
      out += '\t';
    } else if (name == "w:p" && (closing || self_closing)) {
      out += '\n';
    }
    pos = end + 1;
  }
  if (in_text) return InvalidArgument("文书正文的 XML 格式不正确：<w:t> 没有结束");
  return out;
}

Result<std::string> DocxTextSha256(std::string_view docx) {
  ZJ_ASSIGN_OR_RETURN(std::vector<ZipEntry> entries, ReadZip(docx));
  for (const ZipEntry& entry : entries) {
    if (entry.name != kDocumentPart) continue;
    ZJ_ASSIGN_OR_RETURN(std::string text, DocxPlainText(entry.data));
    return Sha256::Of(text);
  }
  return InvalidArgument("文件不是 Word 文书：缺少 word/document.xml");
}

std::string VerificationPayload(std::string_view doc_no, std::string_view text_sha256) {
  return "执检文书核验\n文号：" + std::string(doc_no) + "\n文本摘要：" + std::string(text_sha256);
}

}  // namespace zj::report
