/**
 * Run scheduling for the content script: one run (extract → analyse → paint) at a time, a request
 * during a run queues one more, and generations tell a run in flight that a newer run, a
 * navigation or the end of the context made it stale (it then stops without painting or reporting).
 *
 * Pure: what a run does is passed in.
 */

/** Why a run started: the page loaded, the reader asked, the page changed, or the SPA navigated. */
export type RunReason = 'auto' | 'manual' | 'mutation' | 'navigation';

/** One run at a time; a request during a run queues one more (the latest reason wins). */
export class RunQueue<R> {
  private running: Promise<void> | null = null;
  private pending: R | null = null;

  /** `step` runs one run; it must not throw (it reports its own failures). */
  constructor(private readonly step: (reason: R) => Promise<void>) {}

  /** Start a run, or queue one after the current run; resolves when no run is left. */
  run(reason: R): Promise<void> {
    if (this.running) {
      this.pending = reason;
      return this.running;
    }
    const loop = async () => {
      let next: R | null = reason;
      while (next !== null) {
        this.pending = null;
        await this.step(next);
        next = this.pending;
      }
    };
    this.running = loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}

/** Run generations: starting a run or dropping the runs in flight makes every older run stale. */
export class Generations {
  private n = 0;

  /** Start a new generation; the returned test says whether it is still the latest. */
  begin(): () => boolean {
    const gen = ++this.n;
    return () => gen === this.n;
  }

  /** Make every run in flight stale (navigation, blocked site, context gone). */
  drop(): void {
    this.n++;
  }
}
