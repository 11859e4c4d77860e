#include "codegen/group_reduce.h"

#include "codegen/opencl_dialect.h"

namespace tartan {

std::string write_group_roles(const GroupReduce& r, std::int64_t total, CodeWriter& body) {
  const std::string t = std::to_string(r.threads), g = std::to_string(r.outputs);
  body.line("const int lid = (int)get_local_id(0);");
  body.line("const int slice = " + (r.threads_inner ? "lid % " + t : "lid / " + g) + ";");
  body.line("const size_t out_id = get_group_id(0) * " + g + " + " +
            (r.threads_inner ? "lid / " + t : "lid % " + g) + ";");
  body.line("const size_t gid = out_id < " + std::to_string(total) +
            " ? out_id : " + std::to_string(total - 1) + ";");
  return "slice == 0 && out_id < " + std::to_string(total);
}

void write_group_combine(
    const GroupReduce& r, std::string_view acc_type, const std::string& acc,
    const std::string& reached,
    const std::function<std::string(const std::string&, const std::string&)>& fold,
    CodeWriter& body) {
  const std::string n = std::to_string(r.threads * r.outputs);
  const std::string local(opencl::kLocal);
  body.line(local + " " + std::string(acc_type) + " red_acc[" + n + "];");
  if (!reached.empty()) body.line(local + " int red_reached[" + n + "];");
  body.line("red_acc[lid] = " + acc + ";");
  if (!reached.empty()) body.line("red_reached[lid] = " + reached + ";");
  body.line(opencl::kLocalBarrier);
  // Step s: share k < s folds in share k + s, which the previous step (or the stores above)
  // wrote before the barrier; no share below s is read in this step, so the writes to them do
  // not race with the reads. After the last step only share 0's registers matter.
  for (int s = r.threads / 2; s >= 1; s /= 2) {
    const bool last = s == 1;
    const std::string other = "lid + " + std::to_string(r.threads_inner ? s : s * r.outputs);
    body.open("if (slice < " + std::to_string(s) + ")");
    if (reached.empty()) {
      body.line(fold(acc, "red_acc[" + other + "]"));
    } else {
      body.open("if (red_reached[" + other + "])");
      body.line(fold(acc, "red_acc[" + other + "]"));
      body.line(reached + " = 1;");
      body.close();
      if (!last) body.line("red_reached[lid] = " + reached + ";");
    }
    if (!last) body.line("red_acc[lid] = " + acc + ";");
    body.close();
    if (!last) body.line(opencl::kLocalBarrier);
  }
}

}  // namespace tartan
