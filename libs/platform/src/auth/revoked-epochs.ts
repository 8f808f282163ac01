/** Told when an account's lowest accepted token epoch rises (e.g. to close its open streams). */
export type RevocationListener = (accountId: string, tokenEpoch: number) => void;

/**
 * Per account, the lowest token epoch still accepted. Epochs only rise: a
 * revocation read twice, or an older one read after a newer, changes
 * nothing, so the order in which polls and events bring them does not matter.
 */
export class RevokedEpochs {
  private readonly lowest = new Map<string, number>();
  private readonly listeners: RevocationListener[] = [];

  /** Raises the account's lowest accepted epoch; returns whether it rose. */
  note(accountId: string, tokenEpoch: number): boolean {
    if ((this.lowest.get(accountId) ?? 0) >= tokenEpoch) return false;
    this.lowest.set(accountId, tokenEpoch);
    for (const listener of this.listeners) listener(accountId, tokenEpoch);
    return true;
  }

  /** Whether a token of `accountId` issued at `tokenEpoch` has been revoked. */
  refuses(accountId: string, tokenEpoch: number): boolean {
    return tokenEpoch < (this.lowest.get(accountId) ?? 0);
  }

  onRevoked(listener: RevocationListener): void {
    this.listeners.push(listener);
  }
}
