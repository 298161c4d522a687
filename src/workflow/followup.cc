// 回头看 (follow-up): re-run the originating models and record whether the rectification
// shows in the data.
#include <algorithm>

#include "engine/engine.h"
#include "workflow/casework.h"

namespace zj::workflow {

Result<FollowUpResult> FollowUp(const std::string& db_url, storage::Database& db,
                                const Clock& clock, const WorkflowOptions& opts,
                                const Actor& actor, int64_t case_id, int64_t expected_version,
                                const std::string& data_dir) {
  // Check before the run, so a refused request costs nothing.
  ZJ_ASSIGN_OR_RETURN(storage::CaseRow c, storage::GetCase(db, actor.scope, case_id));
  const CaseTypeInfo* type = FindCaseType(c.case_type);
  if (!type || !FindCaseTransition(type->type, c.state, "follow_up_passed")) {
    return FailedPrecondition("案件当前状态不能回头看：须先登记整改材料");
  }
  if (!actor.May(Duty::kEdit)) return PermissionDenied("当前账号没有“案件办理”权限，不能回头看");
  if (c.version != expected_version) return Conflict("案件已被他人修改，请刷新后重试");
  ZJ_ASSIGN_OR_RETURN(std::vector<int64_t> clue_nos, storage::CaseClues(db, case_id));
  if (clue_nos.empty()) {
    return FailedPrecondition("本案没有来源线索，不能通过模型回头看，请人工核实后登记");
  }
  std::vector<std::string> models;
  for (int64_t no : clue_nos) {
    ZJ_ASSIGN_OR_RETURN(storage::ClueRef clue, storage::GetClueRef(db, actor.scope, no));
    if (std::find(models.begin(), models.end(), clue.model) == models.end()) {
      models.push_back(clue.model);
    }
  }

  engine::RunOptions run;
  run.models = models;
  run.org_id = c.subject_org_id;
  run.data_dir = data_dir;
  ZJ_ASSIGN_OR_RETURN(engine::RunResult r, engine::RunModels(db_url, run));

  FollowUpResult out;
  out.run_no = r.run_no;
  out.rectified = true;
  nlohmann::json detail = {{"models", models}, {"clues", nlohmann::json::array()}};
  for (int64_t no : clue_nos) {
    ZJ_ASSIGN_OR_RETURN(storage::ClueRef clue, storage::GetClueRef(db, actor.scope, no));
    out.clues.emplace_back(no, clue.status);
    out.rectified &= clue.status == "resolved_by_data";
    detail["clues"].push_back({{"clue_no", no}, {"status", clue.status}});
  }
  CaseRequest req;
  req.action = out.rectified ? "follow_up_passed" : "follow_up_failed";
  req.expected_version = expected_version;
  req.follow_up = CaseRequest::ModelCheck{r.run_no, detail};
  ZJ_ASSIGN_OR_RETURN(out.result, ApplyCaseAction(db, clock, opts, actor, case_id, req));
  return out;
}

}  // namespace zj::workflow
