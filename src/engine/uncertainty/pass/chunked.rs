//! The chunked run: each chunk of draws projected over every year at once, its fans' values
//! kept, for draws whose state would not fit a run stepped a year at a time.

use super::*;

impl Pass<'_> {
    /// Each chunk of draws projected over every year at once (`run_block`), the kept fans'
    /// values of every draw and year kept for the percentiles: for draws whose state would not
    /// fit a run stepped a year at a time (a file of thousands of series over many draws).
    pub(super) fn chunked(&self) -> Result<Option<Drawn>, ModelError> {
        let runs = self.settings.runs;
        let years = self.years;
        let chunk_count = runs.div_ceil(CHUNK);
        let next_chunk = AtomicUsize::new(0);
        /// What one chunk of draws leaves for the percentiles and the counts.
        struct ChunkResult {
            chunk: usize,
            /// Each kept fan's values, year-major (`[year * draws + draw]`), as the block made
            /// them.
            fans: Vec<Vec<f64>>,
            counts: Counts,
            levers: Vec<Vec<f64>>,
        }
        let work = || -> Result<Vec<ChunkResult>, ModelError> {
            let mut done = Vec::new();
            // The chunk's values of every moved series, year-major (see `run_block`).
            let mut block: Vec<Vec<f64>> = vec![Vec::new(); self.moved.len()];
            loop {
                if self.cancel.load(Ordering::Relaxed) {
                    return Ok(done);
                }
                let chunk = next_chunk.fetch_add(1, Ordering::Relaxed);
                if chunk >= chunk_count {
                    return Ok(done);
                }
                let draws = CHUNK.min(runs - chunk * CHUNK);
                let mut levers = vec![Vec::with_capacity(draws); self.quantiles.len()];
                self.draw_levers(chunk, &mut levers);
                let by_series = self.lever_slices(&levers);
                self.plan
                    .run_block(self.base_values, self.moved, &by_series, draws, &mut block)?;
                let mut exceeded = vec![Vec::new(); self.capacities.len()];
                let mut counts =
                    vec![(vec![0u32; years], vec![0u32; years]); self.capacities.len()];
                for y in 0..years {
                    let values = |s: usize| &block[s][y * draws..(y + 1) * draws];
                    self.count_year(y, draws, values, &mut exceeded, &mut counts);
                }
                // The block's values themselves, taken, not copied.
                let fans = self
                    .kept
                    .iter()
                    .map(|&series| std::mem::take(&mut block[series]))
                    .collect();
                self.progress.fetch_add(draws, Ordering::Relaxed);
                done.push(ChunkResult {
                    chunk,
                    fans,
                    counts,
                    levers,
                });
            }
        };
        let threads = self.threads.min(chunk_count).max(1);
        let mut chunks: Vec<ChunkResult> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            let mut all = Vec::new();
            for handle in handles {
                all.extend(
                    handle
                        .join()
                        .expect("a Monte Carlo thread does not panic")?,
                );
            }
            Ok::<_, ModelError>(all)
        })?;
        if self.cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        chunks.sort_by_key(|c| c.chunk);
        // The percentiles of every kept fan in every year: a fan's years on one thread in turn,
        // each year sorted from the order of the year before (`percentiles_by_year`), the fans
        // handed out to the threads as they finish. Each is exact, so the numbers do not depend
        // on how the work is split.
        let next_fan = AtomicUsize::new(0);
        let mut by_fan: Vec<(usize, Vec<[f64; 5]>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads.min(self.kept.len()))
                .map(|_| {
                    let (chunks, next_fan) = (&chunks, &next_fan);
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        while next_fan.load(Ordering::Relaxed) < self.kept.len() {
                            let f = next_fan.fetch_add(1, Ordering::Relaxed);
                            if f >= self.kept.len() {
                                break;
                            }
                            let percentiles = percentiles_by_year(years, |y, values| {
                                for chunk in chunks {
                                    let draws = chunk.fans[f].len() / years;
                                    values.extend_from_slice(&chunk.fans[f][y * draws..][..draws]);
                                }
                            });
                            done.push((f, percentiles));
                        }
                        done
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a percentile thread does not panic"))
                .collect()
        });
        by_fan.sort_by_key(|(f, _)| *f);
        let (counts, levers) = self.gathered(chunks.iter().map(|c| (&c.counts, &c.levers)));
        Ok(Some(Drawn {
            kept: by_fan.into_iter().map(|(_, p)| p).collect(),
            counts,
            levers,
        }))
    }
}
