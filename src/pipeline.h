/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pipeline.h — one document through every stage.
 *
 *   read (read.c, decode.c, read_text.c) → normalize (normalize.c, inside
 *   segment) → segment (segment.c) → match (match.c) → classify
 *   (classify.c) → extract (extract.c) → the record (record.h) that the
 *   writers print. */
#ifndef SLX_PIPELINE_H
#define SLX_PIPELINE_H

#include "extract.h"
#include "patterns.h"
#include "read.h"
#include "record.h"

/* Process the file at PATH.  Never fails: a document that cannot be read
 * comes back with record->error set and no items. */
SlxRecord *slx_process_file(const char *path, const SlxReadOptions *opts,
                            const SlxPatterns *patterns, const SlxExtractor *extractor);

/* The same, reading PATH for the document the record names NAME (standard
 * input, "-", is read from a copy of it). */
SlxRecord *slx_process_named(const char *path, const char *name, const SlxReadOptions *opts,
                             const SlxPatterns *patterns, const SlxExtractor *extractor);

/* The stages after reading: DOC's blocks segmented, matched, classified
 * and extracted into R (the reader's warnings are the caller's). */
void slx_process_blocks(SlxRecord *r, const SlxDocument *doc, const SlxPatterns *patterns,
                        const SlxExtractor *extractor);

#endif
