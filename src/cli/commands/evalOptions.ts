import { parseArgs } from 'node:util';

/** Every option of `facegap eval`. */
export const EVAL_OPTIONS = {
  model: { type: 'string' },
  spec: { type: 'string' },
  preset: { type: 'string' },
  ep: { type: 'string' },
  threads: { type: 'string' },
  'batch-size': { type: 'string' },
  'input-size': { type: 'string' },
  'input-name': { type: 'string' },
  layout: { type: 'string' },
  'color-order': { type: 'string' },
  scale: { type: 'string' },
  mean: { type: 'string' },
  std: { type: 'string' },
  resize: { type: 'string' },
  'output-name': { type: 'string' },
  'output-index': { type: 'string' },
  'output-stride': { type: 'string' },
  'model-schema': { type: 'string' },
  'channel-map': { type: 'string' },
  pred: { type: 'string' },
  'pred-schema': { type: 'string' },
  schema: { type: 'string' },
  'schema-file': { type: 'string', multiple: true },
  format: { type: 'string' },
  images: { type: 'string' },
  masks: { type: 'string' },
  'score-at': { type: 'string' },
  boundary: { type: 'string' },
  groups: { type: 'string' },
  mapping: { type: 'string' },
  out: { type: 'string' },
  shard: { type: 'string' },
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parsed `facegap eval` arguments. */
export type EvalArgs = ReturnType<typeof parseEvalArgs>;

/** Parses `facegap eval` arguments strictly (unknown options are errors). */
export function parseEvalArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: EVAL_OPTIONS, allowPositionals: true });
}

/** The model-spec flags, keyed as parseModelSpecFlags expects. */
export function specFlagValues(values: EvalArgs['values']): Record<string, string | undefined> {
  return {
    'input-size': values['input-size'],
    'input-name': values['input-name'],
    layout: values.layout,
    'color-order': values['color-order'],
    scale: values.scale,
    mean: values.mean,
    std: values.std,
    resize: values.resize,
    'output-name': values['output-name'],
    'output-index': values['output-index'],
    'output-stride': values['output-stride'],
    schema: values['model-schema'],
    'channel-map': values['channel-map'],
    'batch-size': values['batch-size'],
  };
}

/** Help text of `facegap eval`. */
export const EVAL_HELP = `Usage: facegap eval <dataset-folder> --model <model.onnx> [options]
       facegap eval <dataset-folder> --pred <predictions-folder> [options]

Scores a face-parsing model (or predictions made elsewhere) against a dataset's ground truth.
Writes a run folder: run.json (dataset, model hash, spec, provider, versions, protocol, timings,
summary), images.jsonl (per-image results), confusion.json/.csv, and pred/*.png (class ids).
A rerun with the same --out resumes: finished images are reused when nothing they depend on changed.
Ctrl-C stops after the current batch; everything finished is kept.

Model (spec from: probe < --preset < <model>.facegap.json < --spec < flags):
  --model <file.onnx>        the ONNX model to run
  --spec <file.json>         model spec file
  --preset <name>            bisenet-celebamask19 | segformer-celebamask19 (see: facegap presets)
  --ep <provider>            auto | cpu | cuda | webgpu | dml | coreml (default auto; falls back to cpu)
  --threads <n>              intra-op threads (default: physical cores less one, left to FaceGap's own pipeline; 0: onnxruntime's choice)
  --batch-size <n>           images per inference call (default 1)
  --input-size WxH  --input-name <name>  --layout NCHW|NHWC  --color-order RGB|BGR
  --scale 1/255  --mean r,g,b  --std r,g,b  --resize linear|cubic|lanczos3|nearest
  --output-name <name>  --output-index <i>  --output-stride <s>
  --model-schema <id>        label schema of the model's classes
  --channel-map 0,11,6,…     output channel k → class id of the model schema

Predictions made elsewhere:
  --pred <folder>            masks named like the images (split sub-folders allowed)
  --pred-schema <id>         their label schema (default: the dataset's)

Dataset:
  --schema <id|file.json>    ground-truth schema (default: detected)
  --schema-file <file>       register a user schema JSON (repeatable)
  --format <id>  --images <dir>  --masks <dir>   as for facegap info

Scoring:
  --score-at <where>         label (default) | image | model | WxH
  --boundary <k>             also score with a k-pixel band around ground-truth edges left out
  --groups helen             also score merged groups (eyes, brows, mouth, overall)
  --mapping <file.json>      override the prediction → ground-truth class mapping

Output:
  --out <folder>             run folder (default: facegap-runs/<dataset>--<model>, plus --shard-IofN)
  --shard i/n                only shard i (1..n) of the dataset's items, contiguous blocks in FaceGap's order;
                             run.json records it; facegap merge combines the n run folders into one run
  --json                     print the summary as JSON on stdout
  --no-progress              no progress bar`;
