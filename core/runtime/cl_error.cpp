#include "tartan/runtime/cl_error.h"

namespace tartan::runtime {
namespace {

// How a user can act on the statuses that reach users in practice.
std::string hint_for(cl_int status) {
  switch (status) {
    case CL_OUT_OF_RESOURCES:
      return "the device ran out of registers, local memory or other resources, or a kernel "
             "accessed memory out of bounds; try a smaller batch or another schedule, and report "
             "it if it persists";
    case CL_MEM_OBJECT_ALLOCATION_FAILURE:
    case CL_OUT_OF_HOST_MEMORY:
    case CL_INVALID_BUFFER_SIZE:
      return "the device or host is out of memory; use a smaller batch size or close other "
             "programs using the device";
    case CL_DEVICE_NOT_AVAILABLE:
      return "the device is busy or disabled; check `clinfo` and other programs using it";
    case CL_COMPILER_NOT_AVAILABLE:
      return "this OpenCL driver has no kernel compiler; install the full driver package";
    case CL_PLATFORM_NOT_FOUND_KHR:
      return "no OpenCL driver is installed; install pocl-opencl-icd (CPU) or your GPU "
             "vendor's OpenCL driver, then check `clinfo`";
    default:
      return "this is likely a bug in tartan or the OpenCL driver; please report it with the "
             "output of `clinfo`";
  }
}

}  // namespace

std::string cl_status_name(cl_int status) {
  switch (status) {
#define TARTAN_CL_STATUS(code) \
  case code:                   \
    return #code;
    TARTAN_CL_STATUS(CL_SUCCESS)
    TARTAN_CL_STATUS(CL_DEVICE_NOT_FOUND)
    TARTAN_CL_STATUS(CL_DEVICE_NOT_AVAILABLE)
    TARTAN_CL_STATUS(CL_COMPILER_NOT_AVAILABLE)
    TARTAN_CL_STATUS(CL_MEM_OBJECT_ALLOCATION_FAILURE)
    TARTAN_CL_STATUS(CL_OUT_OF_RESOURCES)
    TARTAN_CL_STATUS(CL_OUT_OF_HOST_MEMORY)
    TARTAN_CL_STATUS(CL_PROFILING_INFO_NOT_AVAILABLE)
    TARTAN_CL_STATUS(CL_MEM_COPY_OVERLAP)
    TARTAN_CL_STATUS(CL_IMAGE_FORMAT_MISMATCH)
    TARTAN_CL_STATUS(CL_IMAGE_FORMAT_NOT_SUPPORTED)
    TARTAN_CL_STATUS(CL_BUILD_PROGRAM_FAILURE)
    TARTAN_CL_STATUS(CL_MAP_FAILURE)
    TARTAN_CL_STATUS(CL_MISALIGNED_SUB_BUFFER_OFFSET)
    TARTAN_CL_STATUS(CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST)
    TARTAN_CL_STATUS(CL_COMPILE_PROGRAM_FAILURE)
    TARTAN_CL_STATUS(CL_LINKER_NOT_AVAILABLE)
    TARTAN_CL_STATUS(CL_LINK_PROGRAM_FAILURE)
    TARTAN_CL_STATUS(CL_DEVICE_PARTITION_FAILED)
    TARTAN_CL_STATUS(CL_KERNEL_ARG_INFO_NOT_AVAILABLE)
    TARTAN_CL_STATUS(CL_INVALID_VALUE)
    TARTAN_CL_STATUS(CL_INVALID_DEVICE_TYPE)
    TARTAN_CL_STATUS(CL_INVALID_PLATFORM)
    TARTAN_CL_STATUS(CL_INVALID_DEVICE)
    TARTAN_CL_STATUS(CL_INVALID_CONTEXT)
    TARTAN_CL_STATUS(CL_INVALID_QUEUE_PROPERTIES)
    TARTAN_CL_STATUS(CL_INVALID_COMMAND_QUEUE)
    TARTAN_CL_STATUS(CL_INVALID_HOST_PTR)
    TARTAN_CL_STATUS(CL_INVALID_MEM_OBJECT)
    TARTAN_CL_STATUS(CL_INVALID_IMAGE_FORMAT_DESCRIPTOR)
    TARTAN_CL_STATUS(CL_INVALID_IMAGE_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_SAMPLER)
    TARTAN_CL_STATUS(CL_INVALID_BINARY)
    TARTAN_CL_STATUS(CL_INVALID_BUILD_OPTIONS)
    TARTAN_CL_STATUS(CL_INVALID_PROGRAM)
    TARTAN_CL_STATUS(CL_INVALID_PROGRAM_EXECUTABLE)
    TARTAN_CL_STATUS(CL_INVALID_KERNEL_NAME)
    TARTAN_CL_STATUS(CL_INVALID_KERNEL_DEFINITION)
    TARTAN_CL_STATUS(CL_INVALID_KERNEL)
    TARTAN_CL_STATUS(CL_INVALID_ARG_INDEX)
    TARTAN_CL_STATUS(CL_INVALID_ARG_VALUE)
    TARTAN_CL_STATUS(CL_INVALID_ARG_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_KERNEL_ARGS)
    TARTAN_CL_STATUS(CL_INVALID_WORK_DIMENSION)
    TARTAN_CL_STATUS(CL_INVALID_WORK_GROUP_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_WORK_ITEM_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_GLOBAL_OFFSET)
    TARTAN_CL_STATUS(CL_INVALID_EVENT_WAIT_LIST)
    TARTAN_CL_STATUS(CL_INVALID_EVENT)
    TARTAN_CL_STATUS(CL_INVALID_OPERATION)
    TARTAN_CL_STATUS(CL_INVALID_GL_OBJECT)
    TARTAN_CL_STATUS(CL_INVALID_BUFFER_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_MIP_LEVEL)
    TARTAN_CL_STATUS(CL_INVALID_GLOBAL_WORK_SIZE)
    TARTAN_CL_STATUS(CL_INVALID_PROPERTY)
    TARTAN_CL_STATUS(CL_INVALID_IMAGE_DESCRIPTOR)
    TARTAN_CL_STATUS(CL_INVALID_COMPILER_OPTIONS)
    TARTAN_CL_STATUS(CL_INVALID_LINKER_OPTIONS)
    TARTAN_CL_STATUS(CL_INVALID_DEVICE_PARTITION_COUNT)
    TARTAN_CL_STATUS(CL_PLATFORM_NOT_FOUND_KHR)
#undef TARTAN_CL_STATUS
    // Defined by OpenCL 2.0+ headers only; a 1.2 build can still receive them from a newer
    // driver.
    case -69:
      return "CL_INVALID_PIPE_SIZE";
    case -70:
      return "CL_INVALID_DEVICE_QUEUE";
    case -71:
      return "CL_INVALID_SPEC_ID";
    case -72:
      return "CL_MAX_SIZE_RESTRICTION_EXCEEDED";
    default:
      return "CL_UNKNOWN_STATUS(" + std::to_string(status) + ")";
  }
}

OpenCLError::OpenCLError(std::string call, cl_int status, std::string kernel, std::string details,
                         std::string hint)
    : Error("OpenCL call " + call + " failed with " + cl_status_name(status) + " (" +
                std::to_string(status) + ")" +
                (kernel.empty() ? "" : " for kernel '" + kernel + "'") +
                (details.empty() ? "" : "\n" + details),
            hint.empty() ? hint_for(status) : std::move(hint)),
      call_(std::move(call)),
      status_(status),
      kernel_(std::move(kernel)) {}

void throw_cl_error(cl_int status, std::string_view call, std::string_view kernel,
                    std::string_view details) {
  throw OpenCLError(std::string(call), status, std::string(kernel), std::string(details));
}

}  // namespace tartan::runtime
