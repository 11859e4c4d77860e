// derive_index_ranges and assignment_valid on hand-checked iteration spaces.
#include "tartan/ir/bounds.h"

#include <gtest/gtest.h>

#include <string>

#include "tartan/support/error.h"

namespace tartan {
namespace {

Affine ix(int var, std::int64_t coeff = 1) { return Affine::index(var, coeff); }
Affine k(std::int64_t c) { return Affine::constant(c); }

// A program with one input A of `a_shape` and an output O of `o_shape`; the contraction reads
// A through `a_idx`. The output is added raw so that invalid spaces reach derive_index_ranges
// (add_contraction would reject them first).
struct Space {
  Program program;
  Contraction c;

  Space(std::vector<std::string> names, Shape o_shape, std::vector<Affine> o_idx, Shape a_shape,
        std::vector<Affine> a_idx, std::vector<Constraint> constraints = {}) {
    const TensorId a = program.add_input("A", DType::kFloat32, std::move(a_shape));
    c.output = program.add_tensor(
        {"O", DType::kFloat32, std::move(o_shape), TensorKind::kIntermediate, nullptr});
    c.index_names = std::move(names);
    c.output_indices = std::move(o_idx);
    c.inputs = {{a, std::move(a_idx)}};
    c.constraints = std::move(constraints);
  }

  std::vector<IndexRange> ranges() const { return derive_index_ranges(program, c); }
};

void expect_ranges(const Space& s, const std::vector<IndexRange>& want) {
  const std::vector<IndexRange> got = s.ranges();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t v = 0; v < want.size(); ++v) {
    EXPECT_EQ(got[v].lo, want[v].lo) << "lower bound of " << s.c.index_names[v];
    EXPECT_EQ(got[v].hi, want[v].hi) << "upper bound of " << s.c.index_names[v];
  }
}

TEST(Bounds, SumOfIndicesInOneAccess) {
  // O[y : 4] = +(A[y + i]), A has 6: y in [0, 4); y + i in [0, 6) so i in [-3, 6).
  expect_ranges(Space({"y", "i"}, {4}, {ix(0)}, {6}, {ix(0) + ix(1)}), {{0, 4}, {-3, 6}});
}

TEST(Bounds, NegativeCoefficients) {
  // O[i : 10] = +(A[4 - i]), A has 5: 4 - i in [0, 5) gives i in [0, 5).
  expect_ranges(Space({"i"}, {10}, {ix(0)}, {5}, {k(4) - ix(0)}), {{0, 5}});
  // O[i : 3] = +(A[-i - j]), A has 4: -i - j in [0, 4) with i in [0, 3) gives j in [-5, 1).
  expect_ranges(Space({"i", "j"}, {3}, {ix(0)}, {4}, {-ix(0) - ix(1)}), {{0, 3}, {-5, 1}});
}

TEST(Bounds, Strides) {
  // O[y : 3] = +(A[2y + i]), A has 7: 2y + i in [0, 7) with y in [0, 3) gives i in [-4, 7).
  expect_ranges(Space({"y", "i"}, {3}, {ix(0)}, {7}, {ix(0, 2) + ix(1)}), {{0, 3}, {-4, 7}});
  // O[2i : 9] = +(A[i]), A has 10: 2i <= 8 gives i in [0, 5).
  expect_ranges(Space({"i"}, {9}, {ix(0, 2)}, {10}, {ix(0)}), {{0, 5}});
}

TEST(Bounds, FractionalIndices) {
  // O[i : 10] = +(A[i / 2]), A has 3: i / 2 <= 2 gives i <= 4 (5 would be fractional anyway).
  expect_ranges(Space({"i"}, {10}, {ix(0)}, {3}, {ix(0) / 2}), {{0, 5}});
  // O[i : 10] = +(A[(i + 1) / 3]), A has 2: 0 <= i + 1 <= 3 gives i in [-1, 3), cut to [0, 3).
  expect_ranges(Space({"i"}, {10}, {ix(0)}, {2}, {(ix(0) + k(1)) / 3}), {{0, 3}});
}

TEST(Bounds, ConstraintCouplingVariables) {
  // O[i, j : 10, 10] = +(A[i, j]), i + j < 4: both in [0, 4).
  expect_ranges(
      Space({"i", "j"}, {10, 10}, {ix(0), ix(1)}, {10, 10}, {ix(0), ix(1)}, {{ix(0) + ix(1), 4}}),
      {{0, 4}, {0, 4}});
}

TEST(Bounds, IndexOnlyInAConstraint) {
  // O[i : 5] = +(A[i]), q < 3, i + q < 6: q is bounded by its constraint alone.
  expect_ranges(Space({"i", "q"}, {5}, {ix(0)}, {5}, {ix(0)}, {{ix(1), 3}, {ix(0) + ix(1), 6}}),
                {{0, 5}, {0, 3}});
}

TEST(Bounds, VariablesOnlyInSums) {
  // O[i + j : 7] = +(A[i - j]), A has 4: i = (s + d) / 2 <= 4.5 and j = (s - d) / 2 >= -1.5,
  // rounded inwards: i in [0, 5), j in [-1, 4).
  expect_ranges(Space({"i", "j"}, {7}, {ix(0) + ix(1)}, {4}, {ix(0) - ix(1)}), {{0, 5}, {-1, 4}});
}

void expect_error(const Space& s, const std::string& part) {
  try {
    s.ranges();
    ADD_FAILURE() << "expected an Error mentioning " << part;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("contraction for O"), std::string::npos) << e.what();
    EXPECT_FALSE(e.hint().empty());
  }
}

TEST(Bounds, UnboundedIndexIsAnErrorNamingIt) {
  // `q` appears nowhere.
  expect_error(Space({"i", "q"}, {5}, {ix(0)}, {5}, {ix(0)}), "index q has no");
  // `j` and `q` appear only together: their sum is bounded, each alone is not.
  expect_error(Space({"i", "j", "q"}, {5}, {ix(0)}, {5}, {ix(1) + ix(2)}), "index j has no");
}

TEST(Bounds, EmptySpaceIsAnError) {
  // O[i : 3] = +(A[i + 5]), A has 4: i + 5 < 4 needs i < -1, the output needs i >= 0.
  expect_error(Space({"i"}, {3}, {ix(0)}, {4}, {ix(0) + k(5)}), "iteration space is empty");
  // A constraint nothing can meet: i - 10 >= 0 with i < 3.
  expect_error(Space({"i"}, {3}, {ix(0)}, {3}, {ix(0)}, {{ix(0) - k(10), 5}}),
               "iteration space is empty");
}

TEST(Bounds, AssignmentValid) {
  // O[y, x : 3, 3] = +(A[2y + i - 1, x / 2]), i < 3.
  const Space s({"y", "x", "i"}, {3, 3}, {ix(0), ix(1)}, {5, 2},
                {ix(0, 2) + ix(2) - k(1), ix(1) / 2}, {{ix(2), 3}});
  std::int64_t offset = -1;
  EXPECT_TRUE(assignment_valid(s.program, s.c, {1, 2, 0}, &offset));
  EXPECT_EQ(offset, 1 * 3 + 2);
  EXPECT_TRUE(assignment_valid(s.program, s.c, {2, 0, 1}, &offset));  // A[4, 0]
  EXPECT_EQ(offset, 2 * 3 + 0);
  EXPECT_FALSE(assignment_valid(s.program, s.c, {0, 0, 0}, &offset));  // A[-1, 0]
  EXPECT_FALSE(assignment_valid(s.program, s.c, {2, 0, 2}, &offset));  // A[5, 0]
  EXPECT_FALSE(assignment_valid(s.program, s.c, {1, 1, 0}, &offset));  // x / 2 fractional
  EXPECT_FALSE(assignment_valid(s.program, s.c, {1, 0, 3}, &offset));  // constraint i < 3
  EXPECT_FALSE(assignment_valid(s.program, s.c, {3, 0, 0}, &offset));  // output O[3, 0]
}

}  // namespace
}  // namespace tartan
