/* SPDX-License-Identifier: GPL-3.0-or-later */
/* entry.c — libFuzzer's entry point for one harness, SLX_FUZZ_RUN
 * (scripts/fuzz --build compiles this once per harness). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SLX_FUZZ_RUN(data, size);
    return 0;
}
