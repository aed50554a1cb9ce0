//! Fans from the draws: percentiles selected year by year, read off a single lever's order
//! where a fan depends on one draw only.

use super::PERCENTILES;
use crate::engine::{ModelError, ProjectionPlan};
use crate::model::with_lever;

/// The fan-chart percentiles of `values`, reordering them: only the order statistics the
/// percentiles need are selected (O(n) each), which is several times faster than a full sort.
/// The fan of a series that moves with one lever only and increasingly (`monotone_in_one`),
/// from the lever's sorted draws: in every year the series' values rank as the lever's do, so
/// its percentile is the interpolation, with the same weights, between its values at the
/// lever's order statistics. Computed by the same projection as a draw, so the same bits as
/// selecting among all the draws' values, at the cost of a few projections.
pub(super) fn fan_from_lever(
    plan: &ProjectionPlan<'_>,
    base_values: &[Vec<f64>],
    moved: &[bool],
    (root, sorted): (usize, &[f64]),
    series: usize,
) -> Result<Vec<[f64; 5]>, ModelError> {
    let scenario = plan.scenario();
    let last = sorted.len() - 1;
    let mut values = base_values.to_vec();
    let mut at_lever = |lever: f64| -> Result<Vec<f64>, ModelError> {
        plan.rerun(&mut values, moved, |i| {
            (i == root)
                .then(|| with_lever(&scenario.series[i].rule, lever))
                .flatten()
        })?;
        Ok(values[series].clone())
    };
    let mut bounds = Vec::with_capacity(PERCENTILES.len());
    for p in PERCENTILES {
        let rank = p * last as f64;
        let low = rank.floor() as usize;
        let low_values = at_lever(sorted[low])?;
        let high_values = if rank > low as f64 && low < last {
            at_lever(sorted[low + 1])?
        } else {
            low_values.clone()
        };
        bounds.push((rank - low as f64, low_values, high_values));
    }
    let years = base_values[series].len();
    Ok((0..years)
        .map(|y| {
            std::array::from_fn(|k| {
                let (weight, low, high) = &bounds[k];
                low[y] + (high[y] - low[y]) * weight
            })
        })
        .collect())
}

/// The fan-chart percentiles of one series' draws in each of `years` years, `year_values`
/// giving a year's values in draw order. Each year is sorted starting from the order of the
/// year before: a draw's rank barely moves from one year to the next (a draw ahead in growth
/// stays ahead), so an insertion sort finishes it in close to linear time; where ranks do move
/// (the first year after the base, where every draw was equal), a full sort takes over. The
/// order statistics are exact, so the percentiles are those of sorting every draw.
pub(super) fn percentiles_by_year(
    years: usize,
    mut year_values: impl FnMut(usize, &mut Vec<f64>),
) -> Vec<[f64; 5]> {
    let mut order = YearOrder::default();
    (0..years)
        .map(|y| order.next(|values| year_values(y, values)))
        .collect()
}

/// One fan's draws in the order of the year before, for the percentiles of the next
/// (`percentiles_by_year`, and a run stepped a year at a time that selects each year's
/// percentiles before the next is computed).
#[derive(Debug, Default)]
pub(super) struct YearOrder {
    /// The year's values in draw order, gathered in one sequential pass before they are read
    /// in last year's order.
    current: Vec<f64>,
    /// (value's `order_key`, draw), by value: last year's order is this year's start.
    sorted: Vec<(i64, u32)>,
}

impl YearOrder {
    /// The percentiles of the next year, whose values in draw order `fill` gives.
    pub(super) fn next(&mut self, fill: impl FnOnce(&mut Vec<f64>)) -> [f64; 5] {
        let (current, sorted) = (&mut self.current, &mut self.sorted);
        current.clear();
        fill(current);
        // Each draw's new value read as it is inserted (one pass, not a gathering pass and
        // then a sorting one). An insertion sort of a shuffled year would take n²/4 moves:
        // past a few per draw, sorting from scratch is cheaper.
        let resorted = sorted.len() == current.len()
            && insertion_sort_within(sorted, 8 * current.len(), |d| current[d as usize]);
        if !resorted {
            sorted.clear();
            sorted.extend(
                current
                    .iter()
                    .enumerate()
                    .map(|(d, v)| (order_key(*v), d as u32)),
            );
            sorted.sort_unstable_by_key(|pair| pair.0);
        }
        PERCENTILES.map(|p| interpolated(sorted.len(), p, |i| from_order_key(sorted[i].0)))
    }
}

/// A value as an integer that orders as `f64::total_cmp` does (the same transform, made once
/// per value rather than at every comparison of a sort): negative numbers' bits but the sign
/// flipped, so that integers compare as the numbers do.
pub(super) fn order_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// The value `order_key` was made from (the transform is its own inverse).
pub(super) fn from_order_key(key: i64) -> f64 {
    f64::from_bits((key ^ (((key >> 63) as u64) >> 1) as i64) as u64)
}

/// Sorts `pairs` (draws in last year's order) by this year's values, `value(draw)`, by
/// insertion, each pair's key set as it is reached, moving at most about `budget` elements in
/// all; `false`, with the draws reordered but none lost (and keys only partly set), when
/// that was not enough.
pub(super) fn insertion_sort_within(
    pairs: &mut [(i64, u32)],
    budget: usize,
    value: impl Fn(u32) -> f64,
) -> bool {
    let mut moves = 0;
    for i in 0..pairs.len() {
        let draw = pairs[i].1;
        let item = (order_key(value(draw)), draw);
        let mut j = i;
        while j > 0 && pairs[j - 1].0 > item.0 {
            pairs[j] = pairs[j - 1];
            j -= 1;
        }
        pairs[j] = item;
        moves += i - j;
        if moves > budget {
            return false;
        }
    }
    true
}

/// Linear interpolation between order statistics (the usual "type 7" percentile).
pub fn percentile_of_sorted(sorted: &[f64], p: f64) -> f64 {
    interpolated(sorted.len(), p, |i| sorted[i])
}

/// The type-7 percentile `p` of `n` sorted values, the i-th read by `value(i)`.
pub(super) fn interpolated(n: usize, p: f64, value: impl Fn(usize) -> f64) -> f64 {
    if n == 0 {
        return f64::NAN;
    }
    let rank = p * (n - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    value(low) + (value(high) - value(low)) * (rank - low as f64)
}
