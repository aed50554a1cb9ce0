use crate::units::UnitError;

/// Why a scenario cannot be projected. Each error names the item (series, capacity, target) and
/// the field it is about, so the window and the command line print the same message. Data
/// only: its words, in either language (and `Display`, in English), are `refusals`'s.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    BaseYearRange {
        base_year: i32,
        min: i32,
        max: i32,
    },
    YearRange {
        base_year: i32,
        horizon: i32,
    },
    HorizonTooFar {
        horizon: i32,
        max: i32,
    },
    DuplicateKey {
        item: &'static str,
        key: String,
    },
    EmptyKey {
        item: &'static str,
        key: String,
    },
    UnknownSeries {
        series: String,
        driver: String,
    },
    /// A series key used anywhere but a rule's driver (see `model::references`).
    UnknownSeriesUse {
        place: crate::model::references::SeriesUse,
        key: String,
    },
    Cycle {
        cycle: Vec<String>,
    },
    InvalidValue {
        item: &'static str,
        key: String,
        field: String,
        value: f64,
        reason: Reason,
    },
    Invalid {
        item: &'static str,
        key: String,
        field: String,
        reason: Reason,
    },
    /// A value too large for a number (an overflow) or not a number, in a computed result:
    /// never shown as `inf` or NaN.
    NotFinite {
        item: &'static str,
        key: String,
        year: i32,
    },
    Unit {
        item: &'static str,
        key: String,
        source: UnitError,
    },
}

impl ModelError {
    pub(crate) fn invalid_value(
        item: &'static str,
        key: &str,
        field: impl Into<String>,
        value: f64,
        reason: Reason,
    ) -> ModelError {
        ModelError::InvalidValue {
            item,
            key: key.to_owned(),
            field: field.into(),
            value,
            reason,
        }
    }

    pub(crate) fn invalid(
        item: &'static str,
        key: &str,
        field: impl Into<String>,
        reason: Reason,
    ) -> ModelError {
        ModelError::Invalid {
            item,
            key: key.to_owned(),
            field: field.into(),
            reason,
        }
    }

    pub(crate) fn unit(item: &'static str, key: &str, source: UnitError) -> ModelError {
        ModelError::Unit {
            item,
            key: key.to_owned(),
            source,
        }
    }
}

/// What is wrong with a value or a field, with the values that say it: the words are
/// `refusals::reason`'s, in either language. `COUNT` (derived) lets a test see every kind.
#[derive(Clone, Debug, PartialEq, strum::EnumCount)]
pub enum Reason {
    Finite,
    NonNegative,
    Positive,
    /// A capacity: 0 means saturated.
    CapacityValue,
    NearThreshold,
    Rate,
    Elasticity,
    /// A share from 0 to below 1 (the footprint's biodiversity share).
    Share,
    /// A rise in % below −100 (it cannot fall by more than the whole).
    PercentChange,
    /// A fall in % above 100 (it cannot take more than the whole).
    PercentFall,
    /// A share in % below 0 or above 100.
    PercentShare,
    /// The ecological status index below 0 or above 100 (HJ 192-2015 scores it 0–100).
    EiRange,
    TargetThreshold,
    Decimals {
        max: u8,
    },
    MilestoneNotAfterBase {
        year: i32,
        base: i32,
    },
    PeriodNotAMilestone {
        until: i32,
    },
    PeriodOutside {
        until: i32,
        min: i32,
        max: i32,
    },
    PeriodTwice {
        until: i32,
    },
    ObservedOutside {
        year: i32,
        min: i32,
        max: i32,
    },
    ObservedTwice {
        year: i32,
    },
    ChangeYearsRise {
        base: i32,
        year: i32,
    },
    PointYearsRise {
        base: i32,
        year: i32,
    },
    NoSuchSeries,
    NoSuchTarget,
    NoSuchCapacity,
    /// A member's change names what its parent does not hold.
    NoSuchParentEntry,
    NoSuchLandType {
        land_type: String,
    },
    ControlCharacter {
        text: String,
    },
    /// A key holds a character that scripts and the command line cannot pass (a space, `!`).
    KeyCharacter {
        character: String,
    },
    LandCoverBeyondArea {
        cover: f64,
        area: f64,
    },
    StepHasNoRate,
    ModeOutsideRange,
    NormalSpread,
    MinBelowMax,
    SeekRange {
        low: f64,
        high: f64,
    },
    /// A goal-seek range past what a rate (or an elasticity) may be.
    SeekRangeTooWide {
        low: f64,
        high: f64,
        elasticity: bool,
    },
    LeverDoesNotMoveGoal {
        measured: Vec<String>,
    },
    SensitivityStep,
    YearBeforeBase {
        year: i32,
    },
    TooManyFanPasses {
        runs: usize,
        passes: usize,
    },
    Runs {
        max: usize,
    },
    NoWaterParameters,
    NoAirParameters,
    YieldAndConsumption,
    TargetYearOutside {
        year: i32,
        from: i32,
        to: i32,
    },
    RelativeNotBefore {
        year: i32,
        target_year: i32,
    },
    RelativeNoValue {
        year: i32,
    },
    DriverNotPositive,
    HoldsNoScenario,
    /// A rank correlation outside −1 to 1.
    Correlation,
    /// A lever correlated with itself.
    CorrelationWithItself,
    /// A correlation of a series whose lever is not uncertain.
    CorrelationNotUncertain {
        series: String,
    },
    /// The pair is given twice.
    CorrelationTwice,
    /// Together the correlations are no correlation matrix.
    CorrelationsInconsistent,
}
