#include "law/rules_doc.h"

#include <string_view>

#include "common/money.h"
#include "common/period.h"
#include "domain/codes.h"
#include "law/rulebook.h"
#include "law/supervision.h"

namespace zj::law {
namespace {

// A table cell: a literal '|' would end the cell, a newline the row.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view CoverageLabel(Coverage c) {
  switch (c) {
    case Coverage::kDecided:
      return "判断";
    case Coverage::kPartial:
      return "部分判断";
    case Coverage::kNotYet:
      return "暂不判断";
  }
  return "";
}

std::string Row(std::initializer_list<std::string_view> cells) {
  std::string s = "|";
  for (std::string_view c : cells) s += " " + Cell(c) + " |";
  return s + "\n";
}

std::string YesNo(bool b) { return b ? "是" : "否"; }

// "17.5", "48", "50%": no trailing zeros.
std::string QuantityText(const LawQuantity& q) {
  const double v = q.unit == "%" ? q.value * 100 : q.value;
  std::string t = std::to_string(v);
  t.erase(t.find_last_not_of('0') + 1);
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t + std::string(q.unit);
}

std::string PeriodText(const LawNumber& n) {
  if (n.working_days) return std::to_string(n.value.days) + "个工作日";
  return n.value.ToChinese();
}

// "2021-10-01起", "至2020-06-30", "" (no range given).
std::string RangeText(const std::optional<Date>& from, const std::optional<Date>& until) {
  if (from && until) return from->ToString() + "至" + until->ToString();
  if (from) return from->ToString() + "起";
  if (until) return "至" + until->ToString();
  return "";
}

}  // namespace

std::string RuleNumbersText(std::string_view rule_id) {
  std::string out;
  auto add = [&](std::string_view note, const std::string& value, const std::string& range) {
    if (!out.empty()) out += "；";
    out += std::string(note) + "：" + value;
    if (!range.empty()) out += "（" + range + "）";
  };
  for (const LawNumber& n : AllNumbers()) {
    if (n.rule == rule_id) add(n.note, PeriodText(n), RangeText(n.from, n.until));
  }
  for (const LawQuantity& q : AllQuantities()) {
    if (q.rule == rule_id) add(q.note, QuantityText(q), RangeText(q.from, q.until));
  }
  return out.empty() ? out : out + "。";
}

std::string RulesMarkdown() {
  std::string s =
      "# 法律规则覆盖表与法定数值\n\n"
      "> 本文件由程序根据规则表（`src/law/rulebook.cc`）自动生成，请勿手工修改；"
      "测试会检查二者一致（修改规则表后重新生成："
      "`zhijian law rules > docs/law-rules.md`）。"
      "法律计算引擎怎样计算、审查什么，见 [law.md](law.md)。\n\n";

  // ---- 1. coverage ----
  int decided = 0, partial = 0, not_yet = 0;
  for (const Rule& r : AllRules()) {
    (r.coverage == Coverage::kDecided   ? decided
     : r.coverage == Coverage::kPartial ? partial
                                        : not_yet)++;
  }
  s += "## 1. 规则覆盖\n\n"
       "下表按 RULEBOOK 的顺序列出第0–12节和第14节（历史规定）的每一条规则，共 " +
       std::to_string(AllRules().size()) + " 条：判断 " + std::to_string(decided) +
       " 条，部分判断 " + std::to_string(partial) + " 条，暂不判断 " + std::to_string(not_yet) +
       " 条。\n\n"
       "第0–6节由法律计算引擎判断；第7–12节由“模型”一栏所列的监督模型判断"
       "（模型向本引擎询问行为时有效的法定数值，不自写数字）。\n\n"
       "- **判断**：事实齐全时引擎或模型作出结论（合法、违法或需人工审查），结论引用该规则编号；\n"
       "- **部分判断**：能判断的部分已判断，不能判断的部分及原因见“说明”；\n"
       "- **暂不判断**：不作结论，原因见“说明”，由检察官阅卷审查或由办案流程跟踪。\n\n"
       "| 编号 | 名称 | 依据 | 是否判断 | 模型 | 说明 |\n|---|---|---|---|---|---|\n";
  for (const Rule& r : AllRules()) {
    s += Row({r.id, r.title, r.citation, CoverageLabel(r.coverage), r.model, r.gap});
  }

  // ---- 2. regimes ----
  s += "\n## 2. 按行为时间适用的规定（JX-CONV-04）\n\n"
       "每一次减刑、假释按行为时有效的规定审查。选择法释〔1997〕6号、法释〔2012〕2号、"
       "法释〔2016〕23号和法释〔2019〕6号时，已裁定的看裁定日期，尚未裁定的看提请日期；"
       "法释〔2024〕5号看提请日期。下列日期均取自程序中的规则表。\n\n"
       "| 规定 | 施行 | 停止适用 | 引擎如何使用 |\n|---|---|---|---|\n";
  s += Row({RegimeName(Regime::k1997), "1997年（确切日期未经核实）",
            (kRegime2012From - 1).ToString(),
            "细则未经核实：只审查刑法规定的下限和假释条件，起始时间、间隔、幅度列为需人工审查"});
  s += Row({RegimeName(Regime::k2012), kRegime2012From.ToString(), (kRegime2016From - 1).ToString(),
            "有期徒刑减刑的起始时间、间隔、幅度和减刑后假释的间隔为“一般”规定，"
            "不符合时列为需人工审查；无期徒刑减为有期的起始时间和刑期不符合时为违法"});
  s += Row(
      {RegimeName(Regime::k2016), kRegime2016From.ToString(), "现行有效", "减刑、假释的主要规定"});
  s += Row({"法释〔2019〕6号（贪污贿赂罪犯）", kDuty2019From.ToString(), "现行有效",
            "行为时在此日以后、判决在刑法修正案（九）施行以后的职务犯罪贪污贿赂罪犯，"
            "适用更严的起始时间、间隔和幅度"});
  s += Row({"法释〔2024〕5号（财产性判项）", kProperty2024From.ToString(), "现行有效",
            "此日以后提请的减刑，罪犯有履行能力而不履行财产性判项的，列为需人工审查"
            "（一般不予减刑）"});
  s += Row({"刑法修正案（八）", kAmendment8From.ToString(), "—",
            "判决在此日以后生效的无期徒刑，实际执行下限和假释条件为十三年，此前为十年"});
  s += Row({"刑法修正案（九）", kAmendment9From.ToString(), "—",
            "法释〔2019〕6号适用范围的起点（按判决日期）"});

  // ---- 3. numbers ----
  s += "\n## 3. 法定数值\n\n"
       "引擎使用的每一个法定数值都在下表中，程序的其他地方不写法定数字。"
       "“未经核实”为“是”的数值，RULEBOOK 标注为未在两个独立来源中核实。\n\n"
       "“施行期间”为空的，RULEBOOK 未给出施行日期，按现行规定适用。"
       "期限按对应日规则计算（JX-CONV-02：起算之日不计入，按月计算的期限到对应日届满）。\n\n"
       "| 编号 | 数值 | 条文 | 说明 | 施行期间 | 未经核实 |\n|---|---|---|---|---|---|\n";
  for (const LawNumber& n : AllNumbers()) {
    s += Row({n.rule, PeriodText(n), n.citation, n.note, RangeText(n.from, n.until),
              n.unconfirmed ? "是" : ""});
  }
  for (const LawQuantity& q : AllQuantities()) {
    s += Row({q.rule, QuantityText(q), q.citation, q.note, RangeText(q.from, q.until),
              q.unconfirmed ? "是" : ""});
  }

  // ---- 4. crime lists ----
  auto join = [](auto list) {
    std::string out;
    for (std::string_view x : list) out += (out.empty() ? "" : "、") + std::string(x);
    return out;
  };
  s += "\n## 4. 派生类别所依据的罪名\n\n"
       "判决的罪名与下列罪名完全相同时，引擎自行认定相应类别（罪名须按判决书的写法填写）。\n\n"
       "- **贪污贿赂犯罪**（刑法分则第八章；同时标注职务犯罪的，适用法释〔2019〕6号）：" +
       join(EmbezzlementBriberyCrimes()) +
       "\n- **刑法第81条第2款所列暴力犯罪**（被判处十年以上有期徒刑、无期徒刑的不得假释，"
       "并适用法释〔2016〕23号第7条第2款）：" +
       join(ViolentCrimes()) + "\n";

  // ---- 5. options ----
  const Options o;
  s += "\n## 5. 可配置的未定事项（law::Options）\n\n"
       "RULEBOOK 列为未经核实（UNCONFIRMED）或需要由使用单位确定的事项，不写死在程序中。"
       "下表为默认值；在案例文件中可用 `options` 改变（见 law.md）。\n\n"
       "| 参数 | 默认值 | 含义 | 规则 |\n|---|---|---|---|\n";
  s += Row({"`restricted_floor_counts_reprieve`", YesNo(o.restricted_floor_counts_reprieve),
            "限制减刑的死缓，二年缓期执行期间是否计入二十五年、二十年的实际执行下限；"
            "默认不计入，自死缓期满之日起算",
            "JX-FLOOR-03"});
  s += Row({"`life_start_from_effective`", YesNo(o.life_start_from_effective),
            "无期徒刑减刑起始时间是否自判决确定之日起算；默认自交付执行之日起算"
            "（法释〔2016〕23号 第40条）",
            "JX-START-04"});
  s += Row({"`ability_spending`", Money{o.ability_spending_fen}.ToYuanString() + "元",
            "提请前一段时间内狱内消费达到此数（或达到尚未履行的金额）的，推定确有履行能力",
            "JX-PROP-03"});
  s += Row({"`ability_window_months`", std::to_string(o.ability_window_months) + "个月",
            "推定履行能力时统计狱内消费的月数（提请之月以前）", "JX-PROP-03"});
  s += Row({"`recommit_days`", std::to_string(o.recommit_days) + "日",
            "病情复查结论为不再符合保外就医条件后，应当收监执行的期限", "JX-ZJ-10"});

  // ---- 6. custody stages ----
  s += "\n## 6. 看守所羁押阶段的期限（JX-CUST-01，模型 M21）\n\n"
       "按交换规范的羁押阶段（detention_stage）列出期限（`law::CustodyStageLimit`）。"
       "期限自该阶段的起算日（stage_start）按对应日计算，届满之日仍在期限内；"
       "届满后仍羁押且无延长文书的为超期羁押；有延长文书的，以“可延长”后的期限为限，"
       "超过的列为需人工审查。\n\n"
       "| 阶段 | 期限 | 可延长 | 依据 | 说明 |\n|---|---|---|---|---|\n";
  const Date any = Date::FromDays(0);
  for (std::string_view code : CustodyStages()) {
    Result<StageLimit> l = CustodyStageLimit(code, any);
    if (!l.ok()) continue;
    const std::string label = std::string(domain::kDetentionStage.LabelOf(code).value_or(code)) +
                              "（`" + std::string(code) + "`）";
    const std::string limit = !l->deadline ? "—"
                              : l->from != any
                                  ? std::to_string(l->from - any) + "日 + " + l->period.ToChinese()
                                  : l->period.ToChinese();
    const std::string ext = l->extended_deadline ? l->extension.ToChinese() : "—";
    s += Row({label, limit, ext, l->citation, l->note});
  }
  return s;
}

}  // namespace zj::law
