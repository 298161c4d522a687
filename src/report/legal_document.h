#pragma once
// The legal documents (检察法律文书) a procuratorate issues from a supervision case, as plain
// values: what the workflow fills and RenderDocx (docx.h) prints. Nothing here reads the store.
//
//   kind               title                          code  addressee
//   correction_notice  纠正违法通知书                 纠违  the executing agency
//   suggestion         检察建议书                     检建  the agency with the systemic problem
//   proposal_opinion   检察意见书                     检意  the court (or approving authority) that
//                                                           decides a 减刑/假释/暂予监外执行 提请
//   ruling_correction  纠正不当减刑（假释）裁定意见书 纠意  the court that made the ruling
//
// A document number reads `<院简称>检刑执<code>〔<year>〕<n>号`, e.g. 锦检刑执纠违〔2026〕3号; the
// workflow numbers documents per procuratorate and year, Validate only checks the shape of the
// tail (`〔yyyy〕n号`).
//
// Text is UTF-8. Fields documented "one line" may not contain a line break; the others may, and
// each line break starts a new line in the printed paragraph.
//
// Pure and thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace zj::report {

enum class DocumentKind {
  kCorrectionNotice,  // 纠正违法通知书
  kSuggestion,        // 检察建议书
  kProposalOpinion,   // 检察意见书 (on a 提请 of 减刑、假释、暂予监外执行)
  kRulingCorrection,  // 纠正不当减刑（假释）裁定意见书 (刑诉法 第274条)
};

inline constexpr DocumentKind kAllDocumentKinds[] = {
    DocumentKind::kCorrectionNotice, DocumentKind::kSuggestion, DocumentKind::kProposalOpinion,
    DocumentKind::kRulingCorrection};

std::string_view KindId(DocumentKind kind);     // "correction_notice"; the template's file name
std::string_view KindTitle(DocumentKind kind);  // "纠正违法通知书"
std::string_view KindCode(DocumentKind kind);   // "纠违", the 类别代字 of the document number
std::optional<DocumentKind> KindFromId(std::string_view id);

// A provision the facts are measured against.
struct LegalBasisItem {
  std::string rule_id;   // RULEBOOK id (JX-PROS-02); not printed, kept for the record
  std::string citation;  // one line: 《中华人民共和国刑事诉讼法》第二百七十四条
  std::string text;      // the provision's words, printed in quotes when given; may be empty
};

// The 提请 a 检察意见书 answers (proposal_opinion only). Every field is required.
struct ProposalInfo {
  std::string person;         // one line: the prisoner's name, 张某某
  std::string person_info;    // 基本情况: 男，一九八〇年三月五日出生，因盗窃罪……现在……服刑。
  std::string proposing_org;  // one line: 提请机关, 四川省锦江监狱
  Date proposed_on;           // 提请日期
  std::string proposal;       // 提请内容, read after 提请: 对罪犯张某某减刑八个月
  std::string opinion;        // 本院意见: 不同意对罪犯张某某减刑。/ 建议减刑幅度不超过三个月。
};

// The 减刑/假释 ruling a 纠正不当裁定意见书 corrects (ruling_correction only). Every field is
// required.
struct RulingInfo {
  std::string court;      // one line: the court that ruled, 四川省成都市中级人民法院
  std::string ruling_no;  // one line: （2026）川01刑更1234号
  Date ruled_on;          // 裁定日期
  Date received_on;       // the day this procuratorate received the ruling's copy (the twenty
                          // days of 刑诉法 第274条 count from here)
  std::string person;     // one line: the prisoner's name
  std::string ruling;     // 裁定内容, read after the ruling number: 对罪犯张某某减去有期徒刑八个月
};

struct LegalDocument {
  DocumentKind kind = DocumentKind::kCorrectionNotice;
  std::string issuing_org;  // one line, the full name: 四川省成都市锦江区人民检察院
  std::string doc_no;       // one line: 锦检刑执纠违〔2026〕3号
  std::string addressee;    // one line, 主送单位: 四川省锦江监狱
  Date issued_on;           // printed as 二〇二六年十一月二十四日
  std::string case_no;      // one line, 案件编号; printed small in the footer
  std::string subject;      // one line, 事由, read after 对你单位: 罪犯张某某刑期计算情况
  // 经检察发现 / 存在的问题 / 经审查查明: one paragraph each. At least one.
  std::vector<std::string> facts;
  // The provisions the facts contravene (上述行为违反了…的规定). Required for
  // correction_notice and ruling_correction.
  std::vector<LegalBasisItem> basis;
  // One line each: the provisions the procuratorate acts under (根据…的规定，特通知你单位予以
  // 纠正). At least one.
  std::vector<std::string> authority;
  // suggestion: 问题产生的原因; proposal_opinion: 本院认为 (required for both);
  // ruling_correction: 本院认为 (optional). Not used by correction_notice.
  std::vector<std::string> reasons;
  // suggestion only (required): the recommendations, printed （一）（二）….
  std::vector<std::string> suggestions;
  // What the addressee must do (纠正要求 / 请你院…). Optional.
  std::string requirement;
  // One line, read after 请于: 十五日内 / 收到本检察建议书之日起两个月以内 / 二〇二七年一月二十三日前.
  // Required for correction_notice and suggestion, optional for the others.
  std::string reply_deadline;
  // suggestion only, one line, optional: read after 如有异议，请于.
  std::string objection_deadline;
  std::vector<std::string> attachments;  // one line each, 附件
  std::string contact;                   // one line, optional: 联系人及电话
  std::optional<ProposalInfo> proposal;  // proposal_opinion only (required there)
  std::optional<RulingInfo> ruling;      // ruling_correction only (required there)
};

// OK, or kInvalidArgument naming the first problem in the words of the form, e.g.
// "纠正违法通知书缺少“主送单位”". Checks what each kind requires, that fields a kind does not
// print are empty (so nothing given is silently dropped), that one-line fields have no line
// break, and the shape of the document number.
Status Validate(const LegalDocument& doc);

// 二〇二六年十一月二十四日
std::string ChineseDate(Date date);
// Chinese numerals as in citations and periods: 0 → 零, 15 → 十五, 20 → 二十, 110 → 一百一十,
// 274 → 二百七十四, 1005 → 一千零五, 10005 → 一万零五. Defined for 0 ≤ n < 100000000; outside
// that range the decimal digits.
std::string ChineseNumber(int64_t n);

// The citations joined as printed in a sentence: 《A》第一条、《B》第二条.
std::string JoinCitations(std::span<const std::string> citations);

}  // namespace zj::report
