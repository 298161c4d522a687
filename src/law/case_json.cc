#include "law/case_json.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/money.h"
#include "domain/codes.h"
#include "law/explain.h"

namespace zj::law {
namespace {

using Json = nlohmann::json;

// Reads one JSON object, remembering where it is for error messages. The first error
// wins; later reads become no-ops.
class Reader {
 public:
  Reader(std::string where, Status* status) : where_(std::move(where)), status_(status) {}

  bool ok() const { return status_->ok(); }
  void Fail(std::string_view key, std::string_view reason) {
    if (!ok()) return;
    *status_ = InvalidArgument(where_ + (key.empty() ? "" : "“" + std::string(key) + "”") + "：" +
                               std::string(reason));
  }
  // Unknown keys are errors.
  void Allow(const Json& obj, std::initializer_list<std::string_view> keys) {
    if (!obj.is_object()) {
      Fail("", "应为 JSON 对象");
      return;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) {
        Fail(it.key(), "不认识的字段（可用字段：" + Join(keys) + "）");
      }
    }
  }
  const Json* Get(const Json& obj, std::string_view key) {
    auto it = obj.find(std::string(key));
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
  }
  std::optional<Date> DateAt(const Json& obj, std::string_view key, bool required = false) {
    const Json* v = Get(obj, key);
    if (!v) {
      if (required) Fail(key, "缺少日期");
      return std::nullopt;
    }
    if (!v->is_string()) {
      Fail(key, "日期应写作 \"YYYY-MM-DD\"");
      return std::nullopt;
    }
    std::optional<Date> d = Date::Parse(v->get<std::string>());
    if (!d) Fail(key, "不是有效日期：" + v->get<std::string>());
    return d;
  }
  std::optional<int> IntAt(const Json& obj, std::string_view key, int lo, int hi,
                           bool required = false) {
    const Json* v = Get(obj, key);
    if (!v) {
      if (required) Fail(key, "缺少数值");
      return std::nullopt;
    }
    if (!v->is_number_integer()) {
      Fail(key, "应为整数");
      return std::nullopt;
    }
    const int64_t n = v->get<int64_t>();
    if (n < lo || n > hi) {
      Fail(key, "超出范围 " + std::to_string(lo) + "–" + std::to_string(hi) + "：" + std::to_string(n));
      return std::nullopt;
    }
    return static_cast<int>(n);
  }
  std::optional<int64_t> FenAt(const Json& obj, std::string_view key) {
    const Json* v = Get(obj, key);
    if (!v) return std::nullopt;
    std::string text = v->is_string() ? v->get<std::string>() : v->is_number() ? v->dump() : "";
    std::optional<Money> m = Money::ParseYuan(text);
    if (!m) {
      Fail(key, "金额应为元，如 \"3000.00\"");
      return std::nullopt;
    }
    return m->fen;
  }
  std::string TextAt(const Json& obj, std::string_view key) {
    const Json* v = Get(obj, key);
    if (!v) return "";
    if (!v->is_string()) {
      Fail(key, "应为字符串");
      return "";
    }
    return v->get<std::string>();
  }
  std::optional<bool> BoolAt(const Json& obj, std::string_view key) {
    const Json* v = Get(obj, key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      Fail(key, "应为 true 或 false");
      return std::nullopt;
    }
    return v->get<bool>();
  }
  // A code of an EXCHANGE code list, mapped to its index.
  std::optional<int> CodeAt(const Json& obj, std::string_view key, const domain::CodeList& list,
                            bool required = false) {
    const std::string text = TextAt(obj, key);
    if (text.empty()) {
      if (required) Fail(key, "缺少代码（" + list.Describe() + "）");
      return std::nullopt;
    }
    const int i = list.IndexOf(text);
    if (i < 0) Fail(key, "不认识的代码 " + text + "（可用：" + list.Describe() + "）");
    return i < 0 ? std::nullopt : std::optional<int>(i);
  }
  const Json* ArrayAt(const Json& obj, std::string_view key) {
    const Json* v = Get(obj, key);
    if (v && !v->is_array()) {
      Fail(key, "应为数组");
      return nullptr;
    }
    return v;
  }
  Reader Child(std::string_view suffix) const { return Reader(where_ + std::string(suffix), status_); }

 private:
  static std::string Join(std::initializer_list<std::string_view> keys) {
    std::string out;
    for (std::string_view k : keys) out += (out.empty() ? "" : "、") + std::string(k);
    return out;
  }
  std::string where_;
  Status* status_;
};

// The code lists are declared in EXCHANGE order; the law enums follow the same order.
template <typename E>
E As(int index) {
  return static_cast<E>(index);
}

void ReadSentence(Reader r, const Json& j, Sentence& s) {
  r.Allow(j, {"id", "penalty", "term_months", "probation_months", "judgment_date", "effective_date",
              "term_start", "term_end", "custody_credit_days", "categories", "crimes",
              "life_without_parole", "pretrial", "property_due"});
  if (!r.ok()) return;
  s.id = r.TextAt(j, "id");
  if (s.id.empty()) s.id = "S1";
  if (auto p = r.CodeAt(j, "penalty", domain::kPenalty, true)) s.penalty = As<Penalty>(*p);
  if (auto t = r.IntAt(j, "term_months", 1, 300)) s.term_months = *t;
  const bool termed = s.penalty == Penalty::kSurveillance ||
                      s.penalty == Penalty::kCriminalDetention || s.penalty == Penalty::kFixedTerm;
  if (termed && !s.term_months) r.Fail("term_months", "管制、拘役、有期徒刑须写明刑期（月）");
  s.probation_months = r.IntAt(j, "probation_months", 1, 60);
  std::optional<Date> eff = r.DateAt(j, "effective_date", true);
  if (eff) s.effective_date = *eff;
  s.judgment_date = r.DateAt(j, "judgment_date").value_or(s.effective_date);
  s.term_start = r.DateAt(j, "term_start");
  s.term_end = r.DateAt(j, "term_end");
  s.custody_credit_days = r.IntAt(j, "custody_credit_days", 0, 36500).value_or(0);
  if (const Json* cats = r.ArrayAt(j, "categories")) {
    for (const Json& c : *cats) {
      const int i = c.is_string() ? domain::kCategory.IndexOf(c.get<std::string>()) : -1;
      if (i < 0) {
        r.Fail("categories", "不认识的罪犯类别 " + c.dump() + "（可用：" + domain::kCategory.Describe() + "）");
        return;
      }
      s.categories.Set(As<Category>(i));
    }
  }
  if (const Json* crimes = r.ArrayAt(j, "crimes")) {
    for (const Json& c : *crimes) {
      if (!c.is_string()) {
        r.Fail("crimes", "罪名应为字符串");
        return;
      }
      s.crimes.push_back(c.get<std::string>());
    }
  }
  s.life_without_parole = r.BoolAt(j, "life_without_parole").value_or(false);
  s.property_due_fen = r.FenAt(j, "property_due").value_or(0);
  if (const Json* pt = r.Get(j, "pretrial")) {
    Reader pr = r.Child(" pretrial");
    pr.Allow(*pt, {"custody_days", "liuzhi_days", "rsdl_days"});
    Pretrial p;
    p.custody_days = pr.IntAt(*pt, "custody_days", 0, 36500).value_or(0);
    p.detention_days_liuzhi = pr.IntAt(*pt, "liuzhi_days", 0, 36500).value_or(0);
    p.rsdl_days = pr.IntAt(*pt, "rsdl_days", 0, 36500).value_or(0);
    s.pretrial = p;
  }
}

void ReadChange(Reader r, const Json& j, Change& c, int index) {
  r.Allow(j, {"id", "type", "basis", "proposal_date", "decision_date", "effective_date",
              "reduction_months", "reduction_days", "new_term_end", "new_penalty",
              "new_term_months", "probation_end", "opinion", "opinion_date", "reason_text"});
  if (!r.ok()) return;
  c.id = r.TextAt(j, "id");
  if (c.id.empty()) c.id = "C" + std::to_string(index + 1);
  if (auto t = r.CodeAt(j, "type", domain::kChangeType, true)) c.type = As<ChangeType>(*t);
  if (auto b = r.CodeAt(j, "basis", domain::kCommutationBasis)) c.basis = As<Basis>(*b + 1);
  c.proposal_date = r.DateAt(j, "proposal_date");
  c.decision_date = r.DateAt(j, "decision_date");
  c.effective_date = r.DateAt(j, "effective_date");
  c.reduction_months = r.IntAt(j, "reduction_months", 0, 300);
  c.reduction_days = r.IntAt(j, "reduction_days", 0, 9000);
  c.new_term_end = r.DateAt(j, "new_term_end");
  if (auto p = r.CodeAt(j, "new_penalty", domain::kPenalty)) c.new_penalty = As<Penalty>(*p);
  c.new_term_months = r.IntAt(j, "new_term_months", 1, 300);
  c.probation_end = r.DateAt(j, "probation_end");
  if (auto o = r.CodeAt(j, "opinion", domain::kProcuratorateOpinion)) {
    static constexpr Opinion kByIndex[] = {Opinion::kAgree, Opinion::kDisagree, Opinion::kNone};
    c.opinion = kByIndex[*o];  // code-list order: agree, disagree, none
  }
  c.opinion_date = r.DateAt(j, "opinion_date");
  c.reason_text = r.TextAt(j, "reason_text");
  if (!c.proposal_date && !c.decision_date) r.Fail("proposal_date", "提请日期和裁定日期至少写明一个");
}

std::optional<Verdict> ParseVerdict(Reader& r, const Json& obj, std::string_view key) {
  const std::string text = r.TextAt(obj, key);
  if (text.empty()) return std::nullopt;
  if (text == "lawful") return Verdict::kLawful;
  if (text == "violation") return Verdict::kViolation;
  if (text == "needs_review") return Verdict::kNeedsReview;
  r.Fail(key, "应为 lawful、violation 或 needs_review");
  return std::nullopt;
}

std::string ScalarText(const Json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

SubjectExpectation ReadSubject(Reader r, const Json& j) {
  SubjectExpectation e;
  r.Allow(j, {"verdict", "rules", "info", "values"});
  if (!r.ok()) return e;
  e.verdict = ParseVerdict(r, j, "verdict");
  if (const Json* rules = r.ArrayAt(j, "rules")) {
    e.rules.emplace();
    for (const Json& id : *rules) {
      const std::string text = ScalarText(id);
      if (!FindRule(text)) r.Fail("rules", "不认识的规则编号 " + text);
      e.rules->push_back(text);
    }
  }
  if (const Json* info = r.ArrayAt(j, "info")) {
    for (const Json& id : *info) e.info.push_back(ScalarText(id));
  }
  if (const Json* values = r.Get(j, "values")) {
    if (!values->is_object()) {
      r.Fail("values", "应为对象");
      return e;
    }
    for (auto it = values->begin(); it != values->end(); ++it) e.values[it.key()] = ScalarText(*it);
  }
  return e;
}

Expectation ReadExpect(Reader r, const Json& j) {
  Expectation e;
  r.Allow(j, {"verdict", "sentence", "changes", "term_end", "release_due", "eligibility"});
  if (!r.ok()) return e;
  e.verdict = ParseVerdict(r, j, "verdict");
  if (const Json* s = r.Get(j, "sentence")) e.sentence = ReadSubject(r.Child(" expect.sentence"), *s);
  if (const Json* ch = r.Get(j, "changes")) {
    if (!ch->is_object()) {
      r.Fail("changes", "应为以变动编号为键的对象");
      return e;
    }
    for (auto it = ch->begin(); it != ch->end(); ++it) {
      e.changes[it.key()] = ReadSubject(r.Child(" expect.changes." + it.key()), *it);
    }
  }
  if (const Json* t = r.Get(j, "term_end")) e.term_end = ScalarText(*t);
  if (const Json* t = r.Get(j, "release_due")) e.release_due = ScalarText(*t);
  if (const Json* el = r.Get(j, "eligibility")) {
    Reader er = r.Child(" expect.eligibility");
    er.Allow(*el, {"commutation", "commutation_from", "commutation_cap", "commutation_rule", "parole",
                   "parole_from", "parole_rule", "pending_proposal"});
    if (el->is_object()) {
      for (auto it = el->begin(); it != el->end(); ++it) e.eligibility[it.key()] = ScalarText(*it);
    }
  }
  return e;
}

CaseSpec ReadCase(Reader r, const Json& j, int index) {
  CaseSpec spec;
  r.Allow(j, {"name", "as_of", "person", "sentence", "delivery_date", "delivery_facility", "custody",
              "changes", "property", "accounts", "reviews", "new_crimes", "options", "expect",
              "note"});
  if (!r.ok()) return spec;
  spec.name = r.TextAt(j, "name");
  Case& c = spec.facts;
  c.as_of = r.DateAt(j, "as_of", true).value_or(Date());
  if (const Json* p = r.Get(j, "person")) {
    Reader pr = r.Child(" person");
    pr.Allow(*p, {"id", "gender", "birth_date"});
    c.person.id = pr.TextAt(*p, "id");
    const std::string g = pr.TextAt(*p, "gender");
    c.person.gender = g == "M" ? Gender::kMale : g == "F" ? Gender::kFemale : Gender::kUnknown;
    if (!g.empty() && g != "M" && g != "F") pr.Fail("gender", "应为 M 或 F");
    c.person.birth_date = pr.DateAt(*p, "birth_date");
  }
  if (c.person.id.empty()) c.person.id = "P1";
  if (const Json* s = r.Get(j, "sentence")) {
    ReadSentence(r.Child(" sentence"), *s, c.sentence);
  } else {
    r.Fail("sentence", "缺少生效判决");
  }
  FacilityKind facility = FacilityKind::kPrison;
  const std::string df = r.TextAt(j, "delivery_facility");
  if (df == "detention_center") facility = FacilityKind::kDetentionCenter;
  else if (!df.empty() && df != "prison") r.Fail("delivery_facility", "应为 prison 或 detention_center");
  if (auto d = r.DateAt(j, "delivery_date")) c.custody.push_back({*d, CustodyEventKind::kAdmitted, facility});
  if (const Json* events = r.ArrayAt(j, "custody")) {
    int k = 0;
    for (const Json& e : *events) {
      Reader er = r.Child(" custody[" + std::to_string(k++) + "]");
      er.Allow(e, {"event", "date", "facility"});
      CustodyEvent ev;
      if (auto kind = er.CodeAt(e, "event", domain::kCustodyEvent, true)) ev.kind = As<CustodyEventKind>(*kind);
      ev.date = er.DateAt(e, "date", true).value_or(Date());
      const std::string f = er.TextAt(e, "facility");
      ev.facility = f == "detention_center" ? FacilityKind::kDetentionCenter : FacilityKind::kPrison;
      c.custody.push_back(ev);
    }
  }
  if (const Json* changes = r.ArrayAt(j, "changes")) {
    int k = 0;
    std::set<std::string> ids;
    for (const Json& ch : *changes) {
      Change change;
      ReadChange(r.Child(" changes[" + std::to_string(k) + "]"), ch, change, k);
      if (!ids.insert(change.id).second) r.Fail("changes", "变动编号重复：" + change.id);
      c.changes.push_back(std::move(change));
      ++k;
    }
  }
  if (const Json* p = r.Get(j, "property")) {
    Reader pr = r.Child(" property");
    pr.Allow(*p, {"due", "payments", "done", "able_to_pay"});
    Property prop;
    prop.due_fen = pr.FenAt(*p, "due").value_or(0);
    prop.done = pr.BoolAt(*p, "done").value_or(false);
    prop.able_to_pay = pr.BoolAt(*p, "able_to_pay");
    if (const Json* pays = pr.ArrayAt(*p, "payments")) {
      for (const Json& pay : *pays) {
        Reader payr = pr.Child(" payments");
        payr.Allow(pay, {"date", "amount"});
        prop.payments.push_back({payr.DateAt(pay, "date", true).value_or(Date()),
                                 payr.FenAt(pay, "amount").value_or(0)});
      }
    }
    c.property = prop;
  }
  if (const Json* accounts = r.ArrayAt(j, "accounts")) {
    for (const Json& a : *accounts) {
      Reader ar = r.Child(" accounts");
      ar.Allow(a, {"month", "deposits", "spending", "balance"});
      AccountMonth m;
      const std::string month = ar.TextAt(a, "month");
      std::optional<int32_t> idx = ParseMonth(month);
      if (!idx) ar.Fail("month", "月份应写作 \"YYYY-MM\"");
      m.month = idx.value_or(0);
      m.deposits_fen = ar.FenAt(a, "deposits").value_or(0);
      m.spending_fen = ar.FenAt(a, "spending").value_or(0);
      m.balance_fen = ar.FenAt(a, "balance").value_or(0);
      c.accounts.push_back(m);
    }
  }
  if (const Json* reviews = r.ArrayAt(j, "reviews")) {
    for (const Json& rv : *reviews) {
      Reader rr = r.Child(" reviews");
      rr.Allow(rv, {"date", "conclusion"});
      MedicalReview m;
      m.date = rr.DateAt(rv, "date", true).value_or(Date());
      if (auto k = rr.CodeAt(rv, "conclusion", domain::kMedicalConclusion)) m.conclusion = As<MedicalConclusion>(*k);
      c.reviews.push_back(m);
    }
  }
  if (const Json* crimes = r.ArrayAt(j, "new_crimes")) {
    for (const Json& nc : *crimes) {
      Reader nr = r.Child(" new_crimes");
      nr.Allow(nc, {"effective_date", "penalty"});
      NewCrime n;
      n.effective_date = nr.DateAt(nc, "effective_date", true).value_or(Date());
      if (auto p = nr.CodeAt(nc, "penalty", domain::kPenalty)) n.penalty = As<Penalty>(*p);
      c.new_crimes.push_back(n);
    }
  }
  if (const Json* o = r.Get(j, "options")) {
    Reader orr = r.Child(" options");
    orr.Allow(*o, {"restricted_floor_counts_reprieve", "life_start_from_effective", "ability_spending",
                   "ability_window_months", "recommit_days"});
    Options& op = spec.options;
    op.restricted_floor_counts_reprieve =
        orr.BoolAt(*o, "restricted_floor_counts_reprieve").value_or(op.restricted_floor_counts_reprieve);
    op.life_start_from_effective =
        orr.BoolAt(*o, "life_start_from_effective").value_or(op.life_start_from_effective);
    op.ability_spending_fen = orr.FenAt(*o, "ability_spending").value_or(op.ability_spending_fen);
    op.ability_window_months = orr.IntAt(*o, "ability_window_months", 1, 60).value_or(op.ability_window_months);
    op.recommit_days = orr.IntAt(*o, "recommit_days", 1, 365).value_or(op.recommit_days);
  }
  if (const Json* e = r.Get(j, "expect")) spec.expect = ReadExpect(r.Child(" expect"), *e);
  (void)index;
  return spec;
}

}  // namespace

Result<CaseFile> ParseCaseFile(std::string_view json_text, std::string_view source) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    const size_t at = std::min<size_t>(e.byte ? e.byte - 1 : 0, json_text.size());
    const size_t line = 1 + std::count(json_text.begin(), json_text.begin() + at, '\n');
    const size_t line_start = json_text.rfind('\n', at ? at - 1 : 0);
    const size_t column = at - (line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1) + 1;
    return InvalidArgument(std::string(source) + " 第 " + std::to_string(line) + " 行第 " +
                           std::to_string(column) + " 列：不是有效的 JSON（请检查括号、逗号和引号）");
  }
  CaseFile file;
  Status status;
  if (!root.is_object()) return InvalidArgument(std::string(source) + "：顶层应为 JSON 对象");
  std::vector<const Json*> cases;
  if (root.contains("cases")) {
    Reader top(std::string(source), &status);
    top.Allow(root, {"rule", "cases", "note"});
    file.rule = top.TextAt(root, "rule");
    if (!file.rule.empty() && !FindRule(file.rule)) top.Fail("rule", "不认识的规则编号 " + file.rule);
    const Json* arr = top.ArrayAt(root, "cases");
    if (arr) {
      for (const Json& c : *arr) cases.push_back(&c);
    }
  } else {
    cases.push_back(&root);
  }
  for (size_t i = 0; i < cases.size() && status.ok(); ++i) {
    const Json& c = *cases[i];
    std::string where = std::string(source) + " 第" + std::to_string(i + 1) + "个案例";
    if (c.is_object() && c.contains("name") && c["name"].is_string()) {
      where += "「" + c["name"].get<std::string>() + "」";
    }
    file.cases.push_back(ReadCase(Reader(where, &status), c, static_cast<int>(i)));
  }
  if (!status.ok()) return status;
  if (file.cases.empty()) return InvalidArgument(std::string(source) + "：没有案例");
  return file;
}

namespace {

void CompareSubject(std::string_view label, const SubjectExpectation& e, Verdict verdict,
                    const std::vector<Finding>& findings, std::vector<std::string>& out) {
  if (e.verdict && *e.verdict != verdict) {
    out.push_back(std::string(label) + "：结论应为 " + std::string(VerdictCode(*e.verdict)) + "，实际为 " +
                  std::string(VerdictCode(verdict)));
  }
  std::set<std::string> got, got_info;
  for (const Finding& f : findings) {
    (f.severity == Severity::kInfo ? got_info : got).insert(std::string(f.rule));
  }
  if (e.rules) {
    std::set<std::string> want(e.rules->begin(), e.rules->end());
    if (want != got) {
      auto join = [](const std::set<std::string>& s) {
        std::string o;
        for (const std::string& x : s) o += (o.empty() ? "" : ",") + x;
        return o.empty() ? std::string("（无）") : o;
      };
      out.push_back(std::string(label) + "：规则应为 " + join(want) + "，实际为 " + join(got));
    }
  }
  for (const std::string& id : e.info) {
    if (!got_info.count(id)) out.push_back(std::string(label) + "：缺少提示 " + id);
  }
  for (const auto& [name, want] : e.values) {
    std::optional<std::string> found;
    for (const Finding& f : findings) {
      if (const Value* v = f.Find(name)) {
        const nlohmann::ordered_json j = ValueToJson(*v);
        found = j.is_string() ? j.get<std::string>() : j.dump();
        if (*found == want) break;
      }
    }
    if (!found) {
      out.push_back(std::string(label) + "：没有计算值 " + name + "（应为 " + want + "）");
    } else if (*found != want) {
      out.push_back(std::string(label) + "：" + name + " 应为 " + want + "，实际为 " + *found);
    }
  }
}

}  // namespace

std::vector<std::string> CheckExpectation(const CaseSpec& spec, const Judgment& j) {
  std::vector<std::string> out;
  if (!spec.expect) return out;
  const Expectation& e = *spec.expect;
  if (e.verdict && *e.verdict != j.verdict) {
    out.push_back("总体结论应为 " + std::string(VerdictCode(*e.verdict)) + "，实际为 " +
                  std::string(VerdictCode(j.verdict)));
  }
  if (e.sentence) CompareSubject("判决与执行", *e.sentence, j.sentence_verdict, j.sentence_findings, out);
  for (const auto& [id, se] : e.changes) {
    const ChangeJudgment* cj = nullptr;
    for (const ChangeJudgment& x : j.changes) {
      if (spec.facts.changes[x.change].id == id) cj = &x;
    }
    if (!cj) {
      out.push_back("没有编号为 " + id + " 的变动");
      continue;
    }
    CompareSubject("变动 " + id, se, cj->verdict, cj->findings, out);
  }
  auto date_eq = [&](std::string_view what, const std::optional<std::string>& want,
                     const std::optional<Date>& got) {
    if (!want) return;
    const std::string g = got ? got->ToString() : "null";
    if (*want != g) out.push_back(std::string(what) + " 应为 " + *want + "，实际为 " + g);
  };
  date_eq("刑期止日", e.term_end, j.current_term_end);
  date_eq("应释放日", e.release_due, j.release_due);
  const Eligibility& el = j.eligibility;
  for (const auto& [key, want] : e.eligibility) {
    std::string got;
    if (key == "commutation") got = EligibilityStatusCode(el.commutation);
    else if (key == "parole") got = EligibilityStatusCode(el.parole);
    else if (key == "commutation_from") got = el.commutation_from ? el.commutation_from->ToString() : "null";
    else if (key == "parole_from") got = el.parole_from ? el.parole_from->ToString() : "null";
    else if (key == "commutation_cap") got = el.commutation_cap ? el.commutation_cap->Normalized().ToChinese() : "null";
    else if (key == "commutation_rule") got = std::string(el.commutation_rule);
    else if (key == "parole_rule") got = std::string(el.parole_rule);
    else if (key == "pending_proposal") got = el.pending_proposal ? "true" : "false";
    if (got != want) out.push_back("资格 " + key + " 应为 " + want + "，实际为 " + got);
  }
  return out;
}

}  // namespace zj::law
