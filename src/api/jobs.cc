#include "api/jobs.h"

#include <spdlog/spdlog.h>

#include <random>

namespace zj::api {

std::string_view JobKindCode(JobKind kind) {
  return kind == JobKind::kImport ? "import" : "models";
}

std::string_view JobStateCode(JobState state) {
  switch (state) {
    case JobState::kQueued:
      return "queued";
    case JobState::kRunning:
      return "running";
    case JobState::kDone:
      return "done";
    case JobState::kFailed:
      return "failed";
  }
  return "failed";
}

namespace {

// The error codes of the API's error shape (http/response.cc), for a failed job.
std::string_view ErrorCode(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
      return "bad_request";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kConflict:
    case StatusCode::kAborted:
      return "conflict";
    case StatusCode::kFailedPrecondition:
      return "failed_precondition";
    case StatusCode::kIoError:
      return "io_error";
    default:
      return "internal";
  }
}

}  // namespace

void JobContext::Progress(std::string stage, int64_t done, int64_t total, int64_t rows) {
  std::lock_guard lock(runner_->mu_);
  if (Job* j = runner_->FindLocked(job_id_)) {
    j->progress = {std::move(stage), done, total, rows};
  }
}

bool JobContext::Stopping() const { return runner_->stopping_.load(); }

JobRunner::JobRunner(const Clock& clock, size_t keep) : clock_(clock), keep_(keep) {}

JobRunner::~JobRunner() { Stop(); }

Job* JobRunner::FindLocked(const std::string& job_id) {
  for (Job& j : jobs_) {
    if (j.job_id == job_id) return &j;
  }
  return nullptr;
}

Result<Job> JobRunner::Submit(JobKind kind, std::string username, std::string org_id,
                              nlohmann::json request, JobWork work) {
  std::lock_guard lock(mu_);
  if (stopping_) return Aborted("服务正在停止，不再接受新任务");
  if (active_.count(kind)) {
    return FailedPrecondition(std::string("已有任务在运行（") +
                              (kind == JobKind::kImport ? "数据导入" : "模型运行") +
                              "，任务编号 " + active_[kind] + "），请待其完成后再提交");
  }
  // The previous job of this kind has finished (its slot is free): its thread is ending.
  if (auto it = threads_.find(kind); it != threads_.end()) {
    if (it->second.joinable()) it->second.join();
    threads_.erase(it);
  }
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(rng()));
  Job job;
  job.job_id = std::to_string(next_++) + "-" + suffix;
  job.kind = kind;
  job.queued_at = clock_.Now();
  job.username = std::move(username);
  job.org_id = std::move(org_id);
  job.request = std::move(request);
  job.progress.stage = "排队";
  jobs_.push_back(job);
  // Keep the last keep_ jobs; never drop one still active.
  for (auto it = jobs_.begin(); jobs_.size() > keep_ && it != jobs_.end();) {
    if (it->state == JobState::kDone || it->state == JobState::kFailed) {
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
  active_[kind] = job.job_id;
  threads_[kind] = std::thread(&JobRunner::Run, this, job.job_id, std::move(work));
  return job;
}

void JobRunner::Run(std::string job_id, JobWork work) {
  {
    std::lock_guard lock(mu_);
    if (Job* j = FindLocked(job_id)) {
      j->state = JobState::kRunning;
      j->started_at = clock_.Now();
    }
  }
  Result<JobOutcome> outcome = Internal("任务没有运行");
  JobContext ctx(this, job_id);
  try {
    outcome = work(ctx);
  } catch (const std::exception& e) {
    spdlog::error("job {} threw: {}", job_id, e.what());
    outcome = Internal("任务内部出错，请联系系统管理员（任务编号 " + job_id + "）");
  }
  Finish(job_id, std::move(outcome));
}

void JobRunner::Finish(const std::string& job_id, Result<JobOutcome> outcome) {
  std::lock_guard lock(mu_);
  Job* j = FindLocked(job_id);
  if (j) {
    j->finished_at = clock_.Now();
    if (outcome.ok()) {
      j->state = JobState::kDone;
      j->message = std::move(outcome->message);
      j->result = std::move(outcome->result);
      j->progress.stage = "完成";
      j->progress.done = j->progress.total;
    } else {
      j->state = JobState::kFailed;
      j->error_code = std::string(ErrorCode(outcome.status().code()));
      j->error_message = outcome.status().message();
      if (outcome.status().code() == StatusCode::kInternal) {
        // As for requests (http/response.cc): the detail goes to the log only.
        spdlog::error("job {} failed: {}", job_id, outcome.status().message());
        j->error_message = "任务内部出错，请联系系统管理员（任务编号 " + job_id + "）";
      }
      j->message = "任务失败：" + outcome.status().message();
    }
  }
  for (auto it = active_.begin(); it != active_.end(); ++it) {
    if (it->second == job_id) {
      active_.erase(it);
      break;
    }
  }
}

std::optional<Job> JobRunner::Get(const std::string& job_id) const {
  std::lock_guard lock(mu_);
  for (const Job& j : jobs_) {
    if (j.job_id == job_id) return j;
  }
  return std::nullopt;
}

std::vector<Job> JobRunner::List(const std::function<bool(const Job&)>& visible,
                                 size_t limit) const {
  std::lock_guard lock(mu_);
  std::vector<Job> out;
  for (auto it = jobs_.rbegin(); it != jobs_.rend() && out.size() < limit; ++it) {
    if (visible(*it)) out.push_back(*it);
  }
  return out;
}

void JobRunner::Stop() {
  std::map<JobKind, std::thread> threads;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    threads.swap(threads_);
  }
  for (auto& [kind, t] : threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace zj::api
