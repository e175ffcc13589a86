/* SPDX-License-Identifier: GPL-3.0-or-later */
/* requirements.h — an analyst's requirements (doc/output.md §7): the
 * requirements file, loaded and checked like the pattern files.
 *
 * One group per requirement, its name the id: item (a catalog key or id),
 * kind (duration, percent, count, version, list, answer), label, max / min
 * (limits: durations in the grammar of vendor text, 24h, 24時間, 3営業日),
 * role, disabled, contains / excludes, answer.  An unknown key, a kind
 * without its limit or a limit that does not parse is "file:line: message". */
#ifndef SLX_REQUIREMENTS_H
#define SLX_REQUIREMENTS_H

#include "classify.h"
#include "extract.h"
#include "patterns.h"

typedef enum {
    SLX_REQ_DURATION,
    SLX_REQ_PERCENT,
    SLX_REQ_COUNT,
    SLX_REQ_VERSION,
    SLX_REQ_LIST,
    SLX_REQ_ANSWER,
} SlxRequirementKind;

typedef struct {
    char *id;                 /* the group name */
    char *label;              /* as written, else the id */
    char *item;               /* the catalog id the item key or id names */
    SlxRequirementKind kind;
    gboolean has_max, has_min;
    double max, min;          /* seconds, percent, a count, or a version (major * 100 + minor) */
    char *max_text, *min_text;   /* the limits as written, for the reasons */
    char *role;               /* only values with this role count, or NULL */
    GArray *disabled;         /* double: versions that must be stated disabled */
    GPtrArray *contains, *excludes;   /* char *: canonical list strings */
    GArray *answers;          /* SlxAnswer: answers that pass */
} SlxRequirement;

/* The requirements of the file at PATH (or of DATA, NAME used in messages),
 * in file order; item names are resolved against the catalogs of P; limits
 * are read with X.  NULL with ERROR set (SLX_ERROR_PATTERNS) if broken. */
GPtrArray *slx_requirements_load_file(const char *path, const SlxPatterns *p,
                                      const SlxExtractor *x, GError **error);
GPtrArray *slx_requirements_load_data(const char *name, const char *data, gsize len,
                                      const SlxPatterns *p, const SlxExtractor *x,
                                      GError **error);

/* A version "1.2" as a number (102), or -1. */
double slx_version_number(const char *version);

#endif
