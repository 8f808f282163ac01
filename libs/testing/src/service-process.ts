import { type ChildProcess, spawn } from 'child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DEVELOPMENT_MODE, MODE_VARIABLE } from '@passerelle/platform/config';
import { expectEventually } from './expect-eventually';

/**
 * A service run as its own process from the build (`dist/`), as in
 * production (but in development mode, as every test runs), so a test can kill it with SIGKILL or stop it with SIGTERM.
 * `nodeArgs`: the Node.js flags its deployments give it (the heap ceiling).
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<string>;
  private logFile = '';

  constructor(
    readonly service: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const logs = join(process.cwd(), '.cache', 'test-logs');
    mkdirSync(logs, { recursive: true });
    this.logFile = join(logs, `${this.service}-${this.port}.log`);
    writeFileSync(this.logFile, '');
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...this.nodeArgs, join('dist', 'apps', this.service, 'src', 'main.js')], {
      env: { [MODE_VARIABLE]: DEVELOPMENT_MODE, ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    // 'close' comes after the child's stdio ended; the log file is complete once its stream has finished too.
    this.exited = new Promise((resolve) =>
      child.once('close', (code, signal) => log.end(() => resolve(signal ?? String(code)))),
    );
    this.child = child;
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.service} exited with ${child.exitCode}; see .cache/test-logs`);
        const response = await fetch(`${this.url}/health/ready`);
        expect(response.status).toBe(200);
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /**
   * SIGTERM: the graceful shutdown. Resolves with how the process ended
   * (Nest re-raises the signal once its shutdown hooks are done, so a clean
   * stop ends with 'SIGTERM') and its log lines since it started.
   */
  async terminate(): Promise<{ exit: string; log: string[] }> {
    this.child?.kill('SIGTERM');
    const exit = (await this.exited) ?? 'unknown';
    return { exit, log: readFileSync(this.logFile, 'utf8').split('\n') };
  }

  async metric(name: string, labels: Record<string, string>): Promise<number> {
    const [first] = await this.metricValues(name, labels);
    return first ?? 0;
  }

  /** The sum of a counter over every series matching `labels` (e.g. duplicates of all event types). */
  async metricTotal(name: string, labels: Record<string, string>): Promise<number> {
    return (await this.metricValues(name, labels)).reduce((sum, value) => sum + value, 0);
  }

  private async metricValues(name: string, labels: Record<string, string>): Promise<number[]> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    return text
      .split('\n')
      .filter((row) => row.startsWith(`${name}{`) && wanted.every((label) => row.includes(label)))
      .map((row) => Number(row.split(' ').at(-1)));
  }
}
