#pragma once
// The JSON form of a legal document's content, as the workflow stores it (documents.content)
// and the web app edits it: the field names of report::LegalDocument, dates as YYYY-MM-DD.
//
//   {"kind": "correction_notice", "issuing_org": "…", "doc_no": "…", "addressee": "…",
//    "issued_on": "2026-11-24", "case_no": "…", "subject": "…", "facts": ["…"],
//    "basis": [{"rule_id": "…", "citation": "…", "text": "…"}], "authority": ["…"],
//    "reasons": ["…"], "suggestions": ["…"], "requirement": "…", "reply_deadline": "…",
//    "objection_deadline": "…", "attachments": ["…"], "contact": "…",
//    "proposal": {"person", "person_info", "proposing_org", "proposed_on", "proposal",
//                 "opinion"},
//    "ruling": {"court", "ruling_no", "ruled_on", "received_on", "person", "ruling"}}
//
// Unknown fields are refused (nothing is silently dropped). A draft has no doc_no or
// issued_on yet: `draft` fills placeholders for them so the rest can be validated.
//
// Pure; thread-safe.

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "report/legal_document.h"

namespace zj::api {

// kInvalidArgument "document.<field>：…" on a missing, mistyped or unknown field.
Result<report::LegalDocument> DocumentFromJson(const nlohmann::json& content, bool draft);

// Full validation of stored content (shape, then report::Validate), for the workflow hook.
Status ValidateDocumentJson(const nlohmann::json& content);

}  // namespace zj::api
