/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment/transcript.c — a table copied one cell per line, read back into rows. */
#include "internal.h"

#include <string.h>

/* Text copied from a PDF table often comes one cell per line, and a cell
 * wrapped over several lines comes as several lines (「サービスを提供する時
 * 間帯(設備やネットワ」 / 「ーク等の点検/保守の」 …).  The header gives
 * itself away: three or more lines in a row, each a column label.  After
 * it, a line that is an item number alone starts a row, and the lines up
 * to the next such number are sorted into the header's columns by what
 * they hold, the way align_row scores cells: the first lines that join
 * into a catalog name are the name, the next that join into a catalog
 * 規定内容 the template, a known 測定単位 the unit, and the rest the answer. */
#define TRANSCRIPT_LABELS 3
#define TRANSCRIPT_NAME_LINES 4
#define TRANSCRIPT_TEMPLATE_LINES 10
#define TRANSCRIPT_TEMPLATE_LIKENESS 0.4

/* The roles of the column labels that start at block INDEX, one per line,
 * when there are enough of them; *LAST receives the index of the last. */
static GArray *
transcript_header(const Segmenter *sg, guint index, guint *last)
{
    const SlxVocabulary *v = &sg->cx.patterns->vocab;
    GArray *roles = g_array_new(FALSE, FALSE, sizeof(SlxColumnRole));
    guint seen = 0;
    for (guint i = index; i < sg->doc->blocks->len; i++) {
        const SlxBlock *b = g_ptr_array_index(sg->doc->blocks, i);
        if (b->kind != SLX_BLOCK_PARAGRAPH || b->cells->len != 1)
            break;
        char *t = slx_normalize(slx_block_cell(b, 0), -1, SLX_NORM_DEFAULT);
        SlxColumnRole r = slx_header_role(v, t);
        g_free(t);
        if (r == SLX_COL_NONE || (seen & (1u << r)))
            break;
        seen |= 1u << r;
        g_array_append_val(roles, r);
        *last = i;
    }
    if (roles->len < TRANSCRIPT_LABELS) {
        g_array_free(roles, TRUE);
        return NULL;
    }
    return roles;
}

static gboolean
transcript_has(const Segmenter *sg, SlxColumnRole role)
{
    for (guint i = 0; i < sg->transcript->len; i++)
        if (g_array_index(sg->transcript, SlxColumnRole, i) == role)
            return TRUE;
    return FALSE;
}

/* Lines FROM .. TO-1 of LINES joined (a wrapped cell), normalized. */
static char *
transcript_join(GPtrArray *lines, guint from, guint to)
{
    GString *s = g_string_new(NULL);
    for (guint i = from; i < to; i++)
        g_string_append_printf(s, "%s%s", s->len ? " " : "", (char *)g_ptr_array_index(lines, i));
    char *out = slx_normalize(s->str, -1, SLX_NORM_KEEP_CJK_SPACES);
    g_string_free(s, TRUE);
    return out;
}

/* How many lines from FROM (at most MAX) join into the best likeness to
 * catalog names (NAMES) or templates; *BEST receives it. */
static guint
transcript_best_run(const Context *cx, GPtrArray *lines, guint from, guint max, gboolean names,
                    double *best)
{
    guint best_n = 0;
    *best = 0;
    for (guint n = 1; n <= max && from + n <= lines->len; n++) {
        char *joined = transcript_join(lines, from, from + n);
        SlxKey *key = slx_key_new(joined);
        double sim = slx_seg_best_similarity(cx, key, names);
        slx_key_free(key);
        g_free(joined);
        if (sim > *best) {
            *best = sim;
            best_n = n;
        }
    }
    return best_n;
}

/* The first line from FROM that opens with a marker word, or LINES->len. */
static guint
transcript_marked_line(const Context *cx, GPtrArray *lines, guint from)
{
    for (guint i = from; i < lines->len; i++) {
        char *line = slx_normalize(g_ptr_array_index(lines, i), -1, SLX_NORM_DEFAULT);
        char *word = slx_first_word(line);
        gboolean marked = *word && slx_marker_of(&cx->patterns->vocab, word) >= 0;
        g_free(word);
        g_free(line);
        if (marked)
            return i;
    }
    return lines->len;
}

/* The transcribed row read so far becomes a checklist row. */
static void
transcript_flush(Segmenter *sg)
{
    Context *cx = &sg->cx;
    GPtrArray *lines = sg->cell_lines;
    if (sg->cell_no == NULL) {
        g_ptr_array_set_size(lines, 0);
        return;
    }
    SlxRow *row = slx_seg_new_row(sg->cell_block, sg->section, sg->section_number);
    row->no = g_steal_pointer(&sg->cell_no);
    guint at = 0;
    double sim;
    guint n = transcript_best_run(cx, lines, at, TRANSCRIPT_NAME_LINES, TRUE, &sim);
    if (n > 0 && transcript_has(sg, SLX_COL_NAME)) {
        row->name = transcript_join(lines, at, at + n);
        at += n;
    }
    if (transcript_has(sg, SLX_COL_TEMPLATE)) {
        n = transcript_best_run(cx, lines, at, TRANSCRIPT_TEMPLATE_LINES, FALSE, &sim);
        if (n > 0 && sim >= TRANSCRIPT_TEMPLATE_LIKENESS) {
            row->template_text = transcript_join(lines, at, at + n);
            at += n;
        }
    }
    if (at < lines->len && transcript_has(sg, SLX_COL_UNIT)) {
        char *unit = slx_match_key(g_ptr_array_index(lines, at));
        if (slx_seg_is_unit(cx, unit)) {
            row->unit = slx_normalize(g_ptr_array_index(lines, at), -1, SLX_NORM_DEFAULT);
            at++;
        }
        g_free(unit);
    }
    /* The checklist's own 設定例 beside the answer: the vendor's answer
     * starts at the first line after the example's first that opens with a
     * marker (「有:」, 「○」) — the 設定例 may open with one too (「有:30日前
     * にメール/ホームページで通知」). */
    if (at < lines->len && transcript_has(sg, SLX_COL_EXAMPLE) && transcript_has(sg, SLX_COL_ANSWER)) {
        guint answer_at = transcript_marked_line(cx, lines, at + 1);
        if (answer_at > at && answer_at < lines->len) {
            row->example = transcript_join(lines, at, answer_at);
            at = answer_at;
        }
    }
    if (at < lines->len) {
        char *answer = transcript_join(lines, at, lines->len);
        slx_seg_put(row, SLX_COL_ANSWER, answer, 0);
        g_free(answer);
    }
    g_ptr_array_set_size(lines, 0);
    if (row->name == NULL && row->responses->len == 0) {
        slx_seg_row_free(row);
        return;
    }
    slx_seg_add_row(sg, row);
}

/* A block that is no line ends the transcribed table. */
void
slx_seg_transcript_end(Segmenter *sg)
{
    if (sg->transcript == NULL)
        return;
    transcript_flush(sg);
    g_clear_pointer(&sg->transcript, g_array_unref);
}

/* A line of a transcribed table.  Returns FALSE when it is not one. */
gboolean
slx_seg_transcript_line(Segmenter *sg, const SlxBlock *b, guint index, const char *text)
{
    if (sg->transcript == NULL) {
        guint last = index;
        if (sg->roles != NULL || (sg->transcript = transcript_header(sg, index, &last)) == NULL)
            return FALSE;
        slx_seg_close_open(sg);
        sg->transcript_skip = last;
        sg->t->header_rows++;
        return TRUE;
    }
    if (index <= sg->transcript_skip)
        return TRUE;
    if (slx_seg_is_rule(&sg->cx, b)) {
        transcript_flush(sg);
        return TRUE;
    }
    /* An item number alone starts a row; one no larger than the row's own
     * is that row's answer (「5」 generations). */
    if (slx_seg_is_number(&sg->cx, text) &&
        (sg->cell_no == NULL || g_ascii_strtod(text, NULL) > g_ascii_strtod(sg->cell_no, NULL))) {
        transcript_flush(sg);
        sg->cell_no = g_strdup(text);
        sg->cell_block = b;
        return TRUE;
    }
    if (sg->cell_no)
        g_ptr_array_add(sg->cell_lines, g_strdup(text));
    else
        slx_seg_note_preamble(&sg->cx, sg->t, text);
    return TRUE;
}

