/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.h — the requirement checks of one document (doc/output.md §7): each
 * requirement against the item it names, pass / fail / unknown, with the
 * reason in words an analyst reads and the value that decided. */
#ifndef SLX_CHECK_H
#define SLX_CHECK_H

#include "record.h"
#include "requirements.h"

typedef enum {
    SLX_CHECK_PASS,
    SLX_CHECK_FAIL,
    SLX_CHECK_UNKNOWN,
} SlxCheckResult;

typedef struct {
    const SlxRequirement *requirement;   /* owned by the requirements */
    SlxCheckResult result;
    char *because;
    SlxValue *value;          /* a copy of the value that decided, or NULL */
    gboolean approx;          /* an approximate value (約2時間) decided */
} SlxCheck;

/* The checks of R against REQUIREMENTS, in their order (SlxCheck *);
 * VOCAB says what list names imply ([list implies]). */
GPtrArray *slx_check_record(const GPtrArray *requirements, const SlxRecord *r,
                            const SlxVocabulary *vocab);

/* "pass", "fail", "unknown". */
const char *slx_check_result_name(SlxCheckResult c);

#endif
