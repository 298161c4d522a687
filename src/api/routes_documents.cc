// /api/documents: the issued legal documents as .docx, one or many at once.
#include "api/document_json.h"
#include "api/internal.h"
#include "common/sha256.h"

namespace zj::api {
namespace {

using nlohmann::json;

// The document as printed: issued documents only (a draft is shown in the case, not
// downloaded as if it were issued).
Result<report::LegalDocument> IssuedDocument(storage::Database& db, const storage::OrgScope& scope,
                                             int64_t doc_id) {
  ZJ_ASSIGN_OR_RETURN(storage::DocumentRow d, storage::GetDocument(db, scope, doc_id));
  if (d.state != "issued") {
    return FailedPrecondition("文书 " + std::to_string(doc_id) + " 尚未签发，不能下载正式文本");
  }
  return DocumentFromJson(ParseJsonColumn(d.content), false);
}

}  // namespace

void AddDocumentRoutes(App::State& s) {
  App::State* st = &s;

  http::Route docx{.method = "GET",
                   .pattern = "/api/documents/{doc_id:int}/docx",
                   .summary = "下载已签发文书（DOCX）",
                   .tag = "documents",
                   .operation_id = "documents.docx"};
  docx.handler = [st](const http::Request& req) {
    auto id = req.PathInt("doc_id");
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto doc = IssuedDocument(**db, CallerOf(req).scope, *id);
    if (!doc.ok()) return Fail(req, doc.status());
    auto bytes = report::RenderDocx(st->templates, *doc);
    if (!bytes.ok()) return Fail(req, bytes.status());
    http::Response r = http::Response::File(
        std::move(*bytes),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        report::DocxFileName(*doc));
    return r;
  };
  Add(s, std::move(docx), auth::Action::kViewCasework);

  http::Route batch{.method = "GET",
                    .pattern = "/api/documents/batch",
                    .summary = "批量下载已签发文书（ids=1,2,3；ZIP，每份一个 DOCX）",
                    .tag = "documents",
                    .operation_id = "documents.batch"};
  batch.handler = [st](const http::Request& req) {
    std::vector<report::LegalDocument> docs;
    const std::vector<std::string> ids = QueryList(req, "ids");
    if (ids.empty()) return Fail(req, InvalidArgument("ids：请选择要下载的文书"));
    if (ids.size() > 500) return Fail(req, InvalidArgument("ids：一次最多下载 500 份文书"));
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    for (const std::string& text : ids) {
      int64_t id = 0;
      try {
        size_t used = 0;
        id = std::stoll(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
      } catch (const std::exception&) {
        return Fail(req, InvalidArgument("ids：文书编号应为整数，收到“" + text + "”"));
      }
      auto doc = IssuedDocument(**db, CallerOf(req).scope, id);
      if (!doc.ok()) return Fail(req, doc.status());
      docs.push_back(std::move(*doc));
    }
    auto zip = report::RenderDocxBatch(st->templates, docs);
    if (!zip.ok()) return Fail(req, zip.status());
    return http::Response::File(std::move(*zip), "application/zip",
                                "法律文书（" + std::to_string(docs.size()) + "份）.zip");
  };
  Add(s, std::move(batch), auth::Action::kViewCasework);
}

}  // namespace zj::api
