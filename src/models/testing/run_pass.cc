#include "models/testing/run_pass.h"

#include <gtest/gtest.h>

namespace zj::models::testing {

std::map<std::string, Finding> RunPass(const Pass& pass, const Snapshot& snapshot,
                                       std::string_view as_of, std::vector<ParamOverride> overrides,
                                       std::vector<std::string_view> selected) {
  std::map<std::string, Finding> found;
  const IdDict& orgs = snapshot.Ids("orgs");
  std::vector<ModelParams> declared;
  for (const ModelSpec* m : pass.models()) declared.push_back({m->id, m->params});
  auto params = ParamSet::Build(declared, overrides, orgs.size(),
                                [&](std::string_view scope) -> Result<std::vector<bool>> {
                                  std::vector<bool> v(static_cast<size_t>(orgs.size()), false);
                                  const int32_t id = orgs.Find(scope);
                                  if (id != kNull32) v[static_cast<size_t>(id)] = true;
                                  return v;
                                });
  EXPECT_TRUE(params.ok()) << params.status().message();
  if (!params.ok()) return found;
  RunContext ctx;
  ctx.data = &snapshot;
  ctx.as_of_date = *Date::Parse(as_of);
  ctx.params = &*params;
  ctx.selected = std::move(selected);
  auto run = pass.Start(ctx);
  EXPECT_TRUE(run.ok()) << run.status().message();
  if (!run.ok()) return found;
  for (int part = 0; part < (*run)->parts(); ++part) {
    PassOutput out;
    const Status s = (*run)->RunPart(part, out);
    EXPECT_TRUE(s.ok()) << s.message();
    for (Finding& f : out.findings()) {
      const std::string key = std::string(f.model) + ":" + f.key[0].second;
      EXPECT_EQ(found.count(key), 0u) << "keyed twice: " << key;
      found.emplace(key, std::move(f));
    }
  }
  return found;
}

}  // namespace zj::models::testing
