/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c — a page's ruling lines: from its content stream (vector.c)
 * when it can be read, else from a rendering (raster.c); pieces joined
 * into rules and held to the lengths a cell's side has. */
#include "pdf.h"

#include <math.h>

static gint
rules_by_pos_then_from(gconstpointer a, gconstpointer b)
{
    const Rule *x = a, *y = b;
    if (fabs(x->pos - y->pos) > SAME_POS)
        return x->pos < y->pos ? -1 : 1;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* Merge runs that are one rule: the pixel rows of a thick line, pieces cut
 * by a masked glyph edge. */
GArray *
slx_pdf_merge_rules(GArray *runs)
{
    g_array_sort(runs, rules_by_pos_then_from);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(Rule));
    for (guint i = 0; i < runs->len; i++) {
        Rule r = g_array_index(runs, Rule, i);
        gboolean merged = FALSE;
        for (guint j = out->len; j-- > 0 && !merged;) {
            Rule *o = &g_array_index(out, Rule, j);
            if (fabs(o->pos - r.pos) > SAME_POS)
                continue;
            if (r.from <= o->to + 2 * SAME_POS && r.to >= o->from - 2 * SAME_POS) {
                o->from = MIN(o->from, r.from);
                o->to = MAX(o->to, r.to);
                o->light = o->light && r.light;
                merged = TRUE;
            }
        }
        if (!merged)
            g_array_append_val(out, r);
    }
    g_array_free(runs, TRUE);
    return out;
}

guint
slx_pdf_rule_crossings(const Rule *r, const GArray *others)
{
    guint n = 0;
    for (guint i = 0; i < others->len; i++) {
        const Rule *o = &g_array_index(others, Rule, i);
        n += o->pos >= r->from - SAME_POS && o->pos <= r->to + SAME_POS &&
             r->pos >= o->from - SAME_POS && r->pos <= o->to + SAME_POS;
    }
    return n;
}

/* Light rules that are no part of a grid, dropped from H and V.  A table
 * printed with gray hairlines is known by its geometry, parallel lines
 * meeting perpendicular ones, whatever their gray; a light underline, a
 * highlight's edge or a page's decoration meets fewer than two.  Dark
 * rules are all kept (table.c holds them to the grid later), and a light
 * rule may meet a dark one. */
void
slx_pdf_rules_light_in_grid(GArray *h, GArray *v)
{
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        for (int dir = 0; dir < 2; dir++) {
            GArray *rules = dir ? v : h, *others = dir ? h : v;
            for (guint i = rules->len; i-- > 0;) {
                const Rule *r = &g_array_index(rules, Rule, i);
                if (r->light && slx_pdf_rule_crossings(r, others) < 2) {
                    g_array_remove_index(rules, i);
                    changed = TRUE;
                }
            }
        }
    }
}

/* Rules at least MIN points long, and shorter pieces in line with one of
 * them: a column's side across a one-line header row, cut off from the
 * rest of the side by a section row that spans the columns.  (Drawn
 * rules only: in a rendering, short pieces are more often glyph strokes.) */
static GArray *
rules_long(GArray *rules, double min)
{
    GArray *kept = g_array_new(FALSE, FALSE, sizeof(Rule));
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        gboolean keep = r->to - r->from >= min;
        for (guint j = 0; j < rules->len && !keep; j++) {
            const Rule *o = &g_array_index(rules, Rule, j);
            keep = fabs(o->pos - r->pos) <= SAME_POS && o->to - o->from >= min;
        }
        if (keep)
            g_array_append_val(kept, *r);
    }
    g_array_free(rules, TRUE);
    return kept;
}

/* The page's rules: from its content stream when VECTOR can read it
 * (exact, and without drawing the text), else from a rendering.  Pieces
 * drawn cell by cell are joined first, then held to the lengths the
 * raster scan asks of a run.  Asked before the text: a rendering collects
 * the page's text as it draws, so Poppler then reads the page once.
 * FALSE if the page had to be rendered and was too large to be. */
gboolean
slx_pdf_page_rules(PopplerPage *page, SlxPdfRules *vector, guint index, GArray **hrules,
           GArray **vrules, Backdrop *backdrop)
{
    double pw, ph;
    poppler_page_get_size(page, &pw, &ph);
    GArray *h = g_array_new(FALSE, FALSE, sizeof(Rule));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(Rule));
    backdrop->fills = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    backdrop->raster = NULL;
    if (vector && slx_pdf_rules_page(vector, index, pw, ph, h, v, backdrop->fills)) {
        *hrules = rules_long(slx_pdf_merge_rules(h), MIN_H_RUN);
        *vrules = rules_long(slx_pdf_merge_rules(v), MIN_V_RUN);
        slx_pdf_rules_light_in_grid(*hrules, *vrules);
    } else if (vector && slx_pdf_rules_over_budget(vector)) {
        *hrules = h;          /* a bomb is not rendered: the caller skips the page */
        *vrules = v;
    } else {
        g_array_free(h, TRUE);
        g_array_free(v, TRUE);
        backdrop->raster = slx_pdf_render_rules(page, hrules, vrules);
        return backdrop->raster != NULL;
    }
    return TRUE;
}
