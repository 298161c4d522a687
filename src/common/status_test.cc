#include "common/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace zj {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "OK");
}

TEST(Status, OkCodeDropsMessage) {
  Status s(StatusCode::kOk, "ignored");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, ErrorCarriesCodeAndMessage) {
  Status s = InvalidArgument("日期格式错误：2023-2-01");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "日期格式错误：2023-2-01");
  EXPECT_EQ(s.ToString(), "INVALID_ARGUMENT: 日期格式错误：2023-2-01");
  // An error with an empty message is still an error.
  Status e(StatusCode::kNotFound, "");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.ToString(), "NOT_FOUND: ");
}

TEST(Status, HelpersAndNames) {
  struct Row {
    Status s;
    StatusCode code;
    const char* str;
  };
  const std::vector<Row> rows = {
      {InvalidArgument("m"), StatusCode::kInvalidArgument, "INVALID_ARGUMENT: m"},
      {NotFound("m"), StatusCode::kNotFound, "NOT_FOUND: m"},
      {AlreadyExists("m"), StatusCode::kAlreadyExists, "ALREADY_EXISTS: m"},
      {FailedPrecondition("m"), StatusCode::kFailedPrecondition, "FAILED_PRECONDITION: m"},
      {DataLoss("m"), StatusCode::kDataLoss, "DATA_LOSS: m"},
      {IoError("m"), StatusCode::kIoError, "IO_ERROR: m"},
      {Internal("m"), StatusCode::kInternal, "INTERNAL: m"},
      {Aborted("m"), StatusCode::kAborted, "ABORTED: m"},
      {Status(StatusCode::kUnimplemented, "m"), StatusCode::kUnimplemented, "UNIMPLEMENTED: m"},
  };
  for (const auto& r : rows) {
    EXPECT_FALSE(r.s.ok()) << r.str;
    EXPECT_EQ(r.s.code(), r.code) << r.str;
    EXPECT_EQ(r.s.message(), "m") << r.str;
    EXPECT_EQ(r.s.ToString(), r.str);
  }
}

TEST(Status, CopyAndAssign) {
  Status a = NotFound("没有该罪犯");
  Status b = a;
  EXPECT_EQ(b.code(), StatusCode::kNotFound);
  EXPECT_EQ(b.message(), "没有该罪犯");
  b = Status::Ok();
  EXPECT_TRUE(b.ok());
  EXPECT_FALSE(a.ok());  // the copy did not alias the original
  EXPECT_EQ(a.message(), "没有该罪犯");
  Status c = std::move(a);
  EXPECT_EQ(c.code(), StatusCode::kNotFound);
}

TEST(Result, HoldsValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.status().ok());
  EXPECT_EQ(r.status().code(), StatusCode::kOk);
  EXPECT_EQ(r.value(), 42);
  EXPECT_EQ(*r, 42);
  r.value() = 7;
  EXPECT_EQ(*r, 7);
  const Result<std::string> s = std::string("徒刑");
  EXPECT_EQ(s->size(), 6u);
  EXPECT_EQ(*s, "徒刑");
}

TEST(Result, HoldsStatus) {
  Result<int> r = NotFound("无记录");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "无记录");
  EXPECT_THROW((void)r.value(), std::bad_variant_access);
}

TEST(Result, FromOkStatusBecomesInternalError) {
  Result<int> r = Status::Ok();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
  EXPECT_EQ(r.status().message(), "Result 由 OK 状态构造");
  Result<double> r2 = Status();
  EXPECT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kInternal);
}

TEST(Result, MoveOnlyValue) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(**r, 5);
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 5);
}

// --- Macros -----------------------------------------------------------------

Result<int> ParsePositive(int x) {
  if (x <= 0) return InvalidArgument("必须为正数");
  return x;
}

Status Check(bool good) { return good ? Status::Ok() : FailedPrecondition("前提不满足"); }

Result<int> SumTwo(int a, int b, int* steps) {
  ZJ_ASSIGN_OR_RETURN(int x, ParsePositive(a));
  ++*steps;
  ZJ_ASSIGN_OR_RETURN(int y, ParsePositive(b));
  ++*steps;
  return x + y;
}

Status AssignExisting(int a, int* out) {
  int v = -1;
  ZJ_ASSIGN_OR_RETURN(v, ParsePositive(a));
  *out = v;
  return Status::Ok();
}

Status TwoChecks(bool first, bool second, int* steps) {
  ZJ_RETURN_IF_ERROR(Check(first));
  ++*steps;
  ZJ_RETURN_IF_ERROR(Check(second));
  ++*steps;
  return Status::Ok();
}

Result<std::unique_ptr<int>> MakeBox(int v) {
  if (v < 0) return DataLoss("坏数据");
  return std::make_unique<int>(v);
}

Result<int> Unbox(int v) {
  ZJ_ASSIGN_OR_RETURN(auto box, MakeBox(v));
  return *box + 1;
}

TEST(Macros, AssignOrReturnSuccess) {
  int steps = 0;
  Result<int> r = SumTwo(2, 3, &steps);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 5);
  EXPECT_EQ(steps, 2);
}

TEST(Macros, AssignOrReturnPropagatesFirstError) {
  int steps = 0;
  Result<int> r = SumTwo(-1, 3, &steps);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "必须为正数");
  EXPECT_EQ(steps, 0);  // returned before the rest ran
  steps = 0;
  r = SumTwo(1, 0, &steps);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(steps, 1);
}

TEST(Macros, AssignOrReturnIntoExistingVariableAndStatusFunction) {
  int out = 0;
  EXPECT_TRUE(AssignExisting(9, &out).ok());
  EXPECT_EQ(out, 9);
  out = 0;
  Status s = AssignExisting(0, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out, 0);
}

TEST(Macros, AssignOrReturnMoveOnly) {
  Result<int> ok = Unbox(4);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 5);
  Result<int> bad = Unbox(-1);
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(bad.status().message(), "坏数据");
}

TEST(Macros, ReturnIfError) {
  int steps = 0;
  EXPECT_TRUE(TwoChecks(true, true, &steps).ok());
  EXPECT_EQ(steps, 2);
  steps = 0;
  Status s = TwoChecks(false, true, &steps);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "前提不满足");
  EXPECT_EQ(steps, 0);
  steps = 0;
  s = TwoChecks(true, false, &steps);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(steps, 1);
}

TEST(Macros, ReturnIfErrorIntoResult) {
  auto f = [](bool good) -> Result<int> {
    ZJ_RETURN_IF_ERROR(Check(good));
    return 1;
  };
  EXPECT_TRUE(f(true).ok());
  Result<int> r = f(false);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
}

TEST(Macros, ReturnIfErrorEvaluatesOnce) {
  int calls = 0;
  auto f = [&]() -> Status {
    ZJ_RETURN_IF_ERROR((++calls, Status::Ok()));
    return Status::Ok();
  };
  EXPECT_TRUE(f().ok());
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace zj
