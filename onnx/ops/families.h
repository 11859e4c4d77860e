// One register function per operator family (onnx/ops/<family>.cpp); src/registry.cpp calls
// them all.
#pragma once

namespace tartan::onnx {

class Registry;

void register_conv_ops(Registry& r);         // Conv, ConvTranspose
void register_dense_ops(Registry& r);        // Gemm, MatMul
void register_index_ops(Registry& r);        // Concat, Split, Slice, Gather, Pad
void register_elementwise_ops(Registry& r);  // Add, Relu, Clip, ... (NumPy broadcasting)
void register_norm_ops(Registry& r);         // BatchNormalization
void register_pool_ops(Registry& r);         // MaxPool, AveragePool, Global*Pool
void register_shape_ops(Registry& r);        // Reshape, Transpose, Concat, Slice, Gather, ...
// onnx-ops' families:
void register_activation_ops(Registry& r);  // Erf, Elu, Selu, HardSwish, PRelu, Softmax, ...
void register_array_ops(Registry& r);       // Expand, Tile, Range, ConstantOfShape, Size, ...
void register_einsum_ops(Registry& r);      // Einsum
void register_layer_norm_ops(Registry& r);  // LayerNormalization
void register_logic_ops(Registry& r);       // Equal, Less, Not, And, Where, Cast, ...
void register_reduce_ops(Registry& r);      // ReduceSum, ReduceMean, ..., ArgMax, ArgMin
void register_resize_ops(Registry& r);      // Resize

}  // namespace tartan::onnx
