/* batch.h — many documents through the pipeline on a GThreadPool, handed
 * back one by one in input order. */
#ifndef SLX_BATCH_H
#define SLX_BATCH_H

#include "pipeline.h"

/* Called in the calling thread, in input order; takes ownership of R. */
typedef void (*SlxRecordFn)(SlxRecord *r, gpointer user_data);

/* Process FILES (NULL-terminated) with JOBS threads (1: in this thread)
 * and give each record to FN in the order of FILES.  At most 4 × JOBS
 * documents are in flight, so memory does not grow with the batch. */
void slx_batch_run(char **files, const SlxReadOptions *opts, const SlxPatterns *patterns,
                   const SlxExtractor *extractor, guint jobs, SlxRecordFn fn, gpointer user_data);

#endif
