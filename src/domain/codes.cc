#include "domain/codes.h"

#include <string>

namespace zj::domain {
namespace {

constexpr Code kOrgTypeCodes[] = {
    {"spp", "最高人民检察院"},
    {"prov_proc", "省级院"},
    {"city_proc", "市级院/分院"},
    {"county_proc", "基层院"},
    {"dispatched_proc", "派出院"},
    {"resident_office", "派驻检察室"},
    {"prison", "监狱"},
    {"detention_center", "看守所"},
    {"correction_office", "社区矫正机构"},
    {"court", "法院"},
    {"police", "公安机关"},
    {"justice_bureau", "司法行政机关"},
    {"hospital", "强制医疗机构"},
};
constexpr Code kPenaltyCodes[] = {
    {"surveillance", "管制"},
    {"criminal_detention", "拘役"},
    {"fixed_term", "有期徒刑"},
    {"life", "无期徒刑"},
    {"death_reprieve", "死刑缓期二年执行"},
    {"death_reprieve_restricted", "死缓限制减刑"},
};
constexpr Code kCategoryCodes[] = {
    {"duty_crime", "职务犯罪"},
    {"financial", "破坏金融管理秩序、金融诈骗"},
    {"gang", "组织领导参加包庇纵容黑社会性质组织"},
    {"state_security", "危害国家安全"},
    {"terrorism", "恐怖活动"},
    {"drug_ringleader", "毒品犯罪集团首要分子"},
    {"drug_recidivist", "毒品再犯"},
    {"recidivist", "累犯"},
    {"violent_10y", "严重暴力犯罪被判处十年以上有期徒刑、无期徒刑"},
    {"unpaid_property", "确有履行能力而不履行财产性判项"},
    {"minor", "未成年犯"},
    {"elderly_sick_disabled", "老病残犯"},
};
constexpr Code kChangeTypeCodes[] = {
    {"commutation", "减刑"},
    {"parole", "假释"},
    {"temp_release", "暂予监外执行"},
    {"revoke_parole", "撤销假释"},
    {"revoke_probation", "撤销缓刑"},
    {"recommit", "收监执行"},
    {"life_to_fixed", "无期减为有期"},
    {"reprieve_to_life", "死缓减为无期"},
    {"reprieve_to_fixed", "死缓减为有期"},
};
constexpr Code kBasisCodes[] = {
    {"repentance", "确有悔改表现"},
    {"merit", "立功表现"},
    {"repentance_merit", "悔改并立功"},
    {"major_merit", "重大立功"},
    {"repentance_major_merit", "悔改并重大立功"},
};
constexpr Code kCustodyEventCodes[] = {
    {"admitted", "收押/收监"},
    {"transferred_in", "调入"},
    {"transferred_out", "调出"},
    {"released_expiry", "刑满释放"},
    {"released_parole", "假释出监"},
    {"released_temp", "暂予监外执行出监"},
    {"released_other", "其他释放"},
    {"died", "死亡"},
    {"escaped", "脱逃"},
    {"recaptured", "捕回"},
};
constexpr Code kCorrectionTypeCodes[] = {
    {"surveillance", "管制"},
    {"probation", "缓刑"},
    {"parole", "假释"},
    {"temp_release", "暂予监外执行"},
};
constexpr Code kCorrectionEventCodes[] = {
    {"reported", "报到"},    {"warning", "警告"},
    {"admonition", "训诫"},  {"revocation_proposed", "提请撤销"},
    {"recommitted", "收监"}, {"terminated", "解除矫正"},
    {"absconded", "脱管"},   {"found", "脱管后查找到"},
    {"died", "死亡"},        {"transferred", "变更执行地"},
};
constexpr Code kDetentionStageCodes[] = {
    {"criminal_detention_7", "刑事拘留(一般)"},
    {"criminal_detention_30", "刑事拘留(流窜、多次、结伙作案延长至30日)"},
    {"investigation", "逮捕后侦查羁押"},
    {"investigation_ext1", "第一次延长(+1月)"},
    {"investigation_ext2", "第二次延长(+2月)"},
    {"investigation_ext3", "第三次延长(+2月)"},
    {"prosecution_review", "审查起诉"},
    {"first_instance", "一审"},
    {"second_instance", "二审"},
    {"awaiting_delivery", "判决生效待交付执行"},
    {"serving_in_center", "留所服刑"},
};
constexpr Code kStaffRoleCodes[] = {
    {"prosecutor", "检察官"}, {"assistant", "检察官助理"}, {"clerk", "书记员"},
    {"leader", "院领导"},     {"dept_head", "部门负责人"}, {"tech", "技术人员"},
};
constexpr Code kGenderCodes[] = {{"M", "男"}, {"F", "女"}};
constexpr Code kOpinionCodes[] = {
    {"agree", "同意"}, {"disagree", "不同意"}, {"none", "未提出意见"}};
constexpr Code kRatingCodes[] = {
    {"positive", "积极"}, {"qualified", "合格"}, {"unqualified", "不合格"}};
constexpr Code kRewardKindCodes[] = {
    {"praise", "表扬"},          {"material", "物质奖励"}, {"merit", "立功"},
    {"major_merit", "重大立功"}, {"warning", "警告"},      {"demerit", "记过"},
    {"confinement", "禁闭"},
};
constexpr Code kPostClassCodes[] = {
    {"production", "生产"},
    {"auxiliary", "辅助/杂务"},
    {"trusty", "协助管理"},
    {"skilled", "技术岗"},
};
constexpr Code kLaborKindCodes[] = {{"labor", "劳动"}, {"education", "教育"}, {"rest", "休息"}};
constexpr Code kPropertyStatusCodes[] = {
    {"open", "执行中"},         {"done", "执行完毕"},
    {"suspended", "中止"},      {"terminated_this_round", "终结本次执行"},
    {"terminated", "终结执行"},
};
constexpr Code kPaymentSourceCodes[] = {
    {"self", "本人缴纳"},
    {"family", "亲属代缴"},
    {"account_deduction", "账户扣划"},
    {"seizure", "查封扣押处置"},
};
constexpr Code kCorrectionStatusCodes[] = {
    {"active", "在矫"},    {"terminated", "解除矫正"}, {"revoked", "撤销"},
    {"absconded", "脱管"}, {"dead", "死亡"},
};
constexpr Code kLeaveStatusCodes[] = {
    {"approved", "已批准"}, {"rejected", "不批准"}, {"cancelled", "已取消"}};
constexpr Code kPositionSourceCodes[] = {
    {"bracelet", "电子定位装置"}, {"phone", "手机定位"}, {"checkin", "签到"}};
constexpr Code kMedicalConclusionCodes[] = {
    {"still_eligible", "仍符合保外就医条件"},
    {"no_longer_eligible", "不再符合保外就医条件"},
    {"unknown", "不明"},
};
constexpr Code kDocTypeCodes[] = {
    {"proposal", "提请减刑/假释建议书"},
    {"assessment", "罪犯评审鉴定表"},
    {"points_detail", "计分考核明细"},
    {"merit_evidence", "立功/重大立功材料"},
    {"property_performance", "财产性判项履行情况"},
    {"medical", "病情诊断/检查证明"},
    {"guarantee", "保证人材料"},
    {"other", "其他"},
};
// Tables an attachment may belong to: those with a single-column key.
constexpr Code kAttachmentOwnerCodes[] = {
    {"orgs", "机构"},
    {"persons", "人员"},
    {"sentences", "生效判决"},
    {"term_changes", "刑期变动"},
    {"custody_events", "出入监(所)记录"},
    {"rewards", "奖惩"},
    {"jobs", "岗位安排"},
    {"property_cases", "财产刑执行"},
    {"property_payments", "财产刑缴纳"},
    {"corrections", "社区矫正对象"},
    {"correction_events", "社区矫正事件"},
    {"leaves", "请假外出"},
    {"medical_reviews", "病情复查"},
    {"detentions", "看守所羁押"},
    {"residence_surveillance", "指定居所监视居住"},
    {"compulsory_medical", "强制医疗"},
};

}  // namespace

const CodeList kOrgType{"org_type", "机构类型", kOrgTypeCodes};
const CodeList kPenalty{"penalty", "刑罚种类", kPenaltyCodes};
const CodeList kCategory{"category", "罪犯类别", kCategoryCodes};
const CodeList kChangeType{"change_type", "刑期变动类型", kChangeTypeCodes};
const CodeList kCommutationBasis{"basis", "减刑理由", kBasisCodes};
const CodeList kCustodyEvent{"custody_event", "出入监(所)事件", kCustodyEventCodes};
const CodeList kCorrectionType{"correction_type", "社区矫正类别", kCorrectionTypeCodes};
const CodeList kCorrectionEvent{"correction_event", "社区矫正事件", kCorrectionEventCodes};
const CodeList kDetentionStage{"detention_stage", "羁押阶段", kDetentionStageCodes};
const CodeList kStaffRole{"staff_role", "人员角色", kStaffRoleCodes};
const CodeList kGender{"gender", "性别", kGenderCodes};
const CodeList kProcuratorateOpinion{"procuratorate_opinion", "检察意见", kOpinionCodes};
const CodeList kPointsRating{"rating", "考核等次", kRatingCodes};
const CodeList kRewardKind{"reward_kind", "奖惩种类", kRewardKindCodes};
const CodeList kPostClass{"post_class", "岗位类别", kPostClassCodes};
const CodeList kLaborKind{"labor_kind", "劳动记录类别", kLaborKindCodes};
const CodeList kPropertyCaseStatus{"property_status", "财产刑执行状态", kPropertyStatusCodes};
const CodeList kPaymentSource{"payment_source", "缴纳来源", kPaymentSourceCodes};
const CodeList kCorrectionStatus{"correction_status", "矫正状态", kCorrectionStatusCodes};
const CodeList kLeaveStatus{"leave_status", "请假状态", kLeaveStatusCodes};
const CodeList kPositionSource{"position_source", "定位来源", kPositionSourceCodes};
const CodeList kMedicalConclusion{"medical_conclusion", "复查结论", kMedicalConclusionCodes};
const CodeList kAttachmentDocType{"doc_type", "材料类型", kDocTypeCodes};
const CodeList kAttachmentOwner{"owner_table", "所属数据表", kAttachmentOwnerCodes};

int CodeList::IndexOf(std::string_view code) const {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

std::optional<std::string_view> CodeList::LabelOf(std::string_view code) const {
  int i = IndexOf(code);
  if (i < 0) return std::nullopt;
  return codes[i].label;
}

std::string CodeList::Describe() const {
  std::string s;
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) s += "、";
    s += codes[i].code;
    s += ' ';
    s += codes[i].label;
  }
  return s;
}

std::span<const CodeList* const> AllCodeLists() {
  static const CodeList* const kAll[] = {
      &kOrgType,
      &kPenalty,
      &kCategory,
      &kChangeType,
      &kCommutationBasis,
      &kCustodyEvent,
      &kCorrectionType,
      &kCorrectionEvent,
      &kDetentionStage,
      &kStaffRole,
      &kGender,
      &kProcuratorateOpinion,
      &kPointsRating,
      &kRewardKind,
      &kPostClass,
      &kLaborKind,
      &kPropertyCaseStatus,
      &kPaymentSource,
      &kCorrectionStatus,
      &kLeaveStatus,
      &kPositionSource,
      &kMedicalConclusion,
      &kAttachmentDocType,
      &kAttachmentOwner,
  };
  return kAll;
}

const CodeList* FindCodeList(std::string_view name) {
  for (const CodeList* l : AllCodeLists()) {
    if (l->name == name) return l;
  }
  return nullptr;
}

}  // namespace zj::domain
