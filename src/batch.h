/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.h — many documents through the pipeline in worker processes
 * bounded in time and memory, handed back one by one in input order. */
#ifndef SLX_BATCH_H
#define SLX_BATCH_H

#include "cache.h"
#include "pipeline.h"

/* Called in the calling thread, in input order; takes ownership of R. */
typedef void (*SlxRecordFn)(SlxRecord *r, gpointer user_data);

/* What one document may take. */
typedef struct {
    guint jobs;             /* documents read at a time (at least 1) */
    double timeout;         /* seconds a document may take; 0: no limit */
    guint64 max_memory;     /* bytes of address space a worker may take; 0: no limit */
} SlxBatchLimits;

/* The default --max-memory: far more than any checklist needs. */
#define SLX_DEFAULT_MAX_MEMORY ((guint64)4 << 30)

/* Process FILES (NULL-terminated) in worker processes, each document
 * within LIMITS, and give each record to FN in the order of FILES.  PATHS, if
 * not NULL, says where each is read from (standard input's copy for "-").
 * A worker that dies or overruns gives its document the error crashed or
 * timeout.  With CACHE (may be NULL), a document whose bytes it knows is
 * not read again, and every record read is kept in it.  Call it with no
 * other thread running: it forks. */
void slx_batch_run(char **files, char **paths, const SlxReadOptions *opts,
                   const SlxPatterns *patterns, const SlxExtractor *extractor,
                   const SlxBatchLimits *limits, SlxCache *cache, SlxRecordFn fn,
                   gpointer user_data);

#endif
