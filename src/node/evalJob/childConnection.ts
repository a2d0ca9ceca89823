import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { RpcMessage, RpcTransport } from '../../protocol/rpc';
import { processTransport } from './processTransport';

/** Stderr lines kept to explain an unexpected exit. */
const STDERR_TAIL_LINES = 20;

/** A forked child and its IPC transport. */
export interface ChildConnection {
  readonly child: ChildProcess;
  readonly transport: RpcTransport;
  /** Resolves once the child has no request of ours left to answer (a cancelled job still runs to its cleanup). */
  whenIdle(): Promise<void>;
}

/** Callbacks of a child connection. */
export interface ChildListeners {
  readonly line: (line: string) => void;
  /** The child ended or could not start; the error names the exit code or signal and the last stderr lines. */
  readonly gone: (error: Error) => void;
}

/** Forks the script with no inherited Node flags, piped stdout/stderr and structured-clone IPC. */
export function forkChild(scriptPath: string, execArgv: readonly string[], listeners: ChildListeners): ChildConnection {
  const child = fork(scriptPath, [], {
    execArgv: [...execArgv],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    // Inside VS Code process.execPath is Electron: this makes it behave as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const tail: string[] = [];
  forEachLine(child.stdout, listeners.line);
  forEachLine(child.stderr, (line) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    listeners.line(line);
  });
  const tracked = trackRequests(processTransport(child));
  let reported = false;
  const report = (error: Error): void => {
    if (reported) return;
    reported = true;
    tracked.release();
    listeners.gone(error);
  };
  child.on('error', (e) => report(new Error(`the evaluation process failed: ${e.message}${stderrNote(tail)}`)));
  // 'close' comes after the pipes are drained, so the tail holds the child's last words.
  child.on('close', (code, signal) => report(new Error(`the evaluation process exited unexpectedly (${exitCause(code, signal)})${stderrNote(tail)}`)));
  return { child, transport: tracked.transport, whenIdle: tracked.whenIdle };
}

/** Asks the child to exit by closing its IPC channel, and kills it with SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.disconnect();
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** "exit code 3" or "signal SIGKILL". */
export function exitCause(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function stderrNote(tail: readonly string[]): string {
  return tail.length > 0 ? `; its last stderr lines:\n${tail.join('\n')}` : '';
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split(/\r?\n/);
    rest = parts.pop() ?? '';
    parts.filter((l) => l.length > 0).forEach(onLine);
  });
  stream.on('end', () => void (rest.length > 0 && onLine(rest)));
}

/** Watches the requests sent and the responses received, even late ones the RPC endpoint ignores after a cancel. */
function trackRequests(inner: RpcTransport): { transport: RpcTransport; whenIdle(): Promise<void>; release(): void } {
  const open = new Set<number>();
  let waiters: Array<() => void> = [];
  const release = (): void => {
    open.clear();
    waiters.forEach((w) => w());
    waiters = [];
  };
  const settle = (id: number): void => {
    open.delete(id);
    if (open.size === 0) release();
  };
  return {
    transport: {
      postMessage: (msg, transfer) => {
        inner.postMessage(msg, transfer);
        const m = msg as RpcMessage;
        if (m.kind === 'request') open.add(m.id);
      },
      onMessage: (handler) =>
        inner.onMessage((msg) => {
          const m = msg as { kind?: unknown; inReplyTo?: unknown } | null;
          if (m?.kind === 'response' && typeof m.inReplyTo === 'number') settle(m.inReplyTo);
          handler(msg);
        }),
    },
    release,
    whenIdle: () => (open.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
