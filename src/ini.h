/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ini.h — INI files (GKeyFile) that report errors as "file:line: message". */
#ifndef SLX_INI_H
#define SLX_INI_H

#include <glib.h>

/* Where a file's groups and keys are. */
typedef struct {
    const char *file;
    GHashTable *lines;   /* "group" or "group\x1fkey" → line (GUINT_TO_POINTER) */
} SlxIniSource;

/* Check the syntax of DATA and remember the line of every group and key in
 * SRC->lines (a table the caller made with g_str_hash, g_free keys).  A
 * group or key that appears twice is an error too. */
gboolean slx_ini_index(SlxIniSource *src, const char *data, gsize len, GError **error);

/* The line of GROUP (KEY NULL) or of KEY in GROUP, 0 if unknown. */
guint slx_ini_line_of(const SlxIniSource *src, const char *group, const char *key);

/* Set ERROR (SLX_ERROR_PATTERNS) to "file:line: message" at the line of
 * KEY in GROUP (or of GROUP; line 0 without a group).  Returns FALSE. */
gboolean slx_ini_fail(GError **error, const SlxIniSource *src, const char *group,
                      const char *key, const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* The ';'-separated entries of KEY in GROUP, stripped, empty ones dropped
 * (an empty array if there is no such key).  Verbatim otherwise: a regular
 * expression stays as written. */
GPtrArray *slx_ini_get_strings(GKeyFile *kf, const char *group, const char *key);

/* Every key of GROUP must be one of ALLOWED (NULL-terminated). */
gboolean slx_ini_check_keys(GKeyFile *kf, const SlxIniSource *src, const char *group,
                            const char *const *allowed, GError **error);

#endif
