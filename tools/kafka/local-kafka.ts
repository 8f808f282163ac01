/**
 * A real, single-node Apache Kafka (KRaft) for tests and `npm start`, run with the machine's
 * Java from jars that Maven fetches from Maven Central into `.cache/kafka`. Nothing is
 * emulated: the services talk to the same broker code they meet in production.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { brokerFiles, log4jConfig, serverProperties } from './broker-files';
import { isKafkaReachable, isPortOpen, parseBroker, probeServing } from './broker-probe';
import {
  KAFKA_VERSION,
  Log,
  cacheRoot,
  checkJava,
  ensureKafkaJars,
  javaCommand,
  lastLines,
  run,
} from './kafka-distribution';

export interface LocalKafkaOptions {
  /** Comma-separated host:port list; defaults to $KAFKA_BROKERS, then 127.0.0.1:9092. */
  brokers?: string;
  /** Receives progress lines; defaults to stderr. */
  log?: Log;
}

export interface LocalKafkaHandleOptions {
  port: number;
  /** The KRaft controller listener; defaults to port + 1 (9093 next to 9092). */
  controllerPort?: number;
  /** Defaults to `.cache/kafka/data/<port>`, so brokers on different ports never share data. */
  dataDir?: string;
  log?: Log;
}

const DEFAULT_BROKERS = '127.0.0.1:9092';
/** A cold JVM on a 2-core machine plus first-time internal topic creation can take a while. */
const START_TIMEOUT_MS = 120_000;
const PROGRESS_EVERY_MS = 5_000;
/** A single KRaft node shuts down in a few seconds; past this it is hung and gets SIGKILL. */
const STOP_TIMEOUT_MS = 30_000;

const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function configuredBrokers(opts: LocalKafkaOptions): string {
  return opts.brokers ?? process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function readTail(file: string, lines: number): string {
  return existsSync(file) ? lastLines(readFileSync(file, 'utf8'), lines) : '(no output)';
}

/** The pid in a pid or lock file; undefined if the file is missing or garbled. */
function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Signals a process that may have exited a moment ago; that race is not an error. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function assertPortFree(port: number, role: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `kafka: port ${port} (${role}) on 127.0.0.1 is already in use by another program: ` +
            `stop it, or run the broker on another port (KAFKA_BROKERS=127.0.0.1:<port>)`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * One local broker, identified by its port. The broker runs detached, with its pid in
 * `.cache/kafka/broker-<port>.pid`, so it can outlive this process (`cli start`) and any
 * process can stop it later. `stop()` then `start()` restarts it on the same port and data,
 * which is what fault tests need to take Kafka away for a while.
 */
export class LocalKafka {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
  readonly brokers: string;
  /** The broker's own log file, for humans to look at. */
  readonly logFile: string;
  private readonly log: Log;
  private readonly pidFile: string;
  private readonly files: ReturnType<typeof brokerFiles>;
  /** Set while a broker started by this process runs; the only reliable exit signal for it. */
  private child?: ChildProcess;

  constructor(opts: LocalKafkaHandleOptions) {
    this.port = opts.port;
    this.controllerPort = opts.controllerPort ?? opts.port + 1;
    this.dataDir = opts.dataDir ?? join(cacheRoot(), 'data', String(opts.port));
    this.brokers = `127.0.0.1:${opts.port}`;
    this.log = opts.log ?? stderrLog;
    this.pidFile = join(cacheRoot(), `broker-${opts.port}.pid`);
    this.files = brokerFiles(this.dataDir);
    this.logFile = this.files.serverLog;
  }

  /** The pid of this port's broker if this tool started it and it is still running. */
  get pid(): number | undefined {
    const pid = readPid(this.pidFile);
    return pid !== undefined && this.isAlive(pid) && this.isOurBroker(pid) ? pid : undefined;
  }

  /**
   * Starts the broker, or adopts the one this tool already runs on this port (possibly still
   * booting, possibly started by another process), and waits until it serves. Resolves true
   * when this call launched the process, i.e. when the caller owns it.
   */
  async start(): Promise<boolean> {
    const unlock = await this.lockStart();
    try {
      const running = this.pid;
      if (running !== undefined) {
        this.log(`kafka: broker on ${this.brokers} already started by this tool (pid ${running})`);
        await this.waitUntilServing(running);
        return false;
      }
      await this.launch();
      return true;
    } finally {
      unlock();
    }
  }

  /** Stops this port's broker if this tool started it; resolves true when one was stopped. */
  async stop(): Promise<boolean> {
    const pid = this.pid;
    rmSync(this.pidFile, { force: true }); // stale, or about to be
    if (pid === undefined) return false;
    this.log(`kafka: stopping broker on ${this.brokers} (pid ${pid})…`);
    await this.terminate(pid);
    this.log(`kafka: broker on ${this.brokers} stopped`);
    return true;
  }

  private async launch(): Promise<void> {
    await checkJava();
    const libDir = await ensureKafkaJars(this.log);
    await assertPortFree(this.port, 'broker');
    await assertPortFree(this.controllerPort, 'KRaft controller');

    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(
      this.files.serverProperties,
      serverProperties({ port: this.port, controllerPort: this.controllerPort, dataDir: this.dataDir }),
    );
    writeFileSync(this.files.log4jConfig, log4jConfig(this.dataDir));
    if (!existsSync(this.files.metaProperties)) await this.formatStorage(libDir);

    this.log(`kafka: starting Kafka ${KAFKA_VERSION} on ${this.brokers} (data: ${this.dataDir})`);
    const output = openSync(this.files.consoleLog, 'a');
    let child: ChildProcess;
    try {
      child = spawn(javaCommand(), [...this.jvmArgs(libDir), 'kafka.Kafka', this.files.serverProperties], {
        cwd: this.dataDir,
        detached: true,
        stdio: ['ignore', output, output],
      });
    } finally {
      closeSync(output);
    }
    // Spawn failures surface both as a missing pid (handled below) and as an 'error' event,
    // which would crash the process if nobody listened.
    child.on('error', () => undefined);
    child.unref(); // whoever started it decides whether it outlives this process
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`kafka: could not start ${javaCommand()}; check that it runs, then retry`);
    }
    this.child = child;
    writeFileSync(this.pidFile, `${pid}\n`);

    try {
      await this.waitUntilServing(pid);
    } catch (error) {
      await this.terminate(pid);
      rmSync(this.pidFile, { force: true });
      throw error;
    }
  }

  /**
   * Serialises starts on one port across processes (say `npm start` and `npm test` launched
   * together): without it both would see no broker, both would launch one, and the loser
   * would clobber the winner's pid file. A lock left by a dead process is taken over.
   */
  private async lockStart(): Promise<() => void> {
    const lockFile = join(cacheRoot(), `broker-${this.port}.lock`);
    // Linking a complete file makes "create if absent" atomic *with* its content, so a
    // reader never sees an empty lock and mistakes it for a stale one.
    const candidate = `${lockFile}.${process.pid}`;
    mkdirSync(cacheRoot(), { recursive: true });
    writeFileSync(candidate, `${process.pid}\n`);
    const deadline = Date.now() + START_TIMEOUT_MS;
    let announced = false;
    try {
      for (;;) {
        try {
          linkSync(candidate, lockFile);
          return () => rmSync(lockFile, { force: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const holder = readPid(lockFile);
        if (holder === undefined || !this.isAlive(holder)) {
          rmSync(lockFile, { force: true }); // released meanwhile, or left by a dead process
          continue;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `kafka: process ${holder} has been starting the broker on ${this.brokers} for too long; ` +
              `stop it or delete ${lockFile}`,
          );
        }
        if (!announced) {
          announced = true;
          this.log(`kafka: process ${holder} is starting the broker on ${this.brokers}; waiting for it…`);
        }
        await sleep(500);
      }
    } finally {
      rmSync(candidate, { force: true });
    }
  }

  /** SIGTERM lets Kafka shut down cleanly (no log recovery on the next start); SIGKILL if it hangs. */
  private async terminate(pid: number): Promise<void> {
    if (!this.isAlive(pid)) return;
    signal(pid, 'SIGTERM');
    if (!(await this.waitForExit(pid, STOP_TIMEOUT_MS))) {
      this.log(`kafka: broker did not stop within ${STOP_TIMEOUT_MS / 1000}s; killing it`);
      signal(pid, 'SIGKILL');
      await this.waitForExit(pid, 5_000);
    }
    if (this.child?.pid === pid) this.child = undefined;
  }

  private jvmArgs(libDir: string): string[] {
    return [
      '-Xms256m',
      '-Xmx1g',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${this.files.log4jConfig}`,
      '-cp',
      join(libDir, '*'),
    ];
  }

  /** KRaft refuses to start on unformatted storage; this writes meta.properties and the quorum. */
  private async formatStorage(libDir: string): Promise<void> {
    // Kafka's own ids are base64url UUIDs; one starting with "-" would parse as an option.
    let clusterId: string;
    do clusterId = randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-'));
    const args = [
      ...this.jvmArgs(libDir),
      'kafka.tools.StorageTool',
      'format',
      '--cluster-id',
      clusterId,
      '--config',
      this.files.serverProperties,
      '--standalone',
    ];
    const result = await run(javaCommand(), args);
    if (result.code !== 0) {
      throw new Error(
        `kafka: formatting the KRaft storage in ${this.files.logDirs} failed:\n` +
          lastLines(result.output, 20) +
          `\nIf that folder holds data you don't need, delete ${this.dataDir} and retry.`,
      );
    }
  }

  private async waitUntilServing(pid: number): Promise<void> {
    const started = Date.now();
    let lastProgress = started;
    let lastError: unknown;
    for (;;) {
      if (!this.isAlive(pid)) {
        throw this.startFailure('the broker process exited during start-up');
      }
      const elapsed = Date.now() - started;
      if (elapsed > START_TIMEOUT_MS) {
        const reason = lastError instanceof Error ? ` (last probe error: ${lastError.message})` : '';
        throw this.startFailure(`the broker is not serving after ${START_TIMEOUT_MS / 1000}s${reason}`);
      }
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        this.log(`kafka: waiting for broker on ${this.brokers} (${Math.round(elapsed / 1000)}s)…`);
      }
      // Polling the port first avoids spinning up kafkajs clients while the JVM still boots.
      if (await isPortOpen('127.0.0.1', this.port)) {
        try {
          await probeServing(this.brokers, 15_000);
          this.log(
            `kafka: serving on ${this.brokers} (Kafka ${KAFKA_VERSION}, pid ${pid}, ready after ${((Date.now() - started) / 1000).toFixed(1)}s; log: ${this.logFile})`,
          );
          return;
        } catch (error) {
          lastError = error;
        }
      }
      await sleep(500);
    }
  }

  private startFailure(reason: string): Error {
    return new Error(
      `kafka: ${reason}.\n` +
        `--- last lines of ${this.files.serverLog}\n${readTail(this.files.serverLog, 25)}\n` +
        `--- last lines of ${this.files.consoleLog}\n${readTail(this.files.consoleLog, 10)}\n` +
        `Hint: a port clash or a damaged/incompatible data dir are the usual causes; ` +
        `if the data is disposable, delete ${this.dataDir} and retry.`,
    );
  }

  private isAlive(pid: number): boolean {
    // Our own child would linger as a zombie until reaped, so ask Node rather than the OS.
    if (this.child?.pid === pid) return this.child.exitCode === null && this.child.signalCode === null;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  /** Guards against a stale pid file whose pid now belongs to an unrelated process. */
  private isOurBroker(pid: number): boolean {
    if (this.child?.pid === pid) return true;
    let commandLine: string;
    try {
      commandLine = existsSync(`/proc/${pid}/cmdline`)
        ? readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        : execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return false;
    }
    return commandLine.includes('kafka.Kafka') && commandLine.includes(this.files.serverProperties);
  }

  private async waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.isAlive(pid)) {
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  }
}

/**
 * Makes sure a broker serves at the configured address: reuses whatever Kafka answers there,
 * otherwise starts a local one (loopback addresses only). `startedHere` tells the caller
 * whether it owns the broker, i.e. whether it should call stopKafka() when done.
 */
export async function ensureKafka(
  opts: LocalKafkaOptions = {},
): Promise<{ brokers: string; startedHere: boolean }> {
  const brokers = configuredBrokers(opts);
  const log = opts.log ?? stderrLog;
  const { host, port } = parseBroker(brokers);
  const local = isLoopback(host) ? new LocalKafka({ port, log }) : undefined;

  // A broker this tool started may still be booting and not answer yet: leave it to start(),
  // which waits for it instead of launching a second one on the same data.
  if (local?.pid === undefined && (await isKafkaReachable(brokers))) {
    log(`kafka: using the broker already running at ${brokers}`);
    return { brokers, startedHere: false };
  }
  if (!local) {
    throw new Error(
      `kafka: no broker reachable at ${brokers}, and a local one can only be started on 127.0.0.1; ` +
        `start that broker, or unset KAFKA_BROKERS to use a local one`,
    );
  }
  if (local.pid === undefined) log(`kafka: no broker at ${brokers}; starting a local one`);
  const startedHere = await local.start();
  // 127.0.0.1 rather than a "localhost" from KAFKA_BROKERS: Node may resolve that to ::1,
  // where the broker does not listen.
  return { brokers: local.brokers, startedHere };
}

/** Stops the broker ensureKafka() started at the configured address; false if there was none. */
export async function stopKafka(opts: LocalKafkaOptions = {}): Promise<boolean> {
  const { port } = parseBroker(configuredBrokers(opts));
  return new LocalKafka({ port, log: opts.log }).stop();
}
