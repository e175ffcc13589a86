/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache.c — records of earlier runs, kept in an SQLite file (--cache):
 * the module slaxtract-cache.so, which cache_load.c loads when --cache is
 * given (SQLite is loaded by no other run).
 *
 * One table, records(sha256, context, record), the record packed as a
 * worker sends it (record_wire.c) under the context cache_load.c makes.
 * Only the batch's one thread uses the file; WAL and a transaction
 * committed every CACHE_BATCH records make an interrupted run lose at most
 * its last records, never the file.  A file SQLite does not take as a
 * database, or finds damaged, is renamed aside and a new one made: a cache
 * is never trusted beyond what it proves. */
#include "cache.h"
#include "error.h"
#include "record_wire.h"

#include <errno.h>
#include <gmodule.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#define CACHE_BATCH 200

struct SlxCacheDb {
    sqlite3 *db;
    sqlite3_stmt *get, *put;
    char *context;
    const SlxPatterns *patterns;
    guint pending;        /* records put since the last commit */
};

static const char cache_schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS records ("
    "  sha256 TEXT NOT NULL, context TEXT NOT NULL, record BLOB NOT NULL,"
    "  PRIMARY KEY (sha256, context)) WITHOUT ROWID;";

static gboolean
cache_prepare(SlxCacheDb *c)
{
    return sqlite3_exec(c->db, cache_schema, NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_prepare_v2(c->db, "SELECT record FROM records WHERE sha256 = ? AND context = ?",
                              -1, &c->get, NULL) == SQLITE_OK &&
           sqlite3_prepare_v2(c->db,
                              "INSERT OR REPLACE INTO records (sha256, context, record) "
                              "VALUES (?, ?, ?)",
                              -1, &c->put, NULL) == SQLITE_OK &&
           sqlite3_exec(c->db, "PRAGMA quick_check(1)", NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void
cache_release(SlxCacheDb *c)
{
    sqlite3_finalize(c->get);
    sqlite3_finalize(c->put);
    sqlite3_close(c->db);
    c->get = c->put = NULL;
    c->db = NULL;
}

static SlxCacheDb *
cache_open(const char *path, const char *context, const SlxPatterns *patterns, char **note,
           GError **error)
{
    *note = NULL;
    SlxCacheDb *c = g_new0(SlxCacheDb, 1);
    c->patterns = patterns;
    c->context = g_strdup(context);
    for (int attempt = 0; attempt < 2; attempt++) {
        if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ==
                SQLITE_OK &&
            cache_prepare(c))
            return c;
        const char *why = c->db ? sqlite3_errmsg(c->db) : "cannot be opened";
        if (attempt == 0) {
            /* Not a cache, or a damaged one: kept aside, a new one made. */
            g_autofree char *aside = g_strconcat(path, ".damaged", NULL);
            *note = g_strdup_printf("%s: not a usable cache (%s): moved to %s, a new one made",
                                    path, why, aside);
            cache_release(c);
            if (rename(path, aside) != 0 && errno != ENOENT)
                break;
            g_autofree char *wal = g_strconcat(path, "-wal", NULL);
            g_autofree char *shm = g_strconcat(path, "-shm", NULL);
            unlink(wal);
            unlink(shm);
        } else {
            g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, why);
        }
    }
    if (error && *error == NULL)
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, g_strerror(errno));
    cache_release(c);
    g_free(c->context);
    g_free(c);
    return NULL;
}

static void
cache_close(SlxCacheDb *c)
{
    if (c == NULL)
        return;
    sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
    cache_release(c);
    g_free(c->context);
    g_free(c);
}

static SlxRecord *
cache_get(SlxCacheDb *c, const char *sha256, const char *file)
{
    sqlite3_reset(c->get);
    sqlite3_bind_text(c->get, 1, sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->get, 2, c->context, -1, SQLITE_STATIC);
    SlxRecord *r = NULL;
    if (sqlite3_step(c->get) == SQLITE_ROW) {
        const guint8 *blob = sqlite3_column_blob(c->get, 0);
        int len = sqlite3_column_bytes(c->get, 0);
        r = blob ? slx_record_unpack(blob, (gsize)len, file, c->patterns, FALSE) : NULL;
        /* A record of other bytes is no record of these. */
        if (r && g_strcmp0(r->sha256, sha256) != 0)
            g_clear_pointer(&r, slx_record_free);
    }
    sqlite3_reset(c->get);
    return r;
}

static void
cache_put(SlxCacheDb *c, const SlxRecord *r)
{
    if (r->sha256 == NULL ||
        (r->error && (r->error->code == SLX_ERROR_TIMEOUT || r->error->code == SLX_ERROR_CRASHED)))
        return;
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    slx_record_pack(r, bytes);
    sqlite3_reset(c->put);
    sqlite3_bind_text(c->put, 1, r->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->put, 2, c->context, -1, SQLITE_STATIC);
    sqlite3_bind_blob(c->put, 3, bytes->data, (int)bytes->len, SQLITE_STATIC);
    sqlite3_step(c->put);
    sqlite3_reset(c->put);
    if (++c->pending >= CACHE_BATCH) {
        sqlite3_exec(c->db, "COMMIT; BEGIN", NULL, NULL, NULL);
        c->pending = 0;
    }
}

G_MODULE_EXPORT const SlxCacheModule slx_cache_module = {cache_open, cache_close, cache_get,
                                                     cache_put};
