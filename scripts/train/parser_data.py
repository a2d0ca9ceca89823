"""Data side of train_parser.py: FaceSynthetics-layout loading, the train/val split, batching and augmentation.

A FaceSynthetics-layout folder holds `{id}.png` (RGB) beside `{id}_seg.png` (one channel, class ids 0..18,
255 = ignore). Other files (e.g. `{id}_ldmks.txt`) are ignored. Everything is loaded into memory as uint8 at
the training size: 4000 items at 128 px take about 260 MB.
"""

import hashlib
import os

import numpy as np
from PIL import Image

NUM_CLASSES = 19
IGNORE = 255

# FaceSynthetics schema; LEFT/RIGHT are the viewer's (image) sides.
CLASS_NAMES = [
    'BACKGROUND', 'SKIN', 'NOSE', 'RIGHT_EYE', 'LEFT_EYE', 'RIGHT_BROW', 'LEFT_BROW', 'RIGHT_EAR', 'LEFT_EAR',
    'MOUTH_INTERIOR', 'TOP_LIP', 'BOTTOM_LIP', 'NECK', 'HAIR', 'BEARD', 'CLOTHING', 'GLASSES', 'HEADWEAR', 'FACEWEAR',
]

# Sided classes swap when the image is mirrored: 3<->4 eyes, 5<->6 brows, 7<->8 ears.
SIDE_PAIRS = [(3, 4), (5, 6), (7, 8)]


def flip_lut():
    """A 256-entry table that maps each label value to its mirror-image value (255 stays 255)."""
    lut = np.arange(256, dtype=np.uint8)
    for a, b in SIDE_PAIRS:
        lut[a], lut[b] = b, a
    return lut


class Dataset:
    """Images N*H*W*3 uint8 and labels N*H*W uint8 at the training size, with their ids and file digest."""

    def __init__(self, folder, ids, images, labels, digest, notes):
        self.folder = folder
        self.ids = ids
        self.images = images
        self.labels = labels
        self.digest = digest
        self.notes = notes

    def __len__(self):
        return len(self.ids)

    def subset(self, index):
        index = np.asarray(index, dtype=np.int64)
        return Dataset(self.folder, [self.ids[i] for i in index], self.images[index], self.labels[index], self.digest, self.notes)


def find_items(folder):
    """Sorted ids of the `{id}.png` files that have a `{id}_seg.png` beside them, and the ids that lack one."""
    if not os.path.isdir(folder):
        raise SystemExit(f'error: data folder not found: {folder}')
    names = set(os.listdir(folder))
    ids, missing = [], []
    for name in sorted(names):
        if not name.lower().endswith('.png') or name.lower().endswith('_seg.png'):
            continue
        stem = name[:-4]
        (ids if f'{stem}_seg.png' in names else missing).append(stem)
    return ids, missing


def resize_labels_nearest(labels, size):
    """Nearest resize with pixel centres (source = floor((dest + 0.5) * S / D)), as FaceGap resizes labels."""
    h, w = labels.shape
    ys = np.minimum(((np.arange(size) + 0.5) * h / size).astype(np.int64), h - 1)
    xs = np.minimum(((np.arange(size) + 0.5) * w / size).astype(np.int64), w - 1)
    return labels[ys][:, xs]


def read_label(path):
    with Image.open(path) as im:
        arr = np.array(im)
    if arr.ndim == 3:
        # Tolerate a grey label map saved as RGB(A) as long as the colour channels agree.
        if not (np.array_equal(arr[..., 0], arr[..., 1]) and np.array_equal(arr[..., 0], arr[..., 2])):
            raise SystemExit(f'error: {path} is a colour image; a label map must hold one class id per pixel')
        arr = arr[..., 0]
    if arr.dtype != np.uint8:
        if arr.max(initial=0) > 255:
            raise SystemExit(f'error: {path} holds values above 255')
        arr = arr.astype(np.uint8)
    return arr


def load_folder(folder, size, limit=0):
    """Loads every image/label pair of a FaceSynthetics-layout folder, resized to size*size."""
    folder = os.path.abspath(folder)
    ids, missing = find_items(folder)
    if limit > 0:
        ids = ids[:limit]
    if not ids:
        raise SystemExit(f'error: no {{id}}.png with a {{id}}_seg.png beside it in {folder}')
    images = np.empty((len(ids), size, size, 3), dtype=np.uint8)
    labels = np.empty((len(ids), size, size), dtype=np.uint8)
    digest = hashlib.sha256()
    unknown = np.zeros(256, dtype=np.int64)
    resized = 0
    for i, stem in enumerate(ids):
        img_path = os.path.join(folder, f'{stem}.png')
        seg_path = os.path.join(folder, f'{stem}_seg.png')
        for p in (img_path, seg_path):
            with open(p, 'rb') as f:
                digest.update(os.path.basename(p).encode() + b'\0' + hashlib.sha256(f.read()).digest())
        with Image.open(img_path) as im:
            rgb = im.convert('RGB')
            if rgb.size != (size, size):
                rgb = rgb.resize((size, size), Image.BILINEAR)
                resized += 1
            images[i] = np.asarray(rgb)
        lab = read_label(seg_path)
        if lab.shape != (size, size):
            lab = resize_labels_nearest(lab, size)
        unknown += np.bincount(lab.ravel(), minlength=256)
        labels[i] = lab
    bad = [v for v in range(NUM_CLASSES, 255) if unknown[v] > 0]
    notes = []
    if missing:
        notes.append(f'{len(missing)} image(s) without a _seg.png skipped (e.g. {missing[0]}.png)')
    if resized:
        notes.append(f'{resized} image(s) resized to {size}x{size} (bilinear; labels nearest)')
    if bad:
        count = int(sum(unknown[v] for v in bad))
        notes.append(f'{count} label pixel(s) with values {bad[:8]} outside 0..18 treated as ignore (255)')
        lut = np.arange(256, dtype=np.uint8)
        lut[bad] = IGNORE
        labels = lut[labels]
    return Dataset(folder, ids, images, labels, digest.hexdigest(), notes)


def split_holdout(data, fraction, seed):
    """A deterministic random hold-out split (seeded permutation of the sorted ids); at least one item each side."""
    n = len(data)
    n_val = int(round(n * fraction))
    if fraction > 0:
        n_val = min(max(n_val, 1), n - 1)
    if n_val <= 0:
        return data, None
    order = np.random.RandomState(seed).permutation(n)
    return data.subset(np.sort(order[n_val:])), data.subset(np.sort(order[:n_val]))


def class_pixel_counts(labels):
    counts = np.bincount(labels.ravel(), minlength=256)
    return counts[:NUM_CLASSES].astype(np.int64)


def class_weights(counts, mode):
    """Cross-entropy class weights from training pixel counts: 'none', 'sqrt' (median/f)^0.5 or 'inv' median/f.

    The two classes of a side pair share their mean frequency, since mirroring moves pixels between them.
    Classes absent from the training data get weight 1 (they never appear as targets anyway).
    """
    w = np.ones(NUM_CLASSES, dtype=np.float64)
    if mode == 'none':
        return w
    freq = counts.astype(np.float64)
    for a, b in SIDE_PAIRS:
        freq[a] = freq[b] = (freq[a] + freq[b]) / 2
    present = freq > 0
    if not present.any():
        return w
    freq = freq / freq[present].sum()
    median = np.median(freq[present])
    power, lo, hi = (0.5, 0.2, 5.0) if mode == 'sqrt' else (1.0, 0.1, 10.0)
    w[present] = np.clip((median / freq[present]) ** power, lo, hi)
    return w


class Augmenter:
    """Mild, seeded augmentation on uint8 batches: mirror (with sided ids swapped) and brightness/contrast jitter."""

    def __init__(self, rng, flip=0.5, brightness=0.08, contrast=0.15):
        self.rng = rng
        self.flip = flip
        self.brightness = brightness
        self.contrast = contrast
        self.lut = flip_lut()

    def __call__(self, images, labels):
        """images N*H*W*3 uint8, labels N*H*W uint8 -> float32 images (0..255) and uint8 labels."""
        n = images.shape[0]
        x = images.astype(np.float32)
        y = labels.copy()
        mirror = self.rng.random_sample(n) < self.flip
        if mirror.any():
            x[mirror] = x[mirror][:, :, ::-1]
            y[mirror] = self.lut[y[mirror][:, :, ::-1]]
        c = self.rng.uniform(1 - self.contrast, 1 + self.contrast, size=n).astype(np.float32)
        b = (self.rng.uniform(-self.brightness, self.brightness, size=n) * 255).astype(np.float32)
        mean = x.mean(axis=(1, 2, 3), keepdims=True)
        x = (x - mean) * c[:, None, None, None] + mean + b[:, None, None, None]
        np.clip(x, 0, 255, out=x)
        return x, y
