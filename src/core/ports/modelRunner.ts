/** An execution provider a user can ask for; 'auto' tries the platform's accelerators, then cpu. */
export type ExecutionProviderChoice = 'auto' | 'cpu' | 'cuda' | 'webgpu' | 'dml' | 'coreml';

/** Name, element type and shape of a model input or output; a dimension is a number, a symbolic name, or null. */
export interface TensorInfo {
  readonly name: string;
  readonly type: string;
  readonly dims: ReadonlyArray<number | string | null>;
}

/** A float32 tensor passed to or returned by a model. */
export interface FloatTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** A model's output, with the seconds session.run itself took where the model ran (absent when not measured). */
export interface ModelOutput extends FloatTensor {
  readonly runSeconds?: number;
}

/** One provider that was tried and why it did not run. */
export interface ProviderAttempt {
  readonly provider: string;
  readonly error: string;
}

/** An opened model. */
export interface ModelSession {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** The execution provider the session really runs on. */
  readonly executionProvider: string;
  /** Providers tried before it, with the reason each failed (empty when the first choice worked). */
  readonly fallbacks: readonly ProviderAttempt[];
  /** Runs the model on one input and returns one output; calls made while one runs wait their turn. */
  run(inputName: string, input: FloatTensor, outputName: string, signal?: AbortSignal): Promise<ModelOutput>;
  /** Releases the session. */
  dispose(): Promise<void>;
}

/** Options for opening a model. */
export interface OpenModelOptions {
  readonly executionProvider: ExecutionProviderChoice;
  /** Intra-op threads; 0 lets the runtime decide. */
  readonly threads?: number;
}

/** Opens ONNX models; inference never runs on the caller's thread. */
export interface ModelRunner {
  /** Opens a model file; throws an Error naming the file when it is not a loadable ONNX model. */
  open(modelPath: string, options: OpenModelOptions): Promise<ModelSession>;
  /** Stops the runner and everything it started. */
  dispose(): Promise<void>;
}
