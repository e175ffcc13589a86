/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.h — typed values from a normalized response (doc/output.md §3).
 *
 * Durations, percentages, counts, frequencies, time ranges, schedules,
 * TLS/SSL versions and lists (certifications, file formats, data
 * locations, notification channels), each with the span it was read from.
 * Every value a response states is reported, whatever the item.  The
 * grammar lives here and only here; the words it is made of (units,
 * bounds, roles, list names …) are patterns/values.ini; the catalog says
 * which role an item's durations play and which list the item is about. */
#ifndef SLX_EXTRACT_H
#define SLX_EXTRACT_H

#include "patterns.h"

typedef enum {
    SLX_VALUE_DURATION,
    SLX_VALUE_PERCENT,
    SLX_VALUE_COUNT,
    SLX_VALUE_FREQUENCY,
    SLX_VALUE_TIME_RANGE,
    SLX_VALUE_SCHEDULE,
    SLX_VALUE_VERSION,
    SLX_VALUE_LIST,
    SLX_VALUE_N
} SlxValueKind;

typedef enum {
    SLX_BOUND_NONE,
    SLX_BOUND_MAX,            /* 以内, 以下, まで */
    SLX_BOUND_MAX_EXCLUSIVE,  /* 未満 */
    SLX_BOUND_MIN,            /* 以上, 以降 */
    SLX_BOUND_MIN_EXCLUSIVE,  /* 超, 超え */
    SLX_BOUND_APPROX,         /* 約, 程度, 前後 */
} SlxBound;

typedef struct {
    SlxValueKind kind;
    char *text;               /* the normalized span */
    const char *role;         /* static, or NULL */
    SlxBound bound;
    gsize start;              /* byte offset in the response, for ordering */
    /* duration, percent, count */
    double value;
    gboolean has_from;
    double from;
    const char *unit;         /* duration: second … year; count: generation … */
    gboolean vague;           /* 数秒, 数分 */
    gboolean valueless;       /* a vague duration without a figure: no value, seconds null */
    /* frequency */
    gboolean count_known;     /* FALSE: 年数回 */
    int count;
    const char *per;          /* day, week, month, year, half_year */
    /* time_range */
    char from_time[6], to_time[6];
    const char *days;         /* weekdays, everyday, business_days, or NULL */
    /* schedule */
    const char *schedule;     /* "24x365", "24x7" */
    /* version */
    const char *name;         /* "TLS", "SSL" */
    char version[8];
    gboolean disabled;
    /* list */
    GPtrArray *items;         /* char *, canonical strings */
} SlxValue;

typedef struct SlxExtractor SlxExtractor;

/* Compile the grammar with the words of V (values.ini) once; the
 * extractor is read-only afterwards and may be shared by threads.  NULL
 * with ERROR set if the words do not make a valid grammar. */
SlxExtractor *slx_extractor_new(const SlxVocabulary *v, GError **error);
void slx_extractor_free(SlxExtractor *x);

/* The values TEXT (normalized, SLX_NORM_DEFAULT) states, in order of
 * appearance.  ITEM (NULL for an extra row) gives the role of its
 * durations and the list its words need no context for. */
GPtrArray *slx_extract_values(const SlxExtractor *x, const char *text,
                              const SlxCatalogItem *item);

/* The item's headline in human form (「14日前」, 「99.99%」, 「7世代」,
 * 「TLS1.2以上」, 「平日10:00-17:00」), or NULL. */
char *slx_primary(const SlxCatalogItem *item, const GPtrArray *values);

/* V in human form (「2週間前まで」, 「99.99%」, 「TLS1.2以上」) (g_free). */
char *slx_value_render(const SlxValue *v);

/* Seconds in one UNIT (minute 60 … year 31536000). */
double slx_unit_seconds(const char *unit);

/* The seconds V stands for, or a negative number for none (a vague
 * duration without a figure). */
double slx_value_seconds(const SlxValue *v);

const char *slx_value_kind_name(SlxValueKind k);
const char *slx_bound_name(SlxBound b);

SlxValue *slx_value_copy(const SlxValue *v);
void slx_value_free(gpointer v);

#endif
