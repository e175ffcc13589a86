/* output.c — stdout, or a file written atomically. */
#include "output.h"
#include "error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
        fclose(o->stream);
        g_unlink(o->temp);
    }
    g_free(o->path);
    g_free(o->temp);
    g_free(o);
}
