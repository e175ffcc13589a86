/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c — stdout, or a file written atomically.
 *
 * A file is written as a temporary file beside it and renamed at the end.
 * If SIGINT, SIGTERM or SIGHUP ends the run first, the temporary file is
 * removed and the signal raised again, so the exit status still says
 * what ended it.  The handler needs the path in a static of this file: the
 * one piece of process-wide state, and a program writes one output at a
 * time. */
#include "output.h"
#include "error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char output_signal_temp[4096];            /* the file to remove on a signal */
static volatile sig_atomic_t output_signal_armed;

static const int output_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void
output_on_signal(int sig)
{
    /* Only async-signal-safe calls here. */
    if (output_signal_armed)
        unlink(output_signal_temp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void
output_arm(const char *temp)
{
    if (strlen(temp) >= sizeof output_signal_temp)
        return;                 /* too long to keep: left to the next run's cleaning */
    memcpy(output_signal_temp, temp, strlen(temp) + 1);
    output_signal_armed = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = output_on_signal;
    sigemptyset(&sa.sa_mask);
    for (gsize i = 0; i < G_N_ELEMENTS(output_signals); i++) {
        /* A signal the caller ignores stays ignored (nohup, a background
         * job's SIGINT). */
        struct sigaction old;
        if (sigaction(output_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(output_signals[i], &sa, NULL);
    }
}

static void
output_disarm(void)
{
    output_signal_armed = 0;
}

struct SlxOutput {
    FILE *stream;
    char *path;      /* final path, NULL for stdout */
    char *temp;      /* temporary path next to it */
};

SlxOutput *
slx_output_open(const char *path, GError **error)
{
    SlxOutput *o = g_new0(SlxOutput, 1);
    if (path == NULL || strcmp(path, "-") == 0) {
        o->stream = stdout;
        return o;
    }
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    o->temp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp(o->temp);
    if (fd >= 0) {
        /* mkstemp makes the file 0600; the output gets the mode a newly
         * created file would get under the user's umask. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    if (fd < 0 || (o->stream = fdopen(fd, "wb")) == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, g_strerror(errno));
        if (fd >= 0) {
            close(fd);
            g_unlink(o->temp);
        }
        g_free(o->temp);
        g_free(o);
        return NULL;
    }
    o->path = g_strdup(path);
    output_arm(o->temp);
    return o;
}

FILE *
slx_output_stream(SlxOutput *o)
{
    return o->stream;
}

const char *
slx_output_temp_path(SlxOutput *o)
{
    return o->temp;
}

gboolean
slx_output_commit(SlxOutput *o, GError **error)
{
    gboolean ok = fflush(o->stream) == 0 && !ferror(o->stream);
    int saved = errno;
    if (o->path) {
        output_disarm();
        ok = (fsync(fileno(o->stream)) == 0) && ok;
        ok = (fclose(o->stream) == 0) && ok;
        if (ok && g_rename(o->temp, o->path) != 0)
            ok = FALSE;
        saved = errno;
        if (!ok)
            g_unlink(o->temp);
    }
    if (!ok)
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", o->path ? o->path : "stdout",
                    g_strerror(saved));
    g_free(o->path);
    g_free(o->temp);
    g_free(o);
    return ok;
}

void
slx_output_abort(SlxOutput *o)
{
    if (o->path) {
        output_disarm();
        fclose(o->stream);
        g_unlink(o->temp);
    }
    g_free(o->path);
    g_free(o->temp);
    g_free(o);
}
