#include "tartan/ir/affine.h"

#include <gtest/gtest.h>

namespace tartan {
namespace {

TEST(Affine, NormalizesTermsAndDenominator) {
  const Affine a = (Affine::index(1, 4) + Affine::index(0, 2) + Affine::constant(6)) / 4;
  // (2*i0 + 4*i1 + 6) / 4 == (i0 + 2*i1 + 3) / 2
  ASSERT_EQ(a.terms().size(), 2u);
  EXPECT_EQ(a.terms()[0], (std::pair<int, std::int64_t>{0, 1}));
  EXPECT_EQ(a.terms()[1], (std::pair<int, std::int64_t>{1, 2}));
  EXPECT_EQ(a.constant_term(), 3);
  EXPECT_EQ(a.denom(), 2);
  EXPECT_EQ(affine_str(a, {"i", "j"}), "(i + 2*j + 3)/2");
}

TEST(Affine, EvalSkipsFractionalValues) {
  const Affine a = (Affine::index(0) + Affine::constant(1)) / 2;
  std::int64_t v = -1;
  EXPECT_TRUE(a.eval({3}, &v));
  EXPECT_EQ(v, 2);
  EXPECT_FALSE(a.eval({2}, &v));
}

TEST(Affine, NegativeDivisorFlipsSigns) {
  const Affine a = Affine::index(0, 3) / -3;
  EXPECT_EQ(a.denom(), 1);
  EXPECT_EQ(a.coeff(0), -1);
  EXPECT_EQ(affine_str(a, {"x"}), "-x");
}

}  // namespace
}  // namespace tartan
