/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.h — the output record of one document (doc/output.md §1).
 *
 * The pipeline fills it, the writers (write_jsonl.c, later CSV/XLSX/HTML)
 * only read it.  Strings are owned by the record. */
#ifndef SLX_RECORD_H
#define SLX_RECORD_H

#include "classify.h"
#include "extract.h"
#include "patterns.h"

typedef struct {
    const SlxCatalogItem *item;  /* NULL for an extra row */
    char *no;                    /* printed number, or NULL */
    char *name;                  /* extra rows: the printed name */
    SlxAnswer answer;
    char *text;                  /* the vendor's response, normalized */
    GPtrArray *values;           /* SlxValue *, in order of appearance */
    char *primary;               /* the headline figure in human form, or NULL */
    guint page;                  /* 0: not paged */
    double confidence;
    guint flags;                 /* SlxFlag */
} SlxItemRecord;

typedef struct {
    char *file;                  /* as given on the command line, as UTF-8 text (bytes
                                    that are not UTF-8 shown as U+FFFD) */
    char *file_raw;              /* NULL, or the exact bytes of a path that is not UTF-8:
                                    those bytes as %HH, % as %25 */
    const char *format;          /* "text", "html", "pdf"; NULL if unknown */
    const char *encoding;        /* NULL if not decoded */
    char *sha256;                /* NULL if unread */
    guint pages;                 /* 0: null */
    gboolean ocr;                /* some page's text came from OCR */
    char *title, *service;
    const char *catalog;         /* catalog id, or NULL */
    GPtrArray *items;            /* SlxItemRecord *, catalog order */
    GPtrArray *extra_items;      /* SlxItemRecord *, document order */
    GPtrArray *missing;          /* char * catalog ids */
    GPtrArray *warnings;         /* char * */
    GError *error;               /* NULL, or the failure (SLX_ERROR domain) */
    GPtrArray *checks;           /* SlxCheck * (check.h), or NULL without requirements */
} SlxRecord;

SlxRecord *slx_record_new(const char *file);
void slx_record_free(SlxRecord *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxRecord, slx_record_free)

SlxItemRecord *slx_item_record_new(void);

/* How the spreadsheets name an answer: 有, 一部, 無, 非公開, 該当なし, 不明. */
const char *slx_answer_label(SlxAnswer a);
/* How the spreadsheets name a document: its service, else its file name
 * (g_free). */
char *slx_record_label(const SlxRecord *r);
/* The item record of catalog item ID, or NULL. */
const SlxItemRecord *slx_record_item(const SlxRecord *r, const char *id);
/* The output name of flag bit BIT (0 = number_mismatch …), or NULL. */
const char *slx_flag_name(guint bit);
/* The flags as "a;b" (g_free). */
char *slx_flags_joined(guint flags);
/* The flags set in FLAGS, each as NAME(bit) gives it (NAME is NULL past
 * the last), joined with SEP: "" for none. */
char *slx_flags_join(guint flags, const char *(*name)(guint bit), const char *sep);
void slx_record_warn(SlxRecord *r, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

#endif
