import type { ExecutionProviderChoice, FloatTensor, ModelOutput, ProviderAttempt, TensorInfo } from '../core/ports/modelRunner';

/** What the inference worker reports about a model it opened. */
export interface OpenedModel {
  readonly sessionId: number;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** The provider the session really runs on. */
  readonly executionProvider: string;
  /** Providers tried first and why each failed. */
  readonly fallbacks: readonly ProviderAttempt[];
}

/** Requests the host sends to the inference worker. */
export type InferenceRequests = {
  /** Opens an ONNX model with provider fallback. */
  open: {
    params: { readonly modelPath: string; readonly executionProvider: ExecutionProviderChoice; readonly threads?: number };
    result: OpenedModel;
  };
  /** Runs one input through an opened model, one run at a time; the input's buffer is transferred, and so is the output's. */
  run: {
    params: { readonly sessionId: number; readonly inputName: string; readonly tensor: FloatTensor; readonly outputName: string };
    result: ModelOutput;
  };
  /** Releases an opened model; closing an unknown id is not an error. */
  close: { params: { readonly sessionId: number }; result: void };
  /** Releases every opened model, after their running calls finish: sent before the worker is terminated. */
  closeAll: { params: Record<never, never>; result: void };
};

/** Events the inference worker sends unasked (none yet). */
export type InferenceEvents = never;
