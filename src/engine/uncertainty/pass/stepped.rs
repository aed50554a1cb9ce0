//! The stepped run: every draw taken a window of years at a time across threads that meet at a
//! barrier, each year's fans selected and exceedance counted before the next window.

use super::*;

impl Pass<'_> {
    /// Every draw stepped through a few years (`WINDOW`) before the next: each thread steps
    /// its chunks (each chunk's state small enough to stay in the cache for its years), then
    /// the kept fans' percentiles of those years are selected from every draw's values (each
    /// fan from the order of its year before), then the next years. Per fan only a window of
    /// years is kept; the draws' state is three values a draw for each moved series.
    pub(super) fn stepped(&self) -> Result<Option<Drawn>, ModelError> {
        let runs = self.settings.runs;
        let years = self.years;
        let chunk_count = runs.div_ceil(CHUNK);
        let threads = self.threads.min(chunk_count).max(1);
        /// A chunk of a thread's draws and what it carries from year to year.
        struct ChunkState {
            /// Its first draw within the thread's.
            offset: usize,
            lanes: usize,
            state: BlockYear,
            /// Per capacity and draw: above it in a year so far.
            exceeded: Vec<Vec<bool>>,
        }
        /// A thread's share of the draws: whole chunks, in draw order.
        struct Share {
            draws: usize,
            levers: Vec<Vec<f64>>,
            chunks: Vec<ChunkState>,
            /// Per kept fan: the window's values, `[year in window * draws + draw]`.
            window: Vec<Vec<f64>>,
            counts: Counts,
            error: Option<ModelError>,
        }
        let shares: Vec<RwLock<Share>> = (0..threads)
            .map(|t| {
                let chunks = t * chunk_count / threads..(t + 1) * chunk_count / threads;
                let first = chunks.start * CHUNK;
                let end = (chunks.end * CHUNK).min(runs);
                let states = chunks
                    .map(|chunk| ChunkState {
                        offset: chunk * CHUNK - first,
                        lanes: CHUNK.min(runs - chunk * CHUNK),
                        state: BlockYear::default(),
                        exceeded: vec![Vec::new(); self.capacities.len()],
                    })
                    .collect();
                RwLock::new(Share {
                    draws: end - first,
                    levers: vec![Vec::with_capacity(end - first); self.quantiles.len()],
                    chunks: states,
                    window: vec![Vec::new(); self.kept.len()],
                    counts: vec![(vec![0; years], vec![0; years]); self.capacities.len()],
                    error: None,
                })
            })
            .collect();
        let orders: Vec<Mutex<(YearOrder, Vec<[f64; 5]>)>> = self
            .kept
            .iter()
            .map(|_| Mutex::new((YearOrder::default(), Vec::with_capacity(years))))
            .collect();
        let windows: Vec<std::ops::Range<usize>> = (0..years)
            .step_by(WINDOW)
            .map(|y| y..(y + WINDOW).min(years))
            .collect();
        // The fans of each window handed out to the threads as they come.
        let next_fan: Vec<AtomicUsize> = windows.iter().map(|_| AtomicUsize::new(0)).collect();
        let barrier = SpinBarrier::new(threads);
        // Decided once a window by the last thread to finish it, before the others go on, so
        // every thread leaves at the same window (a thread leaving alone would leave the
        // others waiting at the barrier).
        let stop = AtomicBool::new(false);
        let poisoned = "a Monte Carlo thread does not panic";
        std::thread::scope(|scope| {
            for t in 0..threads {
                let (shares, orders, windows, next_fan, barrier, stop) =
                    (&shares, &orders, &windows, &next_fan, &barrier, &stop);
                scope.spawn(move || {
                    // A thread that panics lets the others out of the barrier, and the scope
                    // hands the panic on (the window's job reports it stopped).
                    let _breaks = BreaksOnPanic(barrier);
                    {
                        let mut share = shares[t].write().expect(poisoned);
                        let share = &mut *share;
                        for chunk in t * chunk_count / threads..(t + 1) * chunk_count / threads {
                            self.draw_levers(chunk, &mut share.levers);
                        }
                    }
                    for (w, years_of) in windows.iter().enumerate() {
                        {
                            let mut share = shares[t].write().expect(poisoned);
                            let Share {
                                draws,
                                levers,
                                chunks,
                                window,
                                counts,
                                error,
                            } = &mut *share;
                            for values in window.iter_mut() {
                                values.resize(years_of.len() * *draws, 0.0);
                            }
                            'chunks: for chunk in chunks.iter_mut() {
                                if error.is_some() {
                                    break;
                                }
                                let of_chunk: Vec<&[f64]> = levers
                                    .iter()
                                    .map(|l| &l[chunk.offset..chunk.offset + chunk.lanes])
                                    .collect();
                                let by_series = self.lever_slices(&of_chunk);
                                for y in years_of.clone() {
                                    let stepped = self.plan.run_year(
                                        self.base_values,
                                        self.moved,
                                        &by_series,
                                        y,
                                        chunk.lanes,
                                        &mut chunk.state,
                                    );
                                    if let Err(e) = stepped {
                                        *error = Some(e);
                                        break 'chunks;
                                    }
                                    let state = &chunk.state;
                                    self.count_year(
                                        y,
                                        chunk.lanes,
                                        |s| state.values(s),
                                        &mut chunk.exceeded,
                                        counts,
                                    );
                                    let at = (y - years_of.start) * *draws + chunk.offset;
                                    for (values, &series) in window.iter_mut().zip(self.kept) {
                                        values[at..at + chunk.lanes]
                                            .copy_from_slice(state.values(series));
                                    }
                                }
                            }
                        }
                        if !barrier.wait(|| {}) {
                            break;
                        }
                        loop {
                            let k = next_fan[w].fetch_add(1, Ordering::Relaxed);
                            if k >= self.kept.len() {
                                break;
                            }
                            let mut order = orders[k].lock().expect(poisoned);
                            let (order, percentiles) = &mut *order;
                            for y in 0..years_of.len() {
                                percentiles.push(order.next(|values| {
                                    for share in shares {
                                        let share = share.read().expect(poisoned);
                                        let draws = share.draws;
                                        values.extend_from_slice(
                                            &share.window[k][y * draws..(y + 1) * draws],
                                        );
                                    }
                                }));
                            }
                        }
                        let together = barrier.wait(|| {
                            let failed = shares
                                .iter()
                                .any(|s| s.read().expect(poisoned).error.is_some());
                            stop.store(
                                failed || self.cancel.load(Ordering::Relaxed),
                                Ordering::Relaxed,
                            );
                            // Progress in draws: a window of every draw's years is a share.
                            let done = |y: usize| runs * y / years;
                            self.progress.fetch_add(
                                done(years_of.end) - done(years_of.start),
                                Ordering::Relaxed,
                            );
                        });
                        if !together || stop.load(Ordering::Relaxed) {
                            break;
                        }
                    }
                });
            }
        });
        let shares: Vec<Share> = shares
            .into_iter()
            .map(|s| s.into_inner().expect(poisoned))
            .collect();
        if let Some(error) = shares.iter().find_map(|s| s.error.clone()) {
            return Err(error);
        }
        if self.cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let (counts, levers) = self.gathered(shares.iter().map(|s| (&s.counts, &s.levers)));
        Ok(Some(Drawn {
            kept: orders
                .into_iter()
                .map(|o| o.into_inner().expect(poisoned).1)
                .collect(),
            counts,
            levers,
        }))
    }
}

/// A barrier the threads of a stepped run meet at twice a year: a wait of a fraction of a
/// millisecond, which a sleeping barrier (a mutex and a condition variable) would stretch to
/// the time a thread takes to wake, many times the work between. It spins a while, then
/// yields, so a machine with fewer cores than threads still gets on.
struct SpinBarrier {
    threads: usize,
    arrived: AtomicUsize,
    generation: AtomicUsize,
    /// Set when a thread panicked: no wait waits any more.
    broken: AtomicBool,
}

impl SpinBarrier {
    fn new(threads: usize) -> SpinBarrier {
        SpinBarrier {
            threads,
            arrived: AtomicUsize::new(0),
            generation: AtomicUsize::new(0),
            broken: AtomicBool::new(false),
        }
    }

    /// Waits until every thread has arrived; the last to arrive runs `last` first, and what it
    /// did is seen by every thread after the wait. `false` when a thread panicked instead.
    fn wait(&self, last: impl FnOnce()) -> bool {
        let generation = self.generation.load(Ordering::Acquire);
        if self.arrived.fetch_add(1, Ordering::AcqRel) + 1 == self.threads {
            last();
            self.arrived.store(0, Ordering::Relaxed);
            self.generation.fetch_add(1, Ordering::Release);
            return !self.broken.load(Ordering::Acquire);
        }
        let mut spins = 0u32;
        while self.generation.load(Ordering::Acquire) == generation {
            if self.broken.load(Ordering::Acquire) {
                return false;
            }
            if spins < 1 << 14 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        true
    }
}

/// Breaks the barrier when the thread holding it unwinds from a panic.
struct BreaksOnPanic<'a>(&'a SpinBarrier);

impl Drop for BreaksOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.broken.store(true, Ordering::Release);
        }
    }
}
