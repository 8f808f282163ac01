/**
 * Tells an unreachable or failing database apart from a bad query, so the
 * API answers 503 (try again) rather than 500, and a consumer waits for the
 * database instead of dead-lettering good records.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown })?.driverError];
  return candidates.some((candidate) => {
    if (!candidate || typeof candidate !== 'object') return false;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      // SQLSTATE class 08 (connection exception), 57P01-03 (shutdown), 53300 (too many connections).
      if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
      if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return true;
    }
    return (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(
        message,
      )
    );
  });
}
