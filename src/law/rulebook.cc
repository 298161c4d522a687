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
     "按日、按月的期间均已按对应日规则计算；节假日顺延未实现：本引擎审查的期间均针对在押罪犯，依法不顺延；连续延长的两种算法分歧属羁押期限审查（第8节），不在本引擎"},
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
     "重新审理的裁定在交换规范 v1 中与原裁定无法区分；由办案流程（第6号任务）跟踪"},
    {"JX-PROS-01", "对提请减刑、假释提出检察意见（10日）", "刑诉规则 第635条", C::kPartial,
     "以提请日期代替检察院收到副本日期；超过二十日列为需人工审查"},
    {"JX-PROS-02", "对不当裁定提出纠正意见（20日）", "刑事诉讼法 第274条；刑诉规则 第639条", C::kPartial,
     "检察意见为不同意且意见日期在裁定之后时审查二十日期限；收到裁定副本日期以裁定日期代替"},
    {"JX-PROS-03", "纠正意见的跟踪", "刑诉规则 第641条", C::kNotYet, "属办案流程，由第6号任务实现"},
    {"JX-PROS-04", "纠正违法的递进方式", "刑诉规则 第624条", C::kNotYet, "属办案流程，由第6号任务实现"},
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
    {"JX-ZJ-08", "检察院对暂予监外执行的监督期限", "刑诉规则 第630条、第632条", C::kNotYet, "属办案流程"},
    {"JX-ZJ-09", "保外就医病情复查（3个月）", "社区矫正法实施办法 第24条；暂予监外执行规定 第21条", C::kPartial,
     "复查间隔已审查；经批准变更复查期限的记录交换规范 v1 未提供"},
    {"JX-ZJ-10", "应当收监的情形", "刑事诉讼法 第268条；社区矫正法 第49条", C::kPartial,
     "复查结论为不再符合条件后未收监已审查（参数 recommit_days）；警告次数等其他收监事由由社区矫正模型审查"},
    {"JX-ZJ-11", "刑期届满与死亡的通知", "暂予监外执行规定 第27条、第28条", C::kNotYet, "交换规范 v1 无通知记录"},
    {"JX-ZJ-12", "“一保到底”", "检例第132号", C::kNotYet, "需医学判断"},
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

    {N::kTempMinLifeFixed, Y(7), "JX-ZJ-04", "暂予监外执行规定 第7条", "原判死缓、无期：减为有期后执行七年以上"},
    {N::kMedicalReview, M(3), "JX-ZJ-09", "暂予监外执行规定 第21条", "保外就医病情复查间隔"},
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
