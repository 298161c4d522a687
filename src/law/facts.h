#pragma once
// The facts the law engine judges: one effective judgment (生效判决) and everything that
// happened to it afterwards — delivery to execution, commutations, parole, temporary
// release, escapes, property-penalty payments, prison-account spending, medical reviews.
//
// A `Case` is a plain value. It is filled either from the store (models/law_cases.h) or
// from a hand-written JSON case (law/case_json.h); the engine never reads anything else.
// Field names follow EXCHANGE v1 (spec/EXCHANGE.md) where the exchange has the fact; the
// few facts EXCHANGE v1 does not carry (终身监禁, pre-trial custody split, new crimes during
// execution) are marked "not in EXCHANGE v1": only a hand-written case can state them.
//
// Pure data; thread-compatible.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace zj::law {

enum class Penalty : uint8_t {
  kSurveillance,             // 管制
  kCriminalDetention,        // 拘役
  kFixedTerm,                // 有期徒刑
  kLife,                     // 无期徒刑
  kDeathReprieve,            // 死刑缓期二年执行
  kDeathReprieveRestricted,  // 死缓限制减刑
};

// Category flags of a sentence (EXCHANGE `category`), plus two the engine derives.
enum class Category : uint8_t {
  kDutyCrime,            // 职务犯罪
  kFinancial,            // 破坏金融管理秩序、金融诈骗
  kGang,                 // 黑社会性质组织
  kStateSecurity,        // 危害国家安全
  kTerrorism,            // 恐怖活动
  kDrugRingleader,       // 毒品犯罪集团首要分子
  kDrugRecidivist,       // 毒品再犯
  kRecidivist,           // 累犯
  kViolent10y,           // 故意杀人等暴力犯罪被判十年以上、无期
  kUnpaidProperty,       // 确有履行能力而不履行财产性判项
  kMinor,                // 未成年犯
  kElderlySickDisabled,  // 老病残犯
  // Derived by the engine from `crimes` (see rulebook.h): 刑法分则第八章 贪污贿赂 crimes,
  // and the violent-crime list of 刑法 第81条第2款 regardless of term.
  kEmbezzlementBribery,
  kViolentCrime,
};

struct Categories {
  uint32_t bits = 0;
  bool Has(Category c) const { return bits & (1u << static_cast<int>(c)); }
  void Set(Category c) { bits |= 1u << static_cast<int>(c); }
};

enum class ChangeType : uint8_t {
  kCommutation,      // 减刑
  kParole,           // 假释
  kTempRelease,      // 暂予监外执行
  kRevokeParole,     // 撤销假释
  kRevokeProbation,  // 撤销缓刑
  kRecommit,         // 收监执行
  kLifeToFixed,      // 无期减为有期
  kReprieveToLife,   // 死缓减为无期
  kReprieveToFixed,  // 死缓减为有期
};

enum class Basis : uint8_t {  // 减刑理由
  kNone,
  kRepentance,           // 确有悔改表现
  kMerit,                // 立功表现
  kRepentanceMerit,      // 悔改并立功
  kMajorMerit,           // 重大立功
  kRepentanceMajorMerit  // 悔改并重大立功
};

enum class Opinion : uint8_t { kNone, kAgree, kDisagree };  // 检察意见

enum class CustodyEventKind : uint8_t {
  kAdmitted,  // 收押/收监 — the first one is the delivery to execution (交付执行)
  kTransferredIn,
  kTransferredOut,
  kReleasedExpiry,  // 刑满释放
  kReleasedParole,
  kReleasedTemp,
  kReleasedOther,
  kDied,
  kEscaped,    // 脱逃
  kRecaptured  // 捕回
};

enum class FacilityKind : uint8_t { kPrison, kDetentionCenter, kOther };

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

enum class MedicalConclusion : uint8_t { kStillEligible, kNoLongerEligible, kUnknown };

// Pre-trial deprivation of liberty behind the credit (not in EXCHANGE v1, which gives
// only the court's total `custody_credit_days`). When present the engine recomputes the
// credit (JX-TERM-01/03/04) and compares it with `custody_credit_days`.
struct Pretrial {
  int custody_days = 0;  // 拘留、逮捕
  int detention_days_liuzhi = 0;  // 留置 (监察法 第44条)
  int rsdl_days = 0;     // 指定居所监视居住
};

struct Sentence {  // 生效判决
  std::string id;
  Penalty penalty = Penalty::kFixedTerm;
  int term_months = 0;                  // 管制、拘役、有期徒刑
  std::optional<int> probation_months;  // 缓刑考验期; set = suspended sentence
  Date judgment_date;
  Date effective_date;  // 生效日期 (判决确定之日)
  std::optional<Date> term_start, term_end;  // as printed: 刑期自…起至…止
  int custody_credit_days = 0;  // days not already covered by term_start (EXCHANGE)
  Categories categories;
  std::vector<std::string> crimes;
  int64_t property_due_fen = 0;    // 罚金 + 没收财产 + 退赔 as judged (0 if none)
  bool life_without_parole = false;  // 终身监禁 (not in EXCHANGE v1)
  std::optional<Pretrial> pretrial;  // not in EXCHANGE v1
};

struct Change {  // 刑期变动
  std::string id;
  ChangeType type = ChangeType::kCommutation;
  Basis basis = Basis::kNone;
  std::optional<Date> proposal_date;  // 提请
  std::optional<Date> decision_date;  // 裁定/决定; unset = pending proposal
  std::optional<Date> effective_date;
  std::optional<int> reduction_months, reduction_days;
  std::optional<Date> new_term_end;
  std::optional<Penalty> new_penalty;
  std::optional<int> new_term_months;
  std::optional<Date> probation_end;  // 假释考验期满日
  Opinion opinion = Opinion::kNone;
  std::optional<Date> opinion_date;
  std::string reason_text;

  bool decided() const { return decision_date.has_value(); }
  // The date the execution organ acted (提请), else the decision date.
  std::optional<Date> ActDate() const { return proposal_date ? proposal_date : decision_date; }
};

struct CustodyEvent {  // 出入监(所)
  Date date;
  CustodyEventKind kind = CustodyEventKind::kAdmitted;
  FacilityKind facility = FacilityKind::kPrison;
};

struct Payment {
  Date date;
  int64_t fen = 0;
};

struct AccountMonth {  // 罪犯账户（月度）
  int32_t month = 0;   // year*12 + month-1 (common/date.h ParseMonth)
  int64_t deposits_fen = 0, spending_fen = 0, balance_fen = 0;
};

// Property-penalty execution (财产性判项) of this sentence: what is due, what was paid.
struct Property {
  int64_t due_fen = 0;  // amount_due over the sentence's property cases
  std::vector<Payment> payments;
  bool done = false;  // every case 执行完毕
  // A hand-written case may state ability to pay outright (有/无履行能力); otherwise the
  // engine infers it from account spending (JX-PROP-03, parameter ability_spending).
  std::optional<bool> able_to_pay;
};

struct MedicalReview {  // 暂予监外执行病情复查
  Date date;
  MedicalConclusion conclusion = MedicalConclusion::kUnknown;
};

struct NewCrime {  // 执行期间又故意犯罪 (not in EXCHANGE v1)
  Date effective_date;
  Penalty penalty = Penalty::kFixedTerm;
};

struct Person {
  std::string id;
  Gender gender = Gender::kUnknown;
  std::optional<Date> birth_date;
};

// One sentence and its history, judged as of `as_of` ("still in custody" means on that day).
struct Case {
  Person person;
  Sentence sentence;
  std::vector<Change> changes;  // any order; the engine orders them by act date
  std::vector<CustodyEvent> custody;
  std::optional<Property> property;
  std::vector<AccountMonth> accounts;
  std::vector<MedicalReview> reviews;
  std::vector<NewCrime> new_crimes;
  Date as_of;
};

}  // namespace zj::law
