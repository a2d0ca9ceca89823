"""The small U-Net-like face parser trained by train_parser.py.

Encoder: `levels` stages of two 3x3 conv + BatchNorm + ReLU, channels base, 2*base, 4*base, ... with 2x2 max
pooling between stages; the deepest stage's second conv is dilated (2) to widen the receptive field. Decoder:
bilinear 2x upsampling, concatenation with the encoder skip, two conv blocks per stage. A 1x1 head gives
the class logits at input resolution (stride 1). With base 16 and 4 levels: 16-32-64-128, about 0.5 M
parameters, about 2 MB as fp32 ONNX.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout, dilation=1):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=dilation, dilation=dilation, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class Block(nn.Sequential):
    def __init__(self, cin, cout, dilation=1):
        super().__init__(conv_bn_relu(cin, cout), conv_bn_relu(cout, cout, dilation))


class SmallUNet(nn.Module):
    def __init__(self, num_classes=19, base=16, levels=4):
        super().__init__()
        if levels < 2:
            raise ValueError('levels must be at least 2')
        chans = [base * 2 ** i for i in range(levels)]
        self.chans = chans
        self.encoders = nn.ModuleList()
        cin = 3
        for i, c in enumerate(chans):
            self.encoders.append(Block(cin, c, dilation=2 if i == levels - 1 else 1))
            cin = c
        self.decoders = nn.ModuleList()
        for i in range(levels - 2, -1, -1):
            self.decoders.append(Block(cin + chans[i], chans[i]))
            cin = chans[i]
        self.head = nn.Conv2d(cin, num_classes, 1)

    def forward(self, x):
        skips = []
        for i, enc in enumerate(self.encoders):
            if i > 0:
                x = F.max_pool2d(x, 2)
            x = enc(x)
            skips.append(x)
        skips.pop()
        for dec in self.decoders:
            x = F.interpolate(x, scale_factor=2.0, mode='bilinear', align_corners=False)
            x = dec(torch.cat([x, skips.pop()], dim=1))
        return self.head(x)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())
