/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c — many documents through the pipeline in worker processes, in
 * parallel, handed back in order.
 *
 * A vendor document can make a library crash, loop or take gigabytes
 * (Poppler's cairo backend keeps an image of every Type 3 glyph it draws:
 * tests/upstream/).  So documents are read in forks of this process:
 * bounded in address space (--max-memory) and in time (--timeout, the
 * worker is killed), and a worker that dies costs the document it was
 * reading a record with the error crashed or timeout, never the batch.
 *
 * A worker reads one document at a time and then the next it is given:
 * the batch sends it the document's index over a socket and the worker
 * sends back the packed record (record_wire.c).  Forking for each
 * document had cost as much as reading a text document (the page tables
 * copied, every page the pipeline touches faulted in again).  A busy
 * worker is sent the next document before it finishes the one it reads
 * (WORKER_QUEUE): it then goes on without waiting for the batch to take
 * its record, and the batch packs records into JSON while workers read,
 * where the two had taken turns (a text document's record costs the
 * batch an eighth of its reading, and every turn woke a process).  A
 * document sent to a worker that died before reading it is given to
 * another: only the one it was reading is lost.  A worker is
 * retired, and a fresh one forked, after WORKER_DOCUMENTS documents or
 * once it has held more than WORKER_RETIRE_KIB, so that no document is
 * read in the leftovers of many others: what one document leaves behind
 * (a font cache, a fragmented heap) does not count against the next
 * one's --max-memory for long.
 *
 * The batch itself is one thread that forks, polls the workers and waits
 * for them: a fork of a process with other threads could inherit a lock
 * one of them held, so there are none.  Records are handed over in the
 * order of the files, with at most 4 × JOBS documents between the first
 * not yet handed over and the last started.  With a cache (cache.c), a
 * document whose bytes it knows is not read at all. */
#define _GNU_SOURCE
#include "batch.h"
#include "child.h"
#include "error.h"
#include "record_wire.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* How long a worker serves, and how many documents it holds (the one it
 * reads and those sent behind it); see the top of the file. */
#define WORKER_DOCUMENTS 64
#define WORKER_RETIRE_KIB ((guint64)256 * 1024)
#define WORKER_QUEUE 2

/* What precedes a packed record on a worker's socket. */
typedef struct {
    guint64 length;       /* of the packed record that follows */
    guint64 peak_kib;     /* the worker's peak resident memory so far */
} Frame;

typedef struct {
    pid_t pid;
    int fd;               /* the batch's end of the worker's socket */
    gsize queue[WORKER_QUEUE];   /* the files sent to it, the first the one it reads */
    guint queued;         /* of queue[]; 0 when idle */
    guint served;         /* documents given to it */
    gboolean retiring;    /* to be given no more */
    gint64 deadline;      /* for queue[0], monotonic µs; 0: none */
    gboolean killed;      /* past its deadline, killed */
    GByteArray *bytes;    /* what has come of the record in progress */
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
    GArray *redo;         /* gsize: files sent to a worker that ended before reading them */
    SlxRecord **done;     /* done[i]: the record of files[i] until handed over */
} Batch;

/* ---- the worker ---------------------------------------------------------- */

static guint64
batch_peak_kib(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? (guint64)ru.ru_maxrss : 0;
}

/* Read the documents the batch names on FD, one at a time, until it
 * closes its end. */
static void G_GNUC_NORETURN
batch_worker(Batch *b, int fd, pid_t batch)
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
    guint64 index;
    while (slx_read_all(fd, &index, sizeof index)) {
        if (index >= b->n)
            slx_child_exit(3);
        SlxRecord *r = slx_process_named(b->paths[index], b->files[index], b->opts,
                                         b->patterns, b->extractor);
        GByteArray *bytes = g_byte_array_new();
        Frame frame = {0};
        g_byte_array_append(bytes, (const guint8 *)&frame, sizeof frame);
        slx_record_pack(r, bytes);
        slx_record_free(r);
        frame.length = bytes->len - sizeof frame;
        frame.peak_kib = batch_peak_kib();
        memcpy(bytes->data, &frame, sizeof frame);
        gboolean sent = slx_write_all(fd, bytes->data, bytes->len);
        g_byte_array_unref(bytes);
        if (!sent)
            slx_child_exit(3);
    }
    /* No atexit handlers: the batch's output is the batch's. */
    slx_child_exit(0);
}

/* A new idle worker, or NULL if none could be forked (errno says why). */
static Worker *
batch_fork_worker(Batch *b)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return NULL;
    pid_t self = getpid(), pid = fork();
    if (pid == 0) {
        close(sv[0]);
        for (guint i = 0; i < b->workers->len; i++)
            close(g_array_index(b->workers, Worker, i).fd);
        batch_worker(b, sv[1], self);
    }
    int saved = errno;
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        errno = saved;
        return NULL;
    }
    Worker w = {pid, sv[0], {0}, 0, 0, FALSE, 0, FALSE, g_byte_array_new()};
    g_array_append_val(b->workers, w);
    return &g_array_index(b->workers, Worker, b->workers->len - 1);
}

/* How many workers may read at once. */
static guint
batch_jobs(const Batch *b)
{
    return MAX(b->limits->jobs, 1);
}

/* Whether W may be sent another document. */
static gboolean
batch_worker_has_room(const Worker *w)
{
    return !w->retiring && w->queued < WORKER_QUEUE;
}

static guint
batch_busy(const Batch *b)
{
    guint busy = 0;
    for (guint i = 0; i < b->workers->len; i++)
        busy += g_array_index(b->workers, Worker, i).queued > 0;
    return busy;
}

/* Whether a worker can take another document: one has room in its
 * queue, or fewer than JOBS are reading and another can be forked. */
static gboolean
batch_has_room(const Batch *b)
{
    for (guint i = 0; i < b->workers->len; i++)
        if (batch_worker_has_room(&g_array_index(b->workers, Worker, i)))
            return TRUE;
    return batch_busy(b) < batch_jobs(b);
}

/* The worker to send the next document to (batch_has_room() said there
 * is one): an idle one; else a new one, while fewer than JOBS are
 * reading; else the one with the fewest queued.  NULL when a worker was
 * needed and none could be forked (errno says why). */
static Worker *
batch_pick_worker(Batch *b)
{
    Worker *roomy = NULL;
    for (guint i = 0; i < b->workers->len; i++) {
        Worker *w = &g_array_index(b->workers, Worker, i);
        if (!batch_worker_has_room(w))
            continue;
        if (w->queued == 0)
            return w;
        if (roomy == NULL || w->queued < roomy->queued)
            roomy = w;
    }
    if (roomy == NULL || batch_busy(b) < batch_jobs(b))
        return batch_fork_worker(b);
    return roomy;
}

/* W starts on the document at the head of its queue: its time runs. */
static void
batch_start_clock(const Batch *b, Worker *w)
{
    w->deadline = 0;
    if (w->queued > 0 && b->limits->timeout > 0)
        w->deadline = g_get_monotonic_time() + (gint64)(b->limits->timeout * G_USEC_PER_SEC);
}

/* Give file INDEX to a worker (batch_has_room() said one can take it);
 * if none can, its record (crashed) is made here. */
static void
batch_start(Batch *b, gsize index)
{
    Worker *w = batch_pick_worker(b);
    guint64 wire = index;
    /* MSG_NOSIGNAL: a worker that has died must not take the batch with
     * it (SIGPIPE); its end is seen when the batch next polls it. */
    if (w && send(w->fd, &wire, sizeof wire, MSG_NOSIGNAL) != (ssize_t)sizeof wire) {
        w->retiring = TRUE;
        w = batch_fork_worker(b);
        if (w && send(w->fd, &wire, sizeof wire, MSG_NOSIGNAL) != (ssize_t)sizeof wire) {
            w->retiring = TRUE;
            w = NULL;
        }
    }
    if (w == NULL) {
        SlxRecord *r = slx_record_new(b->files[index]);
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_CRASHED, "no worker could be started: %s",
                    g_strerror(errno));
        b->done[index] = r;
        return;
    }
    w->queue[w->queued++] = index;
    if (++w->served >= WORKER_DOCUMENTS)
        w->retiring = TRUE;
    if (w->queued == 1)
        batch_start_clock(b, w);
}

/* The record of a document whose worker ended, with STATUS, before
 * sending it. */
static SlxRecord *
batch_lost_record(Batch *b, const Worker *w, int status)
{
    SlxRecord *r = slx_record_new(b->files[w->queue[0]]);
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

/* The document W reads is done: its record in done[] and the cache; W
 * goes on to the next it holds. */
static void
batch_finish(Batch *b, Worker *w, SlxRecord *r)
{
    b->done[w->queue[0]] = r;
    if (b->cache)
        slx_cache_put(b->cache, r);
    w->queued--;
    memmove(w->queue, w->queue + 1, w->queued * sizeof w->queue[0]);
    batch_start_clock(b, w);
}

/* If W's bytes hold its whole record, take it; a record that does not
 * unpack is the worker's fault, and the worker is retired.  FALSE when
 * they do not (yet). */
static gboolean
batch_take_frame(Batch *b, Worker *w)
{
    Frame frame;
    if (w->queued == 0 || w->bytes->len < sizeof frame)
        return FALSE;
    memcpy(&frame, w->bytes->data, sizeof frame);
    if (w->bytes->len - sizeof frame < frame.length)
        return FALSE;
    guint64 retire_kib = WORKER_RETIRE_KIB;
    if (b->limits->max_memory > 0)
        retire_kib = MIN(retire_kib, b->limits->max_memory / 4 / 1024);
    /* It reads the document already sent behind this one, if any: one
     * more in a heap past the mark, within --max-memory still. */
    if (frame.peak_kib > retire_kib)
        w->retiring = TRUE;
    SlxRecord *r = slx_record_unpack(w->bytes->data + sizeof frame, frame.length,
                                     b->files[w->queue[0]], b->patterns, TRUE);
    if (r == NULL) {
        w->retiring = TRUE;
        r = slx_record_new(b->files[w->queue[0]]);
        g_set_error(&r->error, SLX_ERROR, SLX_ERROR_CRASHED,
                    "the worker reading it sent a record that could not be read");
    }
    g_byte_array_remove_range(w->bytes, 0, (guint)(sizeof frame + frame.length));
    batch_finish(b, w, r);
    return TRUE;
}

/* W has ended (its socket closed): reaped, the document it was reading,
 * if any, given its record, and those sent behind it given to another. */
static void
batch_reap(Batch *b, guint i)
{
    Worker *w = &g_array_index(b->workers, Worker, i);
    close(w->fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (w->queued > 0)
        batch_finish(b, w, batch_lost_record(b, w, status));
    g_array_append_vals(b->redo, w->queue, w->queued);
    g_byte_array_unref(w->bytes);
    g_array_remove_index_fast(b->workers, i);
}

/* ---- the batch ------------------------------------------------------------ */

/* Retired workers that are idle are told to end (their socket closed),
 * and reaped. */
static void
batch_retire(Batch *b)
{
    for (guint i = b->workers->len; i-- > 0;) {
        Worker *w = &g_array_index(b->workers, Worker, i);
        if (w->retiring && w->queued == 0) {
            shutdown(w->fd, SHUT_WR);
            batch_reap(b, i);
        }
    }
}

/* Wait until a worker has something to say or a deadline passes, and read
 * it; a worker at its end is reaped, and a record complete is put in
 * done[]. */
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
            while (batch_take_frame(b, w))
                ;
        } else if (got == 0 || errno != EINTR) {
            batch_reap(b, i);
        }
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

/* Send workers what they have room for: first the files a worker that
 * ended held unread, then the next files, up to the one before LIMIT (the
 * window of files not yet handed over). */
static void
batch_hand_out(Batch *b, gsize *next, gsize limit)
{
    while (b->redo->len > 0 && batch_has_room(b)) {
        batch_start(b, g_array_index(b->redo, gsize, 0));
        g_array_remove_index(b->redo, 0);
    }
    for (; *next < b->n && *next < limit && batch_has_room(b); (*next)++)
        if (!batch_from_cache(b, *next))
            batch_start(b, *next);
}

void
slx_batch_run(char **files, char **paths, const SlxReadOptions *opts,
              const SlxPatterns *patterns, const SlxExtractor *extractor,
              const SlxBatchLimits *limits, SlxCache *cache, SlxRecordFn fn, gpointer user_data)
{
    Batch b = {files, paths ? paths : files, g_strv_length(files), opts, patterns, extractor,
               limits, cache, g_array_new(FALSE, FALSE, sizeof(Worker)),
               g_array_new(FALSE, FALSE, sizeof(gsize)), NULL};
    b.done = g_new0(SlxRecord *, b.n + 1);
    gsize next = 0, handed = 0, window = (gsize)batch_jobs(&b) * 4;
    while (handed < b.n) {
        batch_retire(&b);
        batch_hand_out(&b, &next, handed + window);
        while (handed < b.n && b.done[handed]) {
            fn(b.done[handed], user_data);
            b.done[handed++] = NULL;
        }
        if (batch_busy(&b) > 0 && handed < b.n && b.done[handed] == NULL)
            batch_poll(&b);
    }
    /* Every worker is idle now: each ends when its socket is closed. */
    for (guint i = 0; i < b.workers->len; i++)
        g_array_index(b.workers, Worker, i).retiring = TRUE;
    batch_retire(&b);
    g_array_free(b.workers, TRUE);
    g_array_free(b.redo, TRUE);
    g_free(b.done);
}
