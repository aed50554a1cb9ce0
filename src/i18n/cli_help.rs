//! The command line's help (`ecoplan --help`, `ecoplan COMMAND --help`) in Chinese. The English
//! is the arguments' own documentation (`cli::args`, read by clap); this is its Chinese, keyed
//! by command and argument as clap names them ("" for the program, "*" for an argument several
//! commands share). A test reads every command's help in Chinese for English words.

use super::Lang;

/// The help of `command`'s argument `arg` ("" for the command's own description) in `lang`,
/// where it differs from clap's (the English documentation).
pub fn command_line_help(lang: Lang, command: &str, arg: &str) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    ZH.iter()
        .find(|(c, a, _)| *c == command && *a == arg)
        .or_else(|| ZH.iter().find(|(c, a, _)| *c == "*" && *a == arg))
        .map(|(_, _, text)| *text)
}

/// clap's own words in `lang`: the headings of a help text, and its help and version flags.
pub fn command_line_words(lang: Lang) -> Option<CommandLineWords> {
    (lang == Lang::Zh).then_some(CommandLineWords {
        usage: "用法：",
        commands: "命令：",
        arguments: "参数：",
        options: "选项：",
        help: "显示帮助（-h 为简要，--help 为完整）",
        version: "显示版本",
        help_command: "显示本帮助，或某一命令的帮助",
        default: "默认",
        placeholders: &[("[OPTIONS]", "[选项]"), ("<COMMAND>", "<命令>")],
    })
}

/// A usage line in `lang`: clap's own placeholders in its words ("[OPTIONS]" as "[选项]");
/// the values' names (FILE, KEY) stay as the arguments name them.
pub fn usage_in(lang: Lang, usage: &str) -> String {
    let Some(words) = command_line_words(lang) else {
        return usage.to_owned();
    };
    words
        .placeholders
        .iter()
        .fold(usage.to_owned(), |usage, (clap, ours)| {
            usage.replace(clap, ours)
        })
}

/// The words of clap's help text that are its own, not an argument's.
pub struct CommandLineWords {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub help_command: &'static str,
    /// Before a default value: "（默认：csv）".
    pub default: &'static str,
    /// clap's placeholders in a usage line and their words.
    pub placeholders: &'static [(&'static str, &'static str)],
}

const ZH: &[(&str, &str, &str)] = &[
    ("", "", "生态文明建设示范区规划工作台：不带命令时打开窗口"),
    (
        "*",
        "lang",
        "消息、表格与名称的语言（zh 或 en），可放在命令前后；不指定时按环境（LC_ALL、LC_MESSAGES 或 LANG；Windows 为界面语言），环境未指明时为中文。CSV 的键与列名不变",
    ),
    ("*", "file", "情景文件（不指定时为内置的汉阳区规划）"),
    (
        "*",
        "format",
        "输出格式：csv（CSV 表）或 table（按语言对齐的表格）",
    ),
    (
        "*",
        "horizon",
        "预测至该年，而不是情景的预测终年（最晚 2060 年）",
    ),
    (
        "*",
        "growth",
        "将序列 KEY 的规则替换为自基准年起的恒定增长率 RATE（小数：0.075 即 7.5 %）",
    ),
    (
        "",
        "screenshot",
        "将一个视图渲染为 PNG 文件后退出（可在 Xvfb 下运行）",
    ),
    (
        "",
        "view",
        "打开的视图：overview、plan、whatif、baselines、assumptions、projections、history、capacity-water、capacity-air、indicators、targets、projects、footprint、ei、uncertainty、goal-seek、compare",
    ),
    (
        "",
        "theme",
        "配色：light（浅色，默认）、dark（深色）或 system（随系统），下次启动沿用",
    ),
    (
        "",
        "recover",
        "恢复该恢复文件中未保存的工作（即“在新窗口中恢复”所执行的）",
    ),
    ("", "file", "要打开的情景文件（不指定时为内置的汉阳区规划）"),
    (
        "project",
        "",
        "每个序列每年的预测值：CSV 列 series,year,value,unit",
    ),
    (
        "capacity",
        "",
        "污染物排放与环境容量对比：CSV 列 pollutant,medium,year,emission,capacity,unit,utilization,status",
    ),
    (
        "capacity",
        "derived",
        "各环境容量按其方法推算（大气用 A 值法，水用河流与湖库模型），而不用录入的数值",
    ),
    (
        "footprint",
        "",
        "生态平衡：CSV 列 year,population,footprint_gha,capacity_gha,balance_gha",
    ),
    (
        "ei",
        "",
        "生态环境状况指数 EI 及其分指数，以及使 EI 达到 60 所需的林地、草地或湿地面积",
    ),
    (
        "targets",
        "",
        "目标核算：CSV 列 target,year,value,threshold,unit,met",
    ),
    (
        "check",
        "",
        "检查情景文件或工作区文件：通过时以 0 退出并给出摘要（工作区每个情景一行），否则以 2 退出并给出 FILE:LINE:COL: 消息",
    ),
    ("check", "file", "要检查的情景文件或工作区文件"),
    (
        "uncertainty",
        "",
        "对不确定参数做蒙特卡洛模拟：输出扇形图分位数（series,year,p5,p25,p50,p75,p95,unit）的 CSV，或用 --table exceedance 输出超载概率（pollutant,year,probability,cumulative）",
    ),
    ("uncertainty", "runs", "抽样次数（1 至 100 000）"),
    (
        "uncertainty",
        "seed",
        "抽样的随机种子：同一种子给出同样的结果",
    ),
    ("uncertainty", "lhs", "用拉丁超立方抽样，而不是独立抽样"),
    (
        "uncertainty",
        "uncertain",
        "KEY=DIST：序列 KEY 的变化率按分布抽取：normal:MEAN,SD[,MIN,MAX]、uniform:MIN,MAX 或 triangular:MIN,MODE,MAX（小数：0.075 即 7.5 %）",
    ),
    (
        "uncertainty",
        "correlate",
        "KEY1,KEY2=RHO：两个不确定参数按秩相关系数 RHO（−1 至 1）联合抽样，替换情景中该对参数的设定（可重复）",
    ),
    (
        "uncertainty",
        "fan_series",
        "扇形图表中的序列（不指定时为全部序列）",
    ),
    (
        "uncertainty",
        "table",
        "输出的表：fan（扇形图分位数）、exceedance（超载概率）或 importance（各不确定参数对某一结果方差的贡献，CSV lever,share，从大到小）",
    ),
    (
        "uncertainty",
        "capacity",
        "与 --table importance 同用：该污染物排放截至 --year 超过环境容量的概率，而不是某序列的值",
    ),
    (
        "uncertainty",
        "year",
        "与 --table importance 同用：结果所在的年份",
    ),
    (
        "seek",
        "",
        "求使某一目标恰好达到的序列变化率：CSV lever,outcome,value,margin",
    ),
    ("seek", "file", "情景文件（不指定时为内置的汉阳区规划）"),
    (
        "seek",
        "lever",
        "调整其变化率（增长率、强度变化率或弹性系数）的序列",
    ),
    (
        "seek",
        "target",
        "达到情景中的该目标（如 energy_intensity）",
    ),
    (
        "seek",
        "capacity",
        "使该污染物排放至 YEAR 年不超过环境容量：如 COD:2040",
    ),
    (
        "seek",
        "bound",
        "使某序列在某年不高于（<=）或不低于（>=）某值：如 cod@2040<=10000",
    ),
    (
        "seek",
        "range",
        "搜索的变化率范围（小数：-0.1,0.2 即 −10 % 至 +20 %）",
    ),
    (
        "sensitivity",
        "",
        "各变化率上下变动 ±10 % 时某序列在某年的变化：CSV lever,lever_value,result_low,result_high,swing,base",
    ),
    ("sensitivity", "series", "观察其数值的序列"),
    ("sensitivity", "year", "观察的年份"),
    (
        "sensitivity",
        "step",
        "各变化率变动的幅度，为其自身的比例（大于 0、小于 1）",
    ),
    (
        "compare",
        "",
        "比较工作区文件中的各情景（或多个情景文件）：在各规划节点年与预测终年输出 CSV scenario,series,year,value,difference,percent，差值相对于第一个情景；用 --table capacity 或 targets 比较其状态",
    ),
    ("compare", "files", "一个工作区文件，或两个及以上情景文件"),
    (
        "compare",
        "series",
        "比较的序列（不指定时为第一个情景的全部序列）",
    ),
    (
        "compare",
        "table",
        "比较的内容：values（数值）、capacity（环境容量状态）或 targets（目标状态）",
    ),
    (
        "format",
        "",
        "按规范格式（字段顺序固定、缩进四格）打印情景文件或工作区文件，与 ecoplan 保存的格式一致，便于两人的文件逐行比较",
    ),
    ("format", "file", "情景文件或工作区文件"),
    ("default", "", "以 RON 格式打印内置情景（汉阳区规划）"),
    (
        "export",
        "",
        "导出表格、图表或规划章节：OUT 的扩展名为 .csv（一张表，带 BOM 的 UTF-8）、.xlsx（全部表格，含排放与环境容量对比的 Excel 图表）、.docx（规划章节，按情景的 chapter 设置编排）、.md（同一章节的 Markdown）或 .png（一张图，1920×1080）。工作区 FILE 导出其第一个情景，章节比较全部情景。用 --table indicators 时，.xlsx 或 .csv 为待填写的指标数值模板",
    ),
    (
        "export",
        "paths",
        "情景文件（不指定时为内置的汉阳区规划），然后是输出文件",
    ),
    (
        "export",
        "table",
        ".csv 中的表：projection（预测）、capacity（环境容量）、targets（目标）或 indicators（待填写的指标数值模板，.csv 或 .xlsx）",
    ),
    (
        "export",
        "chart",
        ".png 中的图，如 capacity-COD、target-energy_intensity、group-water（不指定时为第一张图）",
    ),
    (
        "export",
        "runs",
        "对情景中的不确定参数做这么多次蒙特卡洛抽样，并将结果（超载概率、对比序列的扇形图）加入 .xlsx",
    ),
    (
        "export",
        "seed",
        "这些抽样的随机种子：同一种子给出同样的结果",
    ),
    (
        "indicators",
        "",
        "由数值、规则与关联计算的指标状态：CSV 列 number,name,unit,year,basis,value,rule,threshold,status",
    ),
    (
        "import",
        "",
        "将填写好的指标模板，或统计部门提供的本地区统计数据（.xlsx、.xls、.ods 或 .csv，UTF-8 或 GBK）导入情景文件：打印 number,year,old,new 并保存情景（保留 .bak），用 --dry-run 时不保存。数据有误的单元格以 2 退出并给出 BOOK!SHEET!CELL（CSV 为 FILE:LINE:COL）",
    ),
    ("import", "book", "填写好的表格：.xlsx、.xls、.ods 或 .csv"),
    ("import", "into", "数值写入的情景文件"),
    ("import", "dry_run", "只打印变化，不写入"),
    (
        "import",
        "sheet",
        "统计数据所在的工作表（有多个工作表含数据时须指定）",
    ),
    (
        "import",
        "map",
        "表中一行的名称及其写入的序列，NAME=KEY（可重复）",
    ),
    (
        "import",
        "skip_unmatched",
        "跳过与任何序列都不匹配的行，而不是在第一行处停止",
    ),
    (
        "fit",
        "",
        "按历史数据（观测值与基准年数值）拟合序列的规则：CSV series,method,from,to,value,level,r2,rmse；用 --apply 时将规则及其推导说明写入 FILE（保留 .bak）",
    ),
    ("fit", "file", "其历史数据被拟合的情景文件"),
    ("fit", "series", "序列的键"),
    (
        "fit",
        "method",
        "拟合方法：cagr（--from 至 --to 的年均增长率）、loglinear（最小二乘增长率）、linear（每年恒定变化量）、intensity（相对于 --driver 的强度及其年变化率）或 elasticity（相对于 --driver 的对数弹性）",
    ),
    ("fit", "from", "所用历史数据的起始年"),
    ("fit", "to", "所用历史数据的截止年"),
    ("fit", "driver", "强度或弹性所依据的驱动序列"),
    (
        "fit",
        "apply",
        "将拟合的规则写入 FILE（其来源说明为中英文）",
    ),
    (
        "new",
        "",
        "由国家指标框架为某类地区新建情景：适用的指标行（尚无数值），以及预测所需、尚无基准值的序列。打印 RON，或用 --output 写入文件",
    ),
    (
        "new",
        "name",
        "地区名称（情景名称；不指定 --region 时也是规划范围）",
    ),
    ("new", "region", "规划范围"),
    ("new", "base_year", "预测的基准年"),
    (
        "new",
        "horizon",
        "预测终年（最晚 2060 年）；不指定时为最后一个规划节点年",
    ),
    (
        "new",
        "milestones",
        "规划节点年，以逗号分隔（2027,2030）；不指定时为基准年后第 4、7 年",
    ),
    (
        "new",
        "periods",
        "各节点年结束的阶段名称，以逗号分隔（创建期,提升期）",
    ),
    (
        "new",
        "frame",
        "自备的指标框架（.xlsx、.xls、.ods 或 .csv：序号、领域、指标名称、单位、目标值、指标属性、适用范围），代替国家框架",
    ),
    (
        "new",
        "kind",
        "地区类型，决定框架中适用的行：district（市辖区，按县级考核，不含农村指标）、county（县）或 city（市）",
    ),
    ("new", "coastal", "沿海地区：适用沿海指标"),
    (
        "new",
        "output",
        "将情景写入该文件而不是打印（文件已存在时拒绝）",
    ),
];
