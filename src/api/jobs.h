#pragma once
// Background jobs of the API: imports of uploaded batches and model runs, which take longer
// than a request should. A route submits the work and answers 202 with the job; the web app
// polls GET /api/jobs/{job_id} for the progress and the result.
//
// Contract:
//  - At most one job of each kind is queued or running at a time (per App, i.e. per store);
//    submitting another → kFailedPrecondition "已有任务在运行…".
//  - Each job runs on a thread of its own; the work opens its own store connection.
//  - The table keeps the last `keep` jobs (oldest finished ones are dropped first); jobs
//    live in memory only: the durable outcome is in the store (batches, model_runs).
//  - Stop() refuses new jobs, tells running work to stop at its next safe point
//    (JobContext::Stopping(); the work then fails with kAborted), and joins every thread.
//    What cannot be interrupted (an import's transaction, a model run) is waited for.
//  - Work that throws ends `failed` with a generic Chinese message; what() goes to the log.
//
// Thread-safe.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/status.h"

namespace zj::api {

enum class JobKind { kImport, kModels };
std::string_view JobKindCode(JobKind kind);  // "import" | "models"

enum class JobState { kQueued, kRunning, kDone, kFailed };
std::string_view JobStateCode(JobState state);  // "queued" | "running" | "done" | "failed"

struct JobProgress {
  std::string stage;  // 中文: 解压, 导入 persons, 运行 M14 …
  int64_t done = 0;
  int64_t total = 0;
  int64_t rows = -1;  // rows read so far in the stage, when it counts rows; -1 = none
};

struct Job {
  std::string job_id;
  JobKind kind = JobKind::kImport;
  JobState state = JobState::kQueued;
  JobProgress progress;
  Timestamp queued_at = 0;
  Timestamp started_at = 0;   // 0 = not yet
  Timestamp finished_at = 0;  // 0 = not yet
  std::string username;  // who submitted it
  std::string org_id;    // their org: who else may see the job
  nlohmann::json request = nlohmann::json::object();  // what was asked (file name, models …)
  std::string message;   // 中文 summary once finished
  nlohmann::json result;  // null until done
  std::string error_code;  // set when failed
  std::string error_message;
};

// Handed to the work: progress reports and the stop request.
class JobContext {
 public:
  void Progress(std::string stage, int64_t done, int64_t total, int64_t rows = -1);
  // True once the runner is stopping: the work should return at the next safe point.
  bool Stopping() const;
  const std::string& job_id() const { return job_id_; }

 private:
  friend class JobRunner;
  JobContext(class JobRunner* runner, std::string job_id)
      : runner_(runner), job_id_(std::move(job_id)) {}
  JobRunner* runner_;
  std::string job_id_;
};

// What finished work reports; an error Status makes the job `failed` with its message.
struct JobOutcome {
  std::string message;  // 中文
  nlohmann::json result;
};
using JobWork = std::function<Result<JobOutcome>(JobContext&)>;

class JobRunner {
 public:
  explicit JobRunner(const Clock& clock, size_t keep = 50);
  ~JobRunner();  // Stop()
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Queues `work` and starts it at once on its own thread; returns the job as queued.
  // A job of `kind` still queued or running → kFailedPrecondition; after Stop → kAborted.
  Result<Job> Submit(JobKind kind, std::string username, std::string org_id,
                     nlohmann::json request, JobWork work);

  std::optional<Job> Get(const std::string& job_id) const;
  // Jobs for which `visible` is true, newest first, at most `limit`.
  std::vector<Job> List(const std::function<bool(const Job&)>& visible, size_t limit) const;

  void Stop();

 private:
  friend class JobContext;
  Job* FindLocked(const std::string& job_id);
  void Run(std::string job_id, JobWork work);
  void Finish(const std::string& job_id, Result<JobOutcome> outcome);

  const Clock& clock_;
  const size_t keep_;
  mutable std::mutex mu_;
  std::deque<Job> jobs_;                   // oldest first; guarded by mu_
  std::map<JobKind, std::string> active_;  // kind → job_id queued or running; guarded by mu_
  std::map<JobKind, std::thread> threads_;  // the last thread of each kind; guarded by mu_
  int64_t next_ = 1;                        // guarded by mu_
  std::atomic<bool> stopping_{false};
};

}  // namespace zj::api
