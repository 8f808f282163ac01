/**
 * Reads that callers asking at the same time share, without any of them
 * getting an answer older than its own question.
 *
 * A caller asking for a key while no read of it runs starts one. Callers
 * asking while one runs do not join it (it may have begun before something
 * they saw committed): they wait for it to end and share the next read,
 * which starts after all of them asked. So every answer is at least as fresh
 * as a read started on arrival, and under load a key is read about once per
 * round trip instead of once per caller.
 */
export class SharedFreshReads<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly next = new Map<string, Promise<V>>();

  constructor(private readonly read: (key: string) => Promise<V>) {}

  get(key: string): Promise<V> {
    const running = this.running.get(key);
    if (!running) return this.start(key);
    let next = this.next.get(key);
    if (!next) {
      next = running.then(ignore, ignore).then(() => {
        this.next.delete(key);
        return this.start(key);
      });
      this.next.set(key, next);
    }
    return next;
  }

  private start(key: string): Promise<V> {
    const read: Promise<V> = Promise.resolve(key)
      .then(this.read)
      .finally(() => {
        if (this.running.get(key) === read) this.running.delete(key);
      });
    this.running.set(key, read);
    return read;
  }
}

function ignore(): void {}
