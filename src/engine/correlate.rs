//! Correlated draws (Iman & Conover 1982): the independent uniforms of each lever are
//! reordered so that their rank correlations approach those asked for. Each lever keeps exactly
//! its own values, so its distribution (and a Latin hypercube's strata) is unchanged; only
//! which value goes with which draw moves.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha12Rng as Generator;
use statrs::distribution::{ContinuousCDF, Normal};

/// A matrix that is no correlation matrix: the first lever (by its row) at which its Cholesky
/// factor fails, so that the message can name the pair that cannot hold together with the rest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NotPositiveSemidefinite {
    pub row: usize,
}

/// The lower Cholesky factor of a symmetric positive semi-definite matrix, or the row where it
/// is not: a pivot below −1e-9 (rounding of a singular matrix, such as two levers at ρ = 1,
/// leaves a zero column instead).
pub fn cholesky(matrix: &[Vec<f64>]) -> Result<Vec<Vec<f64>>, NotPositiveSemidefinite> {
    let k = matrix.len();
    let mut l = vec![vec![0.0; k]; k];
    for i in 0..k {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|m| l[i][m] * l[j][m]).sum();
            if i == j {
                let pivot = matrix[i][i] - sum;
                if pivot < -1e-9 || !pivot.is_finite() {
                    return Err(NotPositiveSemidefinite { row: i });
                }
                l[i][i] = pivot.max(0.0).sqrt();
            } else if l[j][j] > 1e-12 {
                l[i][j] = (matrix[i][j] - sum) / l[j][j];
            } else if (matrix[i][j] - sum).abs() > 1e-9 {
                // A zero column must meet a zero residual: otherwise no factor exists.
                return Err(NotPositiveSemidefinite { row: i });
            }
        }
    }
    Ok(l)
}

/// Pearson correlation matrix of the columns of `columns` (each one variable).
fn correlation(columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len) as f64;
    let centred: Vec<Vec<f64>> = columns
        .iter()
        .map(|c| {
            let mean = c.iter().sum::<f64>() / n;
            c.iter().map(|v| v - mean).collect()
        })
        .collect();
    let norms: Vec<f64> = centred
        .iter()
        .map(|c| c.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect();
    let mut r = vec![vec![0.0; k]; k];
    for i in 0..k {
        for j in 0..=i {
            let dot: f64 = centred[i].iter().zip(&centred[j]).map(|(a, b)| a * b).sum();
            let value = dot / (norms[i] * norms[j]);
            r[i][j] = value;
            r[j][i] = value;
        }
    }
    r
}

/// The inverse of a lower-triangular matrix with a non-zero diagonal.
fn invert_lower(l: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = l.len();
    let mut inverse = vec![vec![0.0; k]; k];
    for i in 0..k {
        inverse[i][i] = 1.0 / l[i][i];
        // Row i below the diagonal from the rows above it (forward substitution).
        let row: Vec<f64> = (0..i)
            .map(|j| -(j..i).map(|m| l[i][m] * inverse[m][j]).sum::<f64>() / l[i][i])
            .collect();
        inverse[i][..i].copy_from_slice(&row);
    }
    inverse
}

/// Reorders each row of `table` (one row per lever, one column per draw, the values uniforms
/// or anything else) so that the rank correlation between rows approaches `target` (a
/// symmetric matrix with a unit diagonal, one row per lever). Refused, with nothing changed,
/// when `target` is not positive semi-definite. The shuffles are seeded by `seed`.
pub fn iman_conover(
    table: &mut [Vec<f64>],
    target: &[Vec<f64>],
    seed: u64,
) -> Result<(), NotPositiveSemidefinite> {
    let k = table.len();
    let p = cholesky(target)?;
    let n = table.first().map_or(0, Vec::len);
    if k < 2 || n < k + 1 {
        return Ok(());
    }
    // van der Waerden scores, shuffled independently for each lever.
    let normal = Normal::standard();
    let scores: Vec<f64> = (1..=n)
        .map(|i| normal.inverse_cdf(i as f64 / (n + 1) as f64))
        .collect();
    let mut rng = Generator::seed_from_u64(seed ^ 0x5851_F42D_4C95_7F2D);
    let columns: Vec<Vec<f64>> = (0..k)
        .map(|_| {
            let mut column = scores.clone();
            column.shuffle(&mut rng);
            column
        })
        .collect();
    // The shuffled scores' own (sampling) correlation is taken out, the target's put in:
    // T = S (F⁻¹)ᵀ Pᵀ, with E = F Fᵀ the scores' correlation and C = P Pᵀ the target.
    let f = cholesky(&correlation(&columns)).expect("a correlation matrix of scores factors");
    if (0..k).any(|i| f[i][i] < 1e-12) {
        return Ok(());
    }
    let f_inverse = invert_lower(&f);
    // M = P F⁻¹ (k × k); row i of T for draw d is Σ_j M[i][j] S[j][d].
    let m: Vec<Vec<f64>> = (0..k)
        .map(|i| {
            (0..k)
                .map(|j| (0..k).map(|r| p[i][r] * f_inverse[r][j]).sum())
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut transformed = vec![0.0; n];
    for (i, row) in table.iter_mut().enumerate() {
        for (d, t) in transformed.iter_mut().enumerate() {
            *t = (0..k).map(|j| m[i][j] * columns[j][d]).sum();
        }
        // The lever's values take the ranks of its transformed scores.
        let mut sorted = row.clone();
        sorted.sort_by(f64::total_cmp);
        order.sort_by(|&a, &b| transformed[a].total_cmp(&transformed[b]));
        for (rank, &draw) in order.iter().enumerate() {
            row[draw] = sorted[rank];
        }
    }
    Ok(())
}

/// Spearman's rank correlation of two equally long samples (ties given their mean rank).
pub fn rank_correlation(a: &[f64], b: &[f64]) -> f64 {
    let ranks = |values: &[f64]| -> Vec<f64> {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&x, &y| values[x].total_cmp(&values[y]));
        let mut ranks = vec![0.0; values.len()];
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && values[order[end]] == values[order[start]] {
                end += 1;
            }
            let mean = (start + end - 1) as f64 / 2.0;
            for &i in &order[start..end] {
                ranks[i] = mean;
            }
            start = end;
        }
        ranks
    };
    let r = correlation(&[ranks(a), ranks(b)]);
    r[0][1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    fn uniforms(k: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
        let mut rng = Generator::seed_from_u64(seed);
        (0..k)
            .map(|_| (0..n).map(|_| rng.random::<f64>()).collect())
            .collect()
    }

    #[test]
    fn draws_reach_the_asked_rank_correlation_and_keep_their_values() {
        let target = vec![
            vec![1.0, 0.8, -0.3],
            vec![0.8, 1.0, 0.0],
            vec![-0.3, 0.0, 1.0],
        ];
        let mut table = uniforms(3, 10_000, 3);
        let before = table.clone();
        iman_conover(&mut table, &target, 9).unwrap();
        for i in 0..3 {
            // Each lever keeps exactly its values: its distribution is unchanged.
            let (mut a, mut b) = (before[i].clone(), table[i].clone());
            a.sort_by(f64::total_cmp);
            b.sort_by(f64::total_cmp);
            assert_eq!(a, b);
            for j in 0..i {
                let r = rank_correlation(&table[i], &table[j]);
                // Sampling error of a rank correlation over 10 000 draws is about 0.01.
                assert!((r - target[i][j]).abs() < 0.03, "{i},{j}: {r}");
            }
        }
    }

    #[test]
    fn a_matrix_that_is_no_correlation_is_refused_and_changes_nothing() {
        // a and b move together, b and c together, but a and c against each other: impossible.
        let target = vec![
            vec![1.0, 0.9, -0.9],
            vec![0.9, 1.0, 0.9],
            vec![-0.9, 0.9, 1.0],
        ];
        let mut table = uniforms(3, 100, 1);
        let before = table.clone();
        assert_eq!(
            iman_conover(&mut table, &target, 1),
            Err(NotPositiveSemidefinite { row: 2 })
        );
        assert_eq!(table, before);
        // Perfect correlation is semi-definite: accepted.
        let ones = vec![vec![1.0, 1.0], vec![1.0, 1.0]];
        let mut table = uniforms(2, 1000, 2);
        iman_conover(&mut table, &ones, 1).unwrap();
        assert!(rank_correlation(&table[0], &table[1]) > 0.99);
    }
}
