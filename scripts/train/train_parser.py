#!/usr/bin/python3
"""Trains FaceGap's small bundled face-parsing model and exports it to ONNX with its FaceGap sidecar spec.

Build-time only: the product is TypeScript; this script makes the model reproducibly. It needs the Debian
packages python3-torch (1.13), python3-onnx, python3-numpy, python3-pil, and node with the repository's
node_modules (onnxruntime-node) for the export check. Run it with the system interpreter:

    /usr/bin/python3 scripts/train/train_parser.py DATA_DIR --out models/face-parser.onnx

DATA_DIR is a FaceSynthetics-layout folder: {id}.png RGB images and {id}_seg.png label maps (ids 0..18,
255 = ignore). Writes MODEL.onnx, MODEL.facegap.json (the spec FaceGap reads beside the model) and
MODEL.training.json (what was run, on what, and how well it did).
"""

import sys

sys.dont_write_bytecode = True  # keep scripts/train free of __pycache__

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shlex  # noqa: E402
import time  # noqa: E402

try:
    import numpy as np
    import onnx
    import torch
    import torch.nn.functional as F
except ImportError as e:  # pragma: no cover
    raise SystemExit(f'error: {e}. Run with /usr/bin/python3 and the Debian packages python3-torch python3-onnx '
                     'python3-numpy python3-pil installed.')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parser_data as pdata  # noqa: E402
import parser_export as pexport  # noqa: E402
from parser_model import SmallUNet, parameter_count  # noqa: E402

# Input normalisation used in training and written to the sidecar spec: (pixel / 255 - MEAN) / STD.
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('data', help='training folder in the FaceSynthetics layout')
    p.add_argument('--out', required=True, help='path of the .onnx to write; sidecars go beside it')
    p.add_argument('--val', help='separate validation folder (FaceSynthetics layout)')
    p.add_argument('--val-fraction', type=float, default=0.1, help='held-out share of DATA when --val is not given (0: none)')
    p.add_argument('--limit', type=int, default=0, help='use only the first N items of DATA (sorted ids; 0: all)')
    p.add_argument('--size', type=int, default=128, help='input width and height (multiple of 2^(levels-1))')
    p.add_argument('--base', type=int, default=16, help='channels of the first level (doubling each level)')
    p.add_argument('--levels', type=int, default=4, help='encoder levels')
    p.add_argument('--epochs', type=int, default=40, help='epochs to train (the LR schedule spans them)')
    p.add_argument('--max-minutes', type=float, default=0, help='time budget: after epoch 1 the schedule is shortened to fit, '
                   'and training stops after the epoch that crosses it (0: none)')
    p.add_argument('--batch-size', type=int, default=16)
    p.add_argument('--lr', type=float, default=2e-3, help='peak Adam learning rate')
    p.add_argument('--min-lr-ratio', type=float, default=0.02, help='final LR as a share of --lr (cosine decay)')
    p.add_argument('--weight-decay', type=float, default=1e-4)
    p.add_argument('--class-weights', choices=['none', 'sqrt', 'inv'], default='sqrt',
                   help='cross-entropy class weighting from training pixel frequencies')
    p.add_argument('--no-augment', action='store_true', help='turn off mirroring and brightness/contrast jitter')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--threads', type=int, default=2, help='torch intra-op threads')
    p.add_argument('--opset', type=int, default=13, choices=range(13, 18), metavar='{13..17}')
    p.add_argument('--val-every', type=int, default=1, help='validate every N epochs (and always after the last)')
    p.add_argument('--log-every-s', type=float, default=30, help='also print progress inside an epoch this often')
    p.add_argument('--ort-tol', type=float, default=1e-3, help='max abs logit difference allowed between PyTorch and ONNX')
    p.add_argument('--skip-ort-check', action='store_true', help='skip the onnxruntime-node comparison (not recommended)')
    args = p.parse_args(argv)
    step = 2 ** (args.levels - 1)
    if args.size % step:
        p.error(f'--size must be a multiple of {step} for {args.levels} levels')
    if not args.out.lower().endswith('.onnx'):
        p.error('--out must end in .onnx')
    if not 0 <= args.val_fraction < 1:
        p.error('--val-fraction must be in [0, 1)')
    return args


def seed_everything(seed, threads):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.use_deterministic_algorithms(True, warn_only=True)


def normalise(x):
    """x: float32 N*H*W*3 pixel values 0..255 -> N*3*H*W tensor, (x / 255 - MEAN) / STD."""
    t = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)).permute(0, 3, 1, 2)
    mean = torch.tensor(MEAN, dtype=torch.float32).view(1, 3, 1, 1)
    std = torch.tensor(STD, dtype=torch.float32).view(1, 3, 1, 1)
    return ((t * (1 / 255) - mean) / std).contiguous()


class LrSchedule:
    """Linear warm-up over epoch 1, then cosine decay to min_lr over the planned epochs.

    Only the cosine part depends on the planned length, so a run whose plan a time budget shortened after
    epoch 1 is reproduced exactly by `--epochs <planned> --max-minutes 0`.
    """

    def __init__(self, lr, min_lr, iters_per_epoch, epochs):
        self.lr, self.min_lr, self.ipe = lr, min_lr, iters_per_epoch
        self.plan(epochs)

    def plan(self, epochs):
        self.epochs = epochs

    def __call__(self, it):
        warm = self.ipe
        if it < warm:
            return self.lr * (it + 1) / warm
        total = max(self.ipe * (self.epochs - 1), 1)
        t = min((it - warm) / total, 1.0)
        return self.min_lr + (self.lr - self.min_lr) * 0.5 * (1 + math.cos(math.pi * t))


def evaluate(model, data, batch=32):
    """Confusion matrix (rows ground truth, columns prediction) over all pixels whose label is not 255."""
    model.eval()
    k = pdata.NUM_CLASSES
    conf = np.zeros((k, k), dtype=np.int64)
    with torch.no_grad():
        for s in range(0, len(data), batch):
            x = normalise(data.images[s:s + batch].astype(np.float32))
            pred = model(x).argmax(1).numpy().astype(np.int64)
            gt = data.labels[s:s + batch].astype(np.int64)
            keep = gt < k
            conf += np.bincount(gt[keep] * k + pred[keep], minlength=k * k).reshape(k, k)
    return conf


def scores(conf):
    """Pixel accuracy, per-class F1 = 2TP/(GT+Pred), and mean F1 over foreground classes present in ground
    truth or prediction (FaceGap's meanF1: background excluded, empty classes left out)."""
    tp = np.diag(conf).astype(np.float64)
    gt, pred = conf.sum(1).astype(np.float64), conf.sum(0).astype(np.float64)
    total = conf.sum()
    denom = gt + pred
    f1 = [float(2 * tp[c] / denom[c]) if denom[c] > 0 else None for c in range(len(tp))]
    fg = [f for c, f in enumerate(f1) if c != 0 and f is not None]
    return {
        'pixel_accuracy': float(tp.sum() / total) if total else None,
        'mean_f1_foreground': float(np.mean(fg)) if fg else None,
        'scored_pixels': int(total),
        'per_class_f1': {pdata.CLASS_NAMES[c]: (None if f is None else round(f, 4)) for c, f in enumerate(f1)},
    }


def clock(seconds):
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f'{h}:{m:02d}:{s:02d}' if h else f'{m}:{s:02d}'


def load(args):
    t0 = time.time()
    data = pdata.load_folder(args.data, args.size, args.limit)
    if args.val:
        train, val = data, pdata.load_folder(args.val, args.size)
    else:
        train, val = pdata.split_holdout(data, args.val_fraction, args.seed)
    for d in ([data] + ([val] if args.val else [])):
        for note in d.notes:
            print(f'note ({d.folder}): {note}')
    n_val = len(val) if val is not None else 0
    print(f'data: {len(train)} train, {n_val} val images at {args.size}x{args.size} from {train.folder}'
          f'{" and " + val.folder if args.val else ""} (loaded in {time.time() - t0:.1f} s)')
    return train, val


def train(args, model, train_set, val_set, started):
    """The training loop; returns the run's facts for the record."""
    rng = np.random.RandomState(args.seed)
    augment = None if args.no_augment else pdata.Augmenter(np.random.RandomState(args.seed + 1))
    counts = pdata.class_pixel_counts(train_set.labels)
    weights = pdata.class_weights(counts, args.class_weights)
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(weights, dtype=torch.float32), ignore_index=pdata.IGNORE)
    optim = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    batch = min(args.batch_size, len(train_set))
    ipe = len(train_set) // batch  # full batches only; the order changes each epoch so every image is used
    sched = LrSchedule(args.lr, args.lr * args.min_lr_ratio, ipe, args.epochs)
    budget = args.max_minutes * 60
    it, epoch, stopped_by, history = 0, 0, 'epochs', []
    train_time, train_images = 0.0, 0
    last_loss, val_result = None, None
    print(f'training: {args.epochs} epochs x {ipe} iterations of batch {batch}, lr {args.lr:g} (warm-up epoch 1, cosine), '
          f'class weights {args.class_weights}, augmentation {"off" if args.no_augment else "flip+jitter"}, '
          f'{torch.get_num_threads()} threads' + (f', budget {args.max_minutes:g} min' if budget else ''))
    while epoch < sched.epochs:
        epoch += 1
        model.train()
        order = rng.permutation(len(train_set))
        ep_start, ep_loss, ep_n, last_log = time.time(), 0.0, 0, time.time()
        for b in range(ipe):
            idx = np.sort(order[b * batch:(b + 1) * batch])
            imgs, labs = train_set.images[idx], train_set.labels[idx]
            x, y = augment(imgs, labs) if augment else (imgs.astype(np.float32), labs)
            x, y = normalise(x), torch.from_numpy(y.astype(np.int64))
            lr = sched(it)
            for g in optim.param_groups:
                g['lr'] = lr
            loss = loss_fn(model(x), y)
            optim.zero_grad(set_to_none=True)
            loss.backward()
            optim.step()
            it += 1
            ep_loss += float(loss) * len(idx)
            ep_n += len(idx)
            if args.log_every_s and time.time() - last_log >= args.log_every_s and b + 1 < ipe:
                last_log = time.time()
                rate = ep_n / (last_log - ep_start)
                print(f'  epoch {epoch} it {b + 1}/{ipe} loss {ep_loss / ep_n:.4f} lr {lr:.2e} '
                      f'{rate:.1f} img/s elapsed {clock(last_log - started)}', flush=True)
        ep_time = time.time() - ep_start
        train_time += ep_time
        train_images += ep_n
        last_loss = ep_loss / max(ep_n, 1)
        line = (f'epoch {epoch}/{sched.epochs} it {it} loss {last_loss:.4f} lr {lr:.2e} '
                f'{ep_n / ep_time:.1f} img/s epoch {ep_time:.1f} s')
        final = epoch >= sched.epochs
        entry = {'epoch': epoch, 'loss': round(last_loss, 5), 'seconds': round(ep_time, 2), 'lr': lr}
        if val_set is not None and (final or epoch % args.val_every == 0):
            val_result = scores(evaluate(model, val_set))
            entry['val_pixel_accuracy'] = round(val_result['pixel_accuracy'], 5)
            entry['val_mean_f1'] = round(val_result['mean_f1_foreground'] or 0, 5)
            line += f' | val acc {entry["val_pixel_accuracy"]:.4f} meanF1 {entry["val_mean_f1"]:.4f}'
        history.append(entry)
        print(f'{line} | elapsed {clock(time.time() - started)}', flush=True)
        if budget and epoch == 1 and sched.epochs > 1:
            per_epoch = time.time() - ep_start
            fit = 1 + int(max(budget - (time.time() - started), 0) // per_epoch)
            if fit < sched.epochs:
                sched.plan(max(fit, 1))
                print(f'time budget: about {per_epoch:.1f} s per epoch, so the schedule is shortened to {sched.epochs} epochs')
        if budget and not final and time.time() - started >= budget:
            stopped_by = 'time budget'
            print(f'time budget of {args.max_minutes:g} min reached after epoch {epoch}; stopping')
            break
    if val_set is not None and 'val_pixel_accuracy' not in history[-1]:
        val_result = scores(evaluate(model, val_set))
    return {
        'epochs_requested': args.epochs, 'epochs_planned': sched.epochs, 'epochs_run': epoch, 'stopped_by': stopped_by,
        'iterations': it, 'iterations_per_epoch': ipe, 'batch_size': batch,
        'train_seconds': round(train_time, 2), 'train_images_per_second': round(train_images / train_time, 2) if train_time else None,
        'final_train_loss': round(last_loss, 5) if last_loss is not None else None,
        'class_weights': [round(float(w), 4) for w in weights],
        'class_pixel_counts': [int(c) for c in counts],
        'validation': val_result, 'history': history,
    }


def main(argv):
    started = time.time()
    args = parse_args(argv)
    seed_everything(args.seed, args.threads)
    out = os.path.abspath(args.out)
    spec_path, record_path = pexport.sidecar_paths(out)
    train_set, val_set = load(args)
    if len(train_set) < 2:
        raise SystemExit('error: need at least 2 training images')
    model = SmallUNet(pdata.NUM_CLASSES, args.base, args.levels)
    params = parameter_count(model)
    print(f'model: SmallUNet channels {"-".join(map(str, model.chans))}, {params:,} parameters '
          f'(~{params * 4 / 1e6:.2f} MB fp32)')
    if params * 4 > pexport.MAX_ONNX_BYTES:
        raise SystemExit(f'error: {params:,} fp32 parameters would make an ONNX file over the '
                         f'{pexport.MAX_ONNX_BYTES:,}-byte limit; use a smaller --base or fewer --levels')
    run = train(args, model, train_set, val_set, started)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    doc = f'FaceGap small face parser ({"-".join(map(str, model.chans))} U-Net), facesynthetics schema, {args.size}x{args.size} RGB'
    pexport.export_onnx(model, out, args.size, args.opset, doc)
    graph = pexport.check_onnx(out, args.size, pdata.NUM_CLASSES)
    onnx_bytes = pexport.check_size(out)
    print(f'onnx: {out} {onnx_bytes:,} bytes, opset {graph["opset"]}, input {graph["input_dims"]}, '
          f'output {graph["output_dims"]}, ops {", ".join(graph["ops"])}; onnx.checker passed')
    check_src = val_set if val_set is not None else train_set
    check_batch = normalise(check_src.images[:4].astype(np.float32)).numpy()
    if args.skip_ort_check:
        ort = None
        print('onnx check: onnxruntime comparison skipped (--skip-ort-check)')
    else:
        ort = pexport.ort_compare(model, out, check_batch, args.ort_tol)
        print(f'onnx check: onnxruntime-node vs PyTorch on a batch of {ort["batch"]}: max abs diff {ort["max_abs_diff"]:.3g}, '
              f'argmax agreement {ort["argmax_agreement"]:.4%}')
    onnx_bytes, sha = pexport.file_facts(out)

    spec = pexport.sidecar_spec(args.size, MEAN, STD, args.batch_size)
    with open(spec_path, 'w') as f:
        json.dump(spec, f, indent=2)
        f.write('\n')

    wall = time.time() - started
    command = shlex.join([sys.executable, *sys.argv]) if argv is None else shlex.join([sys.executable, __file__, *argv])
    val_info = run['validation']
    record = {
        'command': command,
        'cwd': os.getcwd(),
        'reproduce': None,
        'data': {'train_folder': train_set.folder, 'train_images': len(train_set),
                 'val_folder': val_set.folder if val_set is not None else None,
                 'val_images': len(val_set) if val_set is not None else 0,
                 'val_source': 'folder' if args.val else (f'held-out fraction {args.val_fraction:g} of the training folder' if val_set is not None else 'none'),
                 'files_sha256': train_set.digest, 'size': args.size, 'limit': args.limit or None,
                 'notes': train_set.notes + (val_set.notes if (val_set is not None and args.val) else [])},
        'seed': args.seed,
        'threads': torch.get_num_threads(),
        **{k: run[k] for k in ('epochs_requested', 'epochs_planned', 'epochs_run', 'stopped_by', 'iterations',
                               'iterations_per_epoch', 'batch_size', 'train_seconds', 'train_images_per_second')},
        'wall_seconds': round(wall, 2),
        'hyperparameters': {'optimizer': 'Adam', 'lr': args.lr, 'min_lr': args.lr * args.min_lr_ratio,
                            'schedule': 'linear warm-up over epoch 1, then cosine', 'weight_decay': args.weight_decay,
                            'loss': 'cross-entropy, ignore_index 255', 'class_weighting': args.class_weights,
                            'class_weights': run['class_weights'],
                            'augmentation': None if args.no_augment else 'horizontal flip p=0.5 with 3<->4, 5<->6, 7<->8 swapped; '
                            'contrast x U(0.85,1.15) about the image mean; brightness + U(-0.08,0.08)*255',
                            'normalisation': {'scale': '1/255', 'mean': list(MEAN), 'std': list(STD)}},
        'model': {'architecture': 'SmallUNet (conv3x3-BN-ReLU x2 per level, maxpool, bilinear upsampling, skips; '
                                  'dilated last encoder conv)', 'channels': model.chans, 'parameters': params,
                  'num_classes': pdata.NUM_CLASSES, 'schema': 'facesynthetics'},
        'final_train_loss': run['final_train_loss'],
        'validation': None if val_info is None else {
            'pixel_accuracy': round(val_info['pixel_accuracy'], 5),
            'mean_f1_foreground': round(val_info['mean_f1_foreground'] or 0, 5),
            'scored_pixels': val_info['scored_pixels'],
            'per_class_f1': val_info['per_class_f1'],
            'note': 'from one confusion matrix accumulated over the validation set at the model size; 255 pixels ignored; '
                    'mean F1 over foreground classes present in ground truth or prediction'},
        'onnx': {'path': out, 'bytes': onnx_bytes, 'sha256': sha, 'opset': graph['opset'], 'ir_version': graph['ir_version'],
                 'ops': graph['ops'], 'input': {'name': 'input', 'dims': graph['input_dims']},
                 'output': {'name': 'logits', 'dims': graph['output_dims']}, 'runtime_check': ort},
        'spec': {'path': spec_path, **spec},
        'versions': {'python': platform.python_version(), 'torch': torch.__version__, 'onnx': onnx.__version__,
                     'numpy': np.__version__, 'platform': platform.platform()},
        'class_pixel_counts': dict(zip(pdata.CLASS_NAMES, run['class_pixel_counts'])),
        'history': run['history'],
    }
    if run['epochs_planned'] != args.epochs or run['stopped_by'] != 'epochs':
        record['reproduce'] = (f'the time budget shortened the run; the same command with --epochs {run["epochs_planned"]} '
                               '--max-minutes 0 reproduces its schedule'
                               + ('' if run['stopped_by'] == 'epochs' else f' (it stopped after epoch {run["epochs_run"]})'))
    with open(record_path, 'w') as f:
        json.dump(record, f, indent=2)
        f.write('\n')
    summary(record, spec_path, record_path)


def summary(r, spec_path, record_path):
    v = r['validation']
    o = r['onnx']
    lines = [
        '',
        '=== FaceGap face-parser training summary ===',
        f'data      {r["data"]["train_images"]} train / {r["data"]["val_images"]} val images ({r["data"]["val_source"]}), {r["data"]["size"]} px',
        f'model     SmallUNet {"-".join(map(str, r["model"]["channels"]))}, {r["model"]["parameters"]:,} parameters',
        f'training  {r["epochs_run"]} epochs ({r["stopped_by"]}), {r["iterations"]} iterations of batch {r["batch_size"]}, '
        f'seed {r["seed"]}, {r["threads"]} threads, {r["train_images_per_second"]} img/s',
        f'time      {r["wall_seconds"]:.1f} s wall, {r["train_seconds"]:.1f} s in training steps',
        f'loss      final train loss {r["final_train_loss"]}',
        (f'val       pixel accuracy {v["pixel_accuracy"]:.4f}, mean F1 (foreground) {v["mean_f1_foreground"]:.4f}' if v else 'val       none'),
        f'onnx      {o["path"]}',
        f'          {o["bytes"]:,} bytes, sha256 {o["sha256"]}',
        (f'          onnxruntime-node check: max abs diff {o["runtime_check"]["max_abs_diff"]:.3g}, '
         f'argmax agreement {o["runtime_check"]["argmax_agreement"]:.4%}' if o['runtime_check'] else '          onnxruntime check skipped'),
        f'spec      {spec_path}',
        f'record    {record_path}',
        f'versions  torch {r["versions"]["torch"]}, onnx {r["versions"]["onnx"]}, python {r["versions"]["python"]}',
    ]
    if r['reproduce']:
        lines.append(f'note      {r["reproduce"]}')
    print('\n'.join(lines))


if __name__ == '__main__':
    main(None)
