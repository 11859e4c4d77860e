// The Keras applications, one builder each, as keras.applications builds them with
// include_top=True and 1000 classes (MobileNets: NetworkOptions::classes). Weights come from
// `weights`, one Keras variable at a time. NetworkOptions: any batch >= 1; input_size 0 means the
// Keras default, others are accepted down to Keras's minimum for that network (as Keras does with
// weights=None); alpha and classes are for the MobileNets only. Options Keras would reject throw
// Error.
#pragma once

#include <array>

#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"

namespace tartan::networks {

BuiltNetwork mobilenet(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork mobilenet_v2(const NetworkOptions& options, WeightSource& weights);

// Keras's generic ResNet with `blocks` residual blocks in stacks conv2 .. conv5; `v2` selects
// the pre-activation variant (ResNetV2). resnet50 is {3, 4, 6, 3}.
BuiltNetwork resnet(const std::array<int, 4>& blocks, bool v2, const NetworkOptions& options,
                    WeightSource& weights);
BuiltNetwork resnet50(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork resnet50_v2(const NetworkOptions& options, WeightSource& weights);

BuiltNetwork vgg16(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork vgg19(const NetworkOptions& options, WeightSource& weights);

BuiltNetwork inception_v3(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork inception_resnet_v2(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork xception(const NetworkOptions& options, WeightSource& weights);

// Keras's generic DenseNet with `blocks` conv blocks in dense blocks conv2 .. conv5.
BuiltNetwork densenet(const std::array<int, 4>& blocks, const NetworkOptions& options,
                      WeightSource& weights);
BuiltNetwork densenet121(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork densenet169(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork densenet201(const NetworkOptions& options, WeightSource& weights);

BuiltNetwork nasnet_mobile(const NetworkOptions& options, WeightSource& weights);
BuiltNetwork nasnet_large(const NetworkOptions& options, WeightSource& weights);

// The Keras IMDB example: Embedding(20000, 128), LSTM(128), Dense(1, sigmoid) over 80 int32
// token ids. input_size, when given, is the sequence length.
BuiltNetwork imdb_lstm(const NetworkOptions& options, WeightSource& weights);

}  // namespace tartan::networks
