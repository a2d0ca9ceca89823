// Runs an ONNX model once with onnxruntime-node (the runtime FaceGap itself uses) for train_parser.py's export check.
// Usage: node scripts/train/ort_check.mjs MODEL.onnx INPUT.f32 N,C,H,W OUTPUT.f32
// INPUT.f32 and OUTPUT.f32 are raw little-endian float32; prints the output's name and dims as one JSON line.
import { readFileSync, writeFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [modelPath, inputPath, dimsText, outputPath] = process.argv.slice(2);
if (!outputPath) {
  console.error('usage: node ort_check.mjs MODEL.onnx INPUT.f32 N,C,H,W OUTPUT.f32');
  process.exit(2);
}
const dims = dimsText.split(',').map(Number);
const bytes = readFileSync(inputPath);
const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2, interOpNumThreads: 1 });
const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, dims) };
const results = await session.run(feeds);
const name = session.outputNames[0];
const out = results[name];
writeFileSync(outputPath, Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength));
console.log(JSON.stringify({ inputs: session.inputNames, outputs: session.outputNames, name, dims: out.dims }));
