// The one include for the OpenCL C API. tartan targets OpenCL 1.2 so that every 1.2+ platform
// (NVIDIA, AMD, Intel, Apple, PoCL) works; the build defines CL_TARGET_OPENCL_VERSION=120.
#pragma once

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#include <CL/cl.h>
#include <CL/cl_ext.h>  // CL_PLATFORM_NOT_FOUND_KHR
