/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache_load.c — the cache (--cache): what a record is kept under, made
 * here, and the SQLite file, from the module slaxtract-cache.so (cache.c)
 * loaded when a run asks for a cache.
 *
 * The context a record is kept under is the SHA-256 of the program's own
 * executable and of the modules that read documents (a rebuilt program or
 * module may read otherwise), the digest of the pattern files loaded, and
 * the read options. */
#include "cache.h"
#include "digest.h"
#include "error.h"
#include "module.h"
#include "paths.h"
#include "record_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SLX_MODULE_CALLBACKS(cache_load, slx_error_quark, slx_record_free, slx_record_pack,
                     slx_record_unpack);

struct SlxCache {
    const SlxCacheModule *module;
    SlxCacheDb *db;
};

char *
slx_cache_file_digest(const char *path, guint64 max_bytes)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
        (max_bytes > 0 && (guint64)st.st_size > max_bytes))
        return NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return NULL;
    SlxSha256 sum;
    slx_sha256_init(&sum);
    guint8 buf[1 << 17];
    ssize_t n;
    guint64 total = 0;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || (max_bytes > 0 && (total += (guint64)n) > max_bytes))
            break;
        slx_sha256_update(&sum, buf, (gsize)n);
    }
    close(fd);
    char *hex = slx_sha256_hex(&sum);
    if (n != 0)
        g_clear_pointer(&hex, g_free);
    return hex;
}

static void
cache_load_add(SlxSha256 *sum, const char *text)
{
    slx_sha256_update(sum, text, strlen(text));
}

/* What a record depends on besides its document. */
static char *
cache_load_context(const SlxPatterns *patterns, const SlxReadOptions *opts)
{
    g_autofree char *program = slx_cache_file_digest("/proc/self/exe", 0);
    SlxSha256 sum;
    slx_sha256_init(&sum);
    cache_load_add(&sum, program ? program : "?");
    for (const char *const *m = (const char *const[]){"pdf", "email", "ocr", NULL}; *m; m++) {
        g_autofree char *path = slx_path_module(*m);
        g_autofree char *module = slx_cache_file_digest(path, 0);
        cache_load_add(&sum, module ? module : "-");
    }
    cache_load_add(&sum, slx_patterns_digest(patterns));
    /* OCR on or off, and its languages, read scans otherwise. */
    g_autofree char *limits = g_strdup_printf(
        "|%" G_GUINT64_FORMAT "|%u|ocr %d %s|", opts ? opts->max_bytes : 0,
        opts ? opts->max_pages : 0, opts ? (int)opts->ocr : 0,
        opts && opts->ocr_langs ? opts->ocr_langs : SLX_OCR_DEFAULT_LANGS);
    cache_load_add(&sum, limits);
    /* A password opens documents that fail without it: a different run. */
    if (opts && opts->password)
        cache_load_add(&sum, opts->password);
    return slx_sha256_hex(&sum);
}

SlxCache *
slx_cache_open(const char *path, const SlxPatterns *patterns, const SlxReadOptions *opts,
               char **note, GError **error)
{
    *note = NULL;
    const SlxCacheModule *m = slx_module_table("cache", SLX_CACHE_MODULE, "the cache",
                                               SLX_ERROR_READ, error);
    if (m == NULL)
        return NULL;
    g_autofree char *context = cache_load_context(patterns, opts);
    SlxCacheDb *db = m->open(path, context, patterns, note, error);
    if (db == NULL)
        return NULL;
    SlxCache *c = g_new(SlxCache, 1);
    *c = (SlxCache){m, db};
    return c;
}

void
slx_cache_close(SlxCache *c)
{
    if (c == NULL)
        return;
    c->module->close(c->db);
    g_free(c);
}

SlxRecord *
slx_cache_get(SlxCache *c, const char *sha256, const char *file)
{
    return c->module->get(c->db, sha256, file);
}

void
slx_cache_put(SlxCache *c, const SlxRecord *r)
{
    c->module->put(c->db, r);
}
