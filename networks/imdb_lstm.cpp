// The Keras IMDB sentiment example (keras/examples imdb_lstm): Embedding(20000, 128),
// LSTM(128), Dense(1, sigmoid) over sequences of 80 token ids. Dropout inside the LSTM is
// inactive at inference. The LSTM is one loop over the sequence (ops::lstm), not 80 copies.
#include <string>

#include "keras_layers.h"
#include "tartan/networks/applications.h"
#include "tartan/support/error.h"

namespace tartan::networks {

BuiltNetwork imdb_lstm(const NetworkOptions& options, WeightSource& weights) {
  constexpr std::int64_t kVocabulary = 20000, kEmbedding = 128, kUnits = 128, kSteps = 80;
  if (options.batch < 1) {
    throw Error("imdb_lstm: batch size " + std::to_string(options.batch) + " is not positive",
                "pass a batch size of 1 or more");
  }
  if (options.alpha != 1.0) {
    throw Error("imdb_lstm has no width multiplier (alpha)", "leave alpha at 1");
  }
  if (options.classes != 1000) {
    throw Error("imdb_lstm has one sigmoid output, not classes", "leave classes at 1000");
  }
  const std::int64_t steps = options.input_size == 0 ? kSteps : options.input_size;
  if (steps < 1) {
    throw Error("imdb_lstm: sequence length " + std::to_string(steps) + " is not positive",
                "input_size is the sequence length (default 80)");
  }
  KerasModel m(weights);
  Tensor x = m.input(DType::kInt32, {options.batch, steps});
  x = m.embedding(x, kVocabulary, kEmbedding, "embedding");
  x = m.lstm(x, kUnits, false, "lstm");
  x = m.dense(x, 1, Activation::kSigmoid, "dense");
  return m.finish(x, options);
}

}  // namespace tartan::networks
