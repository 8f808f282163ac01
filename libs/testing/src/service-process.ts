import { type ChildProcess, spawn } from 'child_process';
import { createWriteStream, mkdirSync } from 'fs';
import { join } from 'path';
import { expectEventually } from './expect-eventually';

/**
 * A service run as its own process from the build (`dist/`), as in
 * production, so a test can kill it with SIGKILL or stop it with SIGTERM.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly service: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const logs = join(process.cwd(), '.cache', 'test-logs');
    mkdirSync(logs, { recursive: true });
    const log = createWriteStream(join(logs, `${this.service}-${this.port}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join('dist', 'apps', this.service, 'src', 'main.js')], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
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

  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  async terminate(): Promise<number | null> {
    this.child?.kill('SIGTERM');
    return (await this.exited) ?? null;
  }

  async metric(name: string, labels: Record<string, string>): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    const line = text
      .split('\n')
      .find((row) => row.startsWith(`${name}{`) && wanted.every((label) => row.includes(label)));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }
}
