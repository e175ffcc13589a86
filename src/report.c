/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c — the words and labels the workbook and the HTML page share. */
#include "report.h"
#include "error.h"

#include <string.h>

/* In the order of the SlxFlag bits (record.c's flag_names). */
static const struct {
    const char *label, *meaning;
} report_flags[] = {
    {"番号不一致", "the printed number is another item's"},
    {"規定内容不一致", "the row's 規定内容 belongs to another item"},
    {"同上", "the answer was 同上 and was taken from the row above"},
    {"途切れ", "the response is cut off"},
    {"重複", "another row matched the same item; this one was kept"},
    {"設定例のまま", "the response is the checklist's own 設定例"},
    {"低確度", "the row was matched to the item with low confidence"},
};

const char *
slx_report_flag_label(guint bit)
{
    return bit < G_N_ELEMENTS(report_flags) ? report_flags[bit].label : NULL;
}

const char *
slx_report_flag_meaning(guint bit)
{
    return bit < G_N_ELEMENTS(report_flags) ? report_flags[bit].meaning : NULL;
}

char *
slx_report_flags(guint flags)
{
    char *s = slx_flags_join(flags, slx_report_flag_label, "、");
    if (*s == '\0')
        g_clear_pointer(&s, g_free);
    return s;
}

char **
slx_report_labels(const GPtrArray *records)
{
    char **plain = g_new0(char *, records->len + 1);
    for (guint r = 0; r < records->len; r++)
        plain[r] = slx_record_label(g_ptr_array_index(records, r));
    char **labels = g_new0(char *, records->len + 1);
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        guint same = 0;
        for (guint o = 0; o < records->len; o++)
            same += strcmp(plain[o], plain[r]) == 0;
        if (same == 1) {
            labels[r] = g_strdup(plain[r]);
        } else {
            /* A service named twice: its file's name tells them apart; a
             * file name met twice (no service named): its path does. */
            char *base = g_path_get_basename(rec->file);
            labels[r] = g_strdup_printf("%s (%s)", plain[r], rec->service ? base : rec->file);
            g_free(base);
        }
    }
    g_strfreev(plain);
    return labels;
}

char *
slx_report_error_short(const SlxRecord *r)
{
    if (r->error == NULL)
        return NULL;
    return g_strdup_printf("エラー %s", slx_error_code_name((SlxErrorCode)r->error->code));
}

char *
slx_report_error(const SlxRecord *r)
{
    if (r->error == NULL)
        return NULL;
    g_autofree char *code = slx_report_error_short(r);
    return g_strdup_printf("%s: %s", code, r->error->message);
}

const char *
slx_report_status(const SlxRecord *r)
{
    return r->error ? "エラー" : r->warnings->len ? "警告あり" : "読込済";
}

const char *
slx_report_format(const SlxRecord *r)
{
    return r->ocr ? "pdf (OCR)" : r->format;    /* only a PDF's pages are read by OCR */
}

char *
slx_report_where(const SlxItemRecord *it)
{
    char conf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(conf, sizeof conf, "%.2f", it->confidence);
    return it->page ? g_strdup_printf("p.%u · 確度 %s", it->page, conf)
                    : g_strdup_printf("確度 %s", conf);
}
