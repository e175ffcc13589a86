/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c — many documents through the pipeline, each in a worker process
 * of its own, in parallel, handed back in order.
 *
 * A vendor document can make a library crash, loop or take gigabytes
 * (Poppler's cairo backend keeps an image of every Type 3 glyph it draws:
 * tests/upstream/).  So every document is read in a fork of this process:
 * bounded in address space (--max-memory) and in time (--timeout, the
 * worker is killed), and a worker that dies costs its document a record
 * with the error crashed or timeout, never the batch.  The batch itself is
 * one thread that forks, polls the workers' pipes and waits for them: a
 * fork of a process with other threads could inherit a lock one of them
 * held, so there are none.  A worker packs its record (record_wire.c) and
 * exits; the batch unpacks it and hands the records over in the order of
 * the files, with at most 4 × JOBS documents between the first not yet
 * handed over and the last started.  With a cache (cache.c), a document
 * whose bytes it knows is not read at all. */
#define _GNU_SOURCE
#include "batch.h"
#include "child.h"
#include "error.h"
#include "record_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    pid_t pid;
    int fd;               /* the read end of the worker's pipe */
    gsize index;          /* of the file it reads */
    gint64 deadline;      /* monotonic µs; 0: none */
    gboolean killed;      /* past its deadline, killed */
    GByteArray *bytes;
} Worker;

typedef struct {
    char **files;
    char **paths;         /* where files[i] is read from */
    gsize n;
    const SlxReadOptions *opts;
    const SlxPatterns *patterns;
    const SlxExtractor *extractor;
    const SlxBatchLimits *limits;
    SlxCache *cache;      /* NULL: none */
    GArray *workers;      /* Worker, those running */
    SlxRecord **done;     /* done[i]: the record of files[i] until handed over */
} Batch;

/* ---- the worker ---------------------------------------------------------- */

static void G_GNUC_NORETURN
batch_worker(Batch *b, gsize index, int out, pid_t batch)
{
    /* A batch stopped (^C) takes its workers with it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != batch)
        _exit(4);
    /* What the batch does on SIGINT (remove its temporary output) is the
     * batch's; the worker just ends. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    slx_child_limit_memory(b->limits->max_memory);
    SlxRecord *r = slx_process_named(b->paths[index], b->files[index], b->opts, b->patterns,
                                     b->extractor);
    GByteArray *bytes = g_byte_array_new();
    slx_record_pack(r, bytes);
    /* No atexit handlers: the batch's output is the batch's. */
    slx_child_exit(slx_write_all(out, bytes->data, bytes->len) ? 0 : 3);
}

/* Start the worker for file INDEX; if none can be, its record (crashed)
 * is made here. */
static void
batch_start(Batch *b, gsize index)
{
    int pipefd[2];
    pid_t pid = -1, self = getpid();
    if (pipe2(pipefd, O_CLOEXEC) == 0) {
        pid = fork();
        if (pid == 0) {
            close(pipefd[0]);
            for (guint i = 0; i < b->workers->len; i++)
                close(g_array_index(b->workers, Worker, i).fd);
            batch_worker(b, index, pipefd[1], self);
        }
        close(pipefd[1]);
        if (pid < 0)
            close(pipefd[0]);
    }
    if (pid < 0) {
        SlxRecord *r = slx_record_new(b->files[index]);
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_CRASHED, "no worker could be started: %s",
                    g_strerror(errno));
        b->done[index] = r;
        return;
    }
    Worker w = {pid, pipefd[0], index, 0, FALSE, g_byte_array_new()};
    if (b->limits->timeout > 0)
        w.deadline = g_get_monotonic_time() + (gint64)(b->limits->timeout * G_USEC_PER_SEC);
    g_array_append_val(b->workers, w);
}

/* The record of a worker that has ended with STATUS. */
static SlxRecord *
batch_record(Batch *b, Worker *w, int status)
{
    const char *file = b->files[w->index];
    SlxRecord *r = NULL;
    if (!w->killed && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        r = slx_record_unpack(w->bytes->data, w->bytes->len, file, b->patterns, TRUE);
    if (r)
        return r;
    r = slx_record_new(file);
    if (w->killed) {
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_TIMEOUT,
                    "not read within --timeout %g s: its worker was stopped", b->limits->timeout);
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        /* GLib's failed allocation traps (g_error), a library's aborts. */
        gboolean memory = b->limits->max_memory > 0 && (sig == SIGTRAP || sig == SIGABRT ||
                                                        sig == SIGSEGV || sig == SIGBUS);
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_CRASHED,
                    "the worker reading it died (%s)%s", strsignal(sig),
                    memory ? ", perhaps past --max-memory" : "");
    } else {
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_CRASHED,
                    "the worker reading it ended without its record (status %d)",
                    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    return r;
}

/* ---- the batch ------------------------------------------------------------ */

/* Wait until a worker has something to say or a deadline passes, and read
 * it; a worker at its end is reaped and its record put in done[]. */
static void
batch_poll(Batch *b)
{
    guint n = b->workers->len;
    g_autofree struct pollfd *fds = g_new0(struct pollfd, n);
    gint64 now = g_get_monotonic_time(), wait = -1;
    for (guint i = 0; i < n; i++) {
        Worker *w = &g_array_index(b->workers, Worker, i);
        fds[i].fd = w->fd;
        fds[i].events = POLLIN;
        if (w->deadline > 0 && !w->killed) {
            gint64 left = MAX(0, (w->deadline - now) / 1000 + 1);
            wait = wait < 0 ? left : MIN(wait, left);
        }
    }
    int ready = poll(fds, n, (int)MIN(wait, G_MAXINT));
    if (ready < 0 && errno != EINTR)
        g_error("poll: %s", g_strerror(errno));
    now = g_get_monotonic_time();
    for (guint i = n; i-- > 0;) {
        Worker *w = &g_array_index(b->workers, Worker, i);
        if (w->deadline > 0 && !w->killed && now >= w->deadline) {
            kill(w->pid, SIGKILL);
            w->killed = TRUE;
        }
        if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        guint8 buf[1 << 16];
        ssize_t got = read(w->fd, buf, sizeof buf);
        if (got > 0) {
            g_byte_array_append(w->bytes, buf, (guint)got);
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        close(w->fd);
        int status = 0;
        while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
            ;
        b->done[w->index] = batch_record(b, w, status);
        if (b->cache)
            slx_cache_put(b->cache, b->done[w->index]);
        g_byte_array_unref(w->bytes);
        g_array_remove_index_fast(b->workers, i);
    }
}

/* The record the cache keeps for file INDEX's bytes, put in done[]; FALSE
 * if it has none (the document is to be read). */
static gboolean
batch_from_cache(Batch *b, gsize index)
{
    if (b->cache == NULL)
        return FALSE;
    g_autofree char *sha = slx_cache_file_digest(b->paths[index], b->opts ? b->opts->max_bytes : 0);
    SlxRecord *r = sha ? slx_cache_get(b->cache, sha, b->files[index]) : NULL;
    b->done[index] = r;
    return r != NULL;
}

void
slx_batch_run(char **files, char **paths, const SlxReadOptions *opts,
              const SlxPatterns *patterns, const SlxExtractor *extractor,
              const SlxBatchLimits *limits, SlxCache *cache, SlxRecordFn fn, gpointer user_data)
{
    Batch b = {files, paths ? paths : files, g_strv_length(files), opts, patterns, extractor,
               limits, cache, g_array_new(FALSE, FALSE, sizeof(Worker)), NULL};
    b.done = g_new0(SlxRecord *, b.n + 1);
    guint jobs = MAX(limits->jobs, 1);
    gsize next = 0, handed = 0, window = (gsize)jobs * 4;
    while (handed < b.n) {
        while (b.workers->len < jobs && next < b.n && next < handed + window) {
            if (!batch_from_cache(&b, next))
                batch_start(&b, next);
            next++;
        }
        while (handed < b.n && b.done[handed]) {
            fn(b.done[handed], user_data);
            b.done[handed++] = NULL;
        }
        if (b.workers->len > 0 && handed < b.n && b.done[handed] == NULL)
            batch_poll(&b);
    }
    g_array_free(b.workers, TRUE);
    g_free(b.done);
}
