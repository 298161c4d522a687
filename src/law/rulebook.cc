// The rulebook tables. Titles and gaps are the words docs/law.md shows; numbers carry the
// RULEBOOK rule ID and citation they come from. Edit here, then regenerate the docs
// (`zhijian law rules > docs/law-rules.md`; a test fails if they drift).

#include "law/rulebook.h"

#include <array>

namespace zj::law {
namespace {

using C = Coverage;

constexpr Rule kRules[] = {
    // ---- §0 conventions ----
    {"JX-CONV-01", "刑期计算（对应日规则）", "法释〔2021〕1号 第202条第2款", C::kDecided, ""},
    {"JX-CONV-02", "诉讼期间计算", "刑事诉讼法 第105条；法释〔2021〕1号 第202条第1款", C::kPartial,
     "按日、按月的期间均已按对应日规则计算；节假日顺延未实现：本引擎审查的期间均针对在押罪犯，依法不顺延；连续延长的两种算法由 law::InvestigationDeadline 同时计算，分歧时由羁押期限模型（M21）列为需人工审查"},
    {"JX-CONV-03", "以上、以下、不满的含义", "刑法 第99条；社区矫正法实施办法 第58条", C::kDecided, ""},
    {"JX-CONV-04", "按行为时有效的规定审查", "法释〔2016〕23号 第42条等", C::kDecided, ""},
    // ---- §1 sentence computation ----
    {"JX-TERM-01", "有期徒刑刑期起止与先行羁押折抵", "刑法 第47条；监察法 第44条", C::kDecided, ""},
    {"JX-TERM-10", "按期释放", "监狱法 第35条", C::kDecided, ""},
    {"JX-TERM-02", "拘役刑期与折抵", "刑法 第42条、第44条", C::kPartial,
     "单罪拘役一至六个月已审查；数罪并罚最高一年需要罪数信息，交换规范 v1 未提供，按一年上限审查"},
    {"JX-TERM-03", "管制刑期与一日折抵二日", "刑法 第38条、第41条", C::kPartial,
     "单罪管制三个月至二年已审查；数罪并罚最高三年需要罪数信息，按三年上限审查"},
    {"JX-TERM-04", "指定居所监视居住折抵", "刑事诉讼法 第76条", C::kPartial,
     "仅当案件写明指定居所监视居住天数时重算折抵（交换规范 v1 只有法院认定的折抵总天数）；天数为奇数时取舍规则未经核实，列为需人工审查"},
    {"JX-TERM-05", "死缓、无期减刑后的刑期起算", "刑法 第50条、第51条、第80条", C::kPartial,
     "死缓期满后减刑、无期减为有期的刑期起止已审查；死缓期间故意犯罪致考验期重新计算需要执行期间犯罪信息，交换规范 v1 未提供"},
    {"JX-TERM-06", "缓刑考验期", "刑法 第72–74条", C::kPartial,
     "考验期幅度与累犯不适用缓刑已审查；再审后考验期折算（检例第244号）需要再审信息，交换规范 v1 未提供"},
    {"JX-TERM-07", "假释考验期", "刑法 第83条", C::kDecided, ""},
    {"JX-TERM-08", "不计入执行刑期的期间", "刑事诉讼法 第268条第3款；法释〔2021〕1号 第518条、第545条", C::kPartial,
     "脱逃期间（脱逃至捕回）已从执行刑期中扣除并顺延释放日；以贿赂等手段骗取暂予监外执行的期间由法院裁定，交换规范 v1 无此裁定，不能推算"},
    {"JX-TERM-09", "减刑时附加剥夺政治权利的变更", "法释〔2016〕23号 第17条", C::kNotYet,
     "交换规范 v1 的刑期变动记录不含剥夺政治权利期限的变更，无从审查"},
    // ---- §2 floors ----
    {"JX-FLOOR-01", "减刑后实际执行刑期不少于原判二分之一", "刑法 第78条", C::kDecided, ""},
    {"JX-FLOOR-02", "无期徒刑减刑后实际执行不少于十三年", "刑法 第78条", C::kDecided, ""},
    {"JX-FLOOR-03", "限制减刑的死缓实际执行下限", "刑法 第78条", C::kDecided, ""},
    {"JX-FLOOR-04", "死缓减刑后实际执行不少于十五年", "法释〔2016〕23号 第12条", C::kDecided, ""},
    {"JX-FLOOR-05", "终身监禁不得减刑、假释", "法释〔2016〕23号 第15条", C::kDecided, ""},
    // ---- §3 commutation ----
    {"JX-START-01", "有期徒刑减刑起始时间", "法释〔2016〕23号 第6条第1款", C::kDecided, ""},
    {"JX-CAP-01", "有期徒刑一次减刑幅度", "法释〔2016〕23号 第6条第2款", C::kDecided, ""},
    {"JX-INTV-01", "有期徒刑减刑间隔", "法释〔2016〕23号 第6条第3款", C::kDecided, ""},
    {"JX-INTV-02", "减刑间隔不少于上次减刑幅度", "法释〔2016〕23号 第6条第3款", C::kDecided, ""},
    {"JX-EXEMPT-01", "重大立功免除起始时间和间隔限制", "法释〔2016〕23号 第6条第4款等", C::kDecided, ""},
    {"JX-START-02", "第7条从严罪犯减刑起始时间", "法释〔2016〕23号 第7条", C::kDecided, ""},
    {"JX-CAP-02", "第7条从严罪犯一次减刑幅度", "法释〔2016〕23号 第7条", C::kDecided, ""},
    {"JX-INTV-03", "第7条从严罪犯减刑间隔", "法释〔2016〕23号 第7条", C::kPartial,
     "“数罪并罚且其中两罪以上被判处十年以上”需要各罪刑期，交换规范 v1 未提供"},
    {"JX-START-03", "贪污贿赂罪犯减刑起始时间", "法释〔2019〕6号", C::kDecided, ""},
    {"JX-CAP-03", "贪污贿赂罪犯减刑幅度", "法释〔2019〕6号", C::kDecided, ""},
    {"JX-INTV-05", "贪污贿赂罪犯减刑间隔", "法释〔2019〕6号", C::kDecided, ""},
    {"JX-START-04", "无期徒刑减刑起始时间", "法释〔2016〕23号 第8条", C::kDecided, ""},
    {"JX-CAP-04", "无期徒刑减为有期的刑期", "法释〔2016〕23号 第8条", C::kDecided, ""},
    {"JX-INTV-04", "无期徒刑减为有期后的减刑间隔", "法释〔2016〕23号 第8条", C::kDecided, ""},
    {"JX-CAP-05", "从严无期徒刑罪犯减刑", "法释〔2016〕23号 第9条", C::kPartial,
     "“数罪并罚被判处无期徒刑”需要罪数信息，交换规范 v1 未提供；其余类别已审查"},
    {"JX-START-05", "死缓减为无期后的减刑起始时间", "法释〔2016〕23号 第10条、第11条", C::kDecided, ""},
    {"JX-CAP-06", "死缓减为无期后的减刑幅度", "法释〔2016〕23号 第10条、第11条", C::kPartial,
     "第11条“数罪并罚被判处死缓”需要罪数信息，交换规范 v1 未提供；其余类别已审查"},
    {"JX-START-06", "限制减刑的死缓减刑起始时间", "法释〔2016〕23号 第13条", C::kDecided, ""},
    {"JX-CAP-07", "限制减刑的死缓减为有期后的幅度与间隔", "法释〔2016〕23号 第14条", C::kDecided, ""},
    {"JX-START-07", "撤销假释后减刑起始时间自收监之日起算", "法释〔2016〕23号 第30条第2款", C::kDecided, ""},
    {"JX-SHORT-01", "管制、拘役、余刑不满二年的减刑起始时间", "法释〔2016〕23号 第16条", C::kDecided, ""},
    {"JX-PROB-01", "缓刑罪犯减刑须有重大立功", "法释〔2016〕23号 第18条；刑法 第78条", C::kPartial,
     "无重大立功而减刑已审查；缩减后的考验期下限需要变动后的考验期，交换规范 v1 的刑期变动记录不含此项"},
    {"JX-MINOR-01", "未成年罪犯减刑放宽（不超过三分之一）", "法释〔2016〕23号 第19条", C::kDecided, ""},
    {"JX-ELDER-01", "老病残罪犯减刑放宽（不超过三分之一）", "法释〔2016〕23号 第20条", C::kDecided, ""},
    {"JX-NEWCRIME-01", "执行期间又故意犯罪后的减刑限制", "法释〔2016〕23号 第21条、第33条、第34条", C::kPartial,
     "新罪判决生效后三年（无期四年）内不得减刑已审查，但仅在案件写明新罪判决时（交换规范 v1 不区分新罪与漏罪）；减刑效力的重新确定未实现"},
    {"JX-RETRIAL-01", "再审后减刑裁定的效力", "法释〔2016〕23号 第32条", C::kNotYet,
     "交换规范 v1 无再审信息"},
    {"JX-PROP-01", "财产性判项的范围", "法释〔2016〕23号 第41条", C::kDecided, ""},
    {"JX-PROP-02", "有履行能力而不履行财产性判项", "法释〔2016〕23号 第7条、第27条；法释〔2024〕5号 第4条", C::kDecided, ""},
    {"JX-PROP-03", "视为有履行能力而不履行的情形", "法释〔2024〕5号 第6条；法发〔2021〕31号 第7条", C::kPartial,
     "依据狱内消费推定履行能力（参数 ability_spending）已实现；隐匿、转移财产等其他情形需要执行法院的认定；情形消失后六个月的等待期需要认定情形消失之日，暂未实现"},
    {"JX-PROP-04", "无履行能力不影响悔改表现的认定", "法释〔2024〕5号 第7–9条", C::kDecided, ""},
    {"JX-PROP-05", "职务、金融、涉黑罪犯的退赃退赔", "法释〔2016〕23号 第3条第2款；法释〔2024〕5号 第12条", C::kNotYet,
     "是否“积极退赃”属于对表现的判断，需阅卷；交换规范 v1 不区分退赃与罚金"},
    {"JX-EVID-01", "计分与奖励的真实性", "法发〔2021〕31号 第5条", C::kNotYet,
     "属证据审查，由计分考核模型（M09）和人工阅卷完成"},
    {"JX-EVID-02", "罪犯自书材料", "法发〔2021〕31号 第5条", C::kNotYet, "需阅卷比对笔迹与文化程度"},
    {"JX-EVID-03", "立功、重大立功的证据", "法发〔2021〕31号 第6条；法释〔2016〕23号 第4条、第5条", C::kNotYet,
     "立功线索来源与发明能力需阅卷审查；引擎只核对减刑理由与幅度"},
    {"JX-EVID-04", "身份不明罪犯", "法发〔2021〕31号 第9条", C::kNotYet, "交换规范 v1 无身份核实状态"},
    {"JX-SUBST-01", "实质化审理的审查事项", "法发〔2021〕31号", C::kNotYet,
     "属审查方法要求，分解到 JX-EVID-*、JX-PROP-03、JX-COURT-04 等规则"},
    // ---- §4 parole ----
    {"JX-PAROLE-01", "有期徒刑假释的执行刑期", "刑法 第81条；法释〔2016〕23号 第23条第1款", C::kDecided, ""},
    {"JX-PAROLE-02", "无期徒刑假释的执行刑期", "法释〔2016〕23号 第23条第2款", C::kDecided, ""},
    {"JX-PAROLE-03", "死缓减刑后假释的执行刑期", "法释〔2016〕23号 第23条第3款", C::kDecided, ""},
    {"JX-PAROLE-04", "不得假释的罪犯", "刑法 第81条第2款；法释〔2016〕23号 第25条", C::kPartial,
     "累犯和暴力犯罪十年以上已审查；1997年10月1日前犯罪适用旧刑法的例外需要犯罪时间，交换规范 v1 未提供"},
    {"JX-PAROLE-05", "有履行能力不履行财产性判项不得假释", "法释〔2016〕23号 第27条", C::kDecided, ""},
    {"JX-PAROLE-06", "减刑后假释的间隔", "法释〔2016〕23号 第28条；法释〔2012〕2号 第22条", C::kDecided, ""},
    {"JX-PAROLE-07", "同时符合减刑、假释条件的优先适用假释", "法释〔2016〕23号 第26条", C::kPartial,
     "资格计算（eligibility）标出已满假释条件的罪犯；是否“优先”属裁量，不判违法"},
    {"JX-PAROLE-08", "撤销假释后一般不得再假释", "法释〔2016〕23号 第30条", C::kDecided, ""},
    {"JX-PAROLE-09", "贪污贿赂罪犯假释从严", "法释〔2019〕6号", C::kDecided, ""},
    // ---- §5 procedure ----
    {"JX-DELIV-01", "法院送达执行文书（10日）", "刑事诉讼法 第264条", C::kNotYet, "交换规范 v1 无文书送达日期"},
    {"JX-DELIV-02", "交付执行期限", "监狱法 第15条；刑诉规则 第625条", C::kDecided, ""},
    {"JX-DELIV-03", "余刑三个月以下由看守所代为执行", "刑事诉讼法 第264条第2款；刑诉规则 第659条", C::kDecided, ""},
    {"JX-DELIV-04", "收监后通知家属", "监狱法 第20条", C::kNotYet, "交换规范 v1 无通知记录"},
    {"JX-COURT-01", "减刑、假释案件审理期限", "法释〔2014〕5号 第1条；法释〔2021〕1号 第534条", C::kPartial,
     "以提请日期代替法院收到日期计算，超过期限时列为需人工审查而非违法；延长审批无记录"},
    {"JX-COURT-02", "材料不全的补送期限", "法释〔2014〕5号 第2条", C::kNotYet, "交换规范 v1 无立案、补送记录"},
    {"JX-COURT-03", "立案后公示", "法释〔2014〕5号 第3条", C::kNotYet, "交换规范 v1 无公示记录"},
    {"JX-COURT-04", "应当开庭审理的案件", "法释〔2014〕5号 第6条；法释〔2021〕1号 第538条", C::kNotYet,
     "交换规范 v1 无审理方式记录"},
    {"JX-COURT-05", "开庭公告与提讯", "法释〔2014〕5号 第9条、第15条", C::kNotYet, "交换规范 v1 无开庭记录"},
    {"JX-COURT-06", "裁定送达（7日）", "法释〔2014〕5号 第18条", C::kPartial,
     "以裁定生效日期近似送达日期；超过7日列为需人工审查"},
    {"JX-COURT-07", "纠正意见后重新审理（1个月）", "刑事诉讼法 第274条", C::kNotYet,
     "重新审理的裁定在交换规范 v1 中与原裁定无法区分；由办案流程跟踪：书面纠正意见制发后登记一个月的重新审理期限"},
    {"JX-PROS-01", "对提请减刑、假释提出检察意见（10日）", "刑诉规则 第635条", C::kPartial,
     "以提请日期代替检察院收到副本日期；超过二十日列为需人工审查"},
    {"JX-PROS-02", "对不当裁定提出纠正意见（20日）", "刑事诉讼法 第274条；刑诉规则 第639条", C::kPartial,
     "检察意见为不同意且意见日期在裁定之后时审查二十日期限；收到裁定副本日期以裁定日期代替"},
    {"JX-PROS-03", "纠正意见的跟踪", "刑诉规则 第641条", C::kNotYet,
     "属办案流程：书面纠正意见案件登记法院重新审理期限（JX-COURT-07）与回复、采纳情况；重新裁定是否合法需人工审查"},
    {"JX-PROS-04", "纠正违法的递进方式", "刑诉规则 第624条", C::kNotYet,
     "属办案流程：口头纠正后登记七日期限，逾期未改正的案件列入逾期清单并可转为书面纠正或升级监督"},
    {"JX-PROS-05", "检察院审查减刑、假释的事项", "刑诉规则 第636条、第638条", C::kPartial,
     "条件、幅度、起始时间、间隔、执行刑期均已由各规则审查；程序事项见 JX-COURT-*"},
    {"JX-PROS-06", "应当调查核实的案件", "高检发监字〔2014〕8号 第6条", C::kNotYet,
     "第(2)–(6)项条文未经核实；属办案流程"},
    // ---- §6 temporary release ----
    {"JX-ZJ-01", "暂予监外执行的适用条件", "刑事诉讼法 第265条；暂予监外执行规定 第5条", C::kPartial,
     "刑种限制（死缓不得、无期限于怀孕哺乳的妇女）已审查；疾病是否在《保外就医严重疾病范围》内需阅卷"},
    {"JX-ZJ-02", "不得暂予监外执行的情形", "刑事诉讼法 第265条第3款", C::kNotYet, "社会危险性、自伤自残需阅卷判断"},
    {"JX-ZJ-03", "职务、金融、涉黑罪犯保外就医从严", "暂予监外执行规定 第6条第2款", C::kPartial,
     "对这三类罪犯的暂予监外执行标注提示；病种与危险程度需阅卷"},
    {"JX-ZJ-04", "累犯、暴力犯罪罪犯暂予监外执行的执行刑期", "暂予监外执行规定 第7条", C::kDecided, ""},
    {"JX-ZJ-05", "生活不能自理的认定", "暂予监外执行规定 第33条", C::kNotYet, "交换规范 v1 无鉴定结论"},
    {"JX-ZJ-06", "病情诊断的程序", "暂予监外执行规定 第9条", C::kNotYet, "交换规范 v1 无诊断记录"},
    {"JX-ZJ-07", "暂予监外执行审批时限", "暂予监外执行规定 第13–18条", C::kNotYet,
     "交换规范 v1 无公示、审批各环节日期；交付社区矫正由模型 M13 审查"},
    {"JX-ZJ-08", "检察院对暂予监外执行的监督期限", "刑诉规则 第630条、第632条", C::kNotYet,
     "属办案流程：暂予监外执行提请的审查案件登记十日意见期限，收到决定后登记一个月书面意见期限"},
    {"JX-ZJ-09", "保外就医病情复查（3个月）", "社区矫正法实施办法 第24条；暂予监外执行规定 第21条", C::kPartial,
     "复查间隔已由引擎和模型 M12 审查（law::MedicalReviewDue）；经批准变更复查期限的记录交换规范 v1 未提供", "M12"},
    {"JX-ZJ-10", "应当收监的情形", "刑事诉讼法 第268条；社区矫正法 第49条", C::kPartial,
     "复查结论为不再符合条件后未收监已由引擎和模型 M12 审查（参数 recommit_days，law::RecommitDue）；警告次数等其他收监事由由社区矫正模型审查", "M12"},
    {"JX-ZJ-11", "刑期届满与死亡的通知", "暂予监外执行规定 第27条、第28条", C::kPartial,
     "由模型 M18（死亡未销案）判断死亡后仍在暂予监外执行、社区矫正名单中的情形；通知本身交换规范 v1 无记录", "M18"},
    {"JX-ZJ-12", "“一保到底”", "检例第132号", C::kNotYet, "需医学判断"},
    // ---- §7 community correction (decided by supervision models) ----
    {"JX-CC-01", "社区矫正对象报到（10日）", "社区矫正法 第21条；法释〔2021〕1号 第519条", C::kDecided,
     "由模型 M13（社区矫正漏管）判断：判决、裁定生效后没有社区矫正记录，或未在十日内报到（law::ReportDeadline）", "M13"},
    {"JX-CC-02", "决定机关通知社区矫正机构、送达法律文书", "社区矫正法 第20条；社区矫正法实施办法 第16条", C::kNotYet,
     "交换规范 v1 无通知、送达、回执日期"},
    {"JX-CC-03", "离开所居住市、县的请假与审批", "社区矫正法 第27条；社区矫正法实施办法 第26–28条", C::kPartial,
     "由模型 M14（越界）判断未经批准离开居住县，M16 判断请假期满逾期未归；提前三日申请（“一般”）、审批权限（七日、三十日、二个月内累计三十日，law::LeaveRulesOn）和无正当理由不予批准（JX-CC-03R）暂不判断", "M14、M16"},
    {"JX-CC-04", "经常性跨市、县活动的批准（6个月）", "社区矫正法实施办法 第29条", C::kNotYet,
     "交换规范 v1 的请假记录不区分经常性跨市、县活动"},
    {"JX-CC-05", "变更执行地", "社区矫正法实施办法 第30条、第31条", C::kNotYet,
     "交换规范 v1 只有“变更执行地”事件，无申请、移交和到新执行地报到的日期"},
    {"JX-CC-06", "训诫的情形", "社区矫正法实施办法 第34条", C::kNotYet,
     "是否训诫属社区矫正机构裁量；脱离监管不超过十日的数值见法定数值表"},
    {"JX-CC-07", "警告的情形", "社区矫正法实施办法 第35条", C::kPartial,
     "2026-02-21前没有全国统一的脱管时长标准，M15、M16 对此前开始的失联、逾期未归以“超过十日”（给予警告的情形）为界标出（law::AbsenceThresholdOn）；是否给予警告及其他情形暂不判断", "M15、M16"},
    {"JX-CC-08", "提请撤销缓刑的情形", "社区矫正法实施办法 第46条；法释〔2021〕1号 第543条", C::kNotYet,
     "是否应当提请撤销需综合违规情节，交换规范 v1 的事件记录不足以判断；脱离监管超过一个月的数值见法定数值表"},
    {"JX-CC-09", "提请撤销假释的情形", "社区矫正法实施办法 第47条", C::kNotYet,
     "同 JX-CC-08"},
    {"JX-CC-10", "提请撤销时的逮捕与羁押期限", "社区矫正法 第47条、第48条", C::kNotYet,
     "交换规范 v1 无逮捕决定和撤销裁定的时间记录"},
    {"JX-CC-11", "电子定位装置的适用条件与期限", "社区矫正法 第29条；社区矫正法实施办法 第37条", C::kNotYet,
     "交换规范 v1 只标注是否适用电子定位，无审批、期限和延长记录"},
    {"JX-CC-12", "掌握活动情况与失联后查找", "社区矫正法 第26条；社区矫正法实施办法 第23条、第38条", C::kNotYet,
     "失联本身由 JX-CC-14（M15）判断；是否立即查找、通知检察院无记录"},
    {"JX-CC-13", "其他通知与表扬条件", "社区矫正法实施办法 第32条、第33条、第41条、第53条", C::kNotYet,
     "交换规范 v1 无相应通知和奖惩记录"},
    {"JX-CC-14", "漏管、脱管的认定（48小时）", "司发通〔2026〕8号", C::kDecided,
     "由模型 M15（失联）、M16（请假逾期未归）判断：无正当理由失联、逾期未归超过四十八小时（law::AbsenceThresholdOn）；四十八小时标准自2026-02-21施行，文本只见单一来源（未经核实），此前按 JX-CC-07 的十日；漏管中的未按时报到由 M13 按 JX-CC-01 判断", "M15、M16"},
    {"JX-CC-15", "检察院对社区矫正的审查事项", "刑诉规则 第642–644条", C::kNotYet,
     "属审查方法要求，分解到 JX-CC-* 各规则和模型 M12–M17"},
    // ---- §8 custody limits ----
    {"JX-CUST-01", "超期羁押", "刑事诉讼法 第91条、第156–160条、第172条、第208条、第243条；刑诉规则 第618条", C::kDecided,
     "由模型 M21（看守所超期羁押）按各羁押阶段的期限判断（law::CustodyStageLimit）；有延长文书而超过延长后期限、或连续延长的两种算法结论不同的，列为需人工审查", "M21"},
    {"JX-CUST-02", "换押与羁押期限届满提示（届满前7日）", "刑诉规则 第615条；看守所条例 第43条", C::kNotYet,
     "交换规范 v1 无换押和届满通知记录"},
    {"JX-CUST-03", "延长、重新计算羁押期限等事项的通知（10日）", "刑诉规则 第614条", C::kNotYet,
     "交换规范 v1 只有延长文书号，无通知日期"},
    {"JX-CUST-04", "久押不决（5年）", "人民检察院刑事执行检察部门预防和纠正超期羁押和久押不决案件工作规定（试行）", C::kNotYet,
     "数值见法定数值表（law::ProtractedCustodyFrom，规定日期未经核实）；交换规范 v1 的羁押记录按阶段分行，尚无模型把同一案件的各阶段连起来计算"},
    {"JX-CUST-05", "羁押必要性审查", "刑事诉讼法 第95条；刑诉规则 第573–582条", C::kNotYet,
     "证据变化、可能判处的刑罚需阅卷判断"},
    // ---- §9 prison scoring ----
    {"JX-PTS-01", "月度基础分", "司规〔2021〕3号 第10–13条、第20条", C::kNotYet,
     "交换规范 v1 的计分记录只有月度合计，无分项和劳动能力评估；基础分用于计算加分上限（JX-PTS-02）"},
    {"JX-PTS-02", "日常加分上限（各部分基础分的50%）", "司规〔2021〕3号 第10–13条", C::kPartial,
     "由模型 M09（计分考核异常）判断2021-10-01以后月度日常加分合计超过五十分（law::PointsRulesOn）；交换规范 v1 只有月度加分合计，分项上限和分项不得互补暂不判断；M09 另以参数（Q3 + 3×IQR）标出异常高分，属参数而非法定数值", "M09"},
    {"JX-PTS-03", "专项加分上限", "司规〔2021〕3号 第14条", C::kNotYet,
     "交换规范 v1 不区分日常加分与专项加分"},
    {"JX-PTS-04", "扣分（警告、记过、禁闭）", "司规〔2021〕3号 第15条", C::kPartial,
     "由模型 M09 判断受警告、记过、禁闭当月仍有加分；扣分数额与禁闭期间基础分为零暂不核对", "M09"},
    {"JX-PTS-05", "考核周期（600分）", "司规〔2021〕3号 第4条、第18条、第38条", C::kNotYet,
     "交换规范 v1 无考核周期记录"},
    {"JX-PTS-06", "考核等级", "司规〔2021〕3号 第21–23条", C::kNotYet,
     "积极等级比例需参评人数，等级的排除条件需阅卷；暂无模型"},
    {"JX-PTS-07", "奖励与公示", "司规〔2021〕3号 第38条、第39条", C::kNotYet, "交换规范 v1 无公示记录"},
    {"JX-PTS-08", "从严计分的罪犯", "司规〔2021〕3号 第19条", C::kNotYet,
     "“从严”的具体数值由省级规定（未经核实）"},
    {"JX-PTS-09", "计分考核程序", "司规〔2021〕3号 第25–36条", C::kNotYet, "交换规范 v1 无审批、公示、复查记录"},
    {"JX-PTS-10", "计分的清零与中止", "司规〔2021〕3号 第30–34条", C::kNotYet,
     "交换规范 v1 无清零、中止记录"},
    {"JX-PTS-11", "检察院纠正后的整改期限（5个工作日）", "司规〔2021〕3号 第49条", C::kNotYet,
     "属办案流程：计分考核（M09）线索立案制发纠正违法通知书后，回复期限按五个工作日登记"},
    {"JX-PTS-12", "计分考核与减刑的关系", "司规〔2021〕3号 第5条、第41条；法发〔2021〕31号 第1条", C::kNotYet,
     "全国没有“表扬次数达到若干即可减刑”的标准（未经核实，由省级规定）；提请材料的完整性属阅卷审查"},
    // ---- §10 labour time ----
    {"JX-LAB-01", "罪犯劳动时间参照国家工时制度", "监狱法 第71条", C::kNotYet,
     "具体数值见 JX-LAB-02（M11）"},
    {"JX-LAB-02", "罪犯劳动工时（每日8小时、每周48小时，未成年犯4小时、24小时，每周至少休息1日）", "司法部《关于罪犯劳动工时的规定》（文号、日期未经核实）", C::kDecided,
     "由模型 M11（超时劳动）判断；数值未经核实，模型以参数提供，默认取规则表的数值（law::DefaultLabourLimits）", "M11"},
    {"JX-LAB-03", "延长劳动时间的审批", "司法部《关于罪犯劳动工时的规定》 第6条、第7条", C::kNotYet,
     "交换规范 v1 无加班审批记录"},
    {"JX-LAB-04", "“5+1+1”劳动、教育、休息模式", "无全国规范文本", C::kNotYet, "属政策而非法律"},
    {"JX-LAB-05", "社区服务不得超时、超强度", "刑诉规则 第643条", C::kNotYet, "交换规范 v1 无社区服务记录"},
    // ---- §11 property penalties ----
    {"JX-FIN-01", "财产刑由第一审法院执行", "法释〔2014〕13号 第2条", C::kNotYet, "暂无模型核对执行法院"},
    {"JX-FIN-02", "移送立案执行（立案7日）", "法释〔2014〕13号 第7条", C::kPartial,
     "由模型 M19（财产刑未移送执行）判断判决生效后未立案执行；法律没有规定刑事审判部门移送执行的期限，M19 以参数 property_transfer_days（默认判决生效后30日，MODELS.md）审查，依据写 PARAM；交换规范 v1 无移送日期，立案七日暂不判断", "M19"},
    {"JX-FIN-03", "执行期限（6个月）", "法释〔2014〕13号 第3条", C::kNotYet,
     "交换规范 v1 无延长审批记录；数值见 law::PropertyExecutionDeadline"},
    {"JX-FIN-04", "没收财产的范围", "法释〔2014〕13号 第9条", C::kNotYet, "需阅卷"},
    {"JX-FIN-05", "财产不足时的清偿顺序", "法释〔2014〕13号 第13条；法释〔2021〕1号 第527条", C::kNotYet,
     "交换规范 v1 无民事赔偿记录"},
    {"JX-FIN-06", "罚金的缴纳、强制缴纳与减免", "刑法 第53条；法释〔2021〕1号 第523条、第524条", C::kNotYet,
     "交换规范 v1 无分期、减免记录"},
    {"JX-FIN-07", "财产刑执行的纠正事由", "刑诉规则 第645条", C::kPartial,
     "由模型 M20（财产刑执行不到位）判断中止或终结本次执行而账户显示有履行能力的情形；其他纠正事由需阅卷", "M20"},
    {"JX-FIN-08", "与狱内消费的关联", "见 JX-PROP-03", C::kPartial,
     "同 JX-PROP-03：依据狱内消费推定履行能力（参数 ability_spending），由引擎和模型 M20 使用", "M20"},
    // ---- §12 detention centres, compulsory medical treatment, residential surveillance ----
    {"JX-KSS-01", "看守所值班、死亡报告、超期报告与换押", "看守所条例 第15条、第25条、第27条、第43条", C::kPartial,
     "由模型 M18（死亡未销案）判断死亡后仍在羁押名单中的情形；值班、户外活动、换押通知交换规范 v1 无记录；超期由 JX-CUST-01（M21）判断", "M18"},
    {"JX-KSS-02", "留所服刑罪犯与犯罪嫌疑人分别关押", "刑诉规则 第659条", C::kNotYet,
     "交换规范 v1 无监室记录；留所服刑的余刑由 JX-DELIV-03 审查"},
    {"JX-QZYL-01", "强制医疗的期限", "刑事诉讼法 第302–307条；法释〔2021〕1号 第630–649条；刑诉规则 第651–653条；高检发执检字〔2016〕9号", C::kPartial,
     "由模型 M25（强制医疗交付执行超期）判断决定后五日内未交付执行（law::CompulsoryMedicalServeDeadline：法律只规定五日内送达公安机关，未另定交付期限）；受理、复议、解除等期限交换规范 v1 无记录；定期诊断评估的频率未经核实", "M25"},
    {"JX-ZJJ-01", "指定居所监视居住", "刑事诉讼法 第75条、第76条、第79条；刑诉规则 第116–120条", C::kNotYet,
     "决定书副本送达检察院的期限未找到全国规定（未经核实）：M24 以参数 rsdl_copy_days（默认3日，地方规定）审查，依据写 PARAM 而非本规则；六个月期限、二十四小时通知的数值见法定数值表"},
    // ---- §14 legacy regimes ----
    {"JX-LEG2012", "法释〔2012〕2号（2012-07-01至2016-12-31）", "法释〔2012〕2号", C::kDecided, ""},
    {"JX-LEG1997", "法释〔1997〕6号（2012-07-01前）", "法释〔1997〕6号", C::kPartial,
     "细则未经核实，2012-07-01前的减刑、假释只审查刑法规定的下限和假释条件，其余列为需人工审查"},
};

constexpr Period Y(int y) { return Period::Years(y); }
constexpr Period M(int m) { return Period::Months(m); }
constexpr Period YM(int y, int m) { return Period::YearsMonths(y, m); }
constexpr Period D(int d) { return Period::Days(d); }

constexpr std::string_view k2016 = "法释〔2016〕23号";

// Days since 1970-01-01 of a civil date, at compile time (the table is constexpr; the
// `k…From` dates of the headers are checked against these rows by tests).
constexpr Date Civil(int y, int m, int d) { return Date::FromDays(DaysFromCivil(y, m, d)); }
constexpr LawNumber From(LawNumber n, Date from) {
  n.from = from;
  return n;
}
constexpr LawNumber Until(LawNumber n, Date until) {
  n.until = until;
  return n;
}
constexpr LawNumber Work(LawNumber n) {
  n.working_days = true;
  return n;
}

constexpr Date kCc2020 = Civil(2020, 7, 1);   // 社区矫正法、实施办法
constexpr Date kFin2014 = Civil(2014, 11, 6);  // 法释〔2014〕13号

constexpr LawNumber kNumbers[] = {
    {N::kSurveillanceMin, M(3), "JX-TERM-03", "刑法 第38条", "管制最短"},
    {N::kSurveillanceMax, Y(3), "JX-TERM-03", "刑法 第38条、第69条", "管制最长（数罪并罚）"},
    {N::kDetentionMin, M(1), "JX-TERM-02", "刑法 第42条", "拘役最短"},
    {N::kDetentionMax, Y(1), "JX-TERM-02", "刑法 第42条、第69条", "拘役最长（数罪并罚）"},
    {N::kProbationDetentionMin, M(2), "JX-TERM-06", "刑法 第73条", "拘役缓刑考验期最短"},
    {N::kProbationDetentionMax, Y(1), "JX-TERM-06", "刑法 第73条", "拘役缓刑考验期最长"},
    {N::kProbationFixedMin, Y(1), "JX-TERM-06", "刑法 第73条", "有期徒刑缓刑考验期最短"},
    {N::kProbationFixedMax, Y(5), "JX-TERM-06", "刑法 第73条", "有期徒刑缓刑考验期最长"},
    {N::kProbationMaxTerm, Y(3), "JX-TERM-06", "刑法 第72条", "可以宣告缓刑的最高刑期"},
    {N::kReprieve, Y(2), "JX-TERM-05", "刑法 第48条、第51条", "死刑缓期执行期间"},
    {N::kReleaseGraceDays, D(1), "JX-TERM-10", "监狱法 第35条", "刑满当日或次日释放"},
    {N::kLifeParoleProbation, Y(10), "JX-TERM-07", "刑法 第83条", "无期徒刑假释考验期"},
    {N::kReprieveToFixedTerm, Y(25), "JX-TERM-05", "刑法 第50条", "死缓确有重大立功减为二十五年"},

    {N::kStart16Under5y, Y(1), "JX-START-01", "法释〔2016〕23号 第6条第1款", "原判不满五年"},
    {N::kStart16From5y, YM(1, 6), "JX-START-01", "法释〔2016〕23号 第6条第1款", "原判五年以上不满十年"},
    {N::kStart16From10y, Y(2), "JX-START-01", "法释〔2016〕23号 第6条第1款", "原判十年以上"},
    {N::kStart16Special, Y(2), "JX-START-02", "法释〔2016〕23号 第7条", "第7条从严罪犯"},
    {N::kStart16Life, Y(2), "JX-START-04", "法释〔2016〕23号 第8条", "无期徒刑"},
    {N::kStart16LifeSpecial, Y(3), "JX-CAP-05", "法释〔2016〕23号 第9条", "从严无期徒刑罪犯"},
    {N::kStart16ReprieveLife, Y(3), "JX-START-05", "法释〔2016〕23号 第10条、第11条", "死缓减为无期后"},
    {N::kStart16ReprieveLifeRestricted, Y(5), "JX-START-06", "法释〔2016〕23号 第13条", "限制减刑的死缓减为无期后"},

    {N::kCap16Repentance, M(9), "JX-CAP-01", "法释〔2016〕23号 第6条第2款", "确有悔改表现或有立功表现"},
    {N::kCap16RepentanceMerit, Y(1), "JX-CAP-01", "法释〔2016〕23号 第6条第2款", "确有悔改表现并有立功表现"},
    {N::kCap16MajorMerit, YM(1, 6), "JX-CAP-01", "法释〔2016〕23号 第6条第2款", "有重大立功表现"},
    {N::kCap16RepentanceMajorMerit, Y(2), "JX-CAP-01", "法释〔2016〕23号 第6条第2款", "确有悔改表现并有重大立功表现"},
    {N::kCap16Special, Y(1), "JX-CAP-02", "法释〔2016〕23号 第7条、第9条、第11条", "从严罪犯一次减刑"},
    {N::kCap16Restricted, M(6), "JX-CAP-07", "法释〔2016〕23号 第14条", "限制减刑的死缓减为有期后"},
    {N::kCap16RestrictedMajorMerit, Y(1), "JX-CAP-07", "法释〔2016〕23号 第14条", "同上，有重大立功"},

    {N::kIntv16Under10y, Y(1), "JX-INTV-01", "法释〔2016〕23号 第6条第3款", "原判不满十年"},
    {N::kIntv16From10y, YM(1, 6), "JX-INTV-01", "法释〔2016〕23号 第6条第3款", "原判十年以上"},
    {N::kIntv16Special, Y(1), "JX-INTV-03", "法释〔2016〕23号 第7条第1款", "从严罪犯，十年以下"},
    {N::kIntv16SpecialFrom10y, YM(1, 6), "JX-INTV-03", "法释〔2016〕23号 第7条第2款", "从严罪犯，十年以上"},
    {N::kIntv16Life, Y(2), "JX-INTV-04", "法释〔2016〕23号 第8条、第9条、第10条、第11条、第14条", "无期、死缓减为有期后"},

    {N::kLife16Repentance, Y(22), "JX-CAP-04", "法释〔2016〕23号 第8条", "悔改或立功：减为二十二年"},
    {N::kLife16RepentanceMeritLo, Y(21), "JX-CAP-04", "法释〔2016〕23号 第8条", "悔改并立功：二十一年以上二十二年以下"},
    {N::kLife16MajorMeritLo, Y(20), "JX-CAP-04", "法释〔2016〕23号 第8条", "重大立功：二十年以上二十一年以下"},
    {N::kLife16RepMajorMeritLo, Y(19), "JX-CAP-04", "法释〔2016〕23号 第8条", "悔改并重大立功：十九年以上二十年以下"},
    {N::kLife16SpecialMin, Y(20), "JX-CAP-05", "法释〔2016〕23号 第9条", "从严无期罪犯减为有期不少于二十年"},
    {N::kReprieve16Repentance, Y(25), "JX-CAP-06", "法释〔2016〕23号 第10条", "死缓减为无期后，悔改或立功：二十五年"},
    {N::kReprieve16RepentanceMeritLo, Y(24), "JX-CAP-06", "法释〔2016〕23号 第10条", "悔改并立功：二十四年以上二十五年以下"},
    {N::kReprieve16MajorMeritLo, Y(23), "JX-CAP-06", "法释〔2016〕23号 第10条", "重大立功：二十三年以上二十四年以下"},
    {N::kReprieve16RepMajorMeritLo, Y(22), "JX-CAP-06", "法释〔2016〕23号 第10条", "悔改并重大立功：二十二年以上二十三年以下"},
    {N::kReprieve16SpecialMeritLo, Y(23), "JX-CAP-06", "法释〔2016〕23号 第11条", "从严死缓罪犯有立功：二十三年以上二十五年以下"},

    {N::kStart19Under10y, Y(2), "JX-START-03", "法释〔2019〕6号 第2条", "贪污贿赂，不满十年"},
    {N::kStart19From10y, Y(3), "JX-START-03", "法释〔2019〕6号 第2条", "贪污贿赂，十年以上"},
    {N::kStart19Life, Y(4), "JX-START-03", "法释〔2019〕6号 第3条、第4条", "贪污贿赂，无期、死缓减为无期"},
    {N::kIntv19Under10y, YM(1, 6), "JX-INTV-05", "法释〔2019〕6号 第2条", "贪污贿赂，不满十年"},
    {N::kIntv19From10y, Y(2), "JX-INTV-05", "法释〔2019〕6号 第2条", "贪污贿赂，十年以上；无期、死缓减为有期后"},
    {N::kCap19Repentance, M(6), "JX-CAP-03", "法释〔2019〕6号 第2条", "贪污贿赂，悔改或立功"},
    {N::kCap19RepentanceMerit, M(9), "JX-CAP-03", "法释〔2019〕6号 第2条", "贪污贿赂，悔改并立功"},
    {N::kCap19MajorMerit, Y(1), "JX-CAP-03", "法释〔2019〕6号 第2条", "贪污贿赂，重大立功"},
    {N::kLife19Repentance, Y(23), "JX-CAP-03", "法释〔2019〕6号 第3条", "贪污贿赂无期，悔改或立功：二十三年"},
    {N::kLife19RepentanceMeritLo, Y(22), "JX-CAP-03", "法释〔2019〕6号 第3条", "悔改并立功：二十二年以上二十三年以下"},
    {N::kLife19MajorMeritLo, Y(21), "JX-CAP-03", "法释〔2019〕6号 第3条", "重大立功：二十一年以上二十二年以下"},
    {N::kReprieve19Repentance, Y(25), "JX-CAP-03", "法释〔2019〕6号 第4条", "贪污贿赂死缓减为无期后，悔改或立功：二十五年"},
    {N::kReprieve19RepentanceMeritLo, YM(24, 6), "JX-CAP-03", "法释〔2019〕6号 第4条", "悔改并立功：二十四年六个月以上二十五年以下"},
    {N::kReprieve19MajorMeritLo, Y(24), "JX-CAP-03", "法释〔2019〕6号 第4条", "重大立功：二十四年以上二十四年六个月以下"},

    {N::kStart12From5y, YM(1, 6), "JX-LEG2012", "法释〔2012〕2号 第6条", "原判五年以上"},
    {N::kStart12Life, Y(2), "JX-LEG2012", "法释〔2012〕2号 第7条", "无期徒刑"},
    {N::kIntv12, Y(1), "JX-LEG2012", "法释〔2012〕2号 第6条", "两次减刑间隔（一般）"},
    {N::kCap12Repentance, Y(1), "JX-LEG2012", "法释〔2012〕2号 第5条", "悔改或立功（一般）"},
    {N::kCap12Major, Y(2), "JX-LEG2012", "法释〔2012〕2号 第5条", "悔改并立功或重大立功（一般）"},
    {N::kLife12Lo, Y(20), "JX-LEG2012", "法释〔2012〕2号 第7条", "无期减为有期，悔改或立功：二十年以上"},
    {N::kLife12Hi, Y(22), "JX-LEG2012", "法释〔2012〕2号 第7条", "无期减为有期：二十二年以下"},
    {N::kLife12MajorLo, Y(15), "JX-LEG2012", "法释〔2012〕2号 第7条", "重大立功：十五年以上二十年以下"},
    {N::kReprieve12Repentance, Y(25), "JX-LEG2012", "法释〔2012〕2号 第9条", "死缓减为无期后，悔改或立功：二十五年"},
    {N::kReprieve12Major, Y(23), "JX-LEG2012", "法释〔2012〕2号 第9条", "死缓减为无期后，重大立功：二十三年"},
    {N::kShort12Remaining, Y(1), "JX-SHORT-01", "法释〔2012〕2号 第11条", "余刑不满一年可缩短起始时间"},
    {N::kShort16Remaining, Y(2), "JX-SHORT-01", "法释〔2016〕23号 第16条", "余刑不满二年可缩短起始时间"},

    {N::kFloorLife, Y(13), "JX-FLOOR-02", "刑法 第78条", "无期徒刑实际执行下限"},
    {N::kFloorLifePre2011, Y(10), "JX-FLOOR-02", "刑法（1997）第78条", "2011-05-01前生效的无期徒刑", true},
    {N::kFloorReprieve, Y(15), "JX-FLOOR-04", "法释〔2016〕23号 第12条", "死缓减刑后实际执行（不含考验期）"},
    {N::kFloorRestrictedLife, Y(25), "JX-FLOOR-03", "刑法 第78条", "限制减刑的死缓减为无期"},
    {N::kFloorRestrictedFixed, Y(20), "JX-FLOOR-03", "刑法 第78条", "限制减刑的死缓减为二十五年"},

    {N::kParoleLife, Y(13), "JX-PAROLE-02", "刑法 第81条；法释〔2016〕23号 第23条第2款", "无期徒刑假释"},
    {N::kParoleLifePre2011, Y(10), "JX-PAROLE-02", "刑法（1997）第81条", "2011-05-01前生效的无期徒刑", true},
    {N::kParoleReprieve, Y(15), "JX-PAROLE-03", "法释〔2016〕23号 第23条第3款", "死缓减刑后假释（不含考验期）"},
    {N::kParoleAfterCommutation16, Y(1), "JX-PAROLE-06", "法释〔2016〕23号 第28条", "减刑后假释间隔"},
    {N::kParoleAfterBigCommutation16, YM(1, 6), "JX-PAROLE-06", "法释〔2016〕23号 第28条", "上次减刑一年以上时的间隔"},
    {N::kParoleBigCut16, Y(1), "JX-PAROLE-06", "法释〔2016〕23号 第28条", "“减刑一年以上”"},
    {N::kParoleAfterCommutation12, Y(1), "JX-PAROLE-06", "法释〔2012〕2号 第22条", "减刑后假释间隔"},
    {N::kParoleAfterBigCommutation12, Y(2), "JX-PAROLE-06", "法释〔2012〕2号 第22条", "一次减刑二年时的间隔"},
    {N::kParoleBigCut12, Y(2), "JX-PAROLE-06", "法释〔2012〕2号 第22条", "“减刑二年”"},
    {N::kParoleShortRemaining, Y(2), "JX-PAROLE-06", "法释〔2016〕23号 第28条", "余刑不满二年可缩短间隔"},

    {N::kNewCrimeFixedWait, Y(3), "JX-NEWCRIME-01", "法释〔2016〕23号 第21条", "新罪判处有期徒刑：三年内不予减刑"},
    {N::kNewCrimeLifeWait, Y(4), "JX-NEWCRIME-01", "法释〔2016〕23号 第21条", "新罪判处无期徒刑：四年内不予减刑"},
    {N::kPropertyWait, M(6), "JX-PROP-03", "法释〔2024〕5号 第6条", "情形消失后等待期"},

    {N::kDocumentsDays, D(10), "JX-DELIV-01", "刑事诉讼法 第264条", "法院送达执行文书"},
    {N::kDeliveryPeriod, M(1), "JX-DELIV-02", "监狱法 第15条", "公安机关交付执行"},
    {N::kServeInCentreMax, M(3), "JX-DELIV-03", "刑事诉讼法 第264条第2款", "看守所代为执行的余刑上限"},
    {N::kCourtRuling, M(1), "JX-COURT-01", "法释〔2014〕5号 第1条", "法院审理期限"},
    {N::kCourtRulingExt, M(1), "JX-COURT-01", "法释〔2014〕5号 第1条", "可延长"},
    {N::kCourtRulingCommunity, D(30), "JX-COURT-01", "社区矫正法 第33条", "社区矫正对象减刑的审理期限"},
    {N::kRulingServeDays, D(7), "JX-COURT-06", "法释〔2014〕5号 第18条", "裁定送达"},
    {N::kOpinionDays, D(10), "JX-PROS-01", "刑诉规则 第635条", "检察意见期限"},
    {N::kOpinionExtDays, D(10), "JX-PROS-01", "刑诉规则 第635条", "情况复杂可延长"},
    {N::kCorrectionOpinionDays, D(20), "JX-PROS-02", "刑诉规则 第639条", "纠正意见期限"},
    {N::kTempOpinionDays, D(10), "JX-ZJ-08", "刑诉规则 第630条", "对暂予监外执行提请提出书面意见"},
    {N::kTempObjection, M(1), "JX-ZJ-08", "刑事诉讼法 第267条；刑诉规则 第632条",
     "对暂予监外执行决定提出书面意见"},
    {N::kOralCorrectionFix, D(7), "JX-PROS-04", "刑诉规则 第624条",
     "口头纠正后仍未纠正的，应当发出纠正违法通知书"},
    {N::kCourtRehear, M(1), "JX-COURT-07", "刑事诉讼法 第274条；法释〔2014〕5号 第20条",
     "收到纠正意见后重新组成合议庭审理并作出裁定"},

    {N::kTempMinLifeFixed, Y(7), "JX-ZJ-04", "暂予监外执行规定 第7条", "原判死缓、无期：减为有期后执行七年以上"},
    {N::kMedicalReview, M(3), "JX-ZJ-09", "暂予监外执行规定 第21条", "保外就医病情复查间隔"},
    {N::kRecommitRuling, D(30), "JX-ZJ-10", "社区矫正法 第49条；法释〔2021〕1号 第517条", "决定机关作出收监决定"},
    {N::kRecommitTakeIn, D(3), "JX-ZJ-10", "2023年暂予监外执行意见 第14条", "公安机关、监狱收监执行"},

    {N::kReportDays, D(10), "JX-CC-01", "社区矫正法 第21条；法释〔2021〕1号 第519条", "判决、裁定生效后到社区矫正机构报到"},
    {N::kCcNoticeDays, D(5), "JX-CC-02", "社区矫正法 第20条；社区矫正法实施办法 第16条", "决定机关通知执行地社区矫正机构"},
    {N::kCcDocumentsDays, D(10), "JX-CC-02", "社区矫正法 第20条；社区矫正法实施办法 第16条", "决定机关送达法律文书"},
    From({N::kLeaveApplyAhead, D(3), "JX-CC-03", "社区矫正法实施办法 第26条", "外出一般提前三日申请（“一般”，不单独构成违法）"}, kCc2020),
    From({N::kLeaveSubOfficeMax, D(7), "JX-CC-03", "社区矫正法实施办法 第27条", "司法所可批准的外出天数"}, kCc2020),
    From({N::kLeaveCountyMax, D(30), "JX-CC-03", "社区矫正法实施办法 第28条", "县级社区矫正机构一次批准外出的最长天数"}, kCc2020),
    From({N::kLeaveCumulativeWindow, M(2), "JX-CC-03", "社区矫正法实施办法 第28条", "累计外出的计算期间"}, kCc2020),
    From({N::kLeaveCumulativeMax, D(30), "JX-CC-03", "社区矫正法实施办法 第28条", "二个月内累计外出超过此数须报上一级批准"}, kCc2020),
    Until({N::kLeave2012SubOfficeMax, D(7), "JX-CC-03", "司发通〔2012〕12号 第13条", "2012年办法：司法所可批准的外出天数（RULEBOOK 列于 JX-CC-08）"}, kCc2020 - 1),
    Until({N::kLeave2012TotalMax, M(1), "JX-CC-03", "司发通〔2012〕12号 第13条", "2012年办法：外出累计不超过一个月"}, kCc2020 - 1),
    {N::kFrequentTravelApproval, M(6), "JX-CC-04", "社区矫正法实施办法 第29条", "经常性跨市、县活动一次批准的有效期"},
    {N::kTransferReportDays, D(7), "JX-CC-05", "社区矫正法实施办法 第30条、第31条", "变更执行地后到新执行地报到"},
    {N::kAbsenceWarning, D(10), "JX-CC-07", "社区矫正法实施办法 第34条、第35条", "未按时报到或脱离监管超过十日给予警告（不超过十日训诫）"},
    {N::kAbsenceRevocation, M(1), "JX-CC-08", "社区矫正法实施办法 第46条、第47条", "未按时报到或脱离监管超过一个月提请撤销缓刑、假释"},
    {N::kRevocationCustodyMax, D(30), "JX-CC-10", "社区矫正法 第47条、第48条", "提请撤销时被逮捕的羁押期限"},
    {N::kRevocationRuling, D(30), "JX-CC-10", "社区矫正法 第47条、第48条", "法院对撤销缓刑、假释作出裁定"},
    {N::kMonitoringMax, M(3), "JX-CC-11", "社区矫正法 第29条；社区矫正法实施办法 第37条", "电子定位每次最长（每次延长亦不超过三个月）"},
    {N::kMeasureNoticeDays, D(3), "JX-CC-13", "社区矫正法实施办法 第41条", "对社区矫正对象采取拘留等措施后通知社区矫正机构、检察院"},

    {N::kCriminalDetention, D(7), "JX-CUST-01", "刑事诉讼法 第91条第1款、第2款", "刑事拘留后提请批准逮捕（三日，特殊情况延长一至四日）"},
    {N::kCriminalDetentionLong, D(30), "JX-CUST-01", "刑事诉讼法 第91条第2款", "流窜作案、多次作案、结伙作案的重大嫌疑分子提请批准逮捕"},
    {N::kArrestReview, D(7), "JX-CUST-01", "刑事诉讼法 第91条第3款", "检察院审查批准逮捕"},
    {N::kInvestigation, M(2), "JX-CUST-01", "刑事诉讼法 第156条", "逮捕后侦查羁押"},
    {N::kInvestigationExt1, M(1), "JX-CUST-01", "刑事诉讼法 第156条", "上一级检察院批准延长"},
    {N::kInvestigationExt2, M(2), "JX-CUST-01", "刑事诉讼法 第158条", "省级检察院批准延长（第158条所列案件）"},
    {N::kInvestigationExt3, M(2), "JX-CUST-01", "刑事诉讼法 第159条", "省级检察院批准再延长（可能判处十年以上）"},
    {N::kProsecutionReview, M(1), "JX-CUST-01", "刑事诉讼法 第172条", "审查起诉"},
    {N::kProsecutionReviewExt, D(15), "JX-CUST-01", "刑事诉讼法 第172条", "重大、复杂案件审查起诉可延长"},
    {N::kFirstInstanceUsual, M(2), "JX-CUST-01", "刑事诉讼法 第208条", "一审公诉案件一般审限（二个月以内宣判）"},
    {N::kFirstInstance, M(3), "JX-CUST-01", "刑事诉讼法 第208条", "一审公诉案件至迟宣判期限（无需上级批准）"},
    {N::kFirstInstanceExt, M(3), "JX-CUST-01", "刑事诉讼法 第208条", "上一级法院批准延长一审审限"},
    {N::kSecondInstance, M(2), "JX-CUST-01", "刑事诉讼法 第243条", "二审审限"},
    {N::kSecondInstanceExt, M(2), "JX-CUST-01", "刑事诉讼法 第243条", "高级法院批准延长二审审限"},
    {N::kExpiryNoticeDays, D(7), "JX-CUST-02", "刑诉规则 第615条；看守所条例 第43条", "羁押期限届满前发出即将届满通知书"},
    {N::kCustodyNoticeDays, D(10), "JX-CUST-03", "刑诉规则 第614条", "延长、重新计算羁押期限等事项通知检察院"},
    {N::kProtractedCustody, Y(5), "JX-CUST-04", "预防和纠正超期羁押和久押不决案件工作规定（试行）", "久押不决：羁押超过五年仍未审结", true},
    {N::kNecessityReplyDays, D(10), "JX-CUST-05", "刑诉规则 第573–582条", "办案机关回复羁押必要性审查建议"},

    Work({N::kPointsCorrectionDays, D(5), "JX-PTS-11", "司规〔2021〕3号 第49条", "监狱对检察院纠正意见整改或书面说明"}),

    From({N::kPropertyFilingDays, D(7), "JX-FIN-02", "法释〔2014〕13号 第7条", "移送执行后材料齐全的，立案执行"}, kFin2014),
    From({N::kPropertyExecution, M(6), "JX-FIN-03", "法释〔2014〕13号 第3条", "财产刑执行期限（经院长批准可延长）"}, kFin2014),
    {N::kFineReliefDecision, M(1), "JX-FIN-06", "法释〔2021〕1号 第524条", "罚金减免申请的审查期限"},

    {N::kCmAcceptDays, D(7), "JX-QZYL-01", "刑事诉讼法 第302–307条；法释〔2021〕1号", "法院对强制医疗申请决定受理"},
    {N::kCmDecision, M(1), "JX-QZYL-01", "刑事诉讼法 第305条", "法院作出强制医疗决定"},
    {N::kCmServeDays, D(5), "JX-QZYL-01", "法释〔2021〕1号 第641条", "强制医疗决定书和执行通知书送达公安机关"},
    {N::kCmReconsiderApplyDays, D(5), "JX-QZYL-01", "刑事诉讼法 第305条", "申请复议（自收到决定书次日起）"},
    {N::kCmReconsiderDecision, M(1), "JX-QZYL-01", "法释〔2021〕1号", "复议决定"},
    {N::kCmReapplyAfter, M(6), "JX-QZYL-01", "法释〔2021〕1号", "解除申请被驳回后再次申请的间隔"},
    {N::kCmReleaseDecision, M(1), "JX-QZYL-01", "法释〔2021〕1号", "法院对解除强制医疗作出决定"},
    {N::kCmCorrectionOpinionDays, D(20), "JX-QZYL-01", "法释〔2021〕1号 第648条", "检察院对强制医疗决定提出纠正意见"},
    {N::kCmRehear, M(1), "JX-QZYL-01", "法释〔2021〕1号 第648条", "法院收到纠正意见后重新审理"},
    Work({N::kCmTransferDays, D(5), "JX-QZYL-01", "刑诉规则 第652条；高检发执检字〔2016〕9号 第22条", "认为决定可能错误的，移送作出决定法院的同级检察院"}),
    Work({N::kCmReviewDays, D(20), "JX-QZYL-01", "刑诉规则 第652条；高检发执检字〔2016〕9号 第22条", "收到移送的检察院审查"}),
    Work({N::kCmComplaintDays, D(15), "JX-QZYL-01", "高检发执检字〔2016〕9号 第19条", "答复控告、举报、申诉"}),
    Work({N::kCmForwardDays, D(3), "JX-QZYL-01", "高检发执检字〔2016〕9号 第21条", "转交解除强制医疗申请"}),
    Work({N::kCmCaseForwardDays, D(1), "JX-QZYL-01", "高检发执检字〔2016〕9号 第5条", "案件管理部门转交强制医疗决定书"}),
    {N::kRsdlMax, M(6), "JX-ZJJ-01", "刑事诉讼法 第79条", "指定居所监视居住最长期限"},
};

static_assert(std::size(kNumbers) == static_cast<size_t>(N::kCount),
              "every law::N has exactly one row");

constexpr std::string_view kEmbezzlement[] = {
    "贪污罪", "受贿罪", "挪用公款罪", "行贿罪", "单位受贿罪", "对单位行贿罪", "介绍贿赂罪",
    "单位行贿罪", "利用影响力受贿罪", "对有影响力的人行贿罪", "巨额财产来源不明罪",
    "隐瞒境外存款罪", "私分国有资产罪", "私分罚没财物罪"};
constexpr std::string_view kViolent[] = {"故意杀人罪", "强奸罪", "抢劫罪",    "绑架罪",
                                         "放火罪",     "爆炸罪", "投放危险物质罪"};

struct NumberIndex {
  std::array<const LawNumber*, static_cast<size_t>(N::kCount)> by_name{};
  NumberIndex() {
    for (const LawNumber& n : kNumbers) by_name[static_cast<size_t>(n.name)] = &n;
  }
};

}  // namespace

std::span<const Rule> AllRules() { return kRules; }

const Rule* FindRule(std::string_view id) {
  for (const Rule& r : kRules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Regime RegimeOn(Date act) {
  if (act >= kRegime2016From) return Regime::k2016;
  if (act >= kRegime2012From) return Regime::k2012;
  return Regime::k1997;
}

std::string_view RegimeName(Regime r) {
  switch (r) {
    case Regime::k1997:
      return "法释〔1997〕6号";
    case Regime::k2012:
      return "法释〔2012〕2号";
    case Regime::k2016:
      return k2016;
  }
  return "";
}

const LawNumber& Number(N name) {
  static const NumberIndex index;
  return *index.by_name[static_cast<size_t>(name)];
}

std::span<const LawNumber> AllNumbers() { return kNumbers; }
std::span<const std::string_view> EmbezzlementBriberyCrimes() { return kEmbezzlement; }
std::span<const std::string_view> ViolentCrimes() { return kViolent; }

}  // namespace zj::law
