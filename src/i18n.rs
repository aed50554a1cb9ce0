//! The interface's two languages. Every string the window shows is looked up here by key, so
//! each text has one home and both languages stay complete (the match is exhaustive).

use serde::{Deserialize, Serialize};

use crate::model::Label;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    /// 中文 (the default: users read Chinese first).
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn label(self, label: &Label) -> &str {
        let text = self.pick(&label.zh, &label.en);
        // A label typed in one language only still shows.
        if text.is_empty() {
            self.pick(&label.en, &label.zh)
        } else {
            text
        }
    }
}

/// Every fixed text of the interface, by key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tr {
    // Menus
    MenuFile,
    MenuEdit,
    MenuView,
    MenuHelp,
    NewFromPlan,
    NewEmpty,
    Save,
    Quit,
    Undo,
    Redo,
    NothingToUndo,
    NothingToRedo,
    Language,
    LargeFont,
    About,
    AboutText,
    // Views
    Overview,
    Baselines,
    Assumptions,
    Projections,
    CapacityWater,
    CapacityAir,
    Indicators,
    Targets,
    Projects,
    // Status bar
    Unsaved,
    Saved,
    Messages,
    BuiltIn,
    // Common columns
    Key,
    Name,
    Unit,
    BaseValue,
    Rule,
    Source,
    Year,
    Value,
    Status,
    Reset,
    ResetToPlan,
    Remove,
    AddSeries,
    Rename,
    NotInPlan,
    // Overview
    KeyFigures,
    EnergyIntensity,
    CapacityStatus,
    IndicatorCounts,
    Findings,
    NoFindings,
    FirstExceedance,
    NoExceedance,
    // Assumptions
    Horizon,
    NearThreshold,
    GrowthRate,
    IntensityChange,
    Intensity,
    Elasticity,
    Points,
    AfterRate,
    RateFrom,
    // Projections
    CopyTable,
    Copied,
    ChartSeries,
    ResetView,
    Milestone,
    // Capacity
    Emission,
    Capacity,
    Utilisation,
    Headroom,
    Saturated,
    StatusOk,
    StatusNear,
    StatusExceeded,
    SaturatedNote,
    // Indicators
    Number,
    System,
    Baseline,
    Target,
    Difficulty,
    FilterNotMet,
    FilterHard,
    Applies,
    Met,
    Pending,
    NotMet,
    NotAssessed,
    Normal,
    Easy,
    Hard,
    Improving,
    Binding,
    ReferenceKind,
    // Targets
    Gap,
    RequiredChange,
    Threshold,
    Yes,
    No,
    // Projects
    Group,
    Investment,
    StatedCount,
    StatedInvestment,
    Listed,
    ListedInvestment,
    Ungrouped,
    PlanCheck,
    PlanCheckOk,
    PlanCheckDiffers,
    AddProject,
    Total,
    Unknown,
    // Errors
    Rejected,
}

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Tr::MenuFile => ("文件", "File"),
            Tr::MenuEdit => ("编辑", "Edit"),
            Tr::MenuView => ("视图", "View"),
            Tr::MenuHelp => ("帮助", "Help"),
            Tr::NewFromPlan => ("新建（汉阳区规划）", "New from the Hanyang plan"),
            Tr::NewEmpty => ("新建空白情景", "New empty scenario"),
            Tr::Save => ("保存", "Save"),
            Tr::Quit => ("退出", "Quit"),
            Tr::Undo => ("撤销", "Undo"),
            Tr::Redo => ("重做", "Redo"),
            Tr::NothingToUndo => ("无可撤销", "Nothing to undo"),
            Tr::NothingToRedo => ("无可重做", "Nothing to redo"),
            Tr::Language => ("语言", "Language"),
            Tr::LargeFont => ("大字体（投影）", "Large font (projector)"),
            Tr::About => ("关于", "About"),
            Tr::AboutText => (
                "ecoplan：生态文明建设示范区规划工作台。默认情景为汉阳区 2022–2028 年规划（阳政〔2022〕17号）。",
                "ecoplan: a workbench for ecological-civilization demonstration-zone planning. The default scenario is the Hanyang District plan 2022–2028 (阳政〔2022〕17号).",
            ),
            Tr::Overview => ("概览", "Overview"),
            Tr::Baselines => ("基础数据", "Baselines"),
            Tr::Assumptions => ("情景假设", "Assumptions"),
            Tr::Projections => ("预测结果", "Projections"),
            Tr::CapacityWater => ("水环境容量", "Water capacity"),
            Tr::CapacityAir => ("大气环境容量", "Air capacity"),
            Tr::Indicators => ("指标", "Indicators"),
            Tr::Targets => ("目标", "Targets"),
            Tr::Projects => ("工程", "Projects"),
            Tr::Unsaved => ("未保存", "unsaved"),
            Tr::Saved => ("已保存", "saved"),
            Tr::Messages => ("条提示", "messages"),
            Tr::BuiltIn => ("内置情景", "built-in scenario"),
            Tr::Key => ("键", "Key"),
            Tr::Name => ("名称", "Name"),
            Tr::Unit => ("单位", "Unit"),
            Tr::BaseValue => ("基准年数值", "Base-year value"),
            Tr::Rule => ("规则", "Rule"),
            Tr::Source => ("来源说明", "Source"),
            Tr::Year => ("年份", "Year"),
            Tr::Value => ("数值", "Value"),
            Tr::Status => ("状态", "Status"),
            Tr::Reset => ("重置", "Reset"),
            Tr::ResetToPlan => ("恢复为规划值", "Reset to the plan's value"),
            Tr::Remove => ("删除", "Remove"),
            Tr::AddSeries => ("添加序列", "Add series"),
            Tr::Rename => ("重命名", "Rename"),
            Tr::NotInPlan => ("规划中无此项", "not in the plan"),
            Tr::KeyFigures => ("关键数据", "Key figures"),
            Tr::EnergyIntensity => ("万元GDP能耗", "Energy per 10 000 yuan GDP"),
            Tr::CapacityStatus => ("环境容量状态", "Carrying-capacity status"),
            Tr::IndicatorCounts => ("指标达标情况", "Indicators by status"),
            Tr::Findings => ("差距与不一致", "Gaps and inconsistencies"),
            Tr::NoFindings => ("无", "none"),
            Tr::FirstExceedance => ("首次超载年份", "First year of exceedance"),
            Tr::NoExceedance => ("预测期内未超载", "none within the horizon"),
            Tr::Horizon => ("预测终年", "Horizon"),
            Tr::NearThreshold => ("临近饱和阈值", "Near-capacity threshold"),
            Tr::GrowthRate => ("年增长率", "Annual growth"),
            Tr::IntensityChange => ("强度年变化", "Annual intensity change"),
            Tr::Intensity => ("强度", "Intensity"),
            Tr::Elasticity => ("弹性系数", "Elasticity"),
            Tr::Points => ("节点值", "Points"),
            Tr::AfterRate => ("此后年增长率", "Growth after the last point"),
            Tr::RateFrom => ("起始年", "from"),
            Tr::CopyTable => (
                "复制表格（可粘贴到 Excel）",
                "Copy table (pastes into Excel)",
            ),
            Tr::Copied => ("已复制", "Copied"),
            Tr::ChartSeries => ("图表序列", "Series in the chart"),
            Tr::ResetView => ("重置视图", "Reset view"),
            Tr::Milestone => ("规划节点", "Milestone"),
            Tr::Emission => ("排放量", "Emission"),
            Tr::Capacity => ("环境容量", "Capacity"),
            Tr::Utilisation => ("容量利用率", "Utilisation"),
            Tr::Headroom => ("剩余容量", "Headroom"),
            Tr::Saturated => ("已饱和", "saturated"),
            Tr::StatusOk => ("未超载", "ok"),
            Tr::StatusNear => ("临近饱和", "near capacity"),
            Tr::StatusExceeded => ("超载", "exceeded"),
            Tr::SaturatedNote => (
                "环境容量为 0：已达到饱和，任何排放均超出容量。",
                "Capacity is 0: saturated, any emission exceeds it.",
            ),
            Tr::Number => ("序号", "No."),
            Tr::System => ("领域", "System"),
            Tr::Baseline => ("现状值", "Baseline"),
            Tr::Target => ("目标值", "Target"),
            Tr::Difficulty => ("难度", "Difficulty"),
            Tr::FilterNotMet => ("仅未达标", "Not met only"),
            Tr::FilterHard => ("仅难达标", "Hard only"),
            Tr::Applies => ("适用", "Applies"),
            Tr::Met => ("已达标", "met"),
            Tr::Pending => ("待达标", "pending"),
            Tr::NotMet => ("未达标", "not met"),
            Tr::NotAssessed => ("不适用", "not assessed"),
            Tr::Normal => ("一般", "normal"),
            Tr::Easy => ("易达标", "easy"),
            Tr::Hard => ("难达标", "hard"),
            Tr::Improving => ("保持稳定或持续改善", "stable or improving"),
            Tr::Binding => ("约束性", "binding"),
            Tr::ReferenceKind => ("参考性", "reference"),
            Tr::Gap => ("差距", "Gap"),
            Tr::RequiredChange => ("达标所需年均变化", "Annual change that meets it"),
            Tr::Threshold => ("目标值", "Threshold"),
            Tr::Yes => ("达标", "met"),
            Tr::No => ("未达标", "not met"),
            Tr::Group => ("类别", "Group"),
            Tr::Investment => ("投资（亿元）", "Investment (亿元)"),
            Tr::StatedCount => ("规划项目数", "Projects (plan)"),
            Tr::StatedInvestment => ("规划投资（亿元）", "Investment (plan, 亿元)"),
            Tr::Listed => ("已列项目", "Listed"),
            Tr::ListedInvestment => ("已列投资（亿元）", "Listed investment (亿元)"),
            Tr::Ungrouped => ("未分类", "no group"),
            Tr::PlanCheck => ("与规划核对", "Check against the plan"),
            Tr::PlanCheckOk => ("与规划一致", "Matches the plan"),
            Tr::PlanCheckDiffers => ("与规划不一致", "Differs from the plan"),
            Tr::AddProject => ("添加项目", "Add project"),
            Tr::Total => ("合计", "Total"),
            Tr::Unknown => ("未知", "unknown"),
            Tr::Rejected => ("未采用", "Not applied"),
        };
        lang.pick(zh, en)
    }
}
