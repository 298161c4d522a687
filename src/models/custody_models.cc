// Custody family (看守所 / 指定居所监视居住 / 强制医疗): M21, M24, M25 in one pass, one part
// per selected model (the tables are small: ~29k detentions at province scale).
//
// M21 看守所超期羁押 (key detention_id). A person's detention rows, ordered by stage_start,
// are the stages of one custody: a stage lasts until its released_date, or until the next
// stage row of the same person starts (换押: the stage ended that day), or, when neither
// exists, up to the as-of date (still held). A stage whose custody ran past the limit that
// law::CustodyStageLimit gives for its code is reported:
//   - no extension document: past `deadline` → high, JX-CUST-01;
//   - with an extension document: past the stage's own `extended_deadline` (or `deadline`
//     when the stage code has no extension of its own: investigation and investigation_ext*,
//     whose document is the approval of the stage itself) → medium, JX-CUST-01. A further
//     extension (最高法/最高检/全国人大常委会) or a recount (重新计算) is a new stage row
//     (law/supervision.h), so a document cannot cover more than its stage allows; the
//     finding asks the prosecutor to check what the document is.
//   - investigation_ext1..3: the limit is the later of the row's own count and the count
//     from the arrest (the person's investigation row in the same custody), chained and
//     cumulative (JX-CONV-02, UNCONFIRMED #4): only custody past every reading is reported.
//   - awaiting_delivery and serving_in_center are not judged here: delivery is M22 and the
//     remainder served in the centre is M23 (law pass). They still end the stage before.
//   - JX-CUST-04 久押不决: a person's current stage (not released, no later row) still at
//     拘留/侦查/审查起诉/一审/二审 after more than 5 years of unbroken custody
//     (law::ProtractedCustodyFrom) is reported on that stage's row — medium on its own, as a
//     second basis when the stage limit is also passed.
//   The facility's own stage_deadline is a fact; when it is later than the legal one the
//   summary says so (the facility counts the wrong limit).
//
// M24 指定居所监视居住决定书副本未按时送达 (key rs_id). The procuratorate received the copy of
// the decision more than PARAM rs_copy_days days after decision_date (a local rule, seed 001:
// 重庆 2023 意见, 3 days; no national number, RULEBOOK JX-ZJJ-01 UNCONFIRMED), or has not
// received it and as-of is already past decision + rs_copy_days.
//
// M25 强制医疗交付执行超期 (key cm_id). delivered_date later than
// law::CompulsoryMedicalServeDeadline(decision_date) (JX-QZYL-01: decision and execution
// notice served on 公安 within 5 days; the RULEBOOK has no separate period for the delivery
// itself), or not delivered while as-of (or release, if the measure was lifted first) is
// past that deadline.
//
// Thread-safe: the pass and its runs hold no mutable shared state.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/date.h"
#include "common/period.h"
#include "domain/codes.h"
#include "law/supervision.h"
#include "models/registry.h"

namespace zj::models {
namespace {

using nlohmann::json;

constexpr std::string_view kM21 = "M21";
constexpr std::string_view kM24 = "M24";
constexpr std::string_view kM25 = "M25";

const ModelSpec& M21Spec() {
  static const ModelSpec spec{
      .id = kM21,
      .name = "看守所超期羁押",
      .key = {"detention_id"},
      .summary =
          "看守所羁押阶段超过该阶段法定羁押期限（有延长文书的按延长后的期限）仍未释放或"
          "转入下一阶段；连续羁押超过五年仍未审结的（久押不决）一并列出",
      .inputs = {{"detentions",
                  {"detention_id", "person_id", "facility_org_id", "case_no", "handling_org_id",
                   "stage", "stage_start", "stage_deadline", "extension_doc", "released_date"}}},
      .params = {},
      .basis = {"JX-CUST-01", "JX-CUST-04"},
      .version = 1,
  };
  return spec;
}

const ModelSpec& M24Spec() {
  static const ModelSpec spec{
      .id = kM24,
      .name = "指定居所监视居住决定书副本未按时送达",
      .key = {"rs_id"},
      .summary = "检察院收到指定居所监视居住决定书副本晚于决定后规定日数，或至今未收到",
      .inputs = {{"residence_surveillance",
                  {"rs_id", "person_id", "deciding_org_id", "decision_date",
                   "copy_received_date"}}},
      .params = {{.name = "rs_copy_days",
                  .type = ParamType::kInt,
                  .default_value = "3",
                  .unit = "日",
                  .description = "决定机关应自作出指定居所监视居住决定之日起几日内将决定书副本"
                                 "送达检察院（地方规定，如重庆市检察院与市公安局2023年《关于在"
                                 "指定居所监视居住执行工作中加强监督协作的意见》为三日；全国性"
                                 "规定未见，可按辖区设置）",
                  .rule = "",
                  .min = 0,
                  .max = 60}},
      .basis = {},
      .version = 1,
  };
  return spec;
}

const ModelSpec& M25Spec() {
  static const ModelSpec spec{
      .id = kM25,
      .name = "强制医疗交付执行超期",
      .key = {"cm_id"},
      .summary = "强制医疗决定作出后，超过决定书和执行通知书送达期限才交付执行，或至今未交付执行",
      .inputs = {{"compulsory_medical",
                  {"cm_id", "person_id", "deciding_court_org_id", "decision_date", "delivered_date",
                   "hospital_org_id", "released_date"}}},
      .params = {},
      .basis = {"JX-QZYL-01"},
      .version = 1,
  };
  return spec;
}

json DateOrNull(int32_t d) {
  return d == kNull32 ? json(nullptr) : json(Date::FromDays(d).ToString());
}
json TextOrNull(std::string_view s) { return s.empty() ? json(nullptr) : json(std::string(s)); }
std::string Days(int32_t n) { return std::to_string(n) + "日"; }

// ---- M21 ----

enum class StageKind : uint8_t {
  kJudged,    // a pre-trial or trial stage with a limit of its own
  kDelivery,  // awaiting_delivery: M22
  kServing,   // serving_in_center: M23
};

struct StageInfo {
  std::string_view code;
  std::string_view label;
  StageKind kind = StageKind::kJudged;
  int investigation_ext = 0;  // 1..3 for investigation_ext1..3
  bool investigation = false;
};

class M21Scan {
 public:
  M21Scan(const RunContext& ctx, PassOutput& out)
      : ctx_(ctx),
        out_(out),
        d_(ctx.data->Table("detentions")),
        person_(d_.I32("person_id")),
        stage_(d_.I32("stage")),
        start_(d_.I32("stage_start")),
        facility_deadline_(d_.I32("stage_deadline")),
        released_(d_.I32("released_date")),
        ext_doc_(d_.Text("extension_doc")) {
    const domain::CodeList& codes = d_.Codes("stage");
    stages_.resize(codes.codes.size());
    for (size_t i = 0; i < codes.codes.size(); ++i) {
      StageInfo& s = stages_[i];
      s.code = codes.codes[i].code;
      s.label = codes.codes[i].label;
      if (s.code == "awaiting_delivery") s.kind = StageKind::kDelivery;
      if (s.code == "serving_in_center") s.kind = StageKind::kServing;
      s.investigation = s.code == "investigation";
      if (s.code == "investigation_ext1") s.investigation_ext = 1;
      if (s.code == "investigation_ext2") s.investigation_ext = 2;
      if (s.code == "investigation_ext3") s.investigation_ext = 3;
    }
  }

  void Run() {
    const Groups by_person(person_, d_.Dict("person_id").size());
    std::vector<int32_t> rows;
    rows.reserve(16);
    for (int32_t p = 0; p < by_person.key_count(); ++p) {
      const auto g = by_person.rows(p);
      if (g.empty()) continue;
      rows.assign(g.begin(), g.end());
      if (rows.size() > 1) {
        std::sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) {
          return std::tie(start_[a], stage_[a], a) < std::tie(start_[b], stage_[b], b);
        });
      }
      Person(rows);
    }
    out_.Scanned(kM21, d_.rows());
  }

 private:
  enum class EndBy : uint8_t { kReleased, kNextStage, kAsOf };

  // One person's rows, ordered by stage_start.
  void Person(const std::vector<int32_t>& rows) {
    const int32_t as_of = ctx_.as_of_date.days();
    int32_t chain_start = kNull32;  // first day of the unbroken custody the row belongs to
    int32_t arrest = kNull32;       // start of the investigation stage in that custody
    for (size_t i = 0; i < rows.size(); ++i) {
      const int32_t r = rows[i];
      const int32_t next = i + 1 < rows.size() ? rows[i + 1] : -1;
      if (start_[r] == kNull32 || start_[r] > as_of) continue;  // not begun as of the run
      // A release before this row's start ends the previous custody.
      const bool broken = i == 0 || chain_start == kNull32 ||
                          (released_[rows[i - 1]] != kNull32 && released_[rows[i - 1]] < start_[r]);
      if (broken) {
        chain_start = start_[r];
        arrest = kNull32;
      }
      const StageInfo& st = stages_[static_cast<size_t>(stage_[r])];
      if (st.investigation) arrest = start_[r];
      if (st.kind != StageKind::kJudged) {
        chain_start = kNull32;  // sentenced: no longer a case awaiting decision
        continue;
      }

      int32_t end = as_of;
      EndBy by = EndBy::kAsOf;
      if (next >= 0 && start_[next] < end) {
        end = start_[next];
        by = EndBy::kNextStage;
      }
      if (released_[r] != kNull32 && released_[r] <= end) {
        end = released_[r];
        by = EndBy::kReleased;
      }
      Judge(r, next, st, end, by, arrest,
            /*current=*/next < 0 && released_[r] == kNull32 ? chain_start : kNull32);
    }
  }

  void Judge(int32_t r, int32_t next, const StageInfo& st, int32_t end, EndBy by, int32_t arrest,
             int32_t current_chain_start) {
    const Date start = Date::FromDays(start_[r]);
    Result<law::StageLimit> lim = law::CustodyStageLimit(st.code, start);
    if (!lim.ok() || !lim->deadline) return;
    const std::string_view doc = ext_doc_[static_cast<size_t>(r)];
    const bool has_doc = !doc.empty();
    Date limit = *lim->deadline;
    bool extended = false;
    if (has_doc && lim->extended_deadline) {
      limit = *lim->extended_deadline;
      extended = true;
    }
    // Extensions of investigation custody also counted from the arrest (both readings).
    std::optional<Date> from_arrest;
    if (st.investigation_ext > 0 && arrest != kNull32) {
      const law::ChainedDeadline c =
          law::InvestigationDeadline(Date::FromDays(arrest), st.investigation_ext);
      from_arrest = std::max(c.chained, c.cumulative);
      limit = std::max(limit, *from_arrest);
    }
    const bool over = end > limit.days();

    // JX-CUST-04: still held, still undecided, more than five years.
    bool protracted = false;
    Date five_years;
    if (current_chain_start != kNull32) {
      five_years = law::ProtractedCustodyFrom(Date::FromDays(current_chain_start));
      protracted = end > five_years.days();
    }
    if (!over && !protracted) return;

    Finding f;
    f.model = kM21;
    f.key = {{"detention_id", std::string(d_.IdText("detention_id", r))}};
    f.person_id = std::string(d_.IdText("person_id", r));
    f.org_id = std::string(d_.IdText("facility_org_id", r));
    f.severity = over && !has_doc ? Severity::kHigh : Severity::kMedium;
    if (!over) f.title = "久押不决";

    const Date end_date = Date::FromDays(end);
    std::string ended;
    switch (by) {
      case EndBy::kReleased:
        ended = "于" + end_date.ToString() + "出所";
        break;
      case EndBy::kNextStage:
        ended = "至" + end_date.ToString() + "转入“" +
                std::string(stages_[static_cast<size_t>(stage_[next])].label) + "”阶段";
        break;
      case EndBy::kAsOf:
        ended = "截至" + end_date.ToString() + "仍在押";
        break;
    }
    std::string s = "羁押阶段“" + std::string(st.label) + "”自" + start.ToString() + "起算，";
    if (over) {
      if (!has_doc) {
        s += "羁押期限（" + lim->period.ToChinese() + "）于" + limit.ToString() +
             "届满，无延长或重新计算羁押期限文书，" + ended + "，已超期" + Days(end - limit.days());
      } else if (extended) {
        s += "虽有延长羁押期限文书（" + std::string(doc) + "），延长后的羁押期限也于" +
             limit.ToString() + "届满，" + ended + "，已超期" + Days(end - limit.days()) +
             "，需核实该文书是否为重新计算或经上级批准再次延长的文书";
      } else {
        s += "羁押期限于" + limit.ToString() + "届满，登记的文书（" + std::string(doc) +
             "）为本阶段的批准文书，" + ended + "，已超期" + Days(end - limit.days()) +
             "，需核实是否另有延长或重新计算羁押期限的文书";
      }
      if (facility_deadline_[r] != kNull32 && facility_deadline_[r] > limit.days()) {
        s += "；看守所登记的届满日为" + Date::FromDays(facility_deadline_[r]).ToString() +
             "，比法定届满日晚" + Days(facility_deadline_[r] - limit.days());
      }
    }
    if (protracted) {
      if (over) s += "；";
      s += "自" + Date::FromDays(current_chain_start).ToString() + "起连续羁押已超过五年（" +
           five_years.ToString() + "届满），案件仍处于“" + std::string(st.label) + "”阶段未审结";
    }
    f.summary = std::move(s);

    json& x = f.facts;
    x["stage"] = std::string(st.code);
    x["stage_name"] = std::string(st.label);
    x["stage_start"] = start.ToString();
    x["limit"] = lim->period.ToChinese();
    x["base_deadline"] = lim->deadline->ToString();
    x["extension_doc"] = TextOrNull(doc);
    if (extended) {
      x["extension"] = lim->extension.ToChinese();
      x["extended_deadline"] = lim->extended_deadline->ToString();
    }
    if (from_arrest) {
      x["investigation_from"] = Date::FromDays(arrest).ToString();
      x["deadline_from_arrest"] = from_arrest->ToString();
    }
    x["legal_deadline"] = limit.ToString();
    x["facility_deadline"] = DateOrNull(facility_deadline_[r]);
    if (facility_deadline_[r] != kNull32 && facility_deadline_[r] > limit.days()) {
      x["facility_deadline_later_days"] = facility_deadline_[r] - limit.days();
    }
    x["custody_end"] = end_date.ToString();
    x["custody_end_by"] = by == EndBy::kReleased    ? "released"
                          : by == EndBy::kNextStage ? "next_stage"
                                                    : "as_of";
    if (by == EndBy::kNextStage) {
      x["next_detention_id"] = std::string(d_.IdText("detention_id", next));
      x["next_stage"] = std::string(stages_[static_cast<size_t>(stage_[next])].code);
    }
    x["days_over"] = over ? end - limit.days() : 0;
    x["case_no"] = TextOrNull(d_.Text("case_no")[static_cast<size_t>(r)]);
    x["handling_org_id"] = TextOrNull(d_.IdText("handling_org_id", r));
    x["citation"] = std::string(lim->citation);
    if (protracted) {
      x["custody_since"] = Date::FromDays(current_chain_start).ToString();
      x["five_years_end"] = five_years.ToString();
      x["custody_days"] = end - current_chain_start;
    }
    if (over) f.basis.emplace_back("JX-CUST-01");
    if (protracted) f.basis.emplace_back("JX-CUST-04");
    out_.Emit(std::move(f));
  }

  const RunContext& ctx_;
  PassOutput& out_;
  const Frame& d_;
  std::span<const int32_t> person_, stage_, start_, facility_deadline_, released_;
  std::span<const std::string> ext_doc_;
  std::vector<StageInfo> stages_;
};

// ---- M24 ----

void RunM24(const RunContext& ctx, PassOutput& out) {
  const Frame& t = ctx.data->Table("residence_surveillance");
  const auto org = t.I32("deciding_org_id");
  const auto decision = t.I32("decision_date");
  const auto received = t.I32("copy_received_date");
  const int32_t as_of = ctx.as_of_date.days();
  for (int32_t r = 0; r < t.rows(); ++r) {
    if (decision[r] == kNull32 || decision[r] > as_of) continue;
    const int64_t n = ctx.params->Int(kM24, "rs_copy_days", org[r]);
    // JX-CONV-02: the decision day is not counted; day decision + n is the last day in time.
    const int32_t due = decision[r] + static_cast<int32_t>(n);
    const bool never = received[r] == kNull32;
    const int32_t upto = never ? as_of : received[r];
    if (upto <= due) continue;

    Finding f;
    f.model = kM24;
    f.key = {{"rs_id", std::string(t.IdText("rs_id", r))}};
    f.person_id = std::string(t.IdText("person_id", r));
    f.org_id = std::string(t.IdText("deciding_org_id", r));
    const std::string dec = Date::FromDays(decision[r]).ToString();
    const std::string due_text = Date::FromDays(due).ToString();
    if (never) {
      f.summary = "指定居所监视居住决定于" + dec + "作出，应于" + due_text +
                  "前送达决定书副本，截至" + ctx.as_of_date.ToString() + "检察院仍未收到，已逾期" +
                  Days(upto - due);
    } else {
      f.summary = "指定居所监视居住决定于" + dec + "作出，检察院" +
                  Date::FromDays(received[r]).ToString() + "才收到决定书副本，超过" +
                  std::to_string(n) + "日的送达期限（" + due_text + "届满），迟延" +
                  Days(upto - due);
    }
    f.facts = {{"decision_date", dec},
               {"copy_received_date", DateOrNull(received[r])},
               {"limit_days", n},
               {"due_date", due_text},
               {"days_late", upto - due}};
    if (never) f.facts["as_of"] = ctx.as_of_date.ToString();
    f.basis = {"PARAM:rs_copy_days"};
    out.Emit(std::move(f));
  }
  out.Scanned(kM24, t.rows());
}

// ---- M25 ----

void RunM25(const RunContext& ctx, PassOutput& out) {
  const Frame& t = ctx.data->Table("compulsory_medical");
  const auto decision = t.I32("decision_date");
  const auto delivered = t.I32("delivered_date");
  const auto released = t.I32("released_date");
  const int32_t as_of = ctx.as_of_date.days();
  for (int32_t r = 0; r < t.rows(); ++r) {
    if (decision[r] == kNull32 || decision[r] > as_of) continue;
    const law::Deadline dl = law::CompulsoryMedicalServeDeadline(Date::FromDays(decision[r]));
    const int32_t due = dl.date.days();
    const bool never = delivered[r] == kNull32;
    // Not delivered: late as of the run, or as of the day the measure was lifted.
    const bool lifted = never && released[r] != kNull32 && released[r] < as_of;
    const int32_t upto = !never ? delivered[r] : lifted ? released[r] : as_of;
    if (upto <= due) continue;

    Finding f;
    f.model = kM25;
    f.key = {{"cm_id", std::string(t.IdText("cm_id", r))}};
    f.person_id = std::string(t.IdText("person_id", r));
    f.org_id = std::string(t.IdText("deciding_court_org_id", r));
    const std::string dec = Date::FromDays(decision[r]).ToString();
    const std::string limit = "决定书和执行通知书应在" + dl.period.ToChinese() +
                              "内送达公安机关（" + dl.date.ToString() + "届满）";
    if (!never) {
      f.summary = "强制医疗决定于" + dec + "作出，" + Date::FromDays(upto).ToString() +
                  "才交付执行，历时" + Days(upto - decision[r]) + "，" + limit + "，超期" +
                  Days(upto - due);
    } else if (lifted) {
      f.summary = "强制医疗决定于" + dec + "作出，至" + Date::FromDays(upto).ToString() +
                  "解除时仍未交付执行，" + limit + "，超期" + Days(upto - due);
    } else {
      f.summary = "强制医疗决定于" + dec + "作出，截至" + Date::FromDays(upto).ToString() +
                  "仍未交付执行，已历时" + Days(upto - decision[r]) + "，" + limit + "，超期" +
                  Days(upto - due);
    }
    f.facts = {{"decision_date", dec},
               {"delivered_date", DateOrNull(delivered[r])},
               {"serve_limit_days", dl.period.days},
               {"serve_deadline", dl.date.ToString()},
               {"days_late", upto - due},
               {"hospital_org_id", TextOrNull(t.IdText("hospital_org_id", r))},
               {"released_date", DateOrNull(released[r])},
               {"citation", std::string(dl.citation)}};
    if (never && !lifted) f.facts["as_of"] = ctx.as_of_date.ToString();
    f.basis = {std::string(dl.rule)};
    out.Emit(std::move(f));
  }
  out.Scanned(kM25, t.rows());
}

// ---- the pass ----

class CustodyRun : public PassRun {
 public:
  explicit CustodyRun(const RunContext& ctx) : ctx_(ctx) {
    for (std::string_view m : {kM21, kM24, kM25}) {
      if (ctx.Selected(m)) models_.push_back(m);
    }
  }
  int parts() const override { return static_cast<int>(models_.size()); }
  Status RunPart(int part, PassOutput& out) override {
    if (part < 0 || part >= parts()) return Status::Ok();
    const std::string_view m = models_[static_cast<size_t>(part)];
    if (m == kM21) {
      M21Scan(ctx_, out).Run();
    } else if (m == kM24) {
      RunM24(ctx_, out);
    } else {
      RunM25(ctx_, out);
    }
    return Status::Ok();
  }

 private:
  const RunContext& ctx_;
  std::vector<std::string_view> models_;
};

class CustodyPassImpl : public Pass {
 public:
  CustodyPassImpl() : models_{&M21Spec(), &M24Spec(), &M25Spec()} {}
  std::string_view name() const override { return "custody"; }
  std::span<const ModelSpec* const> models() const override { return models_; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    return std::unique_ptr<PassRun>(std::make_unique<CustodyRun>(ctx));
  }

 private:
  std::array<const ModelSpec*, 3> models_;
};

}  // namespace

const Pass& CustodyPass() {
  static const CustodyPassImpl pass;
  return pass;
}

}  // namespace zj::models
