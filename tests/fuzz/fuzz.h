/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h — what the fuzz harnesses share.
 *
 * Each harness slx_fuzz_NAME(data, size) takes one input through one
 * stage (fuzz_readers.c, fuzz_stages.c) or the whole pipeline
 * (fuzz_pipeline.c).  `make fuzz` (scripts/fuzz --build) links each with
 * entry.c into a libFuzzer binary built by clang with ASan and UBSan;
 * `make check` links them all into tests/test_fuzz_regress, which replays
 * every input of tests/fuzz/regress/NAME/ (what fuzzing found, fixed and
 * kept as a test). */
#ifndef SLX_FUZZ_H
#define SLX_FUZZ_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "extract.h"
#include "patterns.h"

/* The source tree's patterns and their extractor, loaded on first use and
 * kept for the process: every input is read with the same vocabulary. */
const SlxPatterns *slx_fuzz_patterns(void);
const SlxExtractor *slx_fuzz_extractor(void);

void slx_fuzz_read_text(const uint8_t *data, size_t size);
void slx_fuzz_read_html(const uint8_t *data, size_t size);
void slx_fuzz_read_email(const uint8_t *data, size_t size);
void slx_fuzz_read_pdf(const uint8_t *data, size_t size);
void slx_fuzz_read_workbook(const uint8_t *data, size_t size);
void slx_fuzz_sheet_xml(const uint8_t *data, size_t size);
void slx_fuzz_pdf_rules(const uint8_t *data, size_t size);
void slx_fuzz_normalize(const uint8_t *data, size_t size);
void slx_fuzz_extract(const uint8_t *data, size_t size);
void slx_fuzz_patterns_file(const uint8_t *data, size_t size);
void slx_fuzz_requirements(const uint8_t *data, size_t size);
void slx_fuzz_pipeline(const uint8_t *data, size_t size);

#endif
