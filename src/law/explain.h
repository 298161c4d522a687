#pragma once
// Judgments rendered for people and programs: one Chinese sentence per finding (with the
// rule ID, title and citation, ready to paste into a 检察意见书), the execution timeline
// that `zhijian law explain` prints, and the JSON that `zhijian law check` prints and the
// golden corpus compares against.
//
// Pure; thread-safe.

#include <string>

#include <nlohmann/json.hpp>

#include "law/facts.h"
#include "law/judge.h"

namespace zj::law {

// "2020年3月5日", "1年6个月", "120日", "3000.00元" …
std::string FormatValueChinese(const Value& v);
// Machine form for JSON and golden files: dates "YYYY-MM-DD"; days, months and counts as
// integers; periods "1年6个月"; money "3000.00"; text as is.
nlohmann::ordered_json ValueToJson(const Value& v);

// "【JX-START-01 有期徒刑减刑起始时间】原判有期徒刑7年，2019年1月5日交付执行，…（法释〔2016〕23号 第6条第1款）"
std::string Explain(const Finding& f);

// The whole judgment as JSON: verdicts, computed dates, findings with values and text.
nlohmann::ordered_json ToJson(const Case& c, const Judgment& j);

// The execution timeline for `law explain`: judgment, delivery, each change with its
// verdict and reasons, release, eligibility. Plain text, one event a line.
std::string Timeline(const Case& c, const Judgment& j);

// Chinese names for codes ("fixed_term" → "有期徒刑").
std::string_view PenaltyLabel(Penalty p);
std::string_view ChangeTypeLabel(ChangeType t);
std::string_view BasisLabel(Basis b);

}  // namespace zj::law
