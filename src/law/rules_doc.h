#pragma once
// docs/law-rules.md, rendered from the rulebook tables (law/rulebook.h, law/supervision.h):
// which rules the engine or a supervision model decides (判断 / 部分判断 / 暂不判断, with the
// model and the gap text), every legal number with its rule ID, citation and effective range,
// the rule sets by date (JX-CONV-04), the crime lists behind the derived categories, the
// defaults of the UNCONFIRMED options (law::Options) and the custody-stage limits (§8).
//
// The committed file must equal RulesMarkdown(); rules_doc_test fails when they drift.
// Regenerate after editing rulebook.cc:
//   ZJ_REGENERATE_DOCS=1 ctest --test-dir build/release -R RulesDoc
// (`zhijian law rules > docs/law-rules.md` prints the same text once the CLI is wired.)
//
// Pure; thread-safe.

#include <string>
#include <string_view>

namespace zj::law {

std::string RulesMarkdown();

// What rule `rule_id` fixes, in Chinese, from the same number and quantity tables as §3 of
// RulesMarkdown(): "原判不满五年：1年；原判五年以上不满十年：1年6个月；…。", each entry with
// its effective range when the table gives one. "" when the rule fixes no number (or there is
// no such rule).
std::string RuleNumbersText(std::string_view rule_id);

}  // namespace zj::law
