import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';

/**
 * Slows, then refuses, repeated failed sign-ins for one account (e-mail) or one address (IP).
 * Counters live in PostgreSQL so every replica sees the same ones.
 */
export class SignInThrottle {
  constructor(private readonly db: Database, private readonly config: Config) {}

  private keys(email: string, ip: string | null): Array<{ key: string; max: number }> {
    const keys = [{ key: `account:${email}`, max: this.config.SIGNIN_MAX_FAILURES_PER_ACCOUNT }];
    if (ip) keys.push({ key: `address:${ip}`, max: this.config.SIGNIN_MAX_FAILURES_PER_ADDRESS });
    return keys;
  }

  /** Throws RATE_LIMITED while locked; otherwise waits longer the more failures there were. */
  async beforeAttempt(email: string, ip: string | null): Promise<void> {
    const keys = this.keys(email, ip);
    const rows = (await this.db.dataSource.query(
      `SELECT key, failures, locked_until, window_started_at FROM sign_in_throttles WHERE key = ANY($1)`,
      [keys.map((k) => k.key)],
    )) as Array<{ key: string; failures: number; locked_until: Date | null; window_started_at: Date }>;
    const windowMs = this.config.SIGNIN_WINDOW_MINUTES * 60_000;
    let delayFailures = 0;
    for (const row of rows) {
      if (row.locked_until && new Date(row.locked_until).getTime() > Date.now()) {
        const retryAfterSeconds = Math.ceil((new Date(row.locked_until).getTime() - Date.now()) / 1000);
        throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
      }
      if (Date.now() - new Date(row.window_started_at).getTime() < windowMs && row.key.startsWith('account:')) {
        delayFailures = Math.max(delayFailures, row.failures);
      }
    }
    const over = delayFailures - this.config.SIGNIN_SLOW_AFTER;
    if (over >= 0) await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** over, 4000)));
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    const windowMinutes = this.config.SIGNIN_WINDOW_MINUTES;
    for (const { key, max } of this.keys(email, ip)) {
      await this.db.dataSource.query(
        `INSERT INTO sign_in_throttles AS t (key, failures, window_started_at, locked_until)
              VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $3) THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $3) THEN now() ELSE t.window_started_at END,
           locked_until = CASE
             WHEN (CASE WHEN t.window_started_at < now() - make_interval(mins => $3) THEN 1 ELSE t.failures + 1 END) >= $2
             THEN now() + make_interval(mins => $3) ELSE t.locked_until END`,
        [key, max, windowMinutes],
      );
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.db.dataSource.query(`DELETE FROM sign_in_throttles WHERE key = $1`, [`account:${email}`]);
  }
}
