#include "domain/exchange_tables.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "common/date.h"
#include "common/money.h"

namespace zj::domain {
namespace {

using T = ColumnType;

// Shorthands keep the declarations below one line a column.
constexpr ColumnSpec Key(std::string_view n, std::string_view l, T t = T::kId,
                         std::string_view ref = {}) {
  return {n, l, t, true, true, nullptr, ref};
}
constexpr ColumnSpec Req(std::string_view n, std::string_view l, T t, std::string_view ref = {}) {
  return {n, l, t, false, true, nullptr, ref};
}
constexpr ColumnSpec Opt(std::string_view n, std::string_view l, T t, std::string_view ref = {}) {
  return {n, l, t, false, false, nullptr, ref};
}
constexpr ColumnSpec ReqCode(std::string_view n, std::string_view l, const CodeList& c) {
  return {n, l, T::kCode, false, true, &c};
}
constexpr ColumnSpec OptCode(std::string_view n, std::string_view l, const CodeList& c,
                             T t = T::kCode) {
  return {n, l, t, false, false, &c};
}
constexpr ColumnSpec Count(std::string_view n, std::string_view l, int64_t min, int64_t max) {
  return {n, l, T::kCount, false, false, nullptr, {}, min, max};
}

// ---- orgs ----
const ColumnSpec kOrgsCols[] = {
    Key("org_id", "机构编码"),
    Req("name", "机构名称", T::kText),
    ReqCode("org_type", "机构类型", kOrgType),
    Opt("parent_id", "上级机构", T::kId, "orgs"),
    Opt("region_code", "行政区划代码", T::kRegionCode),
    Opt("stationed_at", "派驻场所", T::kId, "orgs"),
};
void CheckOrg(const RowView& row, std::vector<RowProblem>* out) {
  if (row.Raw("org_type") == "resident_office" && row["stationed_at"].is_null()) {
    out->push_back(
        {"stationed_at", "stationed_at_required", "派驻检察室必须填写派驻场所（stationed_at）"});
  }
}

// ---- staff ----
const ColumnSpec kStaffCols[] = {
    Key("staff_id", "人员编码"),
    Req("name", "姓名", T::kText),
    Req("org_id", "所在机构", T::kId, "orgs"),
    ReqCode("role", "角色", kStaffRole),
    Opt("position_since", "任现岗位日期", T::kDate),
    Opt("expert_fields", "专业领域", T::kTextList),
    Opt("home_region_code", "籍贯区划代码", T::kRegionCode),
};

// ---- persons ----
const ColumnSpec kPersonsCols[] = {
    Key("person_id", "人员编号"),
    Req("name", "姓名", T::kText),
    Opt("id_number", "居民身份证号", T::kIdNumber),
    OptCode("gender", "性别", kGender),
    Opt("birth_date", "出生日期", T::kDate),
    Opt("household_region_code", "户籍地区划代码", T::kRegionCode),
};

// ---- sentences ----
const ColumnSpec kSentencesCols[] = {
    Key("sentence_id", "判决编号"),
    Req("person_id", "罪犯", T::kId, "persons"),
    Req("court_org_id", "判决法院", T::kId, "orgs"),
    Opt("case_no", "案号", T::kText),
    Opt("judgment_date", "判决日期", T::kDate),
    Req("effective_date", "生效日期", T::kDate),
    Opt("crimes", "罪名", T::kTextList),
    OptCode("categories", "罪犯类别", kCategory, T::kCodeList),
    ReqCode("penalty", "刑罚种类", kPenalty),
    Count("term_months", "刑期（月）", 1, 300),
    Count("probation_months", "缓刑考验期（月）", 1, 60),
    Count("custody_credit_days", "先行羁押折抵天数", 0, 36500),
    Opt("term_start", "刑期起日", T::kDate),
    Opt("term_end", "刑期止日", T::kDate),
    Opt("fine", "罚金（元）", T::kMoney),
    Opt("confiscation", "没收财产（元）", T::kMoneyOrAll),
    Opt("restitution", "责令退赔/附带民事赔偿（元）", T::kMoney),
    Opt("political_rights_years", "剥夺政治权利（年）", T::kYearsOrLife),
};
const OrderedColumns kSentencesOrder[] = {{"judgment_date", "effective_date"},
                                          {"term_start", "term_end"}};
struct TermRange {
  std::string_view penalty;
  std::string_view label;
  int64_t min, max;
};
// EXCHANGE §5: 管制 3–36, 拘役 1–12, 有期徒刑 6–300 months (upper ends only for 数罪并罚).
constexpr TermRange kTermRanges[] = {{"surveillance", "管制", 3, 36},
                                     {"criminal_detention", "拘役", 1, 12},
                                     {"fixed_term", "有期徒刑", 6, 300}};
void CheckSentence(const RowView& row, std::vector<RowProblem>* out) {
  std::string_view penalty = row.Raw("penalty");
  const Value& term = row["term_months"];
  const TermRange* range = nullptr;
  for (const TermRange& r : kTermRanges) {
    if (r.penalty == penalty) range = &r;
  }
  if (range) {
    if (term.is_null()) {
      out->push_back(
          {"term_months", "required", std::string(range->label) + "必须填写刑期（term_months）"});
    } else if (term.i < range->min || term.i > range->max) {
      out->push_back({"term_months", "term_range",
                      std::string(range->label) + "刑期应在 " + std::to_string(range->min) + "–" +
                          std::to_string(range->max) + " 个月之间，实为 " + std::to_string(term.i) +
                          " 个月"});
    }
  } else if (!penalty.empty()) {
    if (!term.is_null()) {
      out->push_back(
          {"term_months", "term_not_applicable", "无期徒刑、死缓不应填写刑期月数（term_months）"});
    }
    if (!row["term_end"].is_null()) {
      out->push_back(
          {"term_end", "term_not_applicable", "无期徒刑、死缓不应填写刑期止日（term_end）"});
    }
  }
  if (!row["probation_months"].is_null() && penalty != "criminal_detention" &&
      penalty != "fixed_term") {
    out->push_back({"probation_months", "probation_penalty",
                    "只有拘役、有期徒刑可以宣告缓刑（probation_months）"});
  }
}

// ---- term_changes ----
const ColumnSpec kTermChangesCols[] = {
    Key("change_id", "变动编号"),
    Req("person_id", "罪犯", T::kId, "persons"),
    Req("sentence_id", "判决", T::kId, "sentences"),
    ReqCode("change_type", "变动类型", kChangeType),
    OptCode("basis", "减刑理由", kCommutationBasis),
    Opt("proposing_org_id", "提请机关", T::kId, "orgs"),
    Opt("proposal_date", "提请日期", T::kDate),
    Opt("deciding_org_id", "裁定/决定机关", T::kId, "orgs"),
    Opt("decision_date", "裁定/决定日期", T::kDate),
    Opt("effective_date", "生效日期", T::kDate),
    Count("reduction_days", "减去刑期（天）", 1, 3650),
    Count("reduction_months", "减去刑期（月）", 1, 120),
    Opt("new_term_end", "变动后刑期止日", T::kDate),
    OptCode("new_penalty", "变动后刑罚", kPenalty),
    Count("new_term_months", "变动后刑期（月）", 1, 300),
    Opt("probation_end", "假释考验期满日", T::kDate),
    Opt("reason_text", "理由", T::kText),
    OptCode("procuratorate_opinion", "检察意见", kProcuratorateOpinion),
    Opt("opinion_date", "检察意见日期", T::kDate),
};
const OrderedColumns kTermChangesOrder[] = {{"proposal_date", "decision_date"},
                                            {"decision_date", "effective_date"}};
void CheckTermChange(const RowView& row, std::vector<RowProblem>* out) {
  if (!row["reduction_days"].is_null() && !row["reduction_months"].is_null()) {
    out->push_back({"reduction_days", "reduction_exclusive", "减去刑期只能填写天数或月数其中之一"});
  }
  if (row["proposal_date"].is_null() && row["decision_date"].is_null()) {
    out->push_back({"proposal_date", "date_missing", "提请日期与裁定/决定日期不能同时为空"});
  }
}

// ---- custody_events ----
const ColumnSpec kCustodyEventsCols[] = {
    Key("event_id", "记录编号"),
    Req("person_id", "人员", T::kId, "persons"),
    Req("facility_org_id", "监管场所", T::kId, "orgs"),
    ReqCode("event", "事件", kCustodyEvent),
    Req("date", "日期", T::kDate),
    Opt("note", "备注", T::kText),
};

// ---- points ----
const ColumnSpec kPointsCols[] = {
    Key("person_id", "罪犯", T::kId, "persons"),
    Key("month", "月份", T::kMonth),
    Opt("facility_org_id", "监管场所", T::kId, "orgs"),
    Opt("base", "基础分", T::kDecimal),
    Opt("bonus", "加分", T::kDecimal),
    Opt("deduction", "扣分", T::kDecimal),
    Opt("total", "月度得分", T::kDecimal),
    OptCode("rating", "考核等次", kPointsRating),
};

// ---- rewards ----
const ColumnSpec kRewardsCols[] = {
    Key("reward_id", "奖惩编号"),
    Req("person_id", "罪犯", T::kId, "persons"),
    Opt("facility_org_id", "监管场所", T::kId, "orgs"),
    Req("date", "日期", T::kDate),
    ReqCode("kind", "奖惩种类", kRewardKind),
    Count("days", "禁闭天数", 1, 365),
    Opt("reason", "事由", T::kText),
};

// ---- jobs ----
const ColumnSpec kJobsCols[] = {
    Key("job_id", "岗位编号"),
    Req("person_id", "罪犯", T::kId, "persons"),
    Opt("facility_org_id", "监管场所", T::kId, "orgs"),
    Opt("unit", "监区", T::kText),
    Opt("post", "岗位", T::kText),
    OptCode("post_class", "岗位类别", kPostClass),
    Opt("start_date", "起始日期", T::kDate),
    Opt("end_date", "结束日期", T::kDate),
};
const OrderedColumns kStartEnd[] = {{"start_date", "end_date"}};

// ---- labor_days ----
const ColumnSpec kLaborDaysCols[] = {
    Key("person_id", "罪犯", T::kId, "persons"),
    Key("date", "日期", T::kDate),
    Opt("facility_org_id", "监管场所", T::kId, "orgs"),
    Opt("unit", "监区", T::kText),
    Opt("hours", "时长（小时）", T::kHours),
    OptCode("kind", "类别", kLaborKind),
};

// ---- accounts ----
const ColumnSpec kAccountsCols[] = {
    Key("person_id", "罪犯", T::kId, "persons"),        Key("month", "月份", T::kMonth),
    Opt("facility_org_id", "监管场所", T::kId, "orgs"), Opt("deposits", "存入（元）", T::kMoney),
    Opt("spending", "消费（元）", T::kMoney),           Opt("balance", "余额（元）", T::kMoney),
};

// ---- property_cases ----
const ColumnSpec kPropertyCasesCols[] = {
    Key("exec_id", "执行案件编号"),
    Req("sentence_id", "判决", T::kId, "sentences"),
    Req("person_id", "被执行人", T::kId, "persons"),
    Opt("court_org_id", "执行法院", T::kId, "orgs"),
    Opt("filed_date", "移送执行/立案日期", T::kDate),
    Opt("amount_due", "应执行金额（元）", T::kMoney),
    OptCode("status", "执行状态", kPropertyCaseStatus),
    Opt("status_date", "状态日期", T::kDate),
};
const OrderedColumns kPropertyCasesOrder[] = {{"filed_date", "status_date"}};

// ---- property_payments ----
const ColumnSpec kPropertyPaymentsCols[] = {
    Key("payment_id", "缴纳编号"),
    Req("exec_id", "执行案件", T::kId, "property_cases"),
    Req("date", "缴纳日期", T::kDate),
    Req("amount", "金额（元）", T::kMoney),
    OptCode("source", "来源", kPaymentSource),
};

// ---- corrections ----
const ColumnSpec kCorrectionsCols[] = {
    Key("correction_id", "矫正编号"),
    Req("person_id", "社区矫正对象", T::kId, "persons"),
    Opt("sentence_id", "判决", T::kId, "sentences"),
    ReqCode("correction_type", "矫正类别", kCorrectionType),
    Opt("decision_org_id", "决定机关", T::kId, "orgs"),
    Opt("decision_effective_date", "判决、裁定、决定生效日期", T::kDate),
    Req("office_org_id", "执行地社区矫正机构", T::kId, "orgs"),
    Opt("residence_region_code", "执行地区划代码", T::kRegionCode),
    Opt("start_date", "矫正期起", T::kDate),
    Opt("end_date", "矫正期止", T::kDate),
    Opt("reported_date", "报到日期", T::kDate),
    OptCode("status", "矫正状态", kCorrectionStatus),
    Opt("status_date", "状态日期", T::kDate),
    Opt("monitored", "电子定位", T::kBool),
};

// ---- correction_events ----
const ColumnSpec kCorrectionEventsCols[] = {
    Key("event_id", "事件编号"),
    Req("correction_id", "矫正对象", T::kId, "corrections"),
    ReqCode("event", "事件", kCorrectionEvent),
    Req("date", "日期", T::kDate),
    Opt("note", "备注", T::kText),
};

// ---- leaves ----
const ColumnSpec kLeavesCols[] = {
    Key("leave_id", "请假编号"),
    Req("correction_id", "矫正对象", T::kId, "corrections"),
    Req("start_ts", "请假起始时间", T::kTimestamp),
    Req("end_ts", "请假结束时间", T::kTimestamp),
    Opt("destination_region_code", "目的地区划代码", T::kRegionCode),
    Opt("approved_by_org_id", "审批机关", T::kId, "orgs"),
    OptCode("status", "审批状态", kLeaveStatus),
    Opt("returned_ts", "销假时间", T::kTimestamp),
};
const OrderedColumns kLeavesOrder[] = {{"start_ts", "end_ts"}, {"start_ts", "returned_ts"}};

// ---- positions ----
const ColumnSpec kPositionsCols[] = {
    Key("correction_id", "矫正对象", T::kId, "corrections"),
    Key("ts", "定位时间", T::kTimestamp),
    Req("lon", "经度", T::kLongitude),
    Req("lat", "纬度", T::kLatitude),
    OptCode("source", "定位来源", kPositionSource),
};

// ---- medical_reviews ----
const ColumnSpec kMedicalReviewsCols[] = {
    Key("review_id", "复查编号"),
    Req("person_id", "罪犯", T::kId, "persons"),
    Opt("correction_id", "矫正对象", T::kId, "corrections"),
    Req("date", "复查日期", T::kDate),
    Opt("hospital", "医院", T::kText),
    OptCode("conclusion", "复查结论", kMedicalConclusion),
};

// ---- detentions ----
const ColumnSpec kDetentionsCols[] = {
    Key("detention_id", "羁押编号"),
    Req("person_id", "在押人员", T::kId, "persons"),
    Req("facility_org_id", "看守所", T::kId, "orgs"),
    Opt("case_no", "案号", T::kText),
    Opt("handling_org_id", "办案机关", T::kId, "orgs"),
    ReqCode("stage", "羁押阶段", kDetentionStage),
    Req("stage_start", "阶段起始日期", T::kDate),
    Opt("stage_deadline", "羁押期限届满日", T::kDate),
    Opt("extension_doc", "延长/重新计算羁押期限文书号", T::kText),
    Opt("released_date", "出所日期", T::kDate),
    Opt("release_reason", "出所原因", T::kText),
};
const OrderedColumns kDetentionsOrder[] = {{"stage_start", "stage_deadline"},
                                           {"stage_start", "released_date"}};

// ---- deaths ----
const ColumnSpec kDeathsCols[] = {
    Key("id_number", "居民身份证号", T::kIdNumber),
    Req("date_of_death", "死亡日期", T::kDate),
    Opt("source_org_id", "来源机关", T::kId, "orgs"),
};

// ---- residence_surveillance ----
const ColumnSpec kResidenceSurveillanceCols[] = {
    Key("rs_id", "指定居所监视居住编号"),
    Req("person_id", "被监视居住人", T::kId, "persons"),
    Opt("deciding_org_id", "决定机关", T::kId, "orgs"),
    Req("decision_date", "决定日期", T::kDate),
    Opt("start_date", "起始日期", T::kDate),
    Opt("end_date", "结束日期", T::kDate),
    Opt("copy_received_date", "收到决定书副本日期", T::kDate),
};
const OrderedColumns kResidenceSurveillanceOrder[] = {{"start_date", "end_date"},
                                                      {"decision_date", "copy_received_date"}};

// ---- compulsory_medical ----
const ColumnSpec kCompulsoryMedicalCols[] = {
    Key("cm_id", "强制医疗编号"),
    Req("person_id", "被强制医疗人", T::kId, "persons"),
    Opt("deciding_court_org_id", "决定法院", T::kId, "orgs"),
    Req("decision_date", "决定日期", T::kDate),
    Opt("delivered_date", "交付执行日期", T::kDate),
    Opt("hospital_org_id", "强制医疗机构", T::kId, "orgs"),
    Opt("released_date", "解除日期", T::kDate),
};
const OrderedColumns kCompulsoryMedicalOrder[] = {{"decision_date", "delivered_date"},
                                                  {"delivered_date", "released_date"}};

// ---- attachments ----
const ColumnSpec kAttachmentsCols[] = {
    Key("attachment_id", "材料编号"),
    ReqCode("owner_table", "所属数据表", kAttachmentOwner),
    Req("owner_id", "所属记录", T::kId, "@owner_table"),
    OptCode("doc_type", "材料类型", kAttachmentDocType),
    Opt("title", "标题", T::kText),
    Req("file", "文件路径", T::kText),
    Req("sha256", "文件SHA-256", T::kText),
    Count("pages", "页数", 0, 100000),
};
void CheckAttachment(const RowView& row, std::vector<RowProblem>* out) {
  std::string_view sha = row.Raw("sha256");
  bool hex = sha.size() == 64;
  for (char c : sha) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!sha.empty() && !hex)
    out->push_back({"sha256", "sha256_format", "应为 64 位小写十六进制 SHA-256 值"});
  std::string_view file = row.Raw("file");
  if (!file.empty() &&
      (file.substr(0, 12) != "attachments/" || file.find("..") != std::string_view::npos ||
       file.find('\\') != std::string_view::npos)) {
    out->push_back({"file", "attachment_path",
                    "文件路径必须位于数据包的 attachments/ 目录内，且不得包含“..”"});
  }
}

const Agreement kPersonOfSentence[] = {{"person_id", "sentence_id"}};
const Agreement kPersonOfCorrection[] = {{"person_id", "correction_id"}};

const TableSpec kOrgs{"orgs", "机构", kOrgsCols, {}, CheckOrg};
const TableSpec kStaff{"staff", "检察人员", kStaffCols};
const TableSpec kPersons{"persons", "人员", kPersonsCols};
const TableSpec kSentences{"sentences", "生效判决", kSentencesCols, kSentencesOrder, CheckSentence};
const TableSpec kTermChanges{"term_changes",  "刑期变动",     kTermChangesCols, kTermChangesOrder,
                             CheckTermChange, Layout::kKeyed, kPersonOfSentence};
const TableSpec kCustodyEvents{"custody_events", "出入监(所)记录", kCustodyEventsCols};
const TableSpec kPoints{"points", "计分考核", kPointsCols};
const TableSpec kRewards{"rewards", "奖惩", kRewardsCols};
const TableSpec kJobs{"jobs", "岗位安排", kJobsCols, kStartEnd};
const TableSpec kLaborDays{"labor_days", "劳动记录", kLaborDaysCols};
const TableSpec kAccounts{"accounts", "罪犯账户", kAccountsCols};
const TableSpec kPropertyCases{"property_cases",    "财产刑执行", kPropertyCasesCols,
                               kPropertyCasesOrder, nullptr,      Layout::kKeyed,
                               kPersonOfSentence};
const TableSpec kPropertyPayments{"property_payments", "财产刑缴纳", kPropertyPaymentsCols};
const TableSpec kCorrections{"corrections", "社区矫正对象", kCorrectionsCols, kStartEnd,
                             nullptr,       Layout::kKeyed, kPersonOfSentence};
const TableSpec kCorrectionEvents{"correction_events", "社区矫正事件", kCorrectionEventsCols};
const TableSpec kLeaves{"leaves", "请假外出", kLeavesCols, kLeavesOrder};
const TableSpec kPositions{"positions", "定位轨迹", kPositionsCols,
                           {},          nullptr,    Layout::kPackedSeries};
const TableSpec kMedicalReviews{"medical_reviews", "暂予监外执行病情复查", kMedicalReviewsCols, {},
                                nullptr,           Layout::kKeyed,         kPersonOfCorrection};
const TableSpec kDetentions{"detentions", "看守所羁押", kDetentionsCols, kDetentionsOrder};
const TableSpec kDeaths{"deaths", "死亡信息", kDeathsCols};
const TableSpec kResidenceSurveillance{"residence_surveillance", "指定居所监视居住",
                                       kResidenceSurveillanceCols, kResidenceSurveillanceOrder};
const TableSpec kCompulsoryMedical{"compulsory_medical", "强制医疗", kCompulsoryMedicalCols,
                                   kCompulsoryMedicalOrder};
const TableSpec kAttachments{"attachments", "电子卷宗材料", kAttachmentsCols, {}, CheckAttachment};

const TableSpec* const kAllTables[] = {
    &kOrgs,
    &kStaff,
    &kPersons,
    &kSentences,
    &kTermChanges,
    &kCustodyEvents,
    &kPoints,
    &kRewards,
    &kJobs,
    &kLaborDays,
    &kAccounts,
    &kPropertyCases,
    &kPropertyPayments,
    &kCorrections,
    &kCorrectionEvents,
    &kLeaves,
    &kPositions,
    &kMedicalReviews,
    &kDetentions,
    &kDeaths,
    &kResidenceSurveillance,
    &kCompulsoryMedical,
    &kAttachments,
};

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Strict decimal: optional '-', digits, optional '.' and digits. No exponent, no '+'.
bool ParseDecimal(std::string_view s, double* out) {
  std::string_view body = s;
  if (!body.empty() && body[0] == '-') body.remove_prefix(1);
  size_t dot = body.find('.');
  std::string_view ip = body.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
  if (!IsDigits(ip) || (dot != std::string_view::npos && !IsDigits(fp))) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Decimal degrees to integer microdegrees, exactly (digits past the sixth decimal
// are rounded half up). Optional '-', at most 3 integer digits.
bool ParseMicroDegrees(std::string_view s, int64_t* out) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  size_t i = 0;
  int64_t whole = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] < '0' || s[i] > '9' || i >= 3) return false;
    whole = whole * 10 + (s[i] - '0');
  }
  if (i == 0) return false;
  int64_t frac = 0;
  int digits = 0;
  bool round_up = false;
  if (i < s.size()) {
    if (i + 1 == s.size()) return false;
    for (size_t k = i + 1; k < s.size(); ++k) {
      char ch = s[k];
      if (ch < '0' || ch > '9') return false;
      if (digits < 6) {
        frac = frac * 10 + (ch - '0');
        ++digits;
      } else if (digits == 6) {
        round_up = ch >= '5';
        ++digits;
      }
    }
  }
  for (int d = std::min(digits, 6); d < 6; ++d) frac *= 10;
  int64_t v = whole * 1000000 + frac + (round_up ? 1 : 0);
  *out = negative ? -v : v;
  return true;
}

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }

FieldResult Fail(std::string reason) { return {Value::Null(), std::move(reason)}; }

}  // namespace

SqlType SqlTypeOf(ColumnType t) {
  switch (t) {
    case T::kId:
    case T::kText:
    case T::kTextList:
    case T::kCode:
    case T::kCodeList:
    case T::kIdNumber:
    case T::kRegionCode:
      return SqlType::kText;
    case T::kHours:
    case T::kDecimal:
      return SqlType::kReal;
    default:
      return SqlType::kInteger;
  }
}

std::string_view DescribeType(ColumnType t) {
  switch (t) {
    case T::kId:
      return "编码（1–64 个字符，不含分号和控制字符）";
    case T::kText:
      return "文本";
    case T::kTextList:
      return "以分号“;”分隔的文本列表";
    case T::kCode:
      return "代码";
    case T::kCodeList:
      return "以分号“;”分隔的代码列表";
    case T::kDate:
      return "日期 YYYY-MM-DD";
    case T::kTimestamp:
      return "时间 ISO 8601（含时区，如 2025-03-01T08:30:00+08:00）或 Unix 秒";
    case T::kMonth:
      return "月份 YYYY-MM";
    case T::kMoney:
      return "金额（元，最多两位小数，不得为负）";
    case T::kMoneyOrAll:
      return "金额（元）或 all（没收全部财产）";
    case T::kCount:
      return "整数";
    case T::kHours:
      return "小时数（0–24，可带小数）";
    case T::kDecimal:
      return "数值（可带小数，可为负）";
    case T::kBool:
      return "0 或 1";
    case T::kIdNumber:
      return "18 位居民身份证号";
    case T::kRegionCode:
      return "6 位行政区划代码（GB/T 2260）";
    case T::kLongitude:
      return "经度（WGS-84 十进制度，73–136）";
    case T::kLatitude:
      return "纬度（WGS-84 十进制度，3–54）";
    case T::kYearsOrLife:
      return "年数（0–99）或 life（终身）";
  }
  return "";
}

int TableSpec::IndexOf(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

const ColumnSpec* TableSpec::Find(std::string_view column) const {
  int i = IndexOf(column);
  return i < 0 ? nullptr : &columns[i];
}

std::vector<int> TableSpec::KeyIndexes() const {
  std::vector<int> keys;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key) keys.push_back(static_cast<int>(i));
  }
  return keys;
}

const Value& RowView::operator[](std::string_view column) const {
  static const Value kNull;
  int i = table->IndexOf(column);
  return i < 0 ? kNull : values[i];
}

std::string_view RowView::Raw(std::string_view column) const {
  int i = table->IndexOf(column);
  return i < 0 ? std::string_view() : raw[i];
}

std::span<const TableSpec* const> AllTables() { return kAllTables; }

const TableSpec* FindTable(std::string_view name) {
  for (const TableSpec* t : kAllTables) {
    if (t->name == name) return t;
  }
  return nullptr;
}

std::string CheckIdNumber(std::string_view id) {
  if (id.size() != 18) return "身份证号应为 18 位，实为 " + std::to_string(id.size()) + " 位";
  if (!IsDigits(id.substr(0, 17))) return "身份证号前 17 位必须是数字";
  char last = id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) return "身份证号第 18 位应为数字或大写 X";
  int y = (id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0');
  int m = (id[10] - '0') * 10 + (id[11] - '0');
  int d = (id[12] - '0') * 10 + (id[13] - '0');
  if (!Date::FromCivil(y, m, d)) return "身份证号中的出生日期不是有效日期";
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  char expected = kCheck[sum % 11];
  if (expected != last) {
    return std::string("身份证号校验位错误：应为 ") + expected + "，实为 " + last;
  }
  return {};
}

FieldResult ParseField(const ColumnSpec& c, std::string_view s) {
  switch (c.type) {
    case T::kId: {
      if (s.size() > 64) return Fail("编码超过 64 个字符");
      for (unsigned char ch : s) {
        if (ch < 0x20 || ch == 0x7f || ch == ';') return Fail("编码不得含分号或控制字符");
      }
      return {Value::Text(s), {}};
    }
    case T::kText:
    case T::kTextList:
      return {Value::Text(s), {}};
    case T::kCode: {
      if (c.codes->IndexOf(s) < 0) {
        return Fail("未知代码 " + Quote(s) + "，应为：" + c.codes->Describe());
      }
      return {Value::Text(s), {}};
    }
    case T::kCodeList: {
      std::vector<std::string_view> seen;
      size_t pos = 0;
      while (pos <= s.size()) {
        size_t end = s.find(';', pos);
        if (end == std::string_view::npos) end = s.size();
        std::string_view item = s.substr(pos, end - pos);
        if (c.codes->IndexOf(item) < 0) {
          return Fail("未知代码 " + Quote(item) + "，应为：" + c.codes->Describe());
        }
        for (std::string_view prev : seen) {
          if (prev == item) return Fail("代码 " + Quote(item) + " 重复出现");
        }
        seen.push_back(item);
        pos = end + 1;
      }
      return {Value::Text(s), {}};
    }
    case T::kDate: {
      auto d = Date::Parse(s);
      if (d) return {Value::Int(d->days()), {}};
      bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-' && IsDigits(s.substr(0, 4)) &&
                   IsDigits(s.substr(5, 2)) && IsDigits(s.substr(8, 2));
      return Fail(shape ? "不存在的日期 " + Quote(s)
                        : "日期格式错误 " + Quote(s) + "，应为 YYYY-MM-DD");
    }
    case T::kTimestamp: {
      auto ts = ParseTimestamp(s);
      if (!ts) return Fail("时间格式错误 " + Quote(s) + "，应为 ISO 8601 含时区或 Unix 秒");
      return {Value::Int(*ts), {}};
    }
    case T::kMonth: {
      auto m = ParseMonth(s);
      if (!m) return Fail("月份格式错误 " + Quote(s) + "，应为 YYYY-MM");
      return {Value::Int(*m), {}};
    }
    case T::kMoneyOrAll:
      if (s == "all") return {Value::Int(kAllProperty), {}};
      [[fallthrough]];
    case T::kMoney: {
      auto m = Money::ParseYuan(s);
      if (!m) return Fail("金额格式错误 " + Quote(s) + "，应为元，最多两位小数");
      if (m->fen < 0) return Fail("金额不得为负数 " + Quote(s));
      return {Value::Int(m->fen), {}};
    }
    case T::kCount: {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec != std::errc() || p != s.data() + s.size() || !IsDigits(s)) {
        return Fail("应为整数，实为 " + Quote(s));
      }
      if (v < c.min || v > c.max) {
        return Fail("数值 " + std::to_string(v) + " 超出允许范围 " + std::to_string(c.min) + "–" +
                    std::to_string(c.max));
      }
      return {Value::Int(v), {}};
    }
    case T::kHours: {
      double v;
      if (!ParseDecimal(s, &v)) return Fail("应为小时数，实为 " + Quote(s));
      if (v < 0 || v > 24) return Fail("一日劳动时长应在 0–24 小时之间，实为 " + Quote(s));
      return {Value::Real(v), {}};
    }
    case T::kDecimal: {
      double v;
      if (!ParseDecimal(s, &v)) return Fail("应为数值，实为 " + Quote(s));
      return {Value::Real(v), {}};
    }
    case T::kBool:
      if (s == "0" || s == "1") return {Value::Int(s[0] - '0'), {}};
      return Fail("应为 0 或 1，实为 " + Quote(s));
    case T::kIdNumber: {
      std::string why = CheckIdNumber(s);
      if (!why.empty()) return Fail(why + "（" + std::string(s) + "）");
      return {Value::Text(s), {}};
    }
    case T::kRegionCode:
      if (s.size() != 6 || !IsDigits(s)) return Fail("行政区划代码应为 6 位数字，实为 " + Quote(s));
      return {Value::Text(s), {}};
    case T::kLongitude:
    case T::kLatitude: {
      int64_t micro;
      if (!ParseMicroDegrees(s, &micro)) return Fail("坐标格式错误 " + Quote(s));
      bool lon = c.type == T::kLongitude;
      int64_t lo = lon ? 73000000 : 3000000, hi = lon ? 136000000 : 54000000;
      if (micro < lo || micro > hi) {
        return Fail(std::string(lon ? "经度" : "纬度") + " " + std::string(s) + " 超出中国范围（" +
                    (lon ? "73–136" : "3–54") + "）");
      }
      return {Value::Int(micro), {}};
    }
    case T::kYearsOrLife: {
      if (s == "life") return {Value::Int(kLifelong), {}};
      int64_t v = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec != std::errc() || p != s.data() + s.size() || !IsDigits(s) || v > 99) {
        return Fail("应为 0–99 的年数或 life，实为 " + Quote(s));
      }
      return {Value::Int(v), {}};
    }
  }
  return Fail("内部错误：未知列类型");
}

std::string FormatValue(const ColumnSpec& c, const Value& v) {
  if (v.is_null()) return {};
  char buf[48];
  switch (c.type) {
    case T::kDate:
      return Date::FromDays(static_cast<int32_t>(v.i)).ToString();
    case T::kTimestamp:
      return FormatTimestamp(v.i);
    case T::kMonth:
      return FormatMonth(static_cast<int32_t>(v.i));
    case T::kMoneyOrAll:
      if (v.i == kAllProperty) return "all";
      [[fallthrough]];
    case T::kMoney:
      return Money{v.i}.ToYuanString();
    case T::kYearsOrLife:
      return v.i == kLifelong ? "life" : std::to_string(v.i);
    case T::kCount:
    case T::kBool:
      return std::to_string(v.i);
    case T::kLongitude:
    case T::kLatitude:
      std::snprintf(buf, sizeof buf, "%s%lld.%06lld", v.i < 0 ? "-" : "",
                    static_cast<long long>(std::llabs(v.i) / 1000000),
                    static_cast<long long>(std::llabs(v.i) % 1000000));
      return buf;
    case T::kHours:
    case T::kDecimal:
      std::snprintf(buf, sizeof buf, "%g", v.r);
      return buf;
    default:
      return std::string(v.text);
  }
}

}  // namespace zj::domain
