#include "synth/names.h"

#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

namespace zj::synth {
namespace {

struct Surname {
  std::string_view name;
  double weight;
};

// Frequencies loosely follow Sichuan's most common surnames.
constexpr Surname kSurnames[] = {
    {"王", 7.0}, {"李", 7.5}, {"张", 6.0}, {"刘", 5.5}, {"陈", 5.5}, {"杨", 4.0}, {"黄", 2.8},
    {"赵", 2.2}, {"周", 2.2}, {"吴", 2.0}, {"何", 2.4}, {"罗", 2.4}, {"冯", 1.3}, {"邓", 1.8},
    {"曾", 1.6}, {"唐", 1.6}, {"蒋", 1.3}, {"谢", 1.3}, {"彭", 1.3}, {"胡", 1.4}, {"徐", 1.2},
    {"孙", 1.0}, {"马", 1.0}, {"朱", 1.0}, {"郭", 1.0}, {"林", 0.8}, {"高", 1.0}, {"袁", 1.0},
    {"廖", 1.0}, {"郑", 0.8}, {"梁", 0.6}, {"宋", 0.6}, {"韩", 0.5}, {"田", 0.8}, {"董", 0.6},
    {"肖", 1.0}, {"杜", 0.8}, {"魏", 0.6}, {"苏", 0.6}, {"任", 0.8}, {"钟", 0.6}, {"蔡", 0.5},
    {"余", 0.8}, {"叶", 0.5}, {"程", 0.5}, {"吕", 0.4}, {"丁", 0.4}, {"沈", 0.3}, {"姚", 0.4},
    {"卢", 0.5}, {"付", 0.6}, {"龚", 0.5}, {"向", 0.5}, {"雷", 0.6}, {"文", 0.5}, {"熊", 0.5},
    {"蒲", 0.3}, {"母", 0.2}, {"敬", 0.2}, {"苟", 0.3}, {"阿", 0.2}, {"吉", 0.2}, {"侯", 0.4},
    {"汪", 0.3}, {"严", 0.3}, {"贺", 0.3}, {"邱", 0.4}, {"秦", 0.3}, {"江", 0.4}, {"尹", 0.3},
};

constexpr std::string_view kMaleChars[] = {
    "伟", "强", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "波", "林", "磊", "建", "国", "成", "峰", "东", "文", "海", "俊", "亮", "宇", "浩", "凯",
    "健", "兵", "志", "龙", "春", "德", "福", "贵", "荣", "川", "江", "忠", "红", "洪", "永",
    "利", "松", "光", "云", "祥", "坤", "毅", "锋", "晓", "阳", "旭", "明", "友", "义", "茂"};
constexpr std::string_view kFemaleChars[] = {
    "芳", "娟", "敏", "静", "丽", "艳", "英", "华", "霞", "琴", "燕", "玲", "红", "梅",
    "莉", "兰", "萍", "秀", "婷", "雪", "琳", "倩", "慧", "娜", "洁", "蓉", "丹", "晶",
    "凤", "珍", "春", "小", "淑", "桂", "佳", "欣", "瑶", "月", "颖", "露"};

template <size_t N>
std::string_view PickChar(Rng& rng, const std::string_view (&chars)[N]) {
  return chars[static_cast<size_t>(rng.Range(0, N - 1))];
}

}  // namespace

std::string RandomName(Rng& rng, char gender) {
  static const std::vector<double> weights = [] {
    std::vector<double> w;
    for (const Surname& s : kSurnames) w.push_back(s.weight);
    return w;
  }();
  std::string name(kSurnames[rng.Weighted(weights)].name);
  const bool male = gender == 'M';
  const int length = rng.Chance(0.72) ? 2 : 1;
  for (int i = 0; i < length; ++i) {
    name += male ? PickChar(rng, kMaleChars) : PickChar(rng, kFemaleChars);
  }
  return name;
}

char IdCheckChar(std::string_view d) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (d[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

std::string IdNumbers::Make(Rng& rng, const std::string& region_code, Date birth, char gender) {
  int y, m, d;
  birth.ToCivil(&y, &m, &d);
  for (;;) {
    int order = rng.Int(0, 499) * 2 + (gender == 'M' ? 1 : 0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%04d%02d%02d%03d", region_code.c_str(), y, m, d, order);
    std::string id(buf, 17);
    id.push_back(IdCheckChar(id));
    if (used_.insert(id).second) return id;
  }
}

}  // namespace zj::synth
