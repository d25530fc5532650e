// OpenBLAS (CBLAS) and LAPACKE, from Debian's `libopenblas-dev` and `liblapacke-dev`.
// Debian installs cblas.h in the multiarch include directory (an alternatives link).
#pragma once
#if __has_include(<cblas.h>)
#include <cblas.h>
#elif __has_include(<x86_64-linux-gnu/cblas.h>)
#include <x86_64-linux-gnu/cblas.h>
#elif __has_include(<aarch64-linux-gnu/cblas.h>)
#include <aarch64-linux-gnu/cblas.h>
#else
#error "cblas.h not found: install libopenblas-dev"
#endif
#include <lapacke.h>
