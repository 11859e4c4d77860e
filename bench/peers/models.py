"""The six Keras applications of issue 7, built in PyTorch layer for layer as Keras builds them.

Only the layout of the computation matters for a peer measurement, so these follow Keras's
graphs (the same convolutions, paddings, BN placement and classifier heads) rather than
torchvision's look-alikes, which differ where it changes the work:
- MobileNet v1 is not in torchvision.
- Keras ResNet50 is v1 (stride 2 in the first 1x1 convolution of a downsampling block, biases
  on every convolution); torchvision's is v1.5 (stride in the 3x3), ~0.4 GFLOP more per image.
- Keras InceptionV3 has no auxiliary classifier and BN without scale.
- Keras pads strided 'valid' convolutions bottom/right (ZeroPadding2D, correct_pad); torchvision
  pads symmetrically.

Parameter counts follow Keras's count_params(): trainable weights plus BN moving mean and
variance (PyTorch keeps those as buffers). build() loads tartan's synthetic weights under
Keras's layer names (keras_weights.py); keras_check.py proves the outputs equal Keras's.
"""

import torch
from torch import nn

import keras_weights

# keras.applications count_params() for the default configurations (include_top, 1000 classes).
KERAS_PARAMS = {
    "mobilenet": 4_253_864,
    "mobilenet_v2": 3_538_984,
    "resnet50": 25_636_712,
    "vgg16": 138_357_544,
    "inception_v3": 23_851_784,
    "densenet121": 8_062_504,
}

IMAGE_SIZE = {name: 224 for name in KERAS_PARAMS} | {"inception_v3": 299}


def bn(channels, eps, scale=True):
    """Keras BatchNormalization: eps differs per application; scale=False drops gamma."""
    layer = nn.BatchNorm2d(channels, eps=eps)
    if not scale:
        layer.register_parameter("weight", None)
    return layer


def pad_bottom_right():
    """ZeroPadding2D(((0, 1), (0, 1))) / correct_pad in front of a strided 'valid' 3x3 on an
    even-sized input."""
    return nn.ZeroPad2d((0, 1, 0, 1))


class Softmax(nn.Module):
    def forward(self, x):
        return torch.softmax(x, dim=1)


# --- MobileNet (v1, alpha 1.0) ---


def mobilenet():
    eps = 1e-3
    layers = [
        pad_bottom_right(),
        nn.Conv2d(3, 32, 3, stride=2, bias=False),
        bn(32, eps),
        nn.ReLU6(inplace=True),
    ]
    blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)]
    blocks += [(512, 1)] * 5 + [(1024, 2), (1024, 1)]
    cin = 32
    for cout, stride in blocks:
        if stride == 2:
            layers.append(pad_bottom_right())
        layers += [
            nn.Conv2d(cin, cin, 3, stride=stride, padding=1 if stride == 1 else 0, groups=cin,
                      bias=False),
            bn(cin, eps),
            nn.ReLU6(inplace=True),
            nn.Conv2d(cin, cout, 1, bias=False),
            bn(cout, eps),
            nn.ReLU6(inplace=True),
        ]
        cin = cout
    # GlobalAveragePooling2D(keepdims) -> Dropout -> Conv2D 1x1 with bias -> Reshape -> softmax.
    layers += [nn.AdaptiveAvgPool2d(1), nn.Conv2d(1024, 1000, 1), nn.Flatten(), Softmax()]
    return nn.Sequential(*layers)


# --- MobileNetV2 (alpha 1.0) ---


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, expansion, stride):
        super().__init__()
        eps = 1e-3
        hidden = cin * expansion
        layers = []
        if expansion != 1:
            layers += [nn.Conv2d(cin, hidden, 1, bias=False), bn(hidden, eps), nn.ReLU6(True)]
        if stride == 2:
            layers.append(pad_bottom_right())
        layers += [
            nn.Conv2d(hidden, hidden, 3, stride=stride, padding=1 if stride == 1 else 0,
                      groups=hidden, bias=False),
            bn(hidden, eps),
            nn.ReLU6(True),
            nn.Conv2d(hidden, cout, 1, bias=False),
            bn(cout, eps),
        ]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


def mobilenet_v2():
    eps = 1e-3
    layers = [pad_bottom_right(), nn.Conv2d(3, 32, 3, stride=2, bias=False), bn(32, eps),
              nn.ReLU6(True)]
    cin = 32
    # (expansion, filters, repeats, first stride), Keras's table.
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                       (6, 160, 3, 2), (6, 320, 1, 1)]:
        for i in range(n):
            layers.append(InvertedResidual(cin, c, t, s if i == 0 else 1))
            cin = c
    layers += [nn.Conv2d(320, 1280, 1, bias=False), bn(1280, eps), nn.ReLU6(True),
               nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1280, 1000), Softmax()]
    return nn.Sequential(*layers)


# --- ResNet50 (Keras: v1, stride in the first 1x1, biases on every convolution) ---


class Bottleneck(nn.Module):
    def __init__(self, cin, filters, stride, conv_shortcut):
        super().__init__()
        eps = 1.001e-5
        cout = 4 * filters
        self.shortcut = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride), bn(cout, eps))
                         if conv_shortcut else nn.Identity())
        self.body = nn.Sequential(
            nn.Conv2d(cin, filters, 1, stride=stride), bn(filters, eps), nn.ReLU(True),
            nn.Conv2d(filters, filters, 3, padding=1), bn(filters, eps), nn.ReLU(True),
            nn.Conv2d(filters, cout, 1), bn(cout, eps))
        self.relu = nn.ReLU(True)

    def forward(self, x):
        return self.relu(self.shortcut(x) + self.body(x))


def resnet50():
    eps = 1.001e-5
    layers = [nn.ZeroPad2d(3), nn.Conv2d(3, 64, 7, stride=2), bn(64, eps), nn.ReLU(True),
              nn.ZeroPad2d(1), nn.MaxPool2d(3, stride=2)]
    cin = 64
    for filters, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
        for i in range(blocks):
            layers.append(Bottleneck(cin, filters, stride if i == 0 else 1, i == 0))
            cin = 4 * filters
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2048, 1000), Softmax()]
    return nn.Sequential(*layers)


# --- VGG16 ---


def vgg16():
    layers, cin = [], 3
    for cout, convs in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(convs):
            layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(True)]
            cin = cout
        layers.append(nn.MaxPool2d(2))
    # Keras flattens NHWC, PyTorch NCHW: a permutation of the first dense layer's rows only.
    layers += [nn.Flatten(), nn.Linear(512 * 7 * 7, 4096), nn.ReLU(True), nn.Linear(4096, 4096),
               nn.ReLU(True), nn.Linear(4096, 1000), Softmax()]
    return nn.Sequential(*layers)


# --- InceptionV3 (Keras: no auxiliary head, conv2d_bn = conv without bias + BN(scale=False)) ---


class ConvBN(nn.Sequential):
    def __init__(self, cin, cout, kh, kw, stride=1, same=True):
        padding = (kh // 2, kw // 2) if same else 0
        super().__init__(nn.Conv2d(cin, cout, (kh, kw), stride=stride, padding=padding,
                                   bias=False),
                         bn(cout, 1e-3, scale=False), nn.ReLU(True))


def avg_pool_same():
    # Keras AveragePooling2D((3, 3), strides=1, padding='same') averages only the real inputs.
    return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)


class Concat(nn.Module):
    def __init__(self, *branches):
        super().__init__()
        self.branches = nn.ModuleList(branches)

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], dim=1)


def mixed_35(cin, pool):
    return Concat(
        ConvBN(cin, 64, 1, 1),
        nn.Sequential(ConvBN(cin, 48, 1, 1), ConvBN(48, 64, 5, 5)),
        nn.Sequential(ConvBN(cin, 64, 1, 1), ConvBN(64, 96, 3, 3), ConvBN(96, 96, 3, 3)),
        nn.Sequential(avg_pool_same(), ConvBN(cin, pool, 1, 1)))


def mixed_17(c7):
    cin = 768
    return Concat(
        ConvBN(cin, 192, 1, 1),
        nn.Sequential(ConvBN(cin, c7, 1, 1), ConvBN(c7, c7, 1, 7), ConvBN(c7, 192, 7, 1)),
        nn.Sequential(ConvBN(cin, c7, 1, 1), ConvBN(c7, c7, 7, 1), ConvBN(c7, c7, 1, 7),
                      ConvBN(c7, c7, 7, 1), ConvBN(c7, 192, 1, 7)),
        nn.Sequential(avg_pool_same(), ConvBN(cin, 192, 1, 1)))


def mixed_8x8(cin):
    return Concat(
        ConvBN(cin, 320, 1, 1),
        nn.Sequential(ConvBN(cin, 384, 1, 1),
                      Concat(ConvBN(384, 384, 1, 3), ConvBN(384, 384, 3, 1))),
        nn.Sequential(ConvBN(cin, 448, 1, 1), ConvBN(448, 384, 3, 3),
                      Concat(ConvBN(384, 384, 1, 3), ConvBN(384, 384, 3, 1))),
        nn.Sequential(avg_pool_same(), ConvBN(cin, 192, 1, 1)))


def inception_v3():
    return nn.Sequential(
        ConvBN(3, 32, 3, 3, stride=2, same=False),
        ConvBN(32, 32, 3, 3, same=False),
        ConvBN(32, 64, 3, 3),
        nn.MaxPool2d(3, stride=2),
        ConvBN(64, 80, 1, 1, same=False),
        ConvBN(80, 192, 3, 3, same=False),
        nn.MaxPool2d(3, stride=2),
        mixed_35(192, 32), mixed_35(256, 64), mixed_35(288, 64),
        Concat(ConvBN(288, 384, 3, 3, stride=2, same=False),
               nn.Sequential(ConvBN(288, 64, 1, 1), ConvBN(64, 96, 3, 3),
                             ConvBN(96, 96, 3, 3, stride=2, same=False)),
               nn.MaxPool2d(3, stride=2)),
        mixed_17(128), mixed_17(160), mixed_17(160), mixed_17(192),
        Concat(nn.Sequential(ConvBN(768, 192, 1, 1), ConvBN(192, 320, 3, 3, stride=2, same=False)),
               nn.Sequential(ConvBN(768, 192, 1, 1), ConvBN(192, 192, 1, 7),
                             ConvBN(192, 192, 7, 1),
                             ConvBN(192, 192, 3, 3, stride=2, same=False)),
               nn.MaxPool2d(3, stride=2)),
        mixed_8x8(1280), mixed_8x8(2048),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2048, 1000), Softmax())


# --- DenseNet121 ---


class DenseLayer(nn.Module):
    """Keras conv_block: BN-ReLU-1x1(128)-BN-ReLU-3x3(32), concatenated onto its input."""

    def __init__(self, cin):
        super().__init__()
        eps = 1.001e-5
        self.body = nn.Sequential(bn(cin, eps), nn.ReLU(True), nn.Conv2d(cin, 128, 1, bias=False),
                                  bn(128, eps), nn.ReLU(True),
                                  nn.Conv2d(128, 32, 3, padding=1, bias=False))

    def forward(self, x):
        return torch.cat([x, self.body(x)], dim=1)


def densenet121():
    eps = 1.001e-5
    layers = [nn.ZeroPad2d(3), nn.Conv2d(3, 64, 7, stride=2, bias=False), bn(64, eps),
              nn.ReLU(True), nn.ZeroPad2d(1), nn.MaxPool2d(3, stride=2)]
    c = 64
    for i, blocks in enumerate([6, 12, 24, 16]):
        for _ in range(blocks):
            layers.append(DenseLayer(c))
            c += 32
        if i < 3:  # transition: BN-ReLU-1x1 halving the channels-AvgPool 2x2
            layers += [bn(c, eps), nn.ReLU(True), nn.Conv2d(c, c // 2, 1, bias=False),
                       nn.AvgPool2d(2)]
            c //= 2
    layers += [bn(c, eps), nn.ReLU(True), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
               nn.Linear(c, 1000), Softmax()]
    return nn.Sequential(*layers)


BUILDERS = {
    "mobilenet": mobilenet,
    "mobilenet_v2": mobilenet_v2,
    "resnet50": resnet50,
    "vgg16": vgg16,
    "inception_v3": inception_v3,
    "densenet121": densenet121,
}


def build(name):
    """The network in eval mode with tartan's synthetic weights (keras_weights.py)."""
    if name not in BUILDERS:
        raise SystemExit(f"peers: unknown network {name!r}; known: {', '.join(BUILDERS)}")
    model = BUILDERS[name]().eval()
    keras_weights.load_synthetic(model, name)
    return model


def keras_param_count(model):
    """count_params() as Keras counts it: parameters plus BN moving mean and variance."""
    n = sum(p.numel() for p in model.parameters())
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            n += m.running_mean.numel() + m.running_var.numel()
    return n


def gflops_per_example(model, size):
    """2 x multiply-adds of every convolution and dense layer for one image, the figure
    tartan-bench reports as workload.gflops_per_example."""
    macs = 0

    def conv_hook(m, _inputs, out):
        nonlocal macs
        macs += out.numel() * m.weight[0].numel()

    def linear_hook(m, _inputs, out):
        nonlocal macs
        macs += out.numel() * m.in_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    with torch.no_grad():
        model(torch.zeros(1, 3, size, size))
    for h in hooks:
        h.remove()
    return 2 * macs / 1e9
