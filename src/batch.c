/* batch.c — many documents through the pipeline, in parallel, in order.
 *
 * The patterns and the extractor are read-only once loaded (GRegex
 * matching, hash lookups), and every stage keeps its state on the stack or
 * in the record, so workers share them without locks.  Records come back
 * out of order; the calling thread waits for each in turn. */
#include "batch.h"

typedef struct {
    char **files;
    const SlxReadOptions *opts;
    const SlxPatterns *patterns;
    const SlxExtractor *extractor;
    SlxRecord **done;          /* done[i]: the record of files[i], once ready */
    GMutex lock;
    GCond ready;
} Batch;

static void
work(gpointer task, gpointer data)
{
    Batch *b = data;
    gsize i = GPOINTER_TO_SIZE(task) - 1;     /* tasks are index + 1: never NULL */
    SlxRecord *r = slx_process_file(b->files[i], b->opts, b->patterns, b->extractor);
    g_mutex_lock(&b->lock);
    b->done[i] = r;
    g_cond_broadcast(&b->ready);
    g_mutex_unlock(&b->lock);
}

void
slx_batch_run(char **files, const SlxReadOptions *opts, const SlxPatterns *patterns,
              const SlxExtractor *extractor, guint jobs, SlxRecordFn fn, gpointer user_data)
{
    gsize n = g_strv_length(files);
    if (jobs <= 1 || n <= 1) {
        for (gsize i = 0; i < n; i++)
            fn(slx_process_file(files[i], opts, patterns, extractor), user_data);
        return;
    }
    Batch b = {files, opts, patterns, extractor, g_new0(SlxRecord *, n), {0}, {0}};
    g_mutex_init(&b.lock);
    g_cond_init(&b.ready);
    GThreadPool *pool = g_thread_pool_new(work, &b, (gint)jobs, FALSE, NULL);
    gsize window = (gsize)jobs * 4, pushed = 0;
    for (; pushed < n && pushed < window; pushed++)
        g_thread_pool_push(pool, GSIZE_TO_POINTER(pushed + 1), NULL);
    for (gsize i = 0; i < n; i++) {
        g_mutex_lock(&b.lock);
        while (b.done[i] == NULL)
            g_cond_wait(&b.ready, &b.lock);
        SlxRecord *r = b.done[i];
        b.done[i] = NULL;
        g_mutex_unlock(&b.lock);
        if (pushed < n)
            g_thread_pool_push(pool, GSIZE_TO_POINTER(++pushed), NULL);
        fn(r, user_data);
    }
    g_thread_pool_free(pool, FALSE, TRUE);
    g_cond_clear(&b.ready);
    g_mutex_clear(&b.lock);
    g_free(b.done);
}
