#pragma once
// Casework: clue → case → document → reply → rectification → 回头看, as one service over the
// store. Every method is one write transaction that checks, in order:
//   1. the record exists inside the actor's jurisdiction (else kNotFound, never its data);
//   2. the action is allowed from the record's current state (case_machine.h tables; else
//      kFailedPrecondition with the allowed actions named in Chinese);
//   3. the actor holds the transition's duty (else kPermissionDenied);
//   4. the version the caller read is still current (else kConflict → 409);
//   5. the input is valid (else kInvalidArgument, located: `field` named in the message);
// then writes the change, its history row (clue_actions / case_events), the deadlines it
// starts or meets, and an audit row — all in that transaction, so a refused or failed call
// changes nothing.
//
// Reads that show a person's record (GetCase) are audited too (`read_case`).
//
// Dates: "today" is the Beijing date of the service's Clock. Receipt dates that the data
// does not carry (the day a proposal copy or a ruling reached the procuratorate) are the
// day the platform took them in (受理日期 / the day SyncRulings saw the decision).
//
// Not thread-safe: one Casework per Database (per API worker thread).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/date.h"
#include "common/status.h"
#include "law/judge.h"
#include "storage/case_store.h"
#include "storage/clue_store.h"
#include "storage/database.h"
#include "storage/scope.h"
#include "workflow/case_machine.h"
#include "workflow/deadlines.h"

namespace zj::workflow {

// Who is acting, as the api resolved it from the session.
struct Actor {
  std::optional<int64_t> user_id;  // nullopt = the system (intake, CLI)
  std::string username;            // for the audit trail ("system" / "cli" when no user)
  std::string org_id;              // the office the actor works in ("" for the system)
  storage::OrgScope scope = storage::OrgScope::All();
  uint8_t duties = 0;  // bit per Duty
  std::string request_id;
  std::string ip;

  bool May(Duty d) const { return duties & (1u << static_cast<int>(d)); }
  static uint8_t AllDuties() { return 0x1f; }
  static Actor System(std::string name);
};

struct WorkflowOptions {
  DeadlineSettings deadlines;
  // 院简称 for case and document numbers, by org_id. Default: the org's name without
  // 人民检察院 and without the last 省/市/区/县 suffix ("成都市锦江区人民检察院" → "锦江").
  std::vector<std::pair<std::string, std::string>> org_abbrev;
  // Checks a document's content in full before it is submitted and again when it is issued
  // (the api plugs in report::Validate); the workflow itself checks only its shape.
  std::function<Status(const nlohmann::json&)> validate_document;
};

// ---- triage ----

struct TriageRequest {
  std::string action;            // case_machine.h TriageTransitions
  int64_t expected_version = 0;  // the triage version read (0 = none yet)
  std::optional<int64_t> assignee_id;  // assign
  std::string reason_code;             // dismiss
  std::string note;                    // dismiss/verify/reopen: 说明
  std::optional<int64_t> merge_into;   // merge: the clue this one duplicates
};
// Applies a triage action (not `promote`: see Promote). Returns the new triage version.
Result<int64_t> ApplyTriage(storage::Database& db, const Clock& clock, const Actor& actor,
                            int64_t clue_no, const TriageRequest& req);

struct PromoteRequest {
  std::vector<std::pair<int64_t, int64_t>> clues;  // (clue_no, triage version read); ≥ 1
  std::string case_type;                           // correction | suggestion
  std::string title;                               // "" = the first clue's title
  std::optional<int64_t> handler_id;               // 承办人; default the actor
};
// Opens a supervision case from one or more clues of one executing agency (立案). The
// handling office is the actor's org; the subject org the clues' org.
Result<int64_t> Promote(storage::Database& db, const Clock& clock, const WorkflowOptions& opts,
                        const Actor& actor, const PromoteRequest& req);

// A clue with its data history and triage history; audited as `read_clue`.
struct ClueView {
  storage::ClueRef clue;
  std::vector<storage::ClueEvent> history;
  std::vector<storage::TriageAction> actions;
};
Result<ClueView> GetClue(storage::Database& db, const Clock& clock, const Actor& actor,
                         int64_t clue_no);

// A person's record: who they are and every sentence judged by the law engine as of `as_of`.
// Outside the actor's jurisdiction → kNotFound. The read is audited as `read_person`.
struct PersonView {
  storage::PersonBrief person;
  std::vector<law::Case> cases;           // one per sentence, effective-date order
  std::vector<law::Judgment> judgments;   // judgments[i] of cases[i]
};
Result<PersonView> GetPerson(storage::Database& db, const Clock& clock, const Actor& actor,
                             const std::string& person_id, Date as_of);

// ---- cases ----

struct CaseView {
  storage::CaseRow row;
  std::string person_name;  // "" when the case is about no person (or an unknown one)
  std::vector<int64_t> clue_nos;
  std::vector<storage::CaseEvent> events;
  std::vector<storage::DeadlineRow> deadlines;
  std::vector<storage::DocumentRow> documents;
  std::vector<storage::ReplyRow> replies;
  std::vector<storage::EvidenceRow> evidence;
  std::vector<storage::FollowUpRow> follow_ups;
  std::vector<const CaseTransition*> actions;  // allowed from the current state
};
// The case with everything attached; audited as `read_case`.
Result<CaseView> GetCase(storage::Database& db, const Clock& clock, const Actor& actor,
                         int64_t case_id);

struct CaseRequest {
  std::string action;  // case_machine.h CaseTransitions
  int64_t expected_version = 0;
  std::string note;    // recorded in the event; required for terminate/close/escalate
  // draft: the document content (JSON object; see DraftDocument for the fields). Optional:
  // without it a draft is written from the case's facts.
  std::optional<nlohmann::json> document;
  // reply_adopted / reply_rejected:
  std::optional<Date> received_on;
  std::string reply_content;
  // ruling_received: the ruling's date (defaults to the data's decision date), and what the
  // data says of it (deciding org, dates), kept on the case card.
  std::optional<Date> ruling_date;
  std::optional<nlohmann::json> ruling;
  // follow_up_passed / follow_up_failed: the model re-run behind them (set by FollowUp; a
  // case without source clues is checked by hand and needs a note instead).
  struct ModelCheck {
    int64_t run_no = 0;
    nlohmann::json detail;  // per clue: found again or not
  };
  std::optional<ModelCheck> follow_up;
};
// Applies a case action and everything it implies:
//   oral_correct        → oral_fix deadline (7 days, JX-PROS-04)
//   draft               → creates or updates the draft document
//   approve_issue       → numbers and freezes the document (issued today), meets the
//                         opinion/correction deadline, starts the reply / court deadline
//   reply_*             → records the reply, meets the reply deadline
//   ruling_received     → meets the opinion deadline (or records it unmet), starts the
//                         20-day correction window (JX-PROS-02; JX-ZJ-08 one month)
//   challenge_ruling    → closes the review and opens a ruling_correction case (returned in
//                         `opened_case_id`)
//   escalate            → closes and opens a follow-on case: an oral correction becomes a
//                         written one; a written one a suggestion (JX-PROS-04)
// Returns the case's new version.
struct CaseResult {
  int64_t version = 0;
  std::optional<int64_t> opened_case_id;
  std::optional<int64_t> doc_id;
};
Result<CaseResult> ApplyCaseAction(storage::Database& db, const Clock& clock,
                                   const WorkflowOptions& opts, const Actor& actor,
                                   int64_t case_id, const CaseRequest& req);

// 回头看: re-runs the models that found the case's clues, limited to the executing agency
// (engine::RunModels over `db_url`, so the clues are reconciled with the newest data), then
// records the follow-up and moves the case: every clue resolved by the data → closed as
// rectified; any still found → back to rectifying. State `follow_up` and duty kEdit are
// checked before the run; the version after it (a concurrent edit → kConflict).
struct FollowUpResult {
  CaseResult result;
  int64_t run_no = 0;
  bool rectified = false;
  std::vector<std::pair<int64_t, std::string>> clues;  // clue_no → status after the run
};
Result<FollowUpResult> FollowUp(const std::string& db_url, storage::Database& db,
                                const Clock& clock, const WorkflowOptions& opts,
                                const Actor& actor, int64_t case_id, int64_t expected_version,
                                const std::string& data_dir);

// Extends an open deadline once where the law allows (JX-PROS-01 +10 days); kApprove.
Result<int64_t> ExtendDeadline(storage::Database& db, const Clock& clock, const Actor& actor,
                               int64_t case_id, int64_t expected_version, int64_t deadline_id,
                               const std::string& reason);

// Stores a file (content-addressed under <files dir>/evidence/) and lists it on the case.
struct EvidenceInput {
  std::string kind;  // reply | rectification | investigation
  std::string title;
  std::string file_name;
  std::string content_type;
  std::string bytes;
};
Result<int64_t> AddEvidence(storage::Database& db, const Clock& clock, const Actor& actor,
                            int64_t case_id, int64_t expected_version, const EvidenceInput& in);
// The path of a stored evidence file, for download.
std::string EvidencePath(storage::Database& db, const std::string& sha256);

// ---- intake of pending proposals (受理) and of rulings (收到裁定) ----

struct IntakeReport {
  int64_t accepted = 0;       // new review cases
  int64_t rulings = 0;        // review cases that moved to `ruled`
  std::vector<std::string> problems;  // proposals that could not be accepted, in Chinese
};
// Accepts every pending proposal without a review case, filling its card from the store
// and the law engine (verdicts with rule IDs, eligibility, risk points, attachments), and
// moves review cases whose proposal has been decided to `ruled`. Idempotent.
Result<IntakeReport> Intake(storage::Database& db, const Clock& clock,
                            const WorkflowOptions& opts, const Actor& actor);

// ---- numbering ----

// 院简称 of an org name (see WorkflowOptions::org_abbrev).
std::string DefaultAbbrev(std::string_view org_name);

}  // namespace zj::workflow
