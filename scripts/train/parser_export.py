"""ONNX export and checks for train_parser.py: export, onnx.checker, size limit, and a logits comparison
between PyTorch and onnxruntime-node (the runtime FaceGap uses), plus the FaceGap sidecar spec."""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import warnings

import numpy as np
import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_ONNX_BYTES = 5_000_000


def export_onnx(model, path, size, opset, doc):
    """Exports `model` (eval mode) with input `input` [batch,3,size,size] and output `logits` [batch,C,size,size]."""
    model.eval()
    dummy = torch.zeros(1, 3, size, size, dtype=torch.float32)
    with torch.no_grad(), warnings.catch_warnings():
        # torch 1.13 warns about prim::Constant shape inference for the constant Resize scales; harmless here.
        warnings.filterwarnings('ignore', message='The shape inference of prim::Constant')
        torch.onnx.export(
            model, dummy, path,
            input_names=['input'], output_names=['logits'],
            dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}},
            opset_version=opset, do_constant_folding=True,
        )
    proto = onnx.load(path)
    proto.doc_string = doc
    proto.producer_name = 'facegap scripts/train/train_parser.py'
    onnx.save(proto, path)
    return proto


def check_onnx(path, size, num_classes):
    """onnx.checker (full, with shape inference) and the input/output names and shapes FaceGap relies on."""
    onnx.checker.check_model(path, full_check=True)
    proto = onnx.load(path)

    def dims(value_info):
        return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]

    inputs = [i for i in proto.graph.input if i.name not in {t.name for t in proto.graph.initializer}]
    if len(inputs) != 1 or inputs[0].name != 'input':
        raise SystemExit(f'error: exported model inputs are {[i.name for i in inputs]}, expected ["input"]')
    if len(proto.graph.output) != 1 or proto.graph.output[0].name != 'logits':
        raise SystemExit(f'error: exported model outputs are {[o.name for o in proto.graph.output]}, expected ["logits"]')
    in_dims, out_dims = dims(inputs[0]), dims(proto.graph.output[0])
    if in_dims != ['batch', 3, size, size]:
        raise SystemExit(f'error: exported input shape {in_dims}, expected [batch, 3, {size}, {size}]')
    if out_dims != ['batch', num_classes, size, size]:
        raise SystemExit(f'error: exported output shape {out_dims}, expected [batch, {num_classes}, {size}, {size}]')
    ops = sorted({n.op_type for n in proto.graph.node})
    opset = max((o.version for o in proto.opset_import if o.domain in ('', 'ai.onnx')), default=0)
    return {'input_dims': in_dims, 'output_dims': out_dims, 'ops': ops, 'opset': opset, 'ir_version': proto.ir_version}


def file_facts(path):
    with open(path, 'rb') as f:
        data = f.read()
    return len(data), hashlib.sha256(data).hexdigest()


def check_size(path):
    size, _ = file_facts(path)
    if size > MAX_ONNX_BYTES:
        raise SystemExit(f'error: {path} is {size:,} bytes, over the {MAX_ONNX_BYTES:,}-byte limit; use a smaller --base')
    return size


def ort_compare(model, path, batch, tolerance):
    """Runs `batch` (normalised N*3*H*W float32) through PyTorch and through onnxruntime-node; returns the
    max abs logit difference and the share of pixels whose argmax agrees. Raises when over `tolerance`."""
    node = shutil.which('node')
    if node is None:
        raise SystemExit('error: node not found; the ONNX check runs onnxruntime-node (pass --skip-ort-check to skip it)')
    model.eval()
    with torch.no_grad():
        expected = model(torch.from_numpy(batch)).numpy()
    with tempfile.TemporaryDirectory(prefix='facegap-train-') as tmp:
        inp, out = os.path.join(tmp, 'input.f32'), os.path.join(tmp, 'logits.f32')
        np.ascontiguousarray(batch, dtype='<f4').tofile(inp)
        dims = ','.join(str(d) for d in batch.shape)
        proc = subprocess.run([node, os.path.join(HERE, 'ort_check.mjs'), path, inp, dims, out],
                              capture_output=True, text=True, cwd=HERE)
        if proc.returncode != 0:
            raise SystemExit(f'error: onnxruntime-node check failed (pass --skip-ort-check to skip it):\n{proc.stderr.strip()}')
        info = json.loads(proc.stdout.strip().splitlines()[-1])
        got = np.fromfile(out, dtype='<f4')
    if list(info['dims']) != list(expected.shape):
        raise SystemExit(f'error: onnxruntime output dims {info["dims"]} differ from PyTorch {list(expected.shape)}')
    got = got.reshape(expected.shape)
    max_diff = float(np.abs(got - expected).max())
    agree = float((got.argmax(1) == expected.argmax(1)).mean())
    if not max_diff <= tolerance:
        raise SystemExit(f'error: ONNX logits differ from PyTorch by up to {max_diff:.3g} (tolerance {tolerance:g})')
    return {'runtime': 'onnxruntime-node', 'batch': int(batch.shape[0]), 'max_abs_diff': max_diff, 'argmax_agreement': agree}


def sidecar_spec(size, mean, std, batch_size):
    """The FaceGap model spec (src/core/model/modelSpec.ts): normalised = (pixel * scale - mean[c]) / std[c]."""
    return {
        'input': {
            'name': 'input', 'layout': 'NCHW', 'width': size, 'height': size, 'colorOrder': 'RGB',
            'scale': 1 / 255, 'mean': [float(m) for m in mean], 'std': [float(s) for s in std], 'resizeKernel': 'linear',
        },
        'output': {'name': 'logits', 'stride': 1},
        'schema': 'facesynthetics',
        'batchSize': batch_size,
    }


def sidecar_paths(model_path):
    stem = model_path[:-5] if model_path.lower().endswith('.onnx') else model_path
    return stem + '.facegap.json', stem + '.training.json'
