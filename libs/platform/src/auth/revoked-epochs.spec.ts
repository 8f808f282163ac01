import { RevokedEpochs } from './revoked-epochs';

describe('RevokedEpochs', () => {
  it('accepts every epoch of an account it has heard nothing about', () => {
    expect(new RevokedEpochs().refuses('a', 0)).toBe(false);
  });

  it('refuses the epochs below the recorded one, and only for that account', () => {
    const epochs = new RevokedEpochs();
    epochs.note('a', 2);
    expect([0, 1, 2, 3].map((epoch) => epochs.refuses('a', epoch))).toEqual([true, true, false, false]);
    expect(epochs.refuses('b', 0)).toBe(false);
  });

  it('only rises: an older revocation read after a newer one changes nothing', () => {
    const epochs = new RevokedEpochs();
    expect(epochs.note('a', 3)).toBe(true);
    expect(epochs.note('a', 2)).toBe(false);
    expect(epochs.note('a', 3)).toBe(false);
    expect(epochs.refuses('a', 2)).toBe(true);
  });

  it('tells its listeners each time an epoch rises, not when nothing changed', () => {
    const epochs = new RevokedEpochs();
    const heard: Array<[string, number]> = [];
    epochs.onRevoked((accountId, epoch) => heard.push([accountId, epoch]));
    epochs.note('a', 1);
    epochs.note('a', 1);
    epochs.note('b', 2);
    epochs.note('a', 4);
    expect(heard).toEqual([['a', 1], ['b', 2], ['a', 4]]);
  });
});
