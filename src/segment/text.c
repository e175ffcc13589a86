/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment/text.c — items stated outside tables: heading sections, item-name
 * lines, label/value lines and Q&A pairs, in every format that has them. */
#include "internal.h"

#include <string.h>

/* How closely a name must resemble a catalog name: a heading says it is a
 * heading, a bare line only its text does. */
#define HEADING_LIKENESS 0.5       /* a numbered heading, or a label with a number */
#define UNNUMBERED_HEADING_LIKENESS 0.7
#define LABEL_LIKENESS 0.85
#define NAME_LINE_LIKENESS 0.85
#define NAME_LINE_CHARS 40

/* Does NAME (normalized) resemble a catalog item name at least THRESHOLD? */
static gboolean
text_names_item(const Context *cx, const char *name, double threshold)
{
    SlxKey *key = slx_key_new(name);
    gboolean yes = key->chars > 0 && slx_seg_best_name_similarity(cx, key) >= threshold;
    slx_key_free(key);
    return yes;
}

/* The longest catalog name or alias that TEXT (normalized) contains, as a
 * match key (g_free), or NULL: a question names its item in passing
 * (「サービス時間を教えてください」). */
static char *
text_name_within(const Context *cx, const char *text)
{
    char *key = slx_match_key(text);
    const char *best = NULL;
    for (guint c = 0; c < cx->patterns->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            for (guint k = 0; k < it->name_keys->len; k++) {
                const SlxKey *nk = g_ptr_array_index(it->name_keys, k);
                if (nk->chars >= 2 && (best == NULL || strlen(nk->text) > strlen(best)) &&
                    slx_key_contains(key, nk->text))
                    best = nk->text;
            }
        }
    }
    g_free(key);
    return g_strdup(best);
}

/* The first regex of LIST that matches TEXT, with its match (free it). */
static GRegex *
text_first_match(GPtrArray *list, const char *text, GMatchInfo **mi)
{
    for (guint i = 0; i < list->len; i++) {
        GRegex *re = g_ptr_array_index(list, i);
        if (g_regex_match(re, text, 0, mi))
            return re;
        g_match_info_free(*mi);
    }
    *mi = NULL;
    return NULL;
}

/* Group 1 of the first regex of LIST that matches TEXT (g_free), or NULL. */
static char *
text_capture(GPtrArray *list, const char *text)
{
    GMatchInfo *mi;
    if (!text_first_match(list, text, &mi))
        return NULL;
    char *s = g_match_info_fetch(mi, 1);
    g_match_info_free(mi);
    return s;
}

/* A named group of MI, or NULL when it did not take part (g_free). */
static char *
text_fetch_named(GMatchInfo *mi, const char *name)
{
    char *s = g_match_info_fetch_named(mi, name);
    if (s && *g_strstrip(s) == '\0')
        g_clear_pointer(&s, g_free);
    return s;
}

/* The item being filled is complete.  A heading or question with nothing
 * under it is a section heading, or an excerpt cut off after it (「1.8.
 * 代替措置で提供するデ」): not an item. */
void
slx_seg_close_open(Segmenter *sg)
{
    SlxRow *row = sg->open;
    sg->open = NULL;
    sg->open_labels = 0;
    if (row == NULL)
        return;
    if (sg->open_kind == OPEN_SECTION && row->responses->len == 0 && row->template_text == NULL &&
        row->unit == NULL) {
        slx_seg_row_free(row);
        return;
    }
    slx_seg_add_row(sg, row);
}

static void
text_open_item(Segmenter *sg, const SlxBlock *b, OpenKind kind, char *no, char *name)
{
    slx_seg_close_open(sg);
    sg->skipping = FALSE;
    sg->last = NULL;
    SlxRow *row = slx_seg_new_row(b, sg->section, sg->section_number);
    row->no = no;
    row->name = name;
    sg->open = row;
    sg->open_kind = kind;
}

/* 「1.1. サービス時間」, 「(2) 計画停止予定通知」 → the number and the name; NO is
 * NULL without a number. */
static void
text_split_number(const Context *cx, const char *text, char **no, char **name)
{
    *no = NULL;
    /* 「③ サービス提供終了時の事前通知」: a circled number (① … ⑳) numbers it. */
    gunichar c = g_utf8_get_char(text);
    if (c >= 0x2460 && c <= 0x2473) {
        *no = g_strdup_printf("%u", (guint)(c - 0x2460 + 1));
        *name = g_strstrip(g_strdup(g_utf8_next_char(text)));
        return;
    }
    if (!slx_seg_numbered(cx->patterns->vocab.numbered_heading, text, no, name))
        *name = g_strdup(text);
}

/* Does TEXT end with a question mark? */
static gboolean
text_is_question(const char *text)
{
    return g_str_has_suffix(text, "?") || g_str_has_suffix(text, "？");
}

/* A question (「Q. サービス時間を教えてください。」, a heading that asks): an
 * item when it names one in passing; else what answers it is skipped. */
static void
text_question(Segmenter *sg, const SlxBlock *b, const char *question)
{
    char *name = text_name_within(&sg->cx, question);
    if (name)
        text_open_item(sg, b, OPEN_SECTION, NULL, name);
    else
        slx_seg_close_open(sg);
    sg->skipping = name == NULL;
}

static void
text_heading(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    slx_seg_close_open(sg);
    sg->skipping = FALSE;
    sg->last = NULL;
    if (b->level == 0) {
        g_ptr_array_add(sg->doc_titles, g_strdup(text));
        return;
    }
    guint sec_no;
    if (b->level == 1 || !slx_seg_section_of(cx, text, FALSE, &sec_no)) {
        char *no, *name;
        text_split_number(cx, text, &no, &name);
        if (b->level > 1 && (no || text_names_item(cx, name, UNNUMBERED_HEADING_LIKENESS))) {
            text_open_item(sg, b, OPEN_SECTION, no, name);
            return;
        }
        g_free(no);
        g_free(name);
        /* A heading that asks (「What are your service hours?」) is a
         * question. */
        if (b->level > 1 && text_is_question(text)) {
            text_question(sg, b, text);
            return;
        }
        if (b->level > 1 && slx_seg_section_of(cx, text, TRUE, &sec_no))
            slx_seg_set_section(sg, text, sec_no);
        else
            slx_seg_note_preamble(cx, sg->t, text);
        return;
    }
    slx_seg_set_section(sg, text, sec_no);
}

/* A label and its value (<dt>/<dd>).  Under an item's heading, a label
 * that names a column (規定内容, 測定単位, 回答, 備考) says which field the
 * value is; any other label is the vendor's answer. */
static void
text_label_value(Segmenter *sg, const SlxBlock *b, const char *label, const char *value)
{
    Context *cx = &sg->cx;
    if (sg->open && sg->open_kind == OPEN_SECTION) {
        SlxColumnRole role = slx_header_role(&cx->patterns->vocab, label);
        if (role == SLX_COL_NONE || role == SLX_COL_NO || role == SLX_COL_NAME)
            role = SLX_COL_ANSWER;
        slx_seg_put(sg->open, role, value, ++sg->open_labels);
        return;
    }
    char *no, *name;
    text_split_number(cx, label, &no, &name);
    if (no || text_names_item(cx, name, LABEL_LIKENESS)) {
        text_open_item(sg, b, OPEN_LINE, no, name);
        slx_seg_put(sg->open, SLX_COL_ANSWER, value, 0);
        slx_seg_close_open(sg);
        return;
    }
    g_free(no);
    g_free(name);
    slx_seg_close_open(sg);
    char *line = g_strconcat(label, ": ", value, NULL);
    slx_seg_note_preamble(cx, sg->t, line);
    g_free(line);
}

/* 「1.1」 → 2. */
static guint
text_number_parts(const char *no)
{
    guint n = 1;
    for (const char *p = no; *p; p++)
        n += *p == '.' || *p == '-';
    return n;
}

/* A two-cell table row under an item's heading is a label and its value
 * (「<h3>サービス時間</h3><table><tr><th>回答</th><td>24時間</td></tr>…」),
 * read as a <dt>/<dd> there is.  Returns FALSE for any other row. */
gboolean
slx_seg_row_under_heading(Segmenter *sg, const SlxBlock *b)
{
    if (sg->open == NULL || sg->open_kind != OPEN_SECTION || b->cells->len != 2 ||
        slx_block_filled(b) != 2)
        return FALSE;
    char *label = slx_normalize(slx_block_cell(b, 0), -1, SLX_NORM_KEEP_CJK_SPACES);
    char *value = slx_normalize(slx_block_cell(b, 1), -1, SLX_NORM_KEEP_CJK_SPACES);
    text_label_value(sg, b, label, value);
    g_free(label);
    g_free(value);
    return TRUE;
}

/* The first [layout] label_value pattern from index FROM on that matches
 * TEXT: its index, and its groups (g_free; NULL where a group did not take
 * part), or -1. */
static gint
text_match_label_value(const SlxVocabulary *v, const char *text, guint from, char **no,
                       char **name, char **value)
{
    for (guint i = from; i < v->label_value->len; i++) {
        GMatchInfo *mi;
        gboolean matched = g_regex_match(g_ptr_array_index(v->label_value, i), text, 0, &mi);
        if (matched) {
            *no = text_fetch_named(mi, "no");
            *name = text_fetch_named(mi, "name");
            *value = text_fetch_named(mi, "value");
        }
        g_match_info_free(mi);
        if (matched)
            return (gint)i;
    }
    return -1;
}

/* A form filled in item by item: 「項目:サービス時間」, 「回答:24時間365日」,
 * 「備考:…」 — label/value lines whose labels are the checklist's column
 * labels.  The name label opens an item named by its value (the number
 * label numbers it); the others fill the fields of the item open. */
static gboolean
text_record_field(Segmenter *sg, const SlxBlock *b, const char *text)
{
    const SlxVocabulary *v = &sg->cx.patterns->vocab;
    char *no, *label, *value;
    if (text_match_label_value(v, text, 0, &no, &label, &value) < 0)
        return FALSE;
    SlxColumnRole role = no || label == NULL ? SLX_COL_NONE : slx_header_role(v, label);
    gboolean taken = TRUE;
    if (role == SLX_COL_NAME && value) {
        if (sg->open && sg->open->name == NULL && sg->open->responses->len == 0)
            sg->open->name = g_steal_pointer(&value);       /* 「No.:5」 came first */
        else
            text_open_item(sg, b, OPEN_SECTION, NULL, g_steal_pointer(&value));
    } else if (role == SLX_COL_NO && value) {
        text_open_item(sg, b, OPEN_SECTION, g_steal_pointer(&value), NULL);
    } else if (role != SLX_COL_NONE && sg->open && sg->open_kind == OPEN_SECTION) {
        slx_seg_put(sg->open, role, value ? value : "", ++sg->open_labels);
    } else {
        taken = FALSE;
    }
    g_free(no);
    g_free(label);
    g_free(value);
    return taken;
}

/* Does the paragraph TEXT start an item?  「1.1. サービス時間」, 「【5】稼働率:
 * 99.9%」, 「Service hours: 24/7」, a line that is an item's name alone. */
static gboolean
text_opens_item(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    const SlxVocabulary *v = &cx->patterns->vocab;
    char *no, *name, *value;
    gboolean asked = FALSE;
    for (gint i = 0; (i = text_match_label_value(v, text, (guint)i, &no, &name, &value)) >= 0; i++) {
        /* 「Service name: …」 names the service, whatever it resembles
         * (asked once, and only of a line that is a label and its value). */
        if (!asked) {
            asked = TRUE;
            if (slx_phrases_match(v->service, text)) {
                g_free(no);
                g_free(name);
                g_free(value);
                return FALSE;
            }
        }
        if (no == NULL && name) {
            /* 「1. サービス時間:24時間」: the number printed before the name */
            char *bare;
            text_split_number(cx, name, &no, &bare);
            g_free(name);
            name = bare;
        }
        if (name && text_names_item(cx, name, no ? HEADING_LIKENESS : LABEL_LIKENESS)) {
            text_open_item(sg, b, OPEN_LINE, no, name);
            if (value)
                slx_seg_put(sg->open, SLX_COL_ANSWER, value, 0);
            g_free(value);
            return TRUE;
        }
        g_free(no);
        g_free(name);
        g_free(value);
    }

    /* Only then a heading line: a name with a number or alone.  Once a
     * numbered name line has opened an item, a short line numbered the same
     * way (1.1, 1.2 …) is the next heading whatever it names — a vendor's
     * own item, or one cut off at the end of an excerpt — and a numbered
     * list inside a response (「1. 日次」) is not. */
    text_split_number(cx, text, &no, &name);
    gboolean short_line = g_utf8_strlen(name, -1) <= NAME_LINE_CHARS && !strstr(name, "。");
    guint parts = no ? text_number_parts(no) : 0;
    gboolean heading = short_line && text_names_item(cx, name, NAME_LINE_LIKENESS);
    if (heading && no && sg->heading_parts == 0)
        sg->heading_parts = parts;
    else if (!heading && no && short_line && parts == sg->heading_parts &&
             slx_seg_glued(cx, text, NULL, NULL))   /* not a figure: 99.5%(月間) */
        heading = TRUE;
    if (heading) {
        text_open_item(sg, b, OPEN_SECTION, no, name);
        return TRUE;
    }
    g_free(no);
    g_free(name);
    return FALSE;
}

/* TEXT after the marks that open a heading line (「◆1 サービス時間」). */
static const char *
text_without_heading_mark(const SlxVocabulary *v, const char *text)
{
    for (guint i = 0; i < v->heading_mark->len; i++) {
        GMatchInfo *mi;
        int end = 0;
        if (g_regex_match(g_ptr_array_index(v->heading_mark, i), text, 0, &mi))
            g_match_info_fetch_pos(mi, 0, NULL, &end);
        g_match_info_free(mi);
        if (end > 0)
            return text + end;
    }
    return text;
}

/* A paragraph or list item.  Returns FALSE when no text layout claims it:
 * then it is read as a one-cell table row. */
static gboolean
text_paragraph(Segmenter *sg, const SlxBlock *b, const char *text)
{
    Context *cx = &sg->cx;
    const SlxVocabulary *v = &cx->patterns->vocab;
    if (slx_seg_is_rule(cx, b)) {
        slx_seg_close_open(sg);
        sg->skipping = FALSE;
        return TRUE;
    }
    if (sg->roles != NULL)
        return FALSE;    /* inside a table, a line is the table's */
    if (slx_phrases_match(v->closing, text)) {
        slx_seg_close_open(sg);
        sg->closed = TRUE;
        return TRUE;
    }
    char *question = text_capture(v->question, text);
    if (question) {
        text_question(sg, b, question);
        g_free(question);
        return TRUE;
    }
    if (text_record_field(sg, b, text))
        return TRUE;
    if (text_opens_item(sg, b, text_without_heading_mark(v, text)))
        return TRUE;
    if (sg->open && (sg->open_kind == OPEN_SECTION || b->indent > 0)) {
        char *answer = sg->open_kind == OPEN_SECTION ? text_capture(v->answer, text) : NULL;
        slx_seg_put(sg->open, SLX_COL_ANSWER, answer ? answer : text, 0);
        g_free(answer);
        return TRUE;
    }
    slx_seg_close_open(sg);
    return sg->skipping;
}

void
slx_seg_text_block(Segmenter *sg, const SlxBlock *b, guint index)
{
    const char *raw = slx_block_cell(b, 0);
    char *text = slx_normalize(raw, -1, SLX_NORM_KEEP_CJK_SPACES);
    if (*text == '\0' && b->kind != SLX_BLOCK_LABEL_VALUE) {
        g_free(text);
        return;
    }
    if (b->kind != SLX_BLOCK_PARAGRAPH)
        slx_seg_transcript_end(sg);
    switch (b->kind) {
    case SLX_BLOCK_HEADING:
        text_heading(sg, b, text);
        break;
    case SLX_BLOCK_LABEL_VALUE: {
        char *value = slx_normalize(slx_block_cell(b, 1), -1, SLX_NORM_KEEP_CJK_SPACES);
        text_label_value(sg, b, text, value);
        g_free(value);
        break;
    }
    default:
        if (b->kind == SLX_BLOCK_PARAGRAPH && slx_seg_transcript_line(sg, b, index, text))
            break;
        if (!text_paragraph(sg, b, text))
            slx_seg_table_row(sg, b, index);
        break;
    }
    /* The item a heading opened is as sure as the least sure text read
     * into it (a scan's paragraphs under it). */
    if (sg->open)
        sg->open->confidence = MIN(sg->open->confidence, b->confidence);
    g_free(text);
}

