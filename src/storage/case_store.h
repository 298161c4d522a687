#pragma once
// Casework in the store (migrations/sqlite/0005_casework.sql): clue triage, supervision
// cases, deadlines, documents, replies, evidence and follow-ups (回头看).
//
// This is SQL only: what a transition means, who may make it and which deadlines follow is
// src/workflow's business. Contract:
//  - Every read of casework takes an OrgScope and filters in SQL. A record outside the scope
//    is kNotFound, exactly like a missing one (storage/scope.h).
//  - A case is visible when its handling org or its subject org is in scope; a clue when its
//    org is in scope; a document, reply, evidence file or deadline when its case is.
//  - Writers of versioned rows take the `version` the caller read: UpdateCase and WriteTriage
//    change the row only if the version still matches and bump it; otherwise
//    kConflict with a Chinese message (the API answers 409). The caller holds the write
//    transaction (storage/database.h Transaction) and writes the audit row in it.
//  - Filter values are always bound as parameters.
//
// Not thread-safe: uses one Database.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

// ---- orgs, people and attachments that casework prints -----------------------------------

struct OrgBrief {
  std::string org_id;
  std::string name;
  std::string org_type;
  std::string parent_id;
  std::string region_code;
  std::string stationed_at;
};
Result<OrgBrief> GetOrg(Database& db, const std::string& org_id);

// The procuratorate office that supervises an executing agency: the resident office
// stationed at it (派驻检察室), else the county procuratorate of its region code, else the
// city procuratorate of its city, else the provincial one. kNotFound if none.
Result<std::string> SupervisingOffice(Database& db, const std::string& org_id);

// The court that rules on a 减刑/假释 proposal of an executing agency (JX-COURT-01): the
// 高级人民法院 of its province when `high` (life, death reprieve), else the 中级人民法院 of
// its city, found by region code. kNotFound if none.
Result<std::string> DecidingCourt(Database& db, const std::string& agency_org_id, bool high);

// The procuratorates directly under `org_id` (city, county and dispatched procuratorates
// whose parent it is), by org_id.
Result<std::vector<OrgBrief>> ChildProcuratorates(Database& db, const std::string& org_id);

// The procuratorate in whose name an office's documents are issued: a resident office's
// parent; any other procuratorate itself.
Result<std::string> IssuingProcuratorate(Database& db, const std::string& office_id);

struct PersonBrief {
  std::string person_id;
  std::string name;
  std::string id_number;
  std::string gender;
  std::optional<Date> birth_date;
};
Result<PersonBrief> GetPersonBrief(Database& db, const std::string& person_id);

// A person is inside a jurisdiction when any record of them is about an org in it: custody
// events (facility), community correction (office), detentions (facility), proposals
// (proposing org), sentences (court) or clues (org).
Result<bool> PersonInScope(Database& db, const OrgScope& scope, const std::string& person_id);

// People inside the scope whose person_id equals `text`, whose id_number starts with it, whose
// name contains it, or with a sentence whose case number (案号) contains it; by name. `text` is
// bound, LIKE-escaped.
Result<std::vector<PersonBrief>> SearchPersons(Database& db, const OrgScope& scope,
                                               const std::string& text, int64_t limit);

struct AttachmentBrief {
  std::string attachment_id;
  std::string doc_type;
  std::string title;
  std::string file;
  std::string sha256;
  std::optional<int64_t> pages;
};
// An attachment (电子卷宗材料) whose owner record's person is inside the scope; kNotFound
// otherwise. Owners: term_changes, sentences, corrections (any other owner: OrgScope::All only).
Result<AttachmentBrief> GetAttachment(Database& db, const OrgScope& scope,
                                      const std::string& attachment_id);

Result<std::vector<AttachmentBrief>> ListAttachments(Database& db, const std::string& owner_table,
                                                     const std::string& owner_id);

// ---- clue triage -------------------------------------------------------------------------

struct TriageRow {
  int64_t clue_no = 0;
  std::string state;  // "" = 待分派 (no row yet)
  std::optional<int64_t> assignee_id;
  std::string reason_code;
  std::string note;
  std::optional<int64_t> merged_into;
  std::optional<int64_t> case_id;
  int64_t version = 0;  // 0 = no row yet
  Timestamp updated_at = 0;
};

// The clue's org and status and its triage row ("" state when none); kNotFound outside scope.
struct ClueRef {
  int64_t clue_no = 0;
  std::string model;
  std::string org_id;
  std::string person_id;
  std::string status;  // open | resolved_by_data
  std::string title;
  std::string summary;
  std::string facts;  // JSON
  std::string basis;  // JSON
  std::string key;     // canonical JSON of the finding key
  std::string window;  // JSON, "" when none
  std::string severity;
  TriageRow triage;
  std::string person_name;    // persons.name, "" when none
  std::string assignee_name;  // the assignee's users.display_name, "" when none
};
Result<ClueRef> GetClueRef(Database& db, const OrgScope& scope, int64_t clue_no);

// Inserts or updates the triage row; `expected_version` is the version read (0 = no row yet).
// Returns the new version.
Result<int64_t> WriteTriage(Database& db, const TriageRow& row, int64_t expected_version,
                            Timestamp at, std::optional<int64_t> user_id);

struct TriageAction {
  int64_t clue_no = 0;
  Timestamp at = 0;
  std::optional<int64_t> user_id;
  std::string action;
  std::string from_state;
  std::string to_state;
  std::string detail = "{}";  // JSON
  // ListTriageActions only: users.display_name of user_id, and of the detail's assignee_id
  // (an assignment); "" when none.
  std::string user_name;
  std::string assignee_name;
};
Status AppendTriageAction(Database& db, const TriageAction& a);
Result<std::vector<TriageAction>> ListTriageActions(Database& db, int64_t clue_no);

// ---- cases -------------------------------------------------------------------------------

struct CaseRow {
  int64_t case_id = 0;
  std::string case_no;
  std::string case_type;
  std::string state;
  std::string outcome;
  std::string handling_org_id;
  std::string issuing_org_id;
  std::string subject_org_id;
  std::string person_id;
  std::string change_id;
  std::optional<int64_t> parent_case_id;
  std::string title;
  std::string summary;
  std::string facts = "{}";  // JSON
  std::string basis = "[]";  // JSON
  std::string card = "{}";   // JSON
  std::optional<int64_t> handler_id;
  Date accepted_on;
  std::optional<Date> closed_on;
  std::optional<int64_t> created_by;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  int64_t version = 1;
};

// The next sequence number of a case number or document number for (org, kind, year):
// one more than the largest used. Call inside the write transaction that uses it.
Result<int64_t> NextCaseSeq(Database& db, const std::string& issuing_org_id, int year,
                            const std::string& case_no_prefix);
Result<int64_t> NextDocumentSeq(Database& db, const std::string& issuing_org_id,
                                const std::string& kind, int year);

// Inserts `row` (case_id and version ignored) and links `clue_nos`; returns the case_id.
// A second review case for the same change_id → kAlreadyExists.
Result<int64_t> InsertCase(Database& db, const CaseRow& row,
                           const std::vector<int64_t>& clue_nos);
Result<CaseRow> GetCase(Database& db, const OrgScope& scope, int64_t case_id);
// Writes every mutable column of `row` if its stored version is `expected_version`;
// returns the new version.
Result<int64_t> UpdateCase(Database& db, const CaseRow& row, int64_t expected_version);
Result<std::vector<int64_t>> CaseClues(Database& db, int64_t case_id);

enum class CaseOrder {
  kNewest,    // case_id descending
  kDeadline,  // earliest open deadline first, cases without one last; then case_id ascending
};

struct CaseFilter {
  std::vector<std::string> states;      // empty = all
  std::vector<std::string> case_types;  // empty = all
  std::string person_id;
  std::optional<int64_t> handler_id;
  std::string text;  // matched against case_no, title and the person's name (LIKE, escaped)
  CaseOrder order = CaseOrder::kNewest;
  int64_t limit = 50;
  int64_t offset = 0;
};

// What the queue of proposal reviews (减刑、假释、暂予监外执行审查) shows of a review case:
// read from the case card intake writes (workflow/casework.cc ReviewCard) and from the
// proposal (term_changes) the case reviews. A key missing from the card reads as "" / nullopt.
struct ReviewBrief {
  std::string change_type;       // card change_type: commutation | parole | temp_release | …
  std::string verdict;           // card verdict: lawful | violation | needs_review
  std::string verdict_label;     // card verdict_label
  std::optional<int64_t> risks;  // number of card risk_points
  // The proposal's proposing org (the case's subject org becomes the deciding court once the
  // ruling is received).
  std::string proposing_org_id;
  std::string proposing_org_name;
};

struct CaseListRow {
  CaseRow row;  // facts, basis and card are not read (left at their defaults)
  std::string person_name;
  std::optional<Date> next_due;  // earliest open deadline
  std::optional<ReviewBrief> review;  // proposal_review cases only
};
// One page of the cases in scope that match `filter`, in `filter.order`. Only the page's rows
// are joined with people, deadlines, cards and proposals, so a page costs the same whatever
// the order (sorting by deadline computes each matching case's next deadline, nothing more).
Result<std::vector<CaseListRow>> ListCases(Database& db, const OrgScope& scope,
                                           const CaseFilter& filter);
Result<int64_t> CountCases(Database& db, const OrgScope& scope, const CaseFilter& filter);

struct CaseEvent {
  int64_t id = 0;
  int64_t case_id = 0;
  Timestamp at = 0;
  std::optional<int64_t> user_id;
  std::string action;
  std::string from_state;
  std::string to_state;
  std::string detail = "{}";
};
Status AppendCaseEvent(Database& db, const CaseEvent& e);
Result<std::vector<CaseEvent>> ListCaseEvents(Database& db, int64_t case_id);

// Pending proposals (term_changes with no decision) that have no review case yet.
struct PendingProposal {
  std::string change_id;
  std::string person_id;
  std::string sentence_id;
  std::string change_type;
  std::string proposing_org_id;
  std::optional<Date> proposal_date;
};
Result<std::vector<PendingProposal>> ProposalsWithoutReview(Database& db);

// Review cases whose proposal has since been decided (decision_date set by a later batch)
// and that have not recorded the ruling yet (state `awaiting_ruling` or earlier).
struct DecidedProposal {
  int64_t case_id = 0;
  std::string change_id;
  std::string deciding_org_id;
  Date decision_date;
  std::optional<Date> effective_date;
};
Result<std::vector<DecidedProposal>> ReviewsWithNewRuling(Database& db,
                                                          const std::vector<std::string>& states);

// ---- deadlines ---------------------------------------------------------------------------

struct DeadlineRow {
  int64_t deadline_id = 0;
  int64_t case_id = 0;
  std::string kind;
  std::string rule;
  std::string label;
  Date from_date;
  Date due_date;
  bool extended = false;
  std::optional<Date> met_on;
  bool cancelled = false;
};
Result<int64_t> InsertDeadline(Database& db, const DeadlineRow& d, Timestamp at);
Status UpdateDeadline(Database& db, const DeadlineRow& d);
Result<std::vector<DeadlineRow>> CaseDeadlines(Database& db, int64_t case_id);

struct DueRow {
  DeadlineRow deadline;
  std::string case_no;
  std::string case_type;
  std::string case_state;
  std::string title;
  std::optional<int64_t> handler_id;
};
// Open deadlines (not met, not cancelled) due on or before `due_by`, earliest first.
Result<std::vector<DueRow>> OpenDeadlines(Database& db, const OrgScope& scope, Date due_by,
                                          int64_t limit);

// ---- documents ---------------------------------------------------------------------------

struct DocumentRow {
  int64_t doc_id = 0;
  int64_t case_id = 0;
  std::string kind;
  std::string state;  // draft | pending_approval | issued
  std::string issuing_org_id;
  std::optional<int> year;
  std::optional<int64_t> seq;
  std::string doc_no;
  std::string content = "{}";  // JSON
  std::optional<Date> issued_on;
  std::optional<int64_t> drafted_by;
  std::optional<int64_t> approved_by;
  std::string sha256;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};
Result<int64_t> InsertDocument(Database& db, const DocumentRow& d);
Status UpdateDocument(Database& db, const DocumentRow& d);
Result<std::vector<DocumentRow>> CaseDocuments(Database& db, int64_t case_id);
Result<DocumentRow> GetDocument(Database& db, const OrgScope& scope, int64_t doc_id);

// ---- replies, evidence, follow-ups -------------------------------------------------------

struct ReplyRow {
  int64_t reply_id = 0;
  int64_t case_id = 0;
  std::optional<int64_t> doc_id;
  Date received_on;
  std::string adoption;  // adopted | partly | rejected
  std::string content;
  std::optional<int64_t> recorded_by;
  Timestamp recorded_at = 0;
};
Result<int64_t> InsertReply(Database& db, const ReplyRow& r);
Result<std::vector<ReplyRow>> CaseReplies(Database& db, int64_t case_id);

struct EvidenceRow {
  int64_t evidence_id = 0;
  int64_t case_id = 0;
  std::string kind;  // reply | rectification | investigation
  std::string title;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::optional<int64_t> uploaded_by;
  Timestamp uploaded_at = 0;
};
Result<int64_t> InsertEvidence(Database& db, const EvidenceRow& e);
Result<std::vector<EvidenceRow>> CaseEvidence(Database& db, int64_t case_id);
Result<EvidenceRow> GetEvidence(Database& db, const OrgScope& scope, int64_t evidence_id);

struct FollowUpRow {
  int64_t id = 0;
  int64_t case_id = 0;
  std::optional<int64_t> run_no;
  Timestamp at = 0;
  std::optional<int64_t> user_id;
  bool rectified = false;
  std::string detail = "{}";
};
Result<int64_t> InsertFollowUp(Database& db, const FollowUpRow& f);
Result<std::vector<FollowUpRow>> CaseFollowUps(Database& db, int64_t case_id);

// ---- indicators (aggregates over a scope and a period of accepted/issued dates) -----------

struct IndicatorCounts {
  std::vector<std::pair<std::string, int64_t>> clues_by_model;   // clues created in the period
  int64_t clues_created = 0;
  int64_t clues_triaged = 0;     // of those, acted on (any triage state)
  int64_t clues_promoted = 0;    // of those, promoted to a case
  int64_t clues_dismissed = 0;
  int64_t cases_accepted = 0;    // accepted in the period
  std::vector<std::pair<std::string, int64_t>> cases_by_type;
  int64_t documents_issued = 0;  // issued in the period
  std::vector<std::pair<std::string, int64_t>> documents_by_kind;
  int64_t replies_due = 0;       // documents issued in the period that expect a reply
  int64_t replies_received = 0;  // of those, answered
  int64_t adopted = 0;           // of those answered, adopted or partly adopted
  int64_t rectification_due = 0; // cases in the period that reached adoption
  int64_t rectified = 0;         // of those, confirmed rectified (closed with outcome rectified)
  int64_t overdue_open = 0;      // deadlines open and past due at `today`
  int64_t overdue_met_late = 0;  // deadlines met after their due date, met in the period
};
// `org_scope` limits the data; [from, to] is the period (dates inclusive).
Result<IndicatorCounts> CountIndicators(Database& db, const OrgScope& scope, Date from, Date to,
                                        Date today);

}  // namespace zj::storage
