/* SPDX-License-Identifier: GPL-3.0-or-later */
/* borderless.c — rules for tables printed without ruling lines: put in
 * the gaps that the table's lines leave between columns and rows. */
#include "pdf.h"

#include <math.h>
#include <string.h>

#define BIN 0.25           /* points: the grain of the gaps of a borderless table */
#define MIN_TABLE_LINES 3  /* lines of several runs that make a borderless table */
#define MIN_COLUMN_GAP 0.5 /* glyph sizes: the narrowest gap between columns */
#define MIN_ROW_GAP 1.5    /* points: rows are this much further apart than lines (padding) */
#define TITLE_WIDTH 0.5    /* a line of one run wider than this part of the page's text parts tables */
#define SPARSE_COLUMN 0.35 /* a column inked less than this part of the most inked one */

/* A table printed without ruling lines still has its columns apart and its
 * rows apart: cells are padded.  Lines with two or more runs of text far
 * apart are the table's, but for lines at its top or bottom that span the
 * columns (a title, a meta line of fields); the x ranges those lines do
 * not ink, narrowed to what wrapped single-run lines leave, are the gaps
 * between columns.  The y ranges no table line inks are the gaps between
 * rows, where wider than the gap between two lines of one cell (measured
 * from the pitch of lines within a column).  Rules are put in the middle
 * of those gaps, and the page is read as a bordered one
 * (research/pdf-tables.md §4).  Vertical rules span the table's lines,
 * horizontal ones are only between rows, so that a row cut by the page
 * break is seen as one, as with borders.  A merged cell's text stays in
 * the row it is printed in. */

/* Whether a glyph of LINE crosses one of the GAPS (pairs of x0, x1). */
static gboolean
borderless_line_crosses(const Line *line, const GArray *gaps)
{
    for (guint k = 0; k < line->glyphs->len; k++) {
        const Glyph *g = g_ptr_array_index(line->glyphs, k);
        for (guint i = 0; i + 1 < gaps->len; i += 2)
            if (g->x2 > g_array_index(gaps, double, i) && g->x1 < g_array_index(gaps, double, i + 1))
                return TRUE;
    }
    return FALSE;
}

/* Whether LINE lies between LEFT and RIGHT without crossing CUTS. */
static gboolean
borderless_line_fits(const Line *line, const GArray *cuts, double left, double right)
{
    return slx_pdf_line_left(line) >= left && slx_pdf_line_right(line) <= right && !borderless_line_crosses(line, cuts);
}

/* The inner column SIDES (all but the table's edges) as narrow gaps
 * (x0, x1) appended to OUT, for borderless_line_crosses(): a line crossing one spans
 * two columns. */
static void
borderless_sides_as_gaps(const GArray *sides, GArray *out)
{
    for (guint k = 1; k + 1 < sides->len; k++) {
        double x = g_array_index(sides, double, k), lo = x - BIN, hi = x + BIN;
        g_array_append_val(out, lo);
        g_array_append_val(out, hi);
    }
}

/* Empty runs of at least MIN_RUN bins in INKED[0..n), as pairs of bin
 * indexes (start, end) appended to OUT. */
static void
borderless_empty_runs(const guint8 *inked, guint n, guint min_run, GArray *out)
{
    for (guint i = 0; i < n;) {
        if (inked[i]) {
            i++;
            continue;
        }
        guint start = i;
        while (i < n && !inked[i])
            i++;
        if (i - start >= min_run) {
            double a = start, b = i;
            g_array_append_val(out, a);
            g_array_append_val(out, b);
        }
    }
}

/* Columns: x bins of BIN points that no line of several runs inks,
 * among LINES[FIRST..LAST], appended to GAPS as pairs (x0, x1). */
static void
borderless_column_gaps(const GArray *lines, guint first, guint last, double size, double x_min,
                 double x_max, GArray *gaps)
{
    guint nx = (guint)ceil((x_max - x_min) / BIN) + 1;
    guint8 *inked = g_new0(guint8, nx);
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (slx_pdf_line_runs(l) < 2)
            continue;
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            guint a = (guint)floor((g->x1 - x_min) / BIN), b = (guint)ceil((g->x2 - x_min) / BIN);
            for (guint x = a; x < MIN(b, nx); x++)
                inked[x] = 1;
        }
    }
    borderless_empty_runs(inked, nx, (guint)ceil(MIN_COLUMN_GAP * size / BIN), gaps);
    g_free(inked);
    for (guint i = 0; i < gaps->len; i++)
        g_array_index(gaps, double, i) = x_min + g_array_index(gaps, double, i) * BIN;
}

/* The commonest gap (points, to half a point) between the inked runs of
 * each of the NCOLS columns of COL_INK (NY bins each): the gap between
 * rows for a block too short to measure the pitch of its lines in. */
static double
borderless_leading(const guint8 *col_ink, guint ncols, guint ny)
{
    GArray *heights = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint c = 0; c < ncols; c++) {
        g_array_set_size(runs, 0);
        borderless_empty_runs(col_ink + (gsize)c * ny, ny, 1, runs);
        for (guint i = 0; i + 1 < runs->len; i += 2) {
            double a = g_array_index(runs, double, i), b = g_array_index(runs, double, i + 1);
            if (a > 0 && b < ny) {      /* between two lines of the column */
                double h = (b - a) * BIN;
                g_array_append_val(heights, h);
            }
        }
    }
    double leading = 0;
    guint votes = 0;
    for (guint i = 0; i < heights->len; i++) {
        double h = g_array_index(heights, double, i);
        guint n = 0;
        for (guint k = 0; k < heights->len; k++)
            n += fabs(g_array_index(heights, double, k) - h) <= 0.5;
        if (n > votes || (n == votes && h < leading))
            votes = n, leading = h;
    }
    g_array_free(runs, TRUE);
    g_array_free(heights, TRUE);
    return leading;
}

/* Whether the first column of COL_INK is inked in bins [A, B). */
static gboolean
borderless_column_inked(const guint8 *col_ink, guint ny, guint a, guint b)
{
    for (guint y = a; y < MIN(b, ny); y++)
        if (col_ink[y])
            return TRUE;
    return FALSE;
}

/* Rows parted everywhere but in one column: a merged cell (種別 spanning
 * rows, printed across the gap between them, one character per line) fills
 * the gap there.  Such a gap is a stretch of at least MIN_GAP points that
 * only column C inks, with other columns inked right above and right below
 * it (the rows it parts), no rule in it already (a stretch reaching
 * through a gap between rows is a tall cell beside short ones), and a No.
 * on either side.  COL_INK holds NCOLS columns of NY bins from Y_MIN;
 * rules go from LEFT to RIGHT into HR, whose rules from index FROM are this
 * table's. */
static void
borderless_merged_cell_rules(const guint8 *col_ink, guint ncols, guint ny, double y_min, double min_gap,
                  guint from, double left, double right, GArray *hr)
{
    guint8 *others = g_new(guint8, ny);
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
    guint nrules = hr->len;
    for (guint c = 0; c < ncols; c++) {
        memset(others, 0, ny);
        for (guint o = 0; o < ncols; o++)
            if (o != c)
                for (guint y = 0; y < ny; y++)
                    others[y] |= col_ink[(gsize)o * ny + y];
        g_array_set_size(runs, 0);
        borderless_empty_runs(others, ny, 1, runs);
        for (guint k = 0; k + 1 < runs->len; k += 2) {
            guint a = (guint)g_array_index(runs, double, k), b = (guint)g_array_index(runs, double, k + 1);
            if (a == 0 || b == ny || (b - a) * BIN < min_gap)
                continue;
            gboolean inked = FALSE, ruled = FALSE;
            for (guint y = a; y < b && !inked; y++)
                inked = col_ink[(gsize)c * ny + y];
            double y0 = y_min + a * BIN, y1 = y_min + b * BIN;
            double above = y_min, below = y_min + ny * BIN;   /* the rules around */
            for (guint i = from; i < hr->len; i++) {
                double pos = g_array_index(hr, Rule, i).pos;
                ruled |= i < nrules && pos >= y0 && pos <= y1;
                if (pos < y0)
                    above = MAX(above, pos);
                if (pos > y1)
                    below = MIN(below, pos);
            }
            /* Each side a record of its own: the first column (No.) is
             * inked on both (a tall cell beside short ones is not). */
            if (inked && !ruled && c > 0 &&
                borderless_column_inked(col_ink, ny, (guint)((above - y_min) / BIN), a) &&
                borderless_column_inked(col_ink, ny, b, (guint)MIN((below - y_min) / BIN, ny))) {
                Rule r = {(y0 + y1) / 2, left, right, FALSE};
                g_array_append_val(hr, r);
            }
        }
    }
    g_array_free(runs, TRUE);
    g_free(others);
}

/* The lines of a borderless table and what they ink. */
typedef struct {
    const GArray *lines;    /* Line: the page's */
    guint first, last;      /* the table's: LINES[FIRST..LAST] */
    guint nmulti;           /* of them, lines of several runs */
    double size;            /* their mean glyph size */
    double x_min, x_max;    /* their ink, across */
} Span;

/* Fill in the figures of S from its lines of several runs, and move its
 * ends to such lines. */
static void
borderless_measure(Span *s)
{
    guint first = G_MAXUINT, last = 0;
    s->nmulti = 0;
    s->size = 0;
    s->x_min = G_MAXDOUBLE;
    s->x_max = 0;
    for (guint i = s->first; i <= s->last && i < s->lines->len; i++) {
        const Line *l = &g_array_index(s->lines, Line, i);
        if (slx_pdf_line_runs(l) < 2)
            continue;
        first = MIN(first, i);
        last = i;
        s->nmulti++;
        s->size += l->size;
        s->x_min = MIN(s->x_min, slx_pdf_line_left(l));
        s->x_max = MAX(s->x_max, slx_pdf_line_right(l));
    }
    if (s->nmulti > 0) {
        s->first = first;
        s->last = last;
        s->size /= s->nmulti;
    }
}

/* The column gaps of S's lines of several runs (pairs x0, x1). */
static GArray *
borderless_span_gaps(const Span *s)
{
    GArray *gaps = g_array_new(FALSE, FALSE, sizeof(double));
    borderless_column_gaps(s->lines, s->first, s->last, s->size, s->x_min, s->x_max, gaps);
    return gaps;
}

/* A title, a line of meta fields (「サービス名称:…　回答日:…」) or a note
 * above or below a table can hold several runs and span the page: counted
 * as a table line, it would ink every gap between columns.  The lines at
 * either end of S that cross gaps the others leave are not the table's
 * (at most MAX_SPANNING at each end, and never below MIN_TABLE_LINES);
 * *GAPS becomes the gaps of the rest. */
#define MAX_SPANNING 3
static void
borderless_drop_spanning(Span *s, GArray **gaps)
{
    for (int end = 0; end < 2; end++) {
        for (int n = 0; n < MAX_SPANNING && s->nmulti > MIN_TABLE_LINES; n++) {
            Span rest = *s;
            guint edge = end ? s->last : s->first;
            if (end)
                rest.last--;
            else
                rest.first++;
            borderless_measure(&rest);
            GArray *g = borderless_span_gaps(&rest);
            if (g->len <= (*gaps)->len || !borderless_line_crosses(&g_array_index(s->lines, Line, edge), g)) {
                g_array_free(g, TRUE);
                break;
            }
            *s = rest;
            g_array_free(*gaps, TRUE);
            *gaps = g;
        }
    }
}

/* The column GAPS of S (found from its lines of several runs) narrowed to
 * what all its lines leave: a cell's wrapped line that fills the cell
 * (a line of one run, its row's other cells centred beside it) reaches
 * further into the gap than the lines of several runs do.  A gap that
 * lines ink all across (a section row spanning the columns) stays. */
static void
borderless_narrow_gaps(const Span *s, GArray *gaps)
{
    for (guint i = 0; i + 1 < gaps->len; i += 2) {
        double lo = g_array_index(gaps, double, i), hi = g_array_index(gaps, double, i + 1);
        guint n = (guint)ceil((hi - lo) / BIN);
        if (n == 0)
            continue;
        guint8 *inked = g_new0(guint8, n);
        for (guint l = s->first; l <= s->last; l++) {
            const Line *line = &g_array_index(s->lines, Line, l);
            for (guint k = 0; k < line->glyphs->len; k++) {
                const Glyph *g = g_ptr_array_index(line->glyphs, k);
                if (g->x2 <= lo || g->x1 >= hi)
                    continue;
                guint a = (guint)MAX(floor((g->x1 - lo) / BIN), 0);
                guint b = (guint)MIN(ceil((g->x2 - lo) / BIN), n);
                memset(inked + a, 1, b > a ? b - a : 0);
            }
        }
        GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
        borderless_empty_runs(inked, n, 1, runs);
        double best = 0, best_lo = lo, best_hi = hi;
        for (guint k = 0; k + 1 < runs->len; k += 2) {
            double a = g_array_index(runs, double, k), b = g_array_index(runs, double, k + 1);
            if (b - a > best)
                best = b - a, best_lo = lo + a * BIN, best_hi = lo + b * BIN;
        }
        if (best > 0) {
            g_array_index(gaps, double, i) = best_lo;
            g_array_index(gaps, double, i + 1) = best_hi;
        }
        g_array_free(runs, TRUE);
        g_free(inked);
    }
}

/* The sides of the columns of S: in the middle of each of its GAPS,
 * unless the page before had sides inside it (COLUMNS): a column empty
 * on this page (no 種別 on it) is still there, and the rows of both pages
 * must line up.  COLUMNS gets the sides. */
static GArray *
borderless_sides(const Span *s, GArray *gaps, GArray *columns)
{
    double left = s->x_min - 1, right = s->x_max + 1;
    if (columns->len >= 2 && g_array_index(columns, double, 0) <= left &&
        g_array_index(columns, double, columns->len - 1) >= right) {
        left = g_array_index(columns, double, 0);
        right = g_array_index(columns, double, columns->len - 1);
    }
    GArray *sides = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_val(sides, left);
    /* Beyond the ink, too: a column empty at the table's edge. */
    g_array_prepend_val(gaps, s->x_min);
    g_array_prepend_val(gaps, left);
    g_array_append_val(gaps, s->x_max);
    g_array_append_val(gaps, right);
    for (guint i = 0; i + 1 < gaps->len; i += 2) {
        double lo = g_array_index(gaps, double, i), hi = g_array_index(gaps, double, i + 1);
        guint before = sides->len;
        for (guint k = 1; k + 1 < columns->len; k++) {
            double x = g_array_index(columns, double, k);
            if (x > lo && x < hi)
                g_array_append_val(sides, x);
        }
        if (sides->len == before && i > 0 && i + 2 < gaps->len) {
            double mid = (lo + hi) / 2;
            g_array_append_val(sides, mid);
        }
    }
    g_array_append_val(sides, right);
    g_array_set_size(columns, 0);
    g_array_append_vals(columns, sides->data, sides->len);
    return sides;
}

/* The column (0 to NSIDES-2) between SIDES that X falls in. */
static guint
borderless_column_of(const GArray *sides, double x)
{
    guint c = 0;
    while (c + 2 < sides->len && x > g_array_index(sides, double, c + 1))
        c++;
    return c;
}

/* The vertical extent of S's ink: a glyph inks one glyph size about its
 * centre (its box can be taller than the line pitch). */
static void
borderless_extent(const Span *s, double *y_min, double *y_max)
{
    *y_min = G_MAXDOUBLE;
    *y_max = 0;
    for (guint i = s->first; i <= s->last; i++) {
        const Line *l = &g_array_index(s->lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            *y_min = MIN(*y_min, (g->y1 + g->y2) / 2 - s->size / 2);
            *y_max = MAX(*y_max, (g->y1 + g->y2) / 2 + s->size / 2);
        }
    }
}

/* Where each column between SIDES is inked: NY bins of BIN points from
 * Y_MIN per column, one column after another (g_free). */
static guint8 *
borderless_column_ink(const Span *s, const GArray *sides, double y_min, guint ny)
{
    guint ncols = sides->len - 1;
    guint8 *col_ink = g_new0(guint8, (gsize)ncols * ny);
    for (guint i = s->first; i <= s->last; i++) {
        const Line *l = &g_array_index(s->lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            guint c = borderless_column_of(sides, (g->x1 + g->x2) / 2);
            double mid = (g->y1 + g->y2) / 2;
            double a = floor((mid - s->size / 2 - y_min) / BIN);
            double b = ceil((mid + s->size / 2 - y_min) / BIN);
            for (guint y = (guint)MAX(a, 0); y < MIN((guint)MAX(b, 0), ny); y++)
                col_ink[(gsize)c * ny + y] = 1;
        }
    }
    return col_ink;
}

/* The columns whose lines are compared for continuations: the DENSE ones
 * of NCOLS, and with a single dense column (a long 規定内容 beside short
 * cells), the next most inked by COVERAGE too.  A bit per column. */
static guint64
borderless_compared_columns(const gboolean *dense, const guint *coverage, guint ncols)
{
    guint64 mask = 0;
    guint ndense = 0, next = G_MAXUINT;
    for (guint c = 0; c < MIN(ncols, 64); c++) {
        if (dense[c]) {
            mask |= G_GUINT64_CONSTANT(1) << c;
            ndense++;
        } else if (next == G_MAXUINT || coverage[c] > coverage[next]) {
            next = c;
        }
    }
    if (ndense == 1 && next != G_MAXUINT)
        mask |= G_GUINT64_CONSTANT(1) << next;
    return mask;
}

/* The pitch between each two lines that follow each other in one of the
 * columns of MASK (between SIDES), into PITCHES, and whether the lower
 * line is a continuation (it leaves a column of MASK empty) into
 * EVIDENCE. */
static void
borderless_pitches(const Span *s, const GArray *sides, guint64 mask, GArray *pitches,
                   GArray *evidence)
{
    guint64 *in = g_new0(guint64, s->last - s->first + 1);   /* the columns each line inks */
    for (guint i = s->first; i <= s->last; i++) {
        const Line *l = &g_array_index(s->lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            guint c = MIN(borderless_column_of(sides, (g->x1 + g->x2) / 2), 63);
            in[i - s->first] |= G_GUINT64_CONSTANT(1) << c;
        }
    }
    for (guint c = 0; c < 64; c++) {
        guint64 bit = G_GUINT64_CONSTANT(1) << c;
        if (!(mask & bit))
            continue;
        double prev = -1;
        for (guint i = s->first; i <= s->last; i++) {
            if (!(in[i - s->first] & bit))
                continue;
            double mid = g_array_index(s->lines, Line, i).mid;
            if (prev >= 0) {
                double p = mid - prev;
                gboolean continues = (in[i - s->first] & mask) != mask;
                g_array_append_val(pitches, p);
                g_array_append_val(evidence, continues);
            }
            prev = mid;
        }
    }
    g_free(in);
}

/* The gap the ink of two lines of one cell leaves, from the pitch of the
 * lines within a column: touching lines (line-height 1) and the padding
 * between rows are told apart so, which the gaps alone cannot do.  The
 * pitch within a cell is the smallest that recurs in the DENSE columns
 * between SIDES (COVERAGE: how much each column is inked), if some lines
 * at that pitch are continuations (a column dense elsewhere has nothing
 * on that line: a cell longer than its row's others).  Without such
 * evidence the lines are evenly spaced rows of one line each:
 * *EVERY_LINE. */
static double
borderless_cell_gap(const Span *s, const GArray *sides, const gboolean *dense,
                    const guint *coverage, gboolean *every_line)
{
    GArray *pitches = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *evidence = g_array_new(FALSE, FALSE, sizeof(gboolean));
    borderless_pitches(s, sides, borderless_compared_columns(dense, coverage, sides->len - 1),
                       pitches, evidence);
    /* The smallest pitch that recurs (to half a point), and how many of
     * its lines are continuations. */
    double pitch = G_MAXDOUBLE;
    guint cluster = 0, continuations = 0;
    for (guint i = 0; i < pitches->len; i++) {
        double p = g_array_index(pitches, double, i);
        if (p < 0.5 * s->size || p >= pitch)
            continue;
        guint n = 0, e = 0;
        for (guint k = 0; k < pitches->len; k++)
            if (fabs(g_array_index(pitches, double, k) - p) <= 0.5) {
                n++;
                e += g_array_index(evidence, gboolean, k);
            }
        if (n >= 2)
            pitch = p, cluster = n, continuations = e;
    }
    g_array_free(pitches, TRUE);
    g_array_free(evidence, TRUE);
    *every_line = !(continuations >= 2 && 4 * continuations >= cluster);
    return *every_line ? 0 : MAX(pitch - s->size, 0);
}

/* Which of the NCOLS columns of COL_INK (NY bins each) are dense: inked
 * at least SPARSE_COLUMN as much as the most inked one.  Columns inked
 * much less (a merged 種別, No., 備考) are left out of the row gaps.
 * *COVERAGE_OUT gets the bins each column inks (g_free). */
static gboolean *
borderless_dense_columns(const guint8 *col_ink, guint ncols, guint ny, guint **coverage_out)
{
    guint *coverage = g_new0(guint, ncols), most = 0;
    for (guint c = 0; c < ncols; c++) {
        for (guint y = 0; y < ny; y++)
            coverage[c] += col_ink[(gsize)c * ny + y];
        most = MAX(most, coverage[c]);
    }
    gboolean *dense = g_new0(gboolean, ncols);
    for (guint c = 0; c < ncols; c++)
        dense[c] = coverage[c] >= SPARSE_COLUMN * most;
    *coverage_out = coverage;
    return dense;
}

/* Rules between the rows of the table in COL_INK (NCOLS columns of NY
 * bins from Y_MIN), from X_MIN to X_MAX, into HR: the y bins the dense
 * columns do not ink, where that gap is wider than a cell's own gap
 * CELL_GAP by MIN_ROW_GAP (any gap, for EVERY_LINE).  Where the sparse
 * columns leave room, the rule goes there: each stretch of the gap no
 * column inks that is itself a row gap (a section row printed in sparse
 * columns only lies between two), else the widest one (a merged cell
 * printed across the rows it spans). */
static void
borderless_row_rules(const guint8 *col_ink, const gboolean *dense, guint ncols, guint ny,
                     double y_min, double cell_gap, gboolean every_line, double x_min,
                     double x_max, GArray *hr)
{
    guint8 *inked_all = g_new0(guint8, ny), *inked = g_new0(guint8, ny);
    for (guint c = 0; c < ncols; c++)
        for (guint y = 0; y < ny; y++) {
            inked_all[y] |= col_ink[(gsize)c * ny + y];
            if (dense[c])
                inked[y] |= col_ink[(gsize)c * ny + y];
        }
    GArray *row_gaps = g_array_new(FALSE, FALSE, sizeof(double));
    borderless_empty_runs(inked, ny, 1, row_gaps);
    g_free(inked);
    /* Inside the table only (rounding can leave a bin free at its end). */
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, row_gaps->len - 1) >= ny - 1)
        g_array_set_size(row_gaps, row_gaps->len - 2);
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, 0) == 0)
        g_array_remove_range(row_gaps, 0, 2);
    double min_gap = every_line ? 0 : cell_gap + MIN_ROW_GAP;
    GArray *stretches = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i + 1 < row_gaps->len; i += 2) {
        guint a = (guint)g_array_index(row_gaps, double, i), b = (guint)g_array_index(row_gaps, double, i + 1);
        if ((b - a) * BIN < min_gap)
            continue;
        double best_a = a, best_b = b, best = 0;
        guint added = 0;
        g_array_set_size(stretches, 0);
        borderless_empty_runs(inked_all + a, b - a, 1, stretches);
        for (guint k = 0; k + 1 < stretches->len; k += 2) {
            double start = a + g_array_index(stretches, double, k);
            double end = a + g_array_index(stretches, double, k + 1);
            if ((end - start) * BIN >= min_gap && !every_line) {
                Rule r = {y_min + (start + end) / 2 * BIN, x_min - 1, x_max + 1, FALSE};
                g_array_append_val(hr, r);
                added++;
            }
            if (end - start > best)
                best = end - start, best_a = start, best_b = end;
        }
        if (added == 0) {
            Rule r = {y_min + (best_a + best_b) / 2.0 * BIN, x_min - 1, x_max + 1, FALSE};
            g_array_append_val(hr, r);
        }
    }
    g_array_free(stretches, TRUE);
    g_array_free(row_gaps, TRUE);
    g_free(inked_all);
}

/* Rules for the borderless table in LINES[FROM..TO), added to HR and VR.
 * COLUMNS holds the column sides of the table before (on the page before,
 * for the first block of a page), and gets this one's.  The first block of
 * a page is left open at the top, like a row cut by the page break. */
static void
borderless_block(const GArray *lines, guint from, guint to, gboolean opens_page, GArray *columns,
                 GArray *hr, GArray *vr)
{
    guint rules_before = hr->len;

    /* The table's lines: from the first to the last line of several runs,
     * but for lines that span its columns at either end. */
    Span s = {lines, from, to - 1, 0, 0, 0, 0};
    borderless_measure(&s);
    GArray *gaps;
    if (s.nmulti < MIN_TABLE_LINES) {
        /* Too few lines to see columns in: at most the end of the table of
         * the page before (the rest of its last row), in its columns. */
        if (columns->len < 2 || !opens_page || from >= to)
            return;
        gaps = g_array_new(FALSE, FALSE, sizeof(double));
        borderless_sides_as_gaps(columns, gaps);
        const Line *l = &g_array_index(lines, Line, from);
        if (!borderless_line_fits(l, gaps, g_array_index(columns, double, 0),
                                  g_array_index(columns, double, columns->len - 1))) {
            g_array_free(gaps, TRUE);
            return;
        }
        s.first = s.last = from;
        s.size = l->size;
        s.x_min = g_array_index(columns, double, 0) + 1;
        s.x_max = g_array_index(columns, double, columns->len - 1) - 1;
    } else {
        gaps = borderless_span_gaps(&s);
        borderless_drop_spanning(&s, &gaps);
    }
    borderless_narrow_gaps(&s, gaps);
    GArray *sides = borderless_sides(&s, gaps, columns);
    g_array_free(gaps, TRUE);
    double left = g_array_index(sides, double, 0), right = g_array_index(sides, double, sides->len - 1);
    double x_min = left + 1, x_max = right - 1;

    /* Lines next to the table that stay inside its columns belong to it:
     * the rest of a row cut by the page break, a last wrapped line. */
    GArray *cuts = g_array_new(FALSE, FALSE, sizeof(double));
    borderless_sides_as_gaps(sides, cuts);
    while (s.first > from && borderless_line_fits(&g_array_index(lines, Line, s.first - 1), cuts, left, right))
        s.first--;
    while (s.last + 1 < to && borderless_line_fits(&g_array_index(lines, Line, s.last + 1), cuts, left, right))
        s.last++;
    g_array_free(cuts, TRUE);

    double y_min, y_max;
    borderless_extent(&s, &y_min, &y_max);
    double top = y_min - 1, bottom = y_max + 1;
    for (guint i = 0; i < sides->len; i++) {
        Rule r = {g_array_index(sides, double, i), top, bottom, FALSE};
        g_array_append_val(vr, r);
    }

    /* Rows: y bins the table's lines do not ink, each column apart. */
    guint ny = (guint)ceil((y_max - y_min) / BIN) + 1, ncols = sides->len - 1;
    guint8 *col_ink = borderless_column_ink(&s, sides, y_min, ny);
    guint *coverage;
    gboolean *dense = borderless_dense_columns(col_ink, ncols, ny, &coverage);
    gboolean every_line = FALSE;
    double cell_gap;
    if (s.nmulti >= MIN_TABLE_LINES) {
        cell_gap = borderless_cell_gap(&s, sides, dense, coverage, &every_line);
    } else {
        /* The end of the page before's table alone is more likely one cut
         * row: only gaps wider than the commonest part its rows. */
        cell_gap = borderless_leading(col_ink, ncols, ny);
    }
    g_array_free(sides, TRUE);
    borderless_row_rules(col_ink, dense, ncols, ny, y_min, cell_gap, every_line, x_min, x_max, hr);
    if (!every_line)
        borderless_merged_cell_rules(col_ink, ncols, ny, y_min, cell_gap + MIN_ROW_GAP, rules_before,
                                     x_min - 1, x_max + 1, hr);
    g_free(dense);
    g_free(coverage);
    g_free(col_ink);
    /* Closed at the bottom; at the top too, but for the first table of the
     * page, which may continue a row of the page before. */
    Rule closing = {bottom, x_min - 1, x_max + 1, FALSE};
    g_array_append_val(hr, closing);
    if (!opens_page && hr->len > rules_before) {
        Rule opening = {top, x_min - 1, x_max + 1, FALSE};
        g_array_append_val(hr, opening);
    }
}

/* Rules for the borderless tables among GLYPHS, added to HR and VR.  A
 * page can hold several tables (one per sheet page, each with its own
 * column widths), with a title between them: a wide line of one run parts
 * them, and each gets its own columns.  COLUMNS holds the column sides of
 * the last table of the page before, and gets this page's. */
void
slx_pdf_infer_rules(GArray *glyphs, GArray *columns, GArray *hr, GArray *vr)
{
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < glyphs->len; i++)
        g_ptr_array_add(all, &g_array_index(glyphs, Glyph, i));
    GArray *lines = slx_pdf_visual_lines(all);
    g_ptr_array_free(all, TRUE);

    double x_min = G_MAXDOUBLE, x_max = 0;
    for (guint i = 0; i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        x_min = MIN(x_min, slx_pdf_line_left(l));
        x_max = MAX(x_max, slx_pdf_line_right(l));
    }
    guint from = 0;
    for (guint i = 0; i <= lines->len; i++) {
        gboolean parts = i == lines->len;
        if (!parts) {
            const Line *l = &g_array_index(lines, Line, i);
            double x1 = slx_pdf_line_left(l), x2 = slx_pdf_line_right(l);
            /* A title: wide, one run, from the left (a wide cell of the
             * last column is not). */
            parts = slx_pdf_line_runs(l) == 1 && x2 - x1 > TITLE_WIDTH * (x_max - x_min) &&
                    x1 - x_min < (1 - TITLE_WIDTH) / 2 * (x_max - x_min);
        }
        if (!parts)
            continue;
        if (i > from) {
            gboolean opens_page = from == 0;
            if (!opens_page)
                g_array_set_size(columns, 0);   /* another table, other widths */
            borderless_block(lines, from, i, opens_page, columns, hr, vr);
        }
        from = i + 1;
    }
    slx_pdf_lines_free(lines);
}
