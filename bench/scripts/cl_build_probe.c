// Measures an OpenCL driver's compiler on kernel files, outside tartan (issue 7, compile time):
//   cl_build_probe build OPTIONS OUTDIR FILE.cl...  builds each source on the first GPU (else
//     the first device), prints "build NAME SECONDS SOURCE_BYTES BINARY_BYTES" and writes the
//     binary (CL_PROGRAM_BINARIES) to OUTDIR/NAME.bin (OUTDIR "-": none written)
//   cl_build_probe load OPTIONS FILE.bin...  loads each binary, builds it and creates its
//     kernels (so a driver that finalises lazily does it here), prints "load NAME SECONDS"
// A failed build prints the status and the build log and exits 1.
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static char* slurp(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  *size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  char* data = malloc(*size + 1);
  if (fread(data, 1, *size, f) != *size) exit(1);
  data[*size] = 0;
  fclose(f);
  return data;
}

static const char* base(const char* path) {
  const char* slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static void check_build(cl_int status, cl_program p, cl_device_id dev, const char* what) {
  if (status == CL_SUCCESS) return;
  size_t n = 0;
  clGetProgramBuildInfo(p, dev, CL_PROGRAM_BUILD_LOG, 0, NULL, &n);
  char* log = malloc(n + 1);
  clGetProgramBuildInfo(p, dev, CL_PROGRAM_BUILD_LOG, n, log, NULL);
  log[n] = 0;
  printf("FAILED %s: status %d\n%s\n", what, status, log);
  exit(1);
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s build OPTIONS OUTDIR FILE.cl... | load OPTIONS FILE.bin...\n",
            argv[0]);
    return 2;
  }
  cl_platform_id platforms[8];
  cl_uint np = 0;
  clGetPlatformIDs(8, platforms, &np);
  cl_device_id dev = NULL;
  for (cl_uint i = 0; i < np && !dev; ++i) {
    clGetDeviceIDs(platforms[i], CL_DEVICE_TYPE_GPU, 1, &dev, NULL);
  }
  if (!dev && np > 0) clGetDeviceIDs(platforms[0], CL_DEVICE_TYPE_ALL, 1, &dev, NULL);
  if (!dev) {
    fprintf(stderr, "no OpenCL device\n");
    return 1;
  }
  cl_int status = CL_SUCCESS;
  const double t0 = now();
  cl_context ctx = clCreateContext(NULL, 1, &dev, NULL, NULL, &status);
  printf("context %.3f\n", now() - t0);
  const int build = strcmp(argv[1], "build") == 0;
  const char* options = argv[2];
  const int first = build ? 4 : 3;
  double total = 0;
  for (int i = first; i < argc; ++i) {
    size_t size = 0;
    char* data = slurp(argv[i], &size);
    const double start = now();
    cl_program p;
    if (build) {
      const char* text = data;
      p = clCreateProgramWithSource(ctx, 1, &text, &size, &status);
    } else {
      const unsigned char* bytes = (const unsigned char*)data;
      cl_int bin_status = CL_SUCCESS;
      p = clCreateProgramWithBinary(ctx, 1, &dev, &size, &bytes, &bin_status, &status);
    }
    check_build(clBuildProgram(p, 1, &dev, options, NULL, NULL), p, dev, argv[i]);
    cl_kernel kernels[16];
    cl_uint nk = 0;
    clCreateKernelsInProgram(p, 16, kernels, &nk);
    const double seconds = now() - start;
    total += seconds;
    if (build) {
      size_t bin_size = 0;
      clGetProgramInfo(p, CL_PROGRAM_BINARY_SIZES, sizeof bin_size, &bin_size, NULL);
      printf("build %s %.3f %zu %zu\n", base(argv[i]), seconds, size, bin_size);
      if (strcmp(argv[3], "-") != 0) {
        unsigned char* bin = malloc(bin_size);
        clGetProgramInfo(p, CL_PROGRAM_BINARIES, sizeof bin, &bin, NULL);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.bin", argv[3], base(argv[i]));
        FILE* f = fopen(path, "wb");
        fwrite(bin, 1, bin_size, f);
        fclose(f);
        free(bin);
      }
    } else {
      printf("load %s %.3f\n", base(argv[i]), seconds);
    }
    for (cl_uint k = 0; k < nk; ++k) clReleaseKernel(kernels[k]);
    clReleaseProgram(p);
    free(data);
  }
  printf("total %.3f over %d files\n", total, argc - first);
  clReleaseContext(ctx);
  return 0;
}
