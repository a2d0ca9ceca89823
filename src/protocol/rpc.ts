/** The least a message channel must offer: a worker port, a webview, or a test pair. */
export interface RpcTransport {
  postMessage(msg: unknown, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (msg: unknown) => void): { dispose(): void };
}

/** A protocol: each request type maps to its parameters and its result. */
export type RequestMap = { [type: string]: { params: object; result: unknown } };

/** The body of a request of type K: its parameters plus the `type` discriminant. */
export type RequestBody<T extends RequestMap, K extends keyof T = keyof T> = { [P in K]: { type: P } & T[P]['params'] }[K];

/** An event body: a discriminated union by `type`. */
export type EventBody = { readonly type: string };

/** An error as it crosses the boundary. */
export interface SerializedError {
  readonly message: string;
  readonly name: string;
  readonly stack?: string;
}

/** Every message the RPC class sends. */
export type RpcMessage =
  | { readonly kind: 'request'; readonly id: number; readonly body: { readonly type: string } }
  | { readonly kind: 'response'; readonly inReplyTo: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'response'; readonly inReplyTo: number; readonly ok: false; readonly error: SerializedError }
  | { readonly kind: 'cancel'; readonly id: number }
  | { readonly kind: 'event'; readonly body: EventBody };

/** What a request handler gets besides the parameters. */
export interface HandlerContext {
  /** Aborted when the requester cancels. */
  readonly signal: AbortSignal;
  /** Marks buffers of the result to be transferred rather than copied. */
  transfer(...buffers: ArrayBuffer[]): void;
}

/** One handler per request type of the protocol. */
export type RpcHandlers<T extends RequestMap> = {
  [K in keyof T]: (body: RequestBody<T, K>, ctx: HandlerContext) => T[K]['result'] | Promise<T[K]['result']>;
};

/** Options of one request. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Buffers of the body to transfer (they become unusable on this side). */
  readonly transfer?: ArrayBuffer[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

/** Makes the error a cancelled request rejects with; its name is 'AbortError', as with fetch. */
export function abortError(what: string): Error {
  const error = new Error(`${what} was aborted`);
  error.name = 'AbortError';
  return error;
}

/** True for the error an aborted request rejects with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Typed requests, responses and events over any transport; both ends of a boundary use this one class. */
export class RpcEndpoint<TRequests extends RequestMap, TEvents extends EventBody> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Map<number, AbortController>();
  private readonly eventListeners = new Set<(event: TEvents) => void>();
  private readonly subscription: { dispose(): void };
  private handlers: Partial<RpcHandlers<TRequests>> = {};
  private disposedWith: Error | undefined;

  constructor(private readonly transport: RpcTransport) {
    this.subscription = transport.onMessage((msg) => this.receive(msg));
  }

  /** Sends a request and resolves with the other side's result, or rejects with its error. */
  request<K extends keyof TRequests & string>(body: RequestBody<TRequests, K>, options: RequestOptions = {}): Promise<TRequests[K]['result']> {
    const type = (body as { type: string }).type;
    if (this.disposedWith) return Promise.reject(this.disposedWith);
    if (options.signal?.aborted) return Promise.reject(abortError(`'${type}' request`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      const onAbort = (): void => {
        this.settle(id)?.reject(abortError(`'${type}' request`));
        this.send({ kind: 'cancel', id });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      try {
        this.transport.postMessage({ kind: 'request', id, body }, options.transfer);
      } catch (e) {
        this.settle(id)?.reject(toError(e));
      }
    });
  }

  /** Installs the handlers for requests arriving from the other side. */
  serve(handlers: Partial<RpcHandlers<TRequests>>): void {
    this.handlers = handlers;
  }

  /** Sends an event (no reply). */
  emit(event: TEvents, transfer?: ArrayBuffer[]): void {
    this.send({ kind: 'event', body: event }, transfer);
  }

  /** Listens to events from the other side. */
  onEvent(listener: (event: TEvents) => void): { dispose(): void } {
    this.eventListeners.add(listener);
    return { dispose: () => this.eventListeners.delete(listener) };
  }

  /** Rejects the requests pending now and ignores their late replies, but keeps the endpoint open for new ones. */
  rejectPending(reason: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(reason);
  }

  /** Rejects every pending request (with `reason`, or "RPC endpoint disposed"), aborts running handlers and ignores later messages. */
  dispose(reason: Error = new Error('RPC endpoint disposed')): void {
    if (this.disposedWith) return;
    this.disposedWith = reason;
    this.subscription.dispose();
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(reason);
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
    this.eventListeners.clear();
  }

  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    this.pending.delete(id);
    entry.cleanup();
    return entry;
  }

  private send(msg: RpcMessage, transfer?: ArrayBuffer[]): void {
    if (this.disposedWith) return;
    try {
      this.transport.postMessage(msg, transfer);
    } catch {
      // A closed channel: the other side is gone and its pending requests are rejected there.
    }
  }

  private receive(raw: unknown): void {
    if (this.disposedWith || !isRpcMessage(raw)) return;
    if (raw.kind === 'response') this.onResponse(raw);
    else if (raw.kind === 'request') void this.onRequest(raw.id, raw.body);
    else if (raw.kind === 'cancel') this.inFlight.get(raw.id)?.abort();
    else for (const listener of [...this.eventListeners]) listener(raw.body as TEvents);
  }

  private onResponse(msg: Extract<RpcMessage, { kind: 'response' }>): void {
    const entry = this.settle(msg.inReplyTo);
    if (!entry) return; // Late reply to an aborted request.
    if (msg.ok) entry.resolve(msg.result);
    else entry.reject(fromSerialized(msg.error));
  }

  private async onRequest(id: number, body: { readonly type: string }): Promise<void> {
    const controller = new AbortController();
    const transfer: ArrayBuffer[] = [];
    this.inFlight.set(id, controller);
    try {
      const handler = ownHandler(this.handlers, body);
      if (!handler) throw new Error(`no handler for '${describeType(body)}' requests`);
      const ctx: HandlerContext = { signal: controller.signal, transfer: (...buffers) => transfer.push(...buffers) };
      const result = await handler(body as never, ctx);
      this.reply(id, { kind: 'response', inReplyTo: id, ok: true, result }, transfer);
    } catch (e) {
      this.send({ kind: 'response', inReplyTo: id, ok: false, error: serialize(e) });
    } finally {
      this.inFlight.delete(id);
    }
  }

  private reply(id: number, msg: RpcMessage, transfer: ArrayBuffer[]): void {
    if (this.disposedWith) return;
    try {
      this.transport.postMessage(msg, transfer);
    } catch (e) {
      // The result could not be cloned: say so instead of leaving the requester waiting.
      this.send({ kind: 'response', inReplyTo: id, ok: false, error: serialize(e) });
    }
  }
}

/**
 * The shape of every message before it is used: a request or a cancel with a safe integer id and (requests) a body
 * with a string type, a response naming a request id, an event with a body. Anything else (the other side may be a
 * webview showing hostile content) is dropped.
 */
function isRpcMessage(raw: unknown): raw is RpcMessage {
  if (typeof raw !== 'object' || raw === null) return false;
  const msg = raw as { kind?: unknown; id?: unknown; inReplyTo?: unknown; body?: unknown; ok?: unknown; error?: unknown };
  switch (msg.kind) {
    case 'request':
      return Number.isSafeInteger(msg.id) && isBody(msg.body);
    case 'cancel':
      return Number.isSafeInteger(msg.id);
    case 'response':
      return Number.isSafeInteger(msg.inReplyTo) && (msg.ok === true || (msg.ok === false && isSerializedError(msg.error)));
    case 'event':
      return isBody(msg.body);
    default:
      return false;
  }
}

function isBody(body: unknown): body is { readonly type: string } {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}

function isSerializedError(error: unknown): error is SerializedError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { message?: unknown; name?: unknown; stack?: unknown };
  return typeof e.message === 'string' && typeof e.name === 'string' && (e.stack === undefined || typeof e.stack === 'string');
}

/** The handler of a request's type, only if the handlers object itself has one ("constructor" or "__proto__" are not handlers). */
function ownHandler(handlers: object, body: { readonly type: string }): ((body: never, ctx: HandlerContext) => unknown) | undefined {
  if (!Object.hasOwn(handlers, body.type)) return undefined;
  const handler = (handlers as Record<string, unknown>)[body.type];
  return typeof handler === 'function' ? (handler as (body: never, ctx: HandlerContext) => unknown) : undefined;
}

/** A request type for an error message: at most 80 characters. */
function describeType(body: { readonly type: string }): string {
  return body.type.length > 80 ? `${body.type.slice(0, 80)}…` : body.type;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

function serialize(e: unknown): SerializedError {
  const error = toError(e);
  return { message: error.message, name: error.name, ...(error.stack === undefined ? {} : { stack: error.stack }) };
}

/** Rebuilds a remote error: same message and name; the remote stack is kept as `remoteStack`. */
function fromSerialized(s: SerializedError): Error {
  const error = new Error(s.message);
  error.name = s.name;
  if (s.stack !== undefined) Object.defineProperty(error, 'remoteStack', { value: s.stack, enumerable: false });
  return error;
}
