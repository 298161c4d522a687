// The state-machine tables are consistent: every state a transition names exists, every
// open state can be left, closing transitions carry an outcome, and a transition is found
// only for the case types and states it lists.
#include "workflow/case_machine.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace zj::workflow {
namespace {

TEST(CaseMachine, EveryStateNamedExists) {
  for (const CaseTransition& t : CaseTransitions()) {
    for (std::string_view s : t.from) EXPECT_NE(FindCaseState(s), nullptr) << t.action << " " << s;
    EXPECT_NE(FindCaseState(t.to), nullptr) << t.action;
    EXPECT_FALSE(t.label.empty());
  }
}

TEST(CaseMachine, ClosingTransitionsCarryAnOutcomeAndOthersDoNot) {
  for (const CaseTransition& t : CaseTransitions()) {
    if (t.to == "closed") {
      EXPECT_NE(FindCaseOutcome(t.outcome), nullptr) << t.action;
    } else {
      EXPECT_TRUE(t.outcome.empty()) << t.action;
    }
  }
}

TEST(CaseMachine, EveryOpenStateReachableAndLeavable) {
  for (const CaseTypeInfo& type : CaseTypes()) {
    // States reachable from accepted for this type.
    std::set<std::string_view> seen = {"accepted"};
    std::vector<std::string_view> todo = {"accepted"};
    while (!todo.empty()) {
      std::string_view s = todo.back();
      todo.pop_back();
      for (const CaseTransition* t : ActionsFrom(type.type, s)) {
        if (seen.insert(t->to).second) todo.push_back(t->to);
      }
    }
    EXPECT_TRUE(seen.count("closed")) << type.code;
    for (std::string_view s : seen) {
      const CaseState* st = FindCaseState(s);
      ASSERT_NE(st, nullptr);
      EXPECT_EQ(st->terminal, ActionsFrom(type.type, s).empty()) << type.code << " " << s;
    }
  }
}

TEST(CaseMachine, TransitionsAreTypeAndStateSpecific) {
  // Oral correction is for 纠正违法 only, and only before a document.
  EXPECT_NE(FindCaseTransition(CaseType::kCorrection, "accepted", "oral_correct"), nullptr);
  EXPECT_EQ(FindCaseTransition(CaseType::kSuggestion, "accepted", "oral_correct"), nullptr);
  EXPECT_EQ(FindCaseTransition(CaseType::kCorrection, "issued", "oral_correct"), nullptr);
  // A reply adopted on a ruling correction closes it; on a notice it starts rectification.
  EXPECT_EQ(FindCaseTransition(CaseType::kRulingCorrection, "issued", "reply_adopted")->to,
            "closed");
  EXPECT_EQ(FindCaseTransition(CaseType::kCorrection, "issued", "reply_adopted")->to,
            "rectifying");
  // A review case awaits a ruling, never a reply.
  EXPECT_EQ(FindCaseTransition(CaseType::kProposalReview, "issued", "reply_adopted"), nullptr);
  EXPECT_EQ(FindCaseTransition(CaseType::kProposalReview, "issued", "ruling_received")->to,
            "ruled");
  // Issuing needs approval.
  EXPECT_EQ(FindCaseTransition(CaseType::kCorrection, "pending_approval", "approve_issue")->duty,
            Duty::kApprove);
  EXPECT_EQ(FindCaseTransition(CaseType::kCorrection, "drafting", "approve_issue"), nullptr);
  EXPECT_EQ(FindCaseTransition(CaseType::kCorrection, "closed", "draft"), nullptr);
}

TEST(CaseMachine, TypesAndCodes) {
  EXPECT_EQ(FindCaseType("correction")->doc_code, "纠违");
  EXPECT_EQ(FindCaseType("proposal_review")->doc_kind, "proposal_opinion");
  EXPECT_EQ(FindCaseType("nope"), nullptr);
  EXPECT_EQ(&Info(CaseType::kRulingCorrection), FindCaseType("ruling_correction"));
}

TEST(Triage, TransitionsAndReasons) {
  EXPECT_EQ(TriageStateLabel(""), "待分派");
  EXPECT_EQ(FindTriageTransition("assign")->duty, Duty::kAssign);
  EXPECT_EQ(FindTriageTransition("dismiss")->to, "dismissed");
  EXPECT_EQ(FindTriageTransition("bogus"), nullptr);
  for (const TriageTransition& t : TriageTransitions()) {
    EXPECT_NE(TriageStateLabel(t.to), t.to) << t.to;  // every state has a Chinese label
  }
  EXPECT_TRUE(FindDismissReason("other")->needs_note);
  EXPECT_FALSE(FindDismissReason("duplicate")->needs_note);
  EXPECT_EQ(FindDismissReason("x"), nullptr);
}

}  // namespace
}  // namespace zj::workflow

// docs/casework.md describes every transition, state, outcome, dismissal reason and deadline
// the tables declare, by its Chinese label.
#include <fstream>
#include <sstream>

#include "workflow/deadlines.h"

namespace zj::workflow {
namespace {

TEST(CaseworkDoc, NamesEveryLabelOfTheTables) {
  const char* root = std::getenv("ZJ_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ZJ_SOURCE_DIR_DEFAULT) + "/docs/casework.md");
  ASSERT_TRUE(in) << "docs/casework.md";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  auto has = [&](std::string_view label) {
    EXPECT_NE(doc.find(label), std::string::npos) << "docs/casework.md 未提到：" << label;
  };
  for (const CaseTransition& t : CaseTransitions()) has(t.label);
  for (const CaseState& s : CaseStates()) has(s.label);
  for (const CaseOutcome& o : CaseOutcomes()) has(o.label);
  for (const CaseTypeInfo& t : CaseTypes()) {
    has(t.doc_label);
    has(t.doc_code);
  }
  for (const TriageTransition& t : TriageTransitions()) has(t.label);
  for (const DeadlineSpec& d : DeadlineSpecs()) has(d.label);
}

}  // namespace
}  // namespace zj::workflow
