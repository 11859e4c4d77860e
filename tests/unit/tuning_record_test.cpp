// Tuning records are outside data: every field is bounded, a digest detects edits, and a plan
// that parses but that the scheduler would not produce for the kernel on the device is refused
// (issue 17: a work-group size of -1 gave wrong results, 2^40 or a tile of 1e6 hung).
#include <gtest/gtest.h>

#include <regex>

#include "schedule/record_check.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/dense.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/tuning_cache.h"

namespace tartan {
namespace {

TuningRecord register_record() {
  TuningRecord r;
  r.plan.work_group_size = 1;
  r.plan.tile[0] = {1, 16};
  r.plan.tile[1] = {0, 4};
  r.plan.unroll = 4;
  r.plan.vector_loads = true;
  r.time_ms = 0.5;
  r.plain_time_ms = 2;
  r.device = "dev";
  return r;
}

// The record's text with the first match of `pattern` replaced (an edit by hand).
std::string edited(const std::string& text, const std::string& pattern, const std::string& with) {
  const std::string out =
      std::regex_replace(text, std::regex(pattern), with, std::regex_constants::format_first_only);
  EXPECT_NE(out, text) << pattern;
  return out;
}

TEST(TuningRecord, FieldsOutOfBoundsAreRefusedByName) {
  const std::string good = encode_tuning_record(register_record());
  std::string why;
  ASSERT_TRUE(decode_tuning_record(good, &why).has_value()) << why;
  struct Case {
    std::string pattern, with, field;
  };
  for (const Case& c : std::vector<Case>{
           {"\"work_group_size\": 1", "\"work_group_size\": -1", "plan.work_group_size"},
           {"\"work_group_size\": 1", "\"work_group_size\": 1099511627776", "plan.work_group_size"},
           {"\"size\": 16", "\"size\": 1000000", "plan.tile[0].size"},
           {"\"size\": 16", "\"size\": 1e6", "plan.tile[0].size"},
           {"\"unroll\": 4", "\"unroll\": 0", "plan.unroll"},
           {"\"k_chunk\": 0", "\"k_chunk\": -16", "plan.local.k_chunk"},
           {"\"vector\": 1", "\"vector\": 3", "plan.local.vector"},
           {"\"threads\": 0", "\"threads\": 65536", "plan.reduce.threads"},
           {"\"vector_loads\": true", "\"vector_loads\": 1", "plan.vector_loads"},
           {"\"unroll\": 4,", "\"unroll\": 4, \"extra\": 1,", "plan.extra"},
           {"\"unroll\": 4,", "", "plan.unroll"},
           {"\"time_ms\": 0.5", "\"time_ms\": -1", "time_ms"},
           // Integers beyond int and int64 (tartan_tuning_record_fuzzer: a get<int> of one was
           // undefined behaviour; tests/fuzz/corpus/tuning_record/huge_integer.json).
           {"\"var\": -1", "\"var\": -13333333333333333333333333388888888888888",
            "plan.reduce.var"},
           {"\"unroll\": 4", "\"unroll\": 18446744073709551615", "plan.unroll"},
           {"\"unroll\": 4", "\"unroll\": 4294967297", "plan.unroll"}}) {
    SCOPED_TRACE(c.with);
    EXPECT_FALSE(decode_tuning_record(edited(good, c.pattern, c.with), &why).has_value());
    EXPECT_NE(why.find(c.field), std::string::npos) << why;
  }
}

TEST(TuningRecord, AnEditWithinBoundsIsCaughtByTheDigest) {
  const std::string good = encode_tuning_record(register_record());
  std::string why;
  for (const auto& [pattern, with] : std::vector<std::pair<std::string, std::string>>{
           {"\"unroll\": 4", "\"unroll\": 2"},
           {"\"work_group_size\": 1", "\"work_group_size\": 2"},
           {"\"device\": \"dev\"", "\"device\": \"other\""},
           {"\"digest\": \"[0-9a-f]+\"", "\"digest\": \"0\""}}) {
    SCOPED_TRACE(with);
    EXPECT_FALSE(decode_tuning_record(edited(good, pattern, with), &why).has_value());
    EXPECT_NE(why.find("digest"), std::string::npos) << why;
  }
  EXPECT_FALSE(decode_tuning_record(edited(good, ",\\s*\"digest\": \"[0-9a-f]+\"", ""), &why));
  EXPECT_NE(why.find("digest"), std::string::npos) << why;
  // Formatting is not content: the same record re-indented still loads.
  const std::string flat = std::regex_replace(good, std::regex("\n *"), "");
  EXPECT_TRUE(decode_tuning_record(flat, &why).has_value()) << why;
}

class RecordPlanTest : public ::testing::Test {
 protected:
  LoweredProgram lowered_ = [] {
    Builder b;
    b.output(ops::relu(ops::dense(b.input("x", DType::kFloat32, {4, 64}),
                                  b.input("w", DType::kFloat32, {64, 32}),
                                  b.input("bias", DType::kFloat32, {32}))));
    return run_pipeline(b.build());
  }();
  const KernelGroup& group_ = lowered_.kernels.at(0);
  TargetInfo target_ = [] {
    TargetInfo t;
    t.max_work_group_size = 256;
    t.tuning.register_tile_rows = 4;
    t.tuning.register_tile_cols = 8;
    t.tuning.vector_width = 4;
    return t;
  }();
};

TEST_F(RecordPlanTest, TheSchedulersOwnPlansAreAccepted) {
  EXPECT_EQ(record_plan_problem(choose_plan(lowered_, group_, target_), lowered_, group_, target_),
            std::nullopt);
  const std::vector<KernelPlan> candidates = candidate_plans(lowered_, group_, target_);
  ASSERT_GT(candidates.size(), 2u);
  for (const KernelPlan& p : candidates) {
    EXPECT_EQ(record_plan_problem(p, lowered_, group_, target_), std::nullopt) << p.describe();
  }
}

TEST_F(RecordPlanTest, PlansTheSchedulerWouldNotProduceAreRefused) {
  KernelPlan p = choose_plan(lowered_, group_, target_);
  p.work_group_size = 512;  // beyond the device
  const std::optional<std::string> too_big = record_plan_problem(p, lowered_, group_, target_);
  ASSERT_TRUE(too_big.has_value());
  EXPECT_NE(too_big->find("plan.work_group_size 512"), std::string::npos) << *too_big;
  // Fits the kernel and the device, but no candidate has an odd work-group or a tile of 3.
  KernelPlan odd;
  odd.work_group_size = 7;
  odd.tile[0] = {1, 3};
  odd.unroll = 3;
  const std::optional<std::string> foreign = record_plan_problem(odd, lowered_, group_, target_);
  ASSERT_TRUE(foreign.has_value());
  EXPECT_NE(foreign->find("not one the scheduler produces"), std::string::npos) << *foreign;
  KernelPlan bad_dim;
  bad_dim.tile[0] = {5, 4};  // the output has two dimensions
  EXPECT_TRUE(record_plan_problem(bad_dim, lowered_, group_, target_).has_value());
  KernelPlan local;
  local.local = {16, 16, 8, 8, 128, 1, true, 1};
  local.work_group_size = 256;
  target_.local_memory_bytes = 1024;
  const std::optional<std::string> no_room = record_plan_problem(local, lowered_, group_, target_);
  ASSERT_TRUE(no_room.has_value());
  EXPECT_NE(no_room->find("__local memory"), std::string::npos) << *no_room;
}

}  // namespace
}  // namespace tartan
