import { describe, expect, it } from 'vitest';
import { Generations, RunQueue } from './runs';

describe('RunQueue: one run at a time', () => {
  it('queues one more run when asked during a run (the latest reason wins)', async () => {
    const ran: string[] = [];
    let release!: () => void;
    const queue = new RunQueue<string>(async (r) => {
      ran.push(r);
      if (r === 'first') await new Promise<void>((res) => (release = res));
    });
    const done = queue.run('first');
    const again = queue.run('second');
    void queue.run('third');
    expect(again).toBe(done);
    expect(ran).toEqual(['first']);
    release();
    await done;
    expect(ran).toEqual(['first', 'third']);
  });

  it('starts afresh once the queue is empty', async () => {
    const ran: string[] = [];
    const queue = new RunQueue<string>(async (r) => void ran.push(r));
    await queue.run('a');
    await queue.run('b');
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('Generations: a newer run makes older ones stale', () => {
  it('tells a run whether it is still the latest', () => {
    const g = new Generations();
    const first = g.begin();
    expect(first()).toBe(true);
    const second = g.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    g.drop();
    expect(second()).toBe(false);
  });
});
