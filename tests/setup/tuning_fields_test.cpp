// The device profiles' tuning keys come from one table per stage (tartan/schedule/tuning.h):
// every row is read from YAML into its own member, bounded, and documented in
// configs/README.md, so a new knob is checked here the moment it has a row.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tartan/schedule/device_profile.h"
#include "tartan/schedule/tuning.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

std::string number(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

Tuning parse_tuning_text(const std::string& key, const std::string& value) {
  return parse_profile(
             "tier: validated\nselectors:\n  vendor: x\ntuning:\n  " + key + ": " + value + "\n",
             "/p/t.yaml")
      .tuning;
}

// The row's member of the stage `S` of `t`.
template <class S>
double value_of(const Tuning& t, const Field<S>& f) {
  const S& stage = t;
  return field_value(stage, f);
}

// Each row: documented, its smallest and largest allowed values read into its member(s), and a
// value past its bound refused with the file, line and key.
template <class S>
void check_rows(FieldTable<S> table, const std::string& readme) {
  for (const Field<S>& f : table) {
    const std::string key(f.name);
    SCOPED_TRACE(key);
    EXPECT_NE(readme.find("  " + key + ":"), std::string::npos)
        << "undocumented in configs/README.md";
    if (is_bool_field(f)) {
      const Tuning on = parse_tuning_text(key, "true"), off = parse_tuning_text(key, "false");
      EXPECT_EQ(value_of<S>(on, f), 1);
      EXPECT_EQ(value_of<S>(off, f), 0);
      continue;
    }
    for (const double v :
         {f.only.empty() ? f.lo : f.only.front(), f.only.empty() ? f.hi : f.only.back()}) {
      const std::string text = f.second ? "[" + number(v) + ", " + number(v) + "]" : number(v);
      const Tuning t = parse_tuning_text(key, text);
      EXPECT_EQ(value_of<S>(t, f), v) << text;
      if (f.second != nullptr) {
        EXPECT_EQ(static_cast<const S&>(t).*f.second, v);
      }
    }
    const std::string past = number(f.hi + 1);
    std::string what;
    try {
      parse_tuning_text(key, f.second ? "[" + past + ", " + number(f.lo) + "]" : past);
    } catch (const Error& e) {
      what = e.what();
    }
    EXPECT_NE(what.find("/p/t.yaml:5"), std::string::npos) << what;
    EXPECT_NE(what.find("'" + key + "'"), std::string::npos) << what;
  }
}

TEST(TuningFields, EveryRowIsReadBoundedAndDocumented) {
  std::ifstream in(std::string(TARTAN_PROFILES_SOURCE_DIR) + "/../README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  ASSERT_FALSE(readme.str().empty());
  check_rows<PassTuning>(kPassTuningFields, readme.str());
  check_rows<ScheduleTuning>(kScheduleTuningFields, readme.str());
  check_rows<BuildTuning>(kBuildTuningFields, readme.str());
}

}  // namespace
}  // namespace tartan
