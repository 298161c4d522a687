#include "report/legal_document.h"

#include <gtest/gtest.h>

#include "report/testing/samples.h"

namespace zj::report {
namespace {

using testing::D;
using testing::Sample;

TEST(DocumentKindTest, IdsTitlesAndCodes) {
  EXPECT_EQ(KindId(DocumentKind::kRulingCorrection), "ruling_correction");
  EXPECT_EQ(KindTitle(DocumentKind::kRulingCorrection), "纠正不当减刑（假释）裁定意见书");
  EXPECT_EQ(KindCode(DocumentKind::kCorrectionNotice), "纠违");
  EXPECT_EQ(KindCode(DocumentKind::kSuggestion), "检建");
  EXPECT_EQ(KindCode(DocumentKind::kProposalOpinion), "检意");
  EXPECT_EQ(KindCode(DocumentKind::kRulingCorrection), "纠意");
  for (DocumentKind kind : kAllDocumentKinds) EXPECT_EQ(KindFromId(KindId(kind)), kind);
  EXPECT_FALSE(KindFromId("notice").has_value());
}

TEST(ChineseDateTest, WritesEveryDigitOfTheYearAndReadsMonthAndDay) {
  EXPECT_EQ(ChineseDate(D(2026, 11, 24)), "二〇二六年十一月二十四日");
  EXPECT_EQ(ChineseDate(D(2000, 1, 1)), "二〇〇〇年一月一日");
  EXPECT_EQ(ChineseDate(D(2019, 10, 30)), "二〇一九年十月三十日");
  EXPECT_EQ(ChineseDate(D(2031, 12, 31)), "二〇三一年十二月三十一日");
  EXPECT_EQ(ChineseDate(D(2024, 2, 29)), "二〇二四年二月二十九日");
}

TEST(ChineseNumberTest, ReadsAsInCitationsAndPeriods) {
  const std::pair<int64_t, const char*> cases[] = {
      {0, "零"},
      {1, "一"},
      {10, "十"},
      {11, "十一"},
      {15, "十五"},
      {20, "二十"},
      {101, "一百零一"},
      {110, "一百一十"},
      {274, "二百七十四"},
      {639, "六百三十九"},
      {1005, "一千零五"},
      {1010, "一千零一十"},
      {10000, "一万"},
      {10005, "一万零五"},
      {150000, "十五万"},
      {100010, "十万零一十"},
      {12345678, "一千二百三十四万五千六百七十八"},
      {-1, "-1"},
      {100000000, "100000000"},
  };
  for (const auto& [n, text] : cases) EXPECT_EQ(ChineseNumber(n), text) << n;
}

TEST(JoinCitationsTest, JoinsWithTheEnumerationComma) {
  const std::vector<std::string> two = {"《甲》第一条", "《乙》第二条"};
  EXPECT_EQ(JoinCitations(two), "《甲》第一条、《乙》第二条");
  EXPECT_EQ(JoinCitations({}), "");
}

TEST(ValidateTest, EverySampleIsValid) {
  for (DocumentKind kind : kAllDocumentKinds) {
    EXPECT_TRUE(Validate(Sample(kind)).ok()) << Validate(Sample(kind)).message();
  }
}

// Applies `change` to the sample of `kind` and returns Validate's message ("" if OK).
template <typename F>
std::string Problem(DocumentKind kind, F change) {
  LegalDocument doc = Sample(kind);
  change(doc);
  Status status = Validate(doc);
  if (!status.ok()) {
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  }
  return status.message();
}

TEST(ValidateTest, NamesWhatIsMissingInTheWordsOfTheForm) {
  const auto notice = DocumentKind::kCorrectionNotice;
  EXPECT_EQ(Problem(notice, [](auto& d) { d.addressee = " "; }), "纠正违法通知书缺少“主送单位”");
  EXPECT_EQ(Problem(notice, [](auto& d) { d.facts.clear(); }), "纠正违法通知书缺少“事实”");
  EXPECT_EQ(Problem(notice, [](auto& d) { d.facts.push_back(""); }),
            "纠正违法通知书“事实”第3项为空");
  EXPECT_EQ(Problem(notice, [](auto& d) { d.basis.clear(); }), "纠正违法通知书缺少“法律依据”");
  EXPECT_EQ(Problem(notice, [](auto& d) { d.authority.clear(); }),
            "纠正违法通知书缺少“制发依据”");
  EXPECT_EQ(Problem(notice, [](auto& d) { d.reply_deadline.clear(); }),
            "纠正违法通知书缺少“回复期限”");
  EXPECT_EQ(Problem(DocumentKind::kSuggestion, [](auto& d) { d.suggestions.clear(); }),
            "检察建议书缺少“检察建议”");
  EXPECT_EQ(Problem(DocumentKind::kSuggestion, [](auto& d) { d.reasons.clear(); }),
            "检察建议书缺少“问题产生的原因”");
  EXPECT_EQ(Problem(DocumentKind::kProposalOpinion, [](auto& d) { d.proposal.reset(); }),
            "检察意见书缺少提请信息");
  EXPECT_EQ(Problem(DocumentKind::kProposalOpinion, [](auto& d) { d.proposal->opinion = ""; }),
            "检察意见书缺少“本院意见”");
  EXPECT_EQ(Problem(DocumentKind::kRulingCorrection, [](auto& d) { d.ruling.reset(); }),
            "纠正不当减刑（假释）裁定意见书缺少裁定信息");
  EXPECT_EQ(Problem(DocumentKind::kRulingCorrection, [](auto& d) { d.ruling->ruling_no = ""; }),
            "纠正不当减刑（假释）裁定意见书缺少“裁定书文号”");
}

TEST(ValidateTest, OptionalPartsMayBeLeftOut) {
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice, [](auto& d) {
              d.requirement.clear();
              d.attachments.clear();
              d.contact.clear();
            }),
            "");
  EXPECT_EQ(Problem(DocumentKind::kSuggestion, [](auto& d) { d.basis.clear(); }), "");
  EXPECT_EQ(Problem(DocumentKind::kRulingCorrection, [](auto& d) { d.reasons.clear(); }), "");
}

TEST(ValidateTest, RefusesWhatTheKindDoesNotPrint) {
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice, [](auto& d) { d.reasons = {"原因"}; }),
            "纠正违法通知书不使用“理由”，请勿填写");
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice,
                    [](auto& d) { d.ruling = Sample(DocumentKind::kRulingCorrection).ruling; }),
            "纠正违法通知书不使用“裁定信息”，请勿填写");
  EXPECT_EQ(Problem(DocumentKind::kProposalOpinion, [](auto& d) { d.suggestions = {"建议"}; }),
            "检察意见书不使用“检察建议”，请勿填写");
  EXPECT_EQ(Problem(DocumentKind::kRulingCorrection,
                    [](auto& d) { d.objection_deadline = "五日内"; }),
            "纠正不当减刑（假释）裁定意见书不使用“异议期限”，请勿填写");
}

TEST(ValidateTest, OneLineFieldsHaveNoLineBreak) {
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice, [](auto& d) { d.addressee += "\n监狱"; }),
            "纠正违法通知书“主送单位”不能换行");
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice,
                    [](auto& d) { d.basis[0].citation = "《监狱法》\n第三十五条"; }),
            "纠正违法通知书“法律依据”第1项不能换行");
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice, [](auto& d) { d.facts[0] += "\n第二行"; }),
            "");
}

TEST(ValidateTest, DocumentNumberEndsInYearAndSerial) {
  for (const char* bad : {"锦检刑执纠违2026-3", "〔2026〕3号", "锦检刑执纠违〔26〕3号",
                          "锦检刑执纠违〔2026〕号", "锦检刑执纠违〔2026〕03号",
                          "锦检刑执纠违（2026）3号"}) {
    EXPECT_NE(Problem(DocumentKind::kCorrectionNotice, [&](auto& d) { d.doc_no = bad; })
                  .find("格式不对"),
              std::string::npos)
        << bad;
  }
  EXPECT_EQ(Problem(DocumentKind::kCorrectionNotice,
                    [](auto& d) { d.doc_no = "川检刑执纠违〔2027〕115号"; }),
            "");
}

TEST(ValidateTest, RulingReceivedNotBeforeItWasMade) {
  EXPECT_EQ(Problem(DocumentKind::kRulingCorrection,
                    [](auto& d) { d.ruling->received_on = d.ruling->ruled_on - 1; }),
            "纠正不当减刑（假释）裁定意见书收到裁定书副本的日期早于裁定日期");
}

}  // namespace
}  // namespace zj::report
