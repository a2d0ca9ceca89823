#!/usr/bin/env bash
# Reproduces models/facegap-parser-small.onnx: generates the training data with FaceGap's own face generator
# (synthetic profile only, never real-style), then trains and exports with Debian's python3-torch.
# Needs: apt-get install python3-torch python3-onnx python3-numpy python3-pil; npm ci.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${FACEGAP_TRAIN_DATA:-.facegap-train}"
npm run build
node dist/cli.js sample "$DATA/train" --profile synthetic --count 3000 --seed 2026 --size 128 --no-progress
node dist/cli.js sample "$DATA/val" --profile synthetic --count 200 --seed 2027 --size 128 --no-progress
/usr/bin/python3 scripts/train/train_parser.py "$DATA/train" --val "$DATA/val" \
  --out models/facegap-parser-small.onnx --epochs "${FACEGAP_TRAIN_EPOCHS:-9}" --max-minutes 0 --seed 0
