/* SPDX-License-Identifier: GPL-3.0-or-later */
/* inputs.c — the documents a command line names: files, directories walked,
 * standard input, lists of names, and one shard of them all. */
#include "inputs.h"
#include "error.h"

#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

/* The extensions a file in a directory must have to be read. */
static const char *const inputs_extensions[] = {
    ".pdf", ".html", ".htm", ".txt", ".tsv", ".csv", ".md", ".eml", ".xlsx", ".xlsm", ".ods", ".xls",
};

gboolean
slx_inputs_is_document_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL || dot == name)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(inputs_extensions); i++)
        if (g_ascii_strcasecmp(dot, inputs_extensions[i]) == 0)
            return TRUE;
    return FALSE;
}

guint
slx_inputs_shard_of(const char *path, guint n)
{
    /* FNV-1a over the bytes: the same for the same path on every machine,
     * whatever its GLib. */
    guint64 h = 14695981039346656037ULL;
    for (const guchar *p = (const guchar *)path; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return n ? (guint)(h % n) : 0;
}

gboolean
slx_inputs_parse_shard(const char *text, SlxInputOptions *opts)
{
    guint64 k, n;
    g_auto(GStrv) parts = g_strsplit(text, "/", 3);
    if (g_strv_length(parts) != 2 ||
        !g_ascii_string_to_unsigned(parts[0], 10, 1, G_MAXUINT, &k, NULL) ||
        !g_ascii_string_to_unsigned(parts[1], 10, 1, G_MAXUINT, &n, NULL) || k > n)
        return FALSE;
    opts->shard = (guint)k;
    opts->shards = (guint)n;
    return TRUE;
}

typedef struct {
    const SlxInputOptions *opts;
    SlxInputs *out;
    GArray *ancestors;        /* DirId of the directories being walked */
    GHashTable *walked;       /* "dev:ino" of every directory walked: each is walked once */
} Walk;

typedef struct {
    dev_t dev;
    ino_t ino;
} DirId;

static gint
inputs_compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Walk directory PATH (whose stat is ST): its documents in name order,
 * its directories in turn. */
static void
inputs_walk(Walk *w, const char *path, const struct stat *st)
{
    for (guint i = 0; i < w->ancestors->len; i++) {
        const DirId *a = &g_array_index(w->ancestors, DirId, i);
        if (a->dev == st->st_dev && a->ino == st->st_ino) {
            g_ptr_array_add(w->out->notes,
                            g_strdup_printf("%s: a symlink loop, not followed", path));
            return;
        }
    }
    char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
    if (!g_hash_table_add(w->walked, key)) {
        /* A second way into a directory walked already (a symlink to a
         * sibling): its documents are listed once. */
        g_ptr_array_add(w->out->notes,
                        g_strdup_printf("%s: a directory already walked, not again", path));
        return;
    }
    GDir *dir = g_dir_open(path, 0, NULL);
    if (dir == NULL) {
        g_ptr_array_add(w->out->notes, g_strdup_printf("%s: cannot be read", path));
        return;
    }
    DirId id = {st->st_dev, st->st_ino};
    g_array_append_val(w->ancestors, id);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)) != NULL)
        if (w->opts->hidden || name[0] != '.')
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(dir);
    g_ptr_array_sort(names, inputs_compare_names);
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        g_autofree char *child = g_str_has_suffix(path, "/") ? g_strconcat(path, n, NULL)
                                                              : g_strconcat(path, "/", n, NULL);
        struct stat cst;
        if (stat(child, &cst) == 0 && S_ISDIR(cst.st_mode))
            inputs_walk(w, child, &cst);
        else if (slx_inputs_is_document_name(n))
            g_ptr_array_add(w->out->names, g_steal_pointer(&child));
        else
            w->out->skipped++;
    }
    g_array_set_size(w->ancestors, w->ancestors->len - 1);
}

/* Take NAME as named: a directory is walked, anything else is a document
 * (its format sniffed from its content, its failure its own record). */
static void
inputs_take(Walk *w, const char *name)
{
    struct stat st;
    if (strcmp(name, "-") != 0 && stat(name, &st) == 0 && S_ISDIR(st.st_mode))
        inputs_walk(w, name, &st);
    else
        g_ptr_array_add(w->out->names, g_strdup(name));
}

/* The names listed in FILE ("-": standard input). */
static gboolean
inputs_read_list(Walk *w, const char *file, gboolean nul, GError **error)
{
    char *data;
    gsize len;
    if (strcmp(file, "-") == 0) {
        GIOChannel *in = g_io_channel_unix_new(0);
        g_io_channel_set_encoding(in, NULL, NULL);
        GIOStatus s = g_io_channel_read_to_end(in, &data, &len, error);
        g_io_channel_unref(in);
        if (s != G_IO_STATUS_NORMAL)
            return FALSE;
    } else if (!g_file_get_contents(file, &data, &len, error)) {
        return FALSE;
    }
    const char sep = nul ? '\0' : '\n';
    for (gsize start = 0; start < len;) {
        const char *end = memchr(data + start, sep, len - start);
        gsize stop = end ? (gsize)(end - data) : len;
        g_autofree char *name = g_strndup(data + start, stop - start);
        if (!nul && stop > start && name[stop - start - 1] == '\r')
            name[stop - start - 1] = '\0';
        if (*name)
            inputs_take(w, name);
        start = stop + 1;
    }
    g_free(data);
    return TRUE;
}

gboolean
slx_inputs_collect(char **args, const char *files_from, gboolean nul_separated,
                   const SlxInputOptions *opts, SlxInputs *out, GError **error)
{
    out->names = g_ptr_array_new_with_free_func(g_free);
    out->notes = g_ptr_array_new_with_free_func(g_free);
    out->skipped = 0;
    Walk w = {opts, out, g_array_new(FALSE, FALSE, sizeof(DirId)),
              g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    for (char **a = args; a && *a; a++)
        inputs_take(&w, *a);
    gboolean ok = files_from == NULL || inputs_read_list(&w, files_from, nul_separated, error);
    g_array_free(w.ancestors, TRUE);
    g_hash_table_unref(w.walked);
    if (ok && opts->shards > 1) {
        GPtrArray *kept = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < out->names->len; i++) {
            char *name = g_ptr_array_index(out->names, i);
            if (slx_inputs_shard_of(name, opts->shards) == opts->shard - 1)
                g_ptr_array_add(kept, g_strdup(name));
        }
        g_ptr_array_unref(out->names);
        out->names = kept;
    }
    return ok;
}

void
slx_inputs_clear(SlxInputs *in)
{
    if (in->names)
        g_ptr_array_unref(in->names);
    if (in->notes)
        g_ptr_array_unref(in->notes);
    memset(in, 0, sizeof *in);
}
