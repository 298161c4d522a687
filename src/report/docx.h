#pragma once
// Legal documents (legal_document.h) as .docx files, from templates an operator may restyle.
//
// A template directory (data/templates/ ships one; see docs/documents.md) holds
//   <kind>.xml     one word/document.xml per kind (correction_notice.xml, suggestion.xml,
//                  proposal_opinion.xml, ruling_correction.xml), in the template language of
//                  template.h, using the fields of DocumentSchema(kind);
//   package/…      every other part of the package ([Content_Types].xml, _rels/.rels,
//                  word/styles.xml, word/footer1.xml, docProps/core.xml …), each a template over
//                  PackageSchema(), copied to the same path in the .docx.
// Other files at the top (SOURCE.md) are ignored. The renderer adds two parts itself:
// word/document.xml (the kind's template) and word/media/qr.png (the 文书核验码).
//
// The 文书核验码 is a QR code encoding VerificationPayload(doc_no, text_sha256), where
// text_sha256 is the SHA-256 of the document's text (DocxPlainText of its word/document.xml):
// whoever holds the paper can scan it, and whoever holds a .docx can recompute the digest with
// DocxTextSha256 and compare. The footer template draws it and may print `verify_code` (the
// digest's first 16 hex digits) beside it.
//
// Output is deterministic (zip.h): the same document and templates give the same bytes, so
// Sha256::Of(docx) identifies an issued document.
//
// Thread-safety: a TemplateSet is immutable once loaded and may be shared; the functions are
// pure apart from LoadTemplates reading files.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "report/legal_document.h"
#include "report/template.h"

namespace zj::report {

// The fields of a kind's document template:
//   every kind   issuing_org title doc_no addressee issued_on case_no subject requirement
//                reply_deadline contact basis_citations authority_citations (text);
//                facts attachments (text lists); basis (records: citation text rule_id)
//   suggestion   + reasons suggestions (text lists), objection_deadline
//   proposal_opinion   + reasons; person person_info proposing_org proposed_on proposal opinion
//   ruling_correction  + reasons; court ruling_no ruled_on received_on person ruling
// Dates are printed in Chinese (二〇二六年十一月二十四日); basis_citations joins the basis
// citations and authority_citations the authority with 、.
const Schema& DocumentSchema(DocumentKind kind);

// The fields of the package parts: issuing_org title doc_no case_no subject issued_on
// issued_on_iso (2026-11-24T00:00:00Z, for docProps) text_sha256 verify_code.
const Schema& PackageSchema();

class TemplateSet {
 public:
  const Template& Document(DocumentKind kind) const;
  // Path in the .docx → template, in zip order: [Content_Types].xml first, then by path.
  const std::vector<std::pair<std::string, Template>>& package() const { return package_; }

 private:
  friend Result<TemplateSet> ParseTemplates(const std::map<std::string, std::string>& files);
  std::vector<Template> documents_;  // by kind, in kAllDocumentKinds order
  std::vector<std::pair<std::string, Template>> package_;
};

// Files by path relative to the template directory ("suggestion.xml",
// "package/word/styles.xml") → contents. Fails (kInvalidArgument, Chinese message naming the
// file and line) on a missing kind or required part ([Content_Types].xml, _rels/.rels,
// word/_rels/document.xml.rels), a package part that the renderer writes itself, a file in
// package/ that is not .xml or .rels, content types without png or word/document.xml, or any
// template error of template.h.
Result<TemplateSet> ParseTemplates(const std::map<std::string, std::string>& files);

// Reads every file under `dir` and parses them as above. A missing directory is kNotFound.
Result<TemplateSet> LoadTemplates(const std::string& dir);

// The .docx of one document. Validate(doc) failures and template render failures come back
// as kInvalidArgument.
Result<std::string> RenderDocx(const TemplateSet& templates, const LegalDocument& doc);

// One .zip with one .docx per document, named DocxFileName(doc), in the given order. Empty,
// or two documents with the same file name: kInvalidArgument; a document that fails to render
// fails the batch, with its position and number in the message.
Result<std::string> RenderDocxBatch(const TemplateSet& templates,
                                    std::span<const LegalDocument> docs);

// "<doc_no>.docx" with characters that are unsafe in file names (/\:*?"<>| and controls)
// replaced by "_": 锦检刑执纠违〔2026〕3号.docx.
std::string DocxFileName(const LegalDocument& doc);

// The text of a word/document.xml: each paragraph's text (<w:t>; <w:br/> → "\n",
// <w:tab/> → "\t"), each paragraph followed by "\n". Malformed XML: kInvalidArgument.
Result<std::string> DocxPlainText(std::string_view document_xml);

// SHA-256 (hex) of DocxPlainText of a .docx's word/document.xml.
Result<std::string> DocxTextSha256(std::string_view docx);

// What the 文书核验码 encodes:
//   执检文书核验\n文号：<doc_no>\n文本摘要：<text_sha256>
std::string VerificationPayload(std::string_view doc_no, std::string_view text_sha256);

}  // namespace zj::report
