/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache.h — records of earlier runs, kept in an SQLite file (--cache).
 *
 * A record is kept under the SHA-256 of the document's bytes and a
 * context: the program itself, the pattern files and the read options
 * (everything a record depends on but the document).  A re-run over an
 * archive reads an unchanged document from the cache and writes the same
 * bytes; only new or changed documents are read. */
#ifndef SLX_CACHE_H
#define SLX_CACHE_H

#include "read.h"
#include "record.h"

typedef struct SlxCache SlxCache;

/* Open (or create) the cache at PATH for records made by this program
 * with PATTERNS and OPTS.  A file that is no cache, or a damaged one, is
 * said in *NOTE (g_free) and made anew.  NULL with ERROR if it cannot be
 * created at all. */
SlxCache *slx_cache_open(const char *path, const SlxPatterns *patterns,
                         const SlxReadOptions *opts, char **note, GError **error);
/* Commit what was put and close. */
void slx_cache_close(SlxCache *c);

/* The record kept for the bytes with SHA256, named FILE, or NULL. */
SlxRecord *slx_cache_get(SlxCache *c, const char *sha256, const char *file);
/* Keep R for later runs, unless it says nothing of its bytes for good (no
 * sha256, or a timeout or a crash, which another run may not repeat). */
void slx_cache_put(SlxCache *c, const SlxRecord *r);

/* The SHA-256 of the regular file at PATH, read in full, if it is one of
 * at most MAX_BYTES (0: any); else NULL.  What the cache is asked by. */
char *slx_cache_file_digest(const char *path, guint64 max_bytes);

/* What the module slaxtract-cache.so (cache.c) exports, by the name
 * SLX_CACHE_MODULE: the SQLite file, its records kept under CONTEXT;
 * cache_load.c loads it for slx_cache_open. */
typedef struct SlxCacheDb SlxCacheDb;
typedef struct {
    SlxCacheDb *(*open)(const char *path, const char *context, const SlxPatterns *patterns,
                        char **note, GError **error);
    void (*close)(SlxCacheDb *db);
    SlxRecord *(*get)(SlxCacheDb *db, const char *sha256, const char *file);
    void (*put)(SlxCacheDb *db, const SlxRecord *r);
} SlxCacheModule;
#define SLX_CACHE_MODULE "slx_cache_module"

#endif
