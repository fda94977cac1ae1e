/**
 * Runs the corpus manager's work one piece at a time (`SerialQueue`), and writes the cached
 * index row after changes (`IndexSaver`): debounced, so a batch import writes once, and through
 * the queue, so a write never sees an index half-way through a change.
 */
import { putCorpusRow, type CacheDB, type CorpusRow } from '../store/db';
import type { Log } from './types';

/** Promises run in order: each starts after every earlier one settled (a failure does not stop the queue). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => {});
    return run;
  }
}

export interface IndexSaverDeps {
  /** Null: nothing is ever written. */
  cacheDb: CacheDB | null;
  queue: SerialQueue;
  /** Delay before the row is written after the last change. */
  delayMs: number;
  /** The row to write, computed when it is written. */
  row(): Omit<CorpusRow, 'key'>;
  log: Log;
}

export class IndexSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  constructor(private readonly deps: IndexSaverDeps) {}

  /** Writes the row `delayMs` after the last call. */
  schedule(): void {
    if (!this.deps.cacheDb) return;
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.deps.delayMs);
  }

  /** Writes the row now if a write is pending. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.save();
  }

  private save(): Promise<void> {
    return this.deps.queue.run(async () => {
      const db = this.deps.cacheDb;
      if (!this.pending || !db) return;
      this.pending = false;
      await putCorpusRow(db, this.deps.row(), this.deps.log);
    });
  }
}
