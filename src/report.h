/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h — what the reports for people (the workbook, the HTML page)
 * share: the column of each document, the words for review flags and
 * failed documents, one vocabulary for both. */
#ifndef SLX_REPORT_H
#define SLX_REPORT_H

#include "record.h"

/* The mark a cell with review flags carries, and the legend's words. */
#define SLX_REPORT_FLAG_MARK "⚑"

/* The column header of each of RECORDS, in order (g_strfreev): its
 * service, or its file's name; where two documents would share a header,
 * each of them gets its file's name after it. */
char **slx_report_labels(const GPtrArray *records);

/* The Japanese name of flag bit BIT (番号不一致 …), and what it asks the
 * reader to look at; NULL past the last flag. */
const char *slx_report_flag_label(guint bit);
const char *slx_report_flag_meaning(guint bit);

/* FLAGS as their Japanese names joined with 「、」, or NULL for none. */
char *slx_report_flags(guint flags);

/* A failed document's error for people: 「エラー not_found」 in short, with
 * its message 「エラー not_found: …」; NULL if R did not fail. */
char *slx_report_error_short(const SlxRecord *r);
char *slx_report_error(const SlxRecord *r);

/* A document's status in a word: 読込済, 警告あり (read, with warnings) or
 * エラー. */
const char *slx_report_status(const SlxRecord *r);
/* R's 形式 as the documents' tables give it: a scan read by OCR says so
 * (its words are less sure than a text layer's). */
const char *slx_report_format(const SlxRecord *r);

/* Where an item's answer was read and how sure the match is, for a
 * comment or a tooltip: 「p.3 · 確度 0.98」 (no page outside PDFs). */
char *slx_report_where(const SlxItemRecord *it);

#endif
