#include "models/registry.h"

#include <algorithm>
#include <vector>

namespace zj::models {

std::span<const Pass* const> AllPasses() {
  static const std::vector<const Pass*> kPasses = {
      // One line per family (registry.h).
      &CustodyPass(),
      &PrisonPass(),
      &CommunityPass(),
      &PropertyPass(),
      &LawPass(),
      &TrajectoryPass(),
  };
  return kPasses;
}

std::vector<const ModelSpec*> AllModels() {
  std::vector<const ModelSpec*> all;
  for (const Pass* p : AllPasses()) {
    for (const ModelSpec* m : p->models()) all.push_back(m);
  }
  std::sort(all.begin(), all.end(),
            [](const ModelSpec* a, const ModelSpec* b) { return a->id < b->id; });
  return all;
}

const ModelSpec* FindModel(std::string_view id) {
  for (const Pass* p : AllPasses()) {
    for (const ModelSpec* m : p->models()) {
      if (m->id == id) return m;
    }
  }
  return nullptr;
}

const Pass* PassOf(std::string_view model) {
  for (const Pass* p : AllPasses()) {
    for (const ModelSpec* m : p->models()) {
      if (m->id == model) return p;
    }
  }
  return nullptr;
}

}  // namespace zj::models
