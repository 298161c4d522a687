// Property-penalty models (财产刑执行): M19 财产刑未移送执行, M20 财产刑执行不到位.
//
// One pass, one part per selected model. Both are single scans over their driving table
// (sentences, property_cases) with the other tables grouped once by dense id.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/period.h"
#include "domain/exchange_tables.h"
#include "law/rulebook.h"
#include "law/supervision.h"
#include "models/registry.h"

namespace zj::models {
namespace {

constexpr std::string_view kM19 = "M19";
constexpr std::string_view kM20 = "M20";

const ModelSpec kM19Spec{
    .id = kM19,
    .name = "财产刑未移送执行",
    .key = {"sentence_id"},
    .summary = "判处罚金、没收财产的判决生效后，超过移送期限仍未立案执行，或逾期才立案执行",
    .inputs = {{"sentences",
                {"sentence_id", "person_id", "court_org_id", "effective_date", "fine",
                 "confiscation"}},
               {"property_cases", {"exec_id", "sentence_id", "filed_date"}}},
    .params = {{.name = "filing_days",
                .type = ParamType::kInt,
                .default_value = "30",
                .unit = "日",
                .description = "判决生效后应在该天数内移送立案执行（法律未规定刑事审判部门移送"
                               "期限；立案部门收到移送后七日内立案见 JX-FIN-02）",
                .rule = {},
                .codes = nullptr,
                .min = 1,
                .max = 3650}},
    .basis = {"JX-FIN-02"},
    .version = 1,
};

const ModelSpec kM20Spec{
    .id = kM20,
    .name = "财产刑执行不到位",
    .key = {"exec_id"},
    .summary =
        "财产刑执行案件中止执行或终结本次执行，而被执行人狱内账户显示有能力履行尚未"
        "执行的金额",
    .inputs = {{"property_cases",
                {"exec_id", "sentence_id", "person_id", "court_org_id", "amount_due", "status",
                 "status_date"}},
               {"property_payments", {"exec_id", "date", "amount"}},
               {"accounts", {"person_id", "month", "deposits", "spending", "balance"}},
               {"sentences",
                {"sentence_id", "court_org_id", "fine", "confiscation", "restitution"}}},
    .params = {{.name = "ability_spending",
                .type = ParamType::kNumber,
                .default_value = "3000",
                .unit = "元",
                .description = "中止或终结本次执行前12个月狱内消费达到该金额（或达到尚未执行"
                               "金额）的，认定有履行能力",
                .rule = {},
                .codes = nullptr,
                .min = 0,
                .max = 1e9}},
    .basis = {"JX-FIN-07", "JX-PROP-03"},
    .version = 1,
};

const ModelSpec* const kModels[] = {&kM19Spec, &kM20Spec};

std::string Yuan(int64_t fen) { return Money{fen}.ToYuanString(); }

int32_t MonthOf(Date d) { return d.year() * 12 + (d.month() - 1); }

class PropertyRun final : public PassRun {
 public:
  explicit PropertyRun(const RunContext& ctx) : ctx_(ctx), data_(*ctx.data) {
    for (const ModelSpec* m : kModels) {
      if (ctx_.Selected(m->id)) parts_.push_back(m->id);
    }
  }
  int parts() const override { return static_cast<int>(parts_.size()); }
  Status RunPart(int part, PassOutput& out) override {
    const std::string_view m = parts_[static_cast<size_t>(part)];
    if (m == kM19) RunM19(out);
    if (m == kM20) RunM20(out);
    return Status::Ok();
  }

 private:
  void RunM19(PassOutput& out) const;
  void RunM20(PassOutput& out) const;

  const RunContext ctx_;  // a copy: the run may outlive the caller's context
  const Snapshot& data_;
  std::vector<std::string_view> parts_;
};

// ---------------------------------------------------------------------------------------
// M19 财产刑未移送执行
//
// A sentence with a fine (罚金 > 0) or confiscation (没收财产 > 0 or 没收全部财产) must reach
// the enforcing court as an execution case within PARAM filing_days of taking effect. The
// earliest filed_date over the sentence's property cases (on or before the as-of day)
// counts; a case without a filed_date counts as filed in time (the date is unknown).

void PropertyRun::RunM19(PassOutput& out) const {
  const Frame& sentences = data_.Table("sentences");
  const Frame& cases = data_.Table("property_cases");
  const IdDict& org_ids = data_.Ids("orgs");
  const Date as_of = ctx_.as_of_date;
  const Groups cases_by_sentence(cases.I32("sentence_id"), data_.Ids("sentences").size());
  const auto filed = cases.I32("filed_date");
  const auto s_id = sentences.I32("sentence_id");
  const auto s_eff = sentences.I32("effective_date");
  const auto s_court = sentences.I32("court_org_id");
  const auto fine = sentences.I64("fine");
  const auto confiscation = sentences.I64("confiscation");

  int64_t scanned = 0;
  for (int32_t r = 0; r < sentences.rows(); ++r) {
    const bool fined = fine[r] != kNull64 && fine[r] > 0;
    const bool confiscated = confiscation[r] != kNull64 &&
                             (confiscation[r] > 0 || confiscation[r] == domain::kAllProperty);
    if ((!fined && !confiscated) || s_eff[r] == kNull32) continue;
    ++scanned;
    const Date effective = Date::FromDays(s_eff[r]);
    const int days = static_cast<int>(ctx_.params->Int(kM19, "filing_days", s_court[r]));
    const Date deadline = effective + days;  // JX-CONV-02: the day it took effect not counted
    if (as_of <= deadline) continue;

    std::optional<Date> first;
    int32_t first_case = -1;
    bool undated = false;
    for (int32_t c : cases_by_sentence.rows(s_id[r])) {
      if (filed[c] == kNull32) {
        undated = true;
        continue;
      }
      if (filed[c] > as_of.days()) continue;  // not yet filed as of the run
      if (!first || filed[c] < first->days()) {
        first = Date::FromDays(filed[c]);
        first_case = c;
      }
    }
    if (undated || (first && *first <= deadline)) continue;

    Finding f;
    f.model = kM19;
    f.key = {{"sentence_id", std::string(sentences.IdText("sentence_id", r))}};
    f.person_id = std::string(sentences.IdText("person_id", r));
    f.org_id = s_court[r] == kNull32 ? "" : std::string(org_ids.Text(s_court[r]));
    std::string what;
    if (fined) what = "罚金" + Yuan(fine[r]) + "元";
    if (confiscated) {
      if (!what.empty()) what += "、";
      what += confiscation[r] == domain::kAllProperty ? std::string("没收全部财产")
                                                      : "没收财产" + Yuan(confiscation[r]) + "元";
    }
    const std::string head = "判处" + what + "，判决于" + effective.ToString() + "生效，";
    f.facts = {{"effective_date", effective.ToString()},
               {"filing_days", days},
               {"filing_deadline", deadline.ToString()}};
    if (fined) f.facts["fine"] = Yuan(fine[r]);
    if (confiscated) {
      f.facts["confiscation"] =
          confiscation[r] == domain::kAllProperty ? std::string("all") : Yuan(confiscation[r]);
    }
    if (!first) {
      f.severity = Severity::kHigh;
      f.summary = head + "至今未移送立案执行，已超过移送期限（生效后" + std::to_string(days) +
                  "日）" + std::to_string(as_of - deadline) + "日";
      f.facts["property_case"] = nullptr;
      f.facts["days_overdue"] = as_of - deadline;
    } else {
      f.severity = Severity::kMedium;
      f.summary = head + first->ToString() + "才立案执行，超过移送期限（生效后" +
                  std::to_string(days) + "日）" + std::to_string(*first - deadline) + "日";
      f.facts["exec_id"] = std::string(cases.IdText("exec_id", first_case));
      f.facts["filed_date"] = first->ToString();
      f.facts["days_late"] = *first - deadline;
    }
    // JX-FIN-02 (立案 within 7 days of the transfer) applies to judgments from 2014-11-06.
    if (const auto law_deadline = law::PropertyFilingDeadline(effective)) {
      f.facts["filing_after_transfer"] = law_deadline->period.ToChinese();
      f.basis.emplace_back(law_deadline->rule);
    }
    f.basis.push_back("PARAM:filing_days");
    out.Emit(std::move(f));
  }
  out.Scanned(kM19, scanned);
}

// ---------------------------------------------------------------------------------------
// M20 财产刑执行不到位
//
// A case `suspended` (中止) or `terminated_this_round` (终结本次执行) with an amount still due
// (amount_due − payments made on or before the as-of day) while the person's prison account
// shows the means to pay it (JX-FIN-07 "unlawful suspension/termination; able but not
// enforced"), either:
//   balance  — the month-end balance in some month from the status month to the as-of month
//              covers everything still due (账户扣划 could pay it), or
//   spending — prison spending in the 12 months before the status month (law::Options
//              ability_window_months) reached PARAM ability_spending, or the amount still
//              due (JX-PROP-03, as for M08).

void PropertyRun::RunM20(PassOutput& out) const {
  const Frame& cases = data_.Table("property_cases");
  const Frame& payments = data_.Table("property_payments");
  const Frame& accounts = data_.Table("accounts");
  const Frame& sentences = data_.Table("sentences");
  const IdDict& org_ids = data_.Ids("orgs");
  const Date as_of = ctx_.as_of_date;
  const int32_t as_of_month = MonthOf(as_of);
  const int window = law::Options{}.ability_window_months;

  const Groups payments_by_case(payments.I32("exec_id"), data_.Ids("property_cases").size());
  const Groups accounts_by_person(accounts.I32("person_id"), data_.Ids("persons").size());
  const auto pay_date = payments.I32("date");
  const auto pay_amount = payments.I64("amount");
  const auto a_month = accounts.I32("month");
  const auto a_deposits = accounts.I64("deposits");
  const auto a_spending = accounts.I64("spending");
  const auto a_balance = accounts.I64("balance");
  const auto c_exec = cases.I32("exec_id");
  const auto c_person = cases.I32("person_id");
  const auto c_sentence = cases.I32("sentence_id");
  const auto c_court = cases.I32("court_org_id");
  const auto c_due = cases.I64("amount_due");
  const auto c_status = cases.I32("status");
  const auto c_status_date = cases.I32("status_date");
  const int suspended = cases.Codes("status").IndexOf("suspended");
  const int terminated = cases.Codes("status").IndexOf("terminated_this_round");
  const auto sentence_row_of = sentences.RowOfKey();
  const auto s_court = sentences.I32("court_org_id");
  const auto s_fine = sentences.I64("fine");
  const auto s_conf = sentences.I64("confiscation");
  const auto s_rest = sentences.I64("restitution");

  int64_t scanned = 0;
  for (int32_t r = 0; r < cases.rows(); ++r) {
    if (c_status[r] != suspended && c_status[r] != terminated) continue;
    if (c_due[r] == kNull64 || c_due[r] <= 0 || c_person[r] == kNull32) continue;
    ++scanned;
    int64_t paid = 0;
    for (int32_t p : payments_by_case.rows(c_exec[r])) {
      if (pay_date[p] != kNull32 && pay_date[p] <= as_of.days() && pay_amount[p] != kNull64) {
        paid += pay_amount[p];
      }
    }
    const int64_t left = c_due[r] - paid;
    if (left <= 0) continue;

    const std::optional<Date> status_date =
        c_status_date[r] == kNull32 ? std::nullopt
                                    : std::optional<Date>(Date::FromDays(c_status_date[r]));
    const int32_t status_month = status_date ? MonthOf(*status_date) : as_of_month;
    int64_t best_balance = kNull64, latest_balance = kNull64, spending = 0, deposits = 0;
    int32_t best_month = kNull32, latest_month = kNull32;
    bool any = false;
    for (int32_t a : accounts_by_person.rows(c_person[r])) {
      const int32_t m = a_month[a];
      if (m == kNull32 || m > as_of_month) continue;
      any = true;
      if (a_balance[a] != kNull64) {
        if (m >= status_month && (best_balance == kNull64 || a_balance[a] > best_balance)) {
          best_balance = a_balance[a];
          best_month = m;
        }
        if (latest_month == kNull32 || m > latest_month) {
          latest_month = m;
          latest_balance = a_balance[a];
        }
      }
      if (m >= status_month - window && m < status_month) {
        if (a_spending[a] != kNull64) spending += a_spending[a];
        if (a_deposits[a] != kNull64) deposits += a_deposits[a];
      }
    }
    if (!any) continue;

    int32_t court = c_court[r];
    const int32_t srow =
        c_sentence[r] != kNull32 && static_cast<size_t>(c_sentence[r]) < sentence_row_of.size()
            ? sentence_row_of[c_sentence[r]]
            : -1;
    if (court == kNull32 && srow >= 0) court = s_court[srow];
    const double threshold_yuan = ctx_.params->Num(kM20, "ability_spending", court);
    const int64_t threshold = static_cast<int64_t>(threshold_yuan * 100 + 0.5);
    const bool by_balance = best_balance != kNull64 && best_balance >= left;
    const bool by_spending = spending > 0 && (spending >= threshold || spending >= left);
    if (!by_balance && !by_spending) continue;

    // What the case executes, as far as the sentence tells.
    std::string what = "财产性判项";
    if (srow >= 0) {
      const bool fine = s_fine[srow] != kNull64 && s_fine[srow] > 0;
      const bool conf = s_conf[srow] != kNull64 && s_conf[srow] != 0;
      const bool rest = s_rest[srow] != kNull64 && s_rest[srow] > 0;
      if (fine && !conf && !rest) what = "罚金";
      if (!fine && conf && !rest) what = "没收财产";
    }
    const bool is_suspended = c_status[r] == suspended;
    Finding f;
    f.model = kM20;
    f.key = {{"exec_id", std::string(cases.IdText("exec_id", r))}};
    f.person_id = std::string(cases.IdText("person_id", r));
    f.org_id = court == kNull32 ? "" : std::string(org_ids.Text(court));
    f.severity = Severity::kHigh;
    std::string s = what + Yuan(c_due[r]) + "元" +
                    (paid == 0 ? std::string("分文未执行") : "尚有" + Yuan(left) + "元未执行") +
                    "，";
    s += status_date ? "法院于" + status_date->ToString() : std::string("法院");
    s += is_suspended ? "裁定中止执行" : "终结本次执行程序";
    s += "，而被执行人";
    if (by_balance) {
      s += "狱内账户" + FormatMonth(best_month) + "月末余额" + Yuan(best_balance) + "元";
    }
    if (by_spending) {
      if (by_balance) s += "，";
      s += "此前" + std::to_string(window) + "个月狱内消费" + Yuan(spending) + "元";
    }
    f.summary = s + "，有能力履行";
    f.facts = {{"status", std::string(cases.Codes("status").codes[c_status[r]].code)},
               {"status_date",
                status_date ? nlohmann::json(status_date->ToString()) : nlohmann::json(nullptr)},
               {"amount_due", Yuan(c_due[r])},
               {"paid", Yuan(paid)},
               {"still_due", Yuan(left)},
               {"spending_window",
                FormatMonth(status_month - window) + "至" + FormatMonth(status_month - 1)},
               {"spending_in_window", Yuan(spending)},
               {"deposits_in_window", Yuan(deposits)},
               {"ability_spending", Yuan(threshold)}};
    if (best_balance != kNull64) {
      f.facts["account_balance"] = Yuan(best_balance);
      f.facts["account_balance_month"] = FormatMonth(best_month);
    }
    if (latest_balance != kNull64) {
      f.facts["latest_balance"] = Yuan(latest_balance);
      f.facts["latest_balance_month"] = FormatMonth(latest_month);
    }
    nlohmann::json by = nlohmann::json::array();
    if (by_balance) by.push_back("balance");
    if (by_spending) by.push_back("spending");
    f.facts["ability_shown_by"] = std::move(by);
    f.basis = {"JX-FIN-07"};
    if (by_spending) {
      f.basis.push_back("JX-PROP-03");
      f.basis.push_back("PARAM:ability_spending");
    }
    out.Emit(std::move(f));
  }
  out.Scanned(kM20, scanned);
}

class PropertyPassImpl final : public Pass {
 public:
  std::string_view name() const override { return "property"; }
  std::span<const ModelSpec* const> models() const override { return kModels; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    return std::unique_ptr<PassRun>(std::make_unique<PropertyRun>(ctx));
  }
};

}  // namespace

const Pass& PropertyPass() {
  static const PropertyPassImpl kPass;
  return kPass;
}

}  // namespace zj::models
