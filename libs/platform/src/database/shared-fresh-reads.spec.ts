import { SharedFreshReads } from './shared-fresh-reads';

/** A read per call, each settled by hand, recording when it started. */
function manualReads() {
  const started: Array<{ key: string; settle: (value: number) => void; fail: (error: Error) => void }> = [];
  const reads = new SharedFreshReads<number>(
    (key) =>
      new Promise<number>((resolve, reject) => {
        started.push({ key, settle: resolve, fail: reject });
      }),
  );
  return { reads, started };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedFreshReads', () => {
  it('starts a read for a caller when none runs', async () => {
    const { reads, started } = manualReads();
    const answer = reads.get('a');
    await flush();
    expect(started).toHaveLength(1);
    started[0].settle(1);
    await expect(answer).resolves.toBe(1);
  });

  it('gives callers who asked during a read the next read, shared, started after that one ended', async () => {
    const { reads, started } = manualReads();
    const first = reads.get('a');
    await flush();
    const [second, third] = [reads.get('a'), reads.get('a')];
    await flush();
    expect(started).toHaveLength(1);
    started[0].settle(1);
    await expect(first).resolves.toBe(1);
    await flush();
    expect(started).toHaveLength(2);
    started[1].settle(2);
    await expect(Promise.all([second, third])).resolves.toEqual([2, 2]);
    // Nothing runs now: a new caller starts a read of its own.
    void reads.get('a');
    await flush();
    expect(started).toHaveLength(3);
  });

  it('keeps keys apart', async () => {
    const { reads, started } = manualReads();
    const [a, b] = [reads.get('a'), reads.get('b')];
    await flush();
    expect(started.map((read) => read.key)).toEqual(['a', 'b']);
    started[1].settle(20);
    started[0].settle(10);
    await expect(Promise.all([a, b])).resolves.toEqual([10, 20]);
  });

  it('fails only the callers of a failed read; those waiting still get the next one', async () => {
    const { reads, started } = manualReads();
    const failing = reads.get('a');
    await flush();
    const waiting = reads.get('a');
    started[0].fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await flush();
    started[1].settle(7);
    await expect(waiting).resolves.toBe(7);
  });
});
