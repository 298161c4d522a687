#pragma once
// Test support: one realistic document of each kind, the shipped template directory, and a
// libxml2 well-formedness check. Header-only; tests only.

#include <libxml/parser.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "common/date.h"
#include "report/legal_document.h"

namespace zj::report::testing {

inline std::string SourceDir() {
  const char* env = std::getenv("ZJ_SOURCE_DIR");
  return env && *env ? env : ZJ_SOURCE_DIR_DEFAULT;
}

inline std::string TemplateDir() { return SourceDir() + "/data/templates"; }

inline Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

// The first fact of the correction notice and the suggestion.
inline constexpr std::string_view kFact =
    "罪犯张某某于二〇二六年九月三日刑期届满，你单位至二〇二六年九月十日才为其办理释放手续，"
    "超期羁押七日。";

inline LegalDocument Sample(DocumentKind kind) {
  LegalDocument doc;
  doc.kind = kind;
  doc.issuing_org = "四川省成都市锦江区人民检察院";
  doc.doc_no = "锦检刑执" + std::string(KindCode(kind)) + "〔2026〕3号";
  doc.addressee = "四川省锦江监狱";
  doc.issued_on = D(2026, 11, 24);
  doc.case_no = "锦检刑执监〔2026〕17号";
  doc.subject = "罪犯刑满释放工作";
  doc.facts = {std::string(kFact), "经查，你单位刑罚执行科未建立刑期届满提示制度。"};
  doc.basis = {{"JX-REL-01", "《中华人民共和国监狱法》第三十五条",
                "罪犯服刑期满，监狱应当按期释放并发给释放证明书。"}};
  doc.authority = {"《中华人民共和国刑事诉讼法》第二百七十六条",
                   "《中华人民共和国人民检察院组织法》第二十一条"};
  doc.reply_deadline = "十五日内";
  doc.requirement = "请你单位立即核查在押罪犯刑期，对相关责任人员依法处理。";
  doc.attachments = {"罪犯张某某释放证明书复印件"};
  doc.contact = "王检察官　028-86000000";
  switch (kind) {
    case DocumentKind::kCorrectionNotice:
      break;
    case DocumentKind::kSuggestion:
      doc.subject = "罪犯刑满释放管理工作";
      doc.reasons = {"刑期届满提示依赖人工台账，未与执行信息系统对接。"};
      doc.suggestions = {"建立刑期届满前三十日提示制度。", "定期比对刑期数据与释放台账。"};
      doc.reply_deadline = "收到本检察建议书之日起两个月以内";
      doc.objection_deadline = "收到本检察建议书之日起五日内";
      doc.requirement.clear();
      doc.authority = {"《中华人民共和国人民检察院组织法》第二十一条"};
      break;
    case DocumentKind::kProposalOpinion:
      doc.addressee = "四川省成都市中级人民法院";
      doc.subject = "罪犯张某某减刑";
      doc.facts = {"罪犯张某某于二〇二六年三月因违反监规受到警告处分，提请减刑材料未载明该处分。"};
      doc.reasons = {"罪犯张某某在考核期内受到警告处分，不符合“确有悔改表现”的减刑条件。"};
      doc.proposal = ProposalInfo{
          "张某某", "男，一九八〇年三月五日出生，因盗窃罪被判处有期徒刑八年，现在四川省锦江监狱服刑。",
          "四川省锦江监狱", D(2026, 10, 15), "对罪犯张某某减刑八个月",
          "本院认为对罪犯张某某不应减刑，建议你院依法裁定不予减刑。"};
      doc.reply_deadline.clear();
      doc.requirement = "请你院依法审理，并将裁定书副本送达我院。";
      doc.authority = {"《中华人民共和国刑事诉讼法》第二百七十三条第二款"};
      break;
    case DocumentKind::kRulingCorrection:
      doc.addressee = "四川省成都市中级人民法院";
      doc.subject = "罪犯张某某减刑裁定";
      doc.ruling = RulingInfo{"四川省成都市中级人民法院", "（2026）川01刑更1234号", D(2026, 11, 2),
                              D(2026, 11, 6), "张某某", "对罪犯张某某减去有期徒刑八个月"};
      doc.facts = {"罪犯张某某前次减刑裁定于二〇二五年十二月一日生效，至本次提请时减刑间隔不足一年。"};
      doc.reasons = {"该罪犯前次减刑至本次提请的间隔不符合规定，依法不应减刑。"};
      doc.basis = {{"JX-COURT-01", "《最高人民法院关于办理减刑、假释案件具体应用法律的规定》第六条", ""}};
      doc.requirement = "请你院在收到本意见书后一个月以内重新组成合议庭进行审理，作出最终裁定。";
      doc.reply_deadline.clear();
      doc.authority = {"《中华人民共和国刑事诉讼法》第二百七十四条",
                       "《人民检察院刑事诉讼规则》第六百三十九条"};
      break;
  }
  return doc;
}

// True if `xml` parses as well-formed XML (libxml2, no network, no entity expansion).
inline bool WellFormed(std::string_view xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

}  // namespace zj::report::testing
