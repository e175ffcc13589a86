/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment/segment.c — a document's blocks → checklist rows with named fields.
 *
 * The segmentation stage decides, once for every format, what each block a
 * reader produced means: a header row, a section, a title or preamble line,
 * a checklist row (its number, name, template, unit and responses), a
 * continuation of the row above, or furniture.  This file drives the blocks
 * in order through table.c, text.c and transcript.c, and holds what they
 * share: rows and their fields, the likeness of text to the catalog, and
 * the title and service read from the preamble. */
#include "internal.h"

#include <string.h>

/* ---- small helpers --------------------------------------------------- */

static void
response_free(gpointer p)
{
    SlxResponse *r = p;
    g_free(r->text);
    g_free(r);
}

void
slx_seg_row_free(gpointer p)
{
    SlxRow *r = p;
    g_free(r->no);
    g_free(r->category);
    g_free(r->name);
    g_free(r->template_text);
    g_free(r->unit);
    g_free(r->example);
    g_ptr_array_unref(r->responses);
    g_free(r->section);
    slx_key_free(r->name_key);
    slx_key_free(r->template_key);
    g_free(r);
}

void
slx_table_free(SlxTable *t)
{
    if (t == NULL)
        return;
    g_free(t->title);
    g_free(t->untitled);
    g_free(t->service);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

char *
slx_row_response_text(const SlxRow *row)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < row->responses->len; i++) {
        const SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (*r->text == '\0')
            continue;
        if (s->len)
            g_string_append_c(s, ' ');
        g_string_append(s, r->text);
    }
    char *joined = g_string_free(s, FALSE);
    char *out = slx_normalize(joined, -1, SLX_NORM_DEFAULT);
    g_free(joined);
    return out;
}

SlxColumnRole
slx_header_role(const SlxVocabulary *v, const char *label)
{
    char *key = slx_match_key(label);
    SlxColumnRole found = SLX_COL_NONE;
    /* Exact labels first, then suffix labels ("*回答"). */
    for (int pass = 0; pass < 2 && found == SLX_COL_NONE; pass++) {
        for (int r = 0; r < SLX_COL_N && found == SLX_COL_NONE; r++) {
            GPtrArray *labels = v->labels[r];
            for (guint i = 0; i < labels->len; i++) {
                const char *l = g_ptr_array_index(labels, i);
                if (pass == 0 && l[0] != '*' && strcmp(l, key) == 0)
                    found = (SlxColumnRole)r;
                else if (pass == 1 && l[0] == '*' && *key && g_str_has_suffix(key, l + 1))
                    found = (SlxColumnRole)r;
                if (found != SLX_COL_NONE)
                    break;
            }
        }
    }
    g_free(key);
    return found;
}

/* The best similarity of KEY to any item's names (NAMES) or to any item's
 * template text, over every catalog.  A short key's is remembered for the
 * document: the same cell (有無, a 種別, a unit, 同上) comes back on row
 * after row.  A long one (an answer, a template) seldom does, and hashing
 * it to look cost more than the index takes to answer (over 25 corpus
 * texts: 3,921 long and short keys asked, 488 asked again). */
#define SEG_MEMO_CHARS 16

double
slx_seg_best_similarity(const Context *cx, const SlxKey *key, gboolean names)
{
    GHashTable *memo = key->chars <= SEG_MEMO_CHARS
                           ? (names ? cx->name_likeness : cx->template_likeness)
                           : NULL;
    gpointer known;
    if (memo && g_hash_table_lookup_extended(memo, key->text, NULL, &known))
        return *(double *)known;
    double best = 0;
    /* A name or template copied as it is (1): none is likelier. */
    for (guint c = 0; c < cx->patterns->catalogs->len && best < 1.0; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        double b = slx_key_index_best(names ? cat->name_index : cat->template_index, key);
        best = MAX(best, b);
    }
    if (memo)
        g_hash_table_insert(memo, g_strdup(key->text), g_memdup2(&best, sizeof best));
    return best;
}

double
slx_seg_best_name_similarity(const Context *cx, const SlxKey *key)
{
    return slx_seg_best_similarity(cx, key, TRUE);
}

/* Whether TEXT opens with an item number glued to a name ([layout]
 * glued_number); if so, and NO and NAME are not NULL, both (g_free). */
gboolean
slx_seg_glued(const Context *cx, const char *text, char **no, char **name)
{
    char *n, *rest;
    if (!slx_seg_numbered(cx->patterns->vocab.glued_number, text, &n, &rest))
        return FALSE;
    if (no) {
        *no = n;
        *name = rest;
    } else {
        g_free(n);
        g_free(rest);
    }
    return TRUE;
}

/* Whether TEXT is an item's number alone ([layout] item_number). */
gboolean
slx_seg_is_number(const Context *cx, const char *text)
{
    return slx_phrases_match(cx->patterns->vocab.item_number, text);
}

/* Whether the key table at offset TABLE of any catalog (SlxCatalog's
 * category_keys, unit_keys) holds match KEY. */
static gboolean
segment_catalogs_hold(const Context *cx, glong table, const char *key)
{
    for (guint c = 0; c < cx->patterns->catalogs->len; c++) {
        SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        if (g_hash_table_contains(G_STRUCT_MEMBER(GHashTable *, cat, table), key))
            return TRUE;
    }
    return FALSE;
}

/* Whether match KEY is a 種別 or section of any catalog, or a unit. */
gboolean
slx_seg_is_category(const Context *cx, const char *key)
{
    return segment_catalogs_hold(cx, G_STRUCT_OFFSET(SlxCatalog, category_keys), key);
}

gboolean
slx_seg_is_unit(const Context *cx, const char *key)
{
    return segment_catalogs_hold(cx, G_STRUCT_OFFSET(SlxCatalog, unit_keys), key);
}

/* The number and name (g_free) the first of PATTERNS ([layout]
 * section_number or numbered_heading) that matches TEXT reads in it;
 * FALSE, and both NULL, if none does. */
gboolean
slx_seg_numbered(const GPtrArray *patterns, const char *text, char **no, char **name)
{
    *no = *name = NULL;
    for (guint i = 0; i < patterns->len && *no == NULL; i++) {
        GMatchInfo *mi = NULL;
        if (g_regex_match(g_ptr_array_index(patterns, i), text, 0, &mi)) {
            *no = g_match_info_fetch_named(mi, "no");
            *name = g_match_info_fetch_named(mi, "name");
        }
        g_match_info_free(mi);
    }
    return *no != NULL;
}

/* A section row: 「アプリケーション運用」, 「3.データ管理」, 「その他」. */
gboolean
slx_seg_section_of(const Context *cx, const char *text, gboolean in_table, guint *number)
{
    char *num, *body;
    *number = 0;
    if (slx_seg_numbered(cx->patterns->vocab.section_number, text, &num, &body)) {
        *number = (guint)g_ascii_strtoull(num, NULL, 10);
        g_free(num);
    } else {
        body = g_strdup(text);
    }
    char *key = slx_match_key(body);
    gpointer section_number;
    gboolean found = FALSE;   /* the first catalog's section of that name wins */
    for (guint c = 0; c < cx->patterns->catalogs->len && !found; c++) {
        const SlxCatalog *cat = g_ptr_array_index(cx->patterns->catalogs, c);
        found = g_hash_table_lookup_extended(cat->section_keys, key, NULL, &section_number);
    }
    if (found && *number == 0)
        *number = GPOINTER_TO_UINT(section_number);
    /* Inside the table, any short label on its own is a section of the
     * vendor's (「その他」, 「追加項目」). */
    if (!found && in_table)
        found = *key && g_utf8_strlen(key, -1) <= 12 && !strstr(text, "。") &&
                !slx_seg_is_number(cx, text);
    g_free(key);
    g_free(body);
    return found;
}

/* Is the one-cell BLOCK a line that ends a section ([layout] rule)?  It is
 * matched as written: normalizing makes 「---」 a lone dash, which is an
 * answer (not applicable). */
gboolean
slx_seg_is_rule(const Context *cx, const SlxBlock *block)
{
    char *raw = g_strstrip(g_strdup(slx_block_cell(block, 0)));
    gboolean rule = slx_phrases_match(cx->patterns->vocab.rule, raw);
    g_free(raw);
    return rule;
}

/* Whether PATTERN (of rank RANK in the vocabulary V) names the service in
 * LINE: its capture is short and is no company, date or label; if so it
 * becomes T's service. */
static gboolean
segment_service_from(const SlxVocabulary *v, const GRegex *pattern, const char *line, guint rank,
                     SlxTable *t)
{
    gboolean named = FALSE;
    GMatchInfo *mi = NULL;
    if (g_regex_match(pattern, line, 0, &mi)) {
        char *s = g_match_info_fetch(mi, 1);
        if (s) {
            g_strstrip(s);
            if (*s && g_utf8_strlen(s, -1) <= 60 && !slx_phrases_match(v->not_service, s)) {
                g_free(t->service);
                t->service = slx_normalize(s, -1, SLX_NORM_DEFAULT);
                t->service_rank = rank;
                named = TRUE;
            }
        }
        g_free(s);
    }
    g_match_info_free(mi);
    return named;
}

/* Title and service from a line outside the table. */
void
slx_seg_note_preamble(const Context *cx, SlxTable *t, const char *text)
{
    const SlxVocabulary *v = &cx->patterns->vocab;
    char *line = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    /* The service patterns see the line first with its spaces between
     * Japanese words (「ヤマブキ文書管理サービス クラウドサービスレベル
     * チェックリスト」 names its service before the space; 「サービス名称:X
     * 提供事業者:Y」 ends the name at the next label), then without them
     * (a PDF's gaps can part a word: 「チェッ クシート」).  The patterns are
     * in order of trust: a line that says 「対象サービス:」 later in the
     * preamble replaces a name read from the title, never the other way
     * round. */
    char *spaced = slx_normalize(text, -1, SLX_NORM_KEEP_CJK_SPACES);
    const char *forms[] = {spaced, line};
    gboolean named_service = FALSE;
    guint rank = t->service ? t->service_rank : v->service->len;
    for (guint i = 0; i < rank && !named_service; i++)
        for (guint f = 0; f < G_N_ELEMENTS(forms) && !named_service; f++)
            named_service = segment_service_from(v, g_ptr_array_index(v->service, i), forms[f],
                                                 i, t);
    g_free(spaced);
    if (t->title == NULL && g_utf8_strlen(line, -1) <= 80 && !strstr(line, "。")) {
        if (slx_phrases_match(v->title, line)) {
            t->title = g_strdup(line);
        } else if (!named_service && t->untitled == NULL) {
            /* No title words: the first short line that does not name the
             * service will do, unless a better one follows. */
            t->untitled = g_strdup(line);
        }
    }
    g_free(line);
}

void
slx_seg_append_field(char **field, const char *text)
{
    if (*text == '\0')
        return;
    if (*field == NULL) {
        *field = g_strdup(text);
    } else {
        char *joined = g_strconcat(*field, " ", text, NULL);
        g_free(*field);
        *field = joined;
    }
}

/* Add TEXT as the response of grid column COLUMN; the rest of a cell that
 * continues (a wrapped line, a row cut by a page break) joins the response
 * of its column, so that answer and remarks do not interleave. */
void
slx_seg_add_response(SlxRow *row, const char *text, SlxColumnRole role, guint column)
{
    if (*text == '\0')
        return;
    for (guint i = 0; i < row->responses->len; i++) {
        SlxResponse *r = g_ptr_array_index(row->responses, i);
        if (r->column == column) {
            char *joined = g_strconcat(r->text, " ", text, NULL);
            g_free(r->text);
            r->text = joined;
            return;
        }
    }
    SlxResponse *r = g_new0(SlxResponse, 1);
    r->text = g_strdup(text);
    r->role = role;
    r->column = column;
    g_ptr_array_add(row->responses, r);
}

/* Put TEXT, from grid column COLUMN, into ROW's field for ROLE. */
void
slx_seg_put(SlxRow *row, SlxColumnRole role, const char *text, guint column)
{
    switch (role) {
    case SLX_COL_NO:       slx_seg_append_field(&row->no, text); break;
    case SLX_COL_CATEGORY: slx_seg_append_field(&row->category, text); break;
    case SLX_COL_NAME:     slx_seg_append_field(&row->name, text); break;
    case SLX_COL_TEMPLATE: slx_seg_append_field(&row->template_text, text); break;
    case SLX_COL_UNIT:     slx_seg_append_field(&row->unit, text); break;
    case SLX_COL_EXAMPLE:  slx_seg_append_field(&row->example, text); break;
    case SLX_COL_REMARKS:  slx_seg_add_response(row, text, SLX_COL_REMARKS, column); break;
    case SLX_COL_OTHER:    break;   /* a date, an owner: no part of the answer */
    default:               slx_seg_add_response(row, text, SLX_COL_ANSWER, column); break;
    }
}

SlxRow *
slx_seg_new_row(const SlxBlock *gr, const char *section, guint section_number)
{
    SlxRow *row = g_new0(SlxRow, 1);
    row->responses = g_ptr_array_new_with_free_func(response_free);
    row->section = g_strdup(section);
    row->section_number = section_number;
    row->line = gr->line;
    row->page = gr->page;
    row->confidence = gr->confidence;
    return row;
}

void
slx_seg_add_row(Segmenter *sg, SlxRow *row)
{
    row->sheet = sg->sheet;
    g_ptr_array_add(sg->t->rows, row);
}

void
slx_seg_set_section(Segmenter *sg, const char *text, guint number)
{
    g_free(sg->section);
    sg->section = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    sg->section_number = number;
}

/* ---- the segmenter --------------------------------------------------- */

static void
context_init(Context *cx, const SlxPatterns *p)
{
    cx->patterns = p;
    cx->name_likeness = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    cx->template_likeness = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

static void
context_clear(Context *cx)
{
    g_hash_table_unref(cx->name_likeness);
    g_hash_table_unref(cx->template_likeness);
}

/* ---- the segmenter --------------------------------------------------- */

/* A new workbook sheet: nothing of the sheet before carries over (its
 * header, section, the row a continuation would extend), and a sheet
 * whose name says it is not the answer — a filled-in sample, the form's
 * instructions, a revision history ([layout] other_sheet) — is not read. */
static void
segment_new_sheet(Segmenter *sg, const SlxBlock *b)
{
    slx_seg_transcript_end(sg);
    slx_seg_close_open(sg);
    g_clear_pointer(&sg->roles, g_array_unref);
    sg->sheet++;
    sg->frame = 0;
    sg->last = NULL;
    sg->skipping = FALSE;
    sg->heading_parts = 0;
    g_clear_pointer(&sg->section, g_free);
    sg->section_number = 0;
    g_autofree char *name = slx_normalize(slx_block_cell(b, 0), -1, SLX_NORM_KEEP_CJK_SPACES);
    sg->other_sheet = slx_phrases_match(sg->cx.patterns->vocab.other_sheet, name);
}

static void
finish_title(Segmenter *sg)
{
    SlxTable *t = sg->t;
    /* A page's <title> or a mail's Subject is the title when the body
     * states none: the body's own heading says it better. */
    for (guint i = 0; i < sg->doc_titles->len && t->title == NULL; i++)
        slx_seg_note_preamble(&sg->cx, t, g_ptr_array_index(sg->doc_titles, i));
    if (t->title == NULL) {
        t->title = t->untitled;
        t->untitled = NULL;
    } else if (t->service == NULL && t->untitled &&
               !slx_phrases_match(sg->cx.patterns->vocab.not_service, t->untitled)) {
        /* A short line above the title that names nothing else is the
         * product's own heading (「Larkspur HR Suite」 over 「Cloud service
         * level checklist」). */
        t->service = t->untitled;
        t->untitled = NULL;
    }
}

SlxTable *
slx_segment(const SlxDocument *doc, const SlxPatterns *patterns)
{
    Segmenter sg = {0};
    context_init(&sg.cx, patterns);
    sg.doc = doc;
    sg.t = g_new0(SlxTable, 1);
    sg.t->rows = g_ptr_array_new_with_free_func(slx_seg_row_free);
    sg.last_roles = g_array_new(FALSE, FALSE, sizeof(SlxColumnRole));
    sg.doc_titles = g_ptr_array_new_with_free_func(g_free);
    sg.cell_lines = g_ptr_array_new_with_free_func(g_free);

    for (guint i = 0; i < doc->blocks->len; i++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, i);
        if (sg.closed)
            break;       /* a signature, a quoted request: not the answer */
        if (b->kind == SLX_BLOCK_SHEET) {
            segment_new_sheet(&sg, b);
        } else if (sg.other_sheet) {
            continue;
        } else if (b->kind == SLX_BLOCK_ROW && slx_seg_row_under_heading(&sg, b)) {
            continue;
        } else if (b->kind == SLX_BLOCK_ROW) {
            slx_seg_transcript_end(&sg);
            slx_seg_close_open(&sg);
            sg.skipping = FALSE;
            slx_seg_table_row(&sg, b, i);
        } else {
            slx_seg_text_block(&sg, b, i);
        }
    }
    slx_seg_transcript_end(&sg);
    slx_seg_close_open(&sg);
    finish_title(&sg);
    sg.t->text_rows = sg.t->rows->len - sg.table_rows;
    /* The rows are whole now (continuations joined): their keys. */
    for (guint i = 0; i < sg.t->rows->len; i++) {
        SlxRow *row = g_ptr_array_index(sg.t->rows, i);
        row->name_key = slx_key_new(row->name ? row->name : "");
        row->template_key = slx_key_new(row->template_text ? row->template_text : "");
    }

    if (sg.roles)
        g_array_free(sg.roles, TRUE);
    g_array_free(sg.last_roles, TRUE);
    g_ptr_array_unref(sg.doc_titles);
    g_ptr_array_unref(sg.cell_lines);
    g_free(sg.cell_no);
    g_free(sg.section);
    context_clear(&sg.cx);
    return sg.t;
}
