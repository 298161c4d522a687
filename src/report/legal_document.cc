#include "report/legal_document.h"

#include <array>

namespace zj::report {
namespace {

struct KindInfo {
  DocumentKind kind;
  std::string_view id;
  std::string_view title;
  std::string_view code;
};

constexpr KindInfo kKinds[] = {
    {DocumentKind::kCorrectionNotice, "correction_notice", "纠正违法通知书", "纠违"},
    {DocumentKind::kSuggestion, "suggestion", "检察建议书", "检建"},
    {DocumentKind::kProposalOpinion, "proposal_opinion", "检察意见书", "检意"},
    {DocumentKind::kRulingCorrection, "ruling_correction", "纠正不当减刑（假释）裁定意见书",
     "纠意"},
};

const KindInfo& Info(DocumentKind kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info;
  }
  return kKinds[0];
}

constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                      "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kCardinal = {"零", "一", "二", "三", "四",
                                                        "五", "六", "七", "八", "九"};

// 0 < n < 10000, with 一十 spelt out (the caller drops a leading 一 of 一十).
std::string Section(int n) {
  static constexpr std::string_view kUnits[] = {"千", "百", "十", ""};
  static constexpr int kPowers[] = {1000, 100, 10, 1};
  std::string out;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    int d = n / kPowers[i] % 10;
    if (d == 0) {
      if (!out.empty()) pending_zero = true;
      continue;
    }
    if (pending_zero) out += "零";
    pending_zero = false;
    out += kCardinal[d];
    out += kUnits[i];
  }
  return out;
}

// Drops the 一 of a leading 一十 (十五, 十五万), as numbers are read.
std::string DropLeadingOne(std::string s) {
  constexpr std::string_view kOneTen = "一十";
  if (s.compare(0, kOneTen.size(), kOneTen) == 0) s.erase(0, std::string_view("一").size());
  return s;
}

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `…〔yyyy〕n号` with a non-empty prefix.
bool WellFormedDocNo(std::string_view no) {
  constexpr std::string_view kOpen = "〔", kClose = "〕", kHao = "号";
  if (no.size() < kHao.size() || no.substr(no.size() - kHao.size()) != kHao) return false;
  no.remove_suffix(kHao.size());
  size_t digits = 0;
  while (digits < no.size() && IsDigit(no[no.size() - 1 - digits])) ++digits;
  if (digits == 0 || no[no.size() - digits] == '0') return false;
  no.remove_suffix(digits);
  if (no.size() < kClose.size() || no.substr(no.size() - kClose.size()) != kClose) return false;
  no.remove_suffix(kClose.size());
  if (no.size() < 4) return false;
  for (size_t i = no.size() - 4; i < no.size(); ++i) {
    if (!IsDigit(no[i])) return false;
  }
  no.remove_suffix(4);
  if (no.size() < kOpen.size() || no.substr(no.size() - kOpen.size()) != kOpen) return false;
  no.remove_suffix(kOpen.size());
  return !Blank(no);
}

// Collects the checks of one document; the first failure is kept.
class Checker {
 public:
  explicit Checker(std::string_view title) : title_(title) {}

  void Required(std::string_view label, std::string_view value, bool one_line) {
    if (Blank(value)) return Fail(std::string("缺少“") + std::string(label) + "”");
    if (one_line) OneLine(label, value);
  }
  void Optional(std::string_view label, std::string_view value, bool one_line) {
    if (one_line) OneLine(label, value);
  }
  void OneLine(std::string_view label, std::string_view value) {
    if (HasLineBreak(value)) Fail("“" + std::string(label) + "”不能换行");
  }
  void Unused(std::string_view label, bool empty) {
    if (!empty) Fail("不使用“" + std::string(label) + "”，请勿填写");
  }
  void Items(std::string_view label, const std::vector<std::string>& items, bool required,
             bool one_line) {
    if (required && items.empty()) Fail(std::string("缺少“") + std::string(label) + "”");
    for (size_t i = 0; i < items.size(); ++i) {
      std::string item = "“" + std::string(label) + "”第" + std::to_string(i + 1) + "项";
      if (Blank(items[i])) Fail(item + "为空");
      if (one_line && HasLineBreak(items[i])) Fail(item + "不能换行");
    }
  }
  void Fail(std::string message) {
    if (status_.ok()) status_ = InvalidArgument(std::string(title_) + message);
  }
  Status status() const { return status_; }

 private:
  std::string_view title_;
  Status status_;
};

}  // namespace

std::string_view KindId(DocumentKind kind) { return Info(kind).id; }
std::string_view KindTitle(DocumentKind kind) { return Info(kind).title; }
std::string_view KindCode(DocumentKind kind) { return Info(kind).code; }

std::optional<DocumentKind> KindFromId(std::string_view id) {
  for (const KindInfo& info : kKinds) {
    if (info.id == id) return info.kind;
  }
  return std::nullopt;
}

Status Validate(const LegalDocument& doc) {
  const DocumentKind kind = doc.kind;
  Checker c(KindTitle(kind));
  c.Required("制发单位", doc.issuing_org, true);
  c.Required("文号", doc.doc_no, true);
  if (!Blank(doc.doc_no) && !WellFormedDocNo(doc.doc_no)) {
    c.Fail("文号“" + doc.doc_no + "”格式不对，应为“院简称检刑执类别代字〔年份〕序号号”");
  }
  c.Required("主送单位", doc.addressee, true);
  c.Required("案件编号", doc.case_no, true);
  c.Required("事由", doc.subject, true);
  c.Items("事实", doc.facts, true, false);
  c.Items("法律依据", [&] {
    std::vector<std::string> citations;
    for (const LegalBasisItem& item : doc.basis) citations.push_back(item.citation);
    return citations;
  }(), kind == DocumentKind::kCorrectionNotice || kind == DocumentKind::kRulingCorrection, true);
  c.Items("制发依据", doc.authority, true, true);
  c.Optional("纠正要求", doc.requirement, false);
  c.Items("附件", doc.attachments, false, true);
  c.Optional("联系人及电话", doc.contact, true);

  const bool reply_required =
      kind == DocumentKind::kCorrectionNotice || kind == DocumentKind::kSuggestion;
  if (reply_required) {
    c.Required("回复期限", doc.reply_deadline, true);
  } else {
    c.Optional("回复期限", doc.reply_deadline, true);
  }

  if (kind == DocumentKind::kSuggestion) {
    c.Items("问题产生的原因", doc.reasons, true, false);
    c.Items("检察建议", doc.suggestions, true, false);
    c.Optional("异议期限", doc.objection_deadline, true);
  } else {
    if (kind == DocumentKind::kCorrectionNotice) {
      c.Unused("理由", doc.reasons.empty());
    } else {
      c.Items("理由", doc.reasons, kind == DocumentKind::kProposalOpinion, false);
    }
    c.Unused("检察建议", doc.suggestions.empty());
    c.Unused("异议期限", doc.objection_deadline.empty());
  }

  if (kind == DocumentKind::kProposalOpinion) {
    if (!doc.proposal) {
      c.Fail("缺少提请信息");
    } else {
      const ProposalInfo& p = *doc.proposal;
      c.Required("罪犯姓名", p.person, true);
      c.Required("罪犯基本情况", p.person_info, false);
      c.Required("提请机关", p.proposing_org, true);
      c.Required("提请内容", p.proposal, false);
      c.Required("本院意见", p.opinion, false);
    }
  } else {
    c.Unused("提请信息", !doc.proposal.has_value());
  }

  if (kind == DocumentKind::kRulingCorrection) {
    if (!doc.ruling) {
      c.Fail("缺少裁定信息");
    } else {
      const RulingInfo& r = *doc.ruling;
      c.Required("裁定法院", r.court, true);
      c.Required("裁定书文号", r.ruling_no, true);
      c.Required("罪犯姓名", r.person, true);
      c.Required("裁定内容", r.ruling, false);
      if (r.received_on < r.ruled_on) c.Fail("收到裁定书副本的日期早于裁定日期");
    }
  } else {
    c.Unused("裁定信息", !doc.ruling.has_value());
  }
  return c.status();
}

std::string ChineseDate(Date date) {
  int y, m, d;
  date.ToCivil(&y, &m, &d);
  std::string out;
  for (int p = 1000; p > 0; p /= 10) out += kDigits[y / p % 10];
  return out + "年" + ChineseNumber(m) + "月" + ChineseNumber(d) + "日";
}

std::string ChineseNumber(int64_t n) {
  if (n < 0 || n >= 100000000) return std::to_string(n);
  if (n == 0) return "零";
  const int high = static_cast<int>(n / 10000), low = static_cast<int>(n % 10000);
  std::string out;
  if (high > 0) {
    out = Section(high) + "万";
    if (low > 0 && low < 1000) out += "零";
  }
  if (low > 0) out += Section(low);
  return DropLeadingOne(std::move(out));
}

std::string JoinCitations(std::span<const std::string> citations) {
  std::string out;
  for (const std::string& c : citations) {
    if (!out.empty()) out += "、";
    out += c;
  }
  return out;
}

}  // namespace zj::report
