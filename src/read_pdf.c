/* read_pdf.c — PDF pages → table rows, from glyph boxes and ruling lines.
 *
 * Poppler's text order glues the cells of a table row together and
 * interleaves wrapped lines (research/pdf-tables.md §0), so rows are
 * rebuilt from geometry:
 *   1. every character with its box (poppler_page_get_text_layout is
 *      index-aligned with poppler_page_get_text); white text is dropped;
 *   2. ruling lines: poppler-glib exposes no vector paths, so they are
 *      read from the page's content stream (pdf_rules.c, with qpdf); a page
 *      that cannot be read so is rendered at 2× into a raster and scanned
 *      for long dark runs (stroked lines and thin filled rectangles look the
 *      same there).  Pieces are joined, and a rule must be longer than any
 *      glyph stroke.  In a rendering, strokes of neighbouring glyphs can
 *      still join into long runs, so the table is where the long vertical
 *      rules are (its sides span many rows), and only rules there count
 *      (glyph boxes cannot mask text out: fonts with odd metrics give boxes
 *      taller than the line pitch).  A page without such rules may hold a
 *      table printed without borders: rules are put in the gaps between
 *      its columns and rows instead (infer_rules);
 *   3. the horizontal rules cut the page into bands; in a band, the
 *      vertical rules that cross it bound the cells;
 *   4. a cell with no rule above it continues the cell above (a merged
 *      種別): its text goes to every band it covers;
 *   5. text outside the rules (titles, page headers and footers) becomes
 *      one-cell rows, in reading order with the table rows.
 * Each page is released when read, so a long PDF reads in flat memory. */
#include "read_pdf.h"
#include "error.h"
#include "pdf_rules.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

#define SCALE 2.0          /* raster pixels per point */
/* The largest rendering: cairo cannot make an image side over 32767 px,
 * and a 14000-pt page at SCALE would take 3 GB.  A page larger than this
 * is read without its ruling lines (as a table without borders). */
#define MAX_RENDER_SIDE 16384
#define MAX_RENDER_PIXELS (32.0 * 1024 * 1024)
#define THICK 3            /* pixels: dark this far on both sides is inside an area (> 1.5 pt) */
#define MIN_H_RUN 15.0     /* points: longer than any glyph stroke */
#define MIN_V_RUN 12.0     /* points: longer than a glyph, shorter than a one-line cell */
#define SAME_POS 1.5       /* points: rules this close are one */
#define TABLE_RULE 40      /* points: a vertical rule this long is a table's */
#define TABLE_EDGE 100     /* points: so is a horizontal rule this long */
#define BIN 0.25           /* points: the grain of the gaps of a borderless table */
#define MIN_TABLE_LINES 3  /* lines of several runs that make a borderless table */
#define MIN_COLUMN_GAP 0.5 /* glyph sizes: the narrowest gap between columns */
#define MIN_ROW_GAP 1.5    /* points: rows are this much further apart than lines (padding) */
#define RUN_GAP 0.6        /* glyph sizes: a wider gap in a line parts two runs of text (cells) */
#define TITLE_WIDTH 0.5    /* a line of one run wider than this part of the page's text parts tables */
#define SPARSE_COLUMN 0.35 /* a column inked less than this part of the most inked one */

typedef struct {
    gunichar c;
    double x1, y1, x2, y2;
    gboolean space_before; /* Poppler put a word break before it */
} Glyph;

typedef SlxRule Rule;       /* pdf_rules.h */

typedef struct {
    double top;            /* for ordering rows on the page */
    GPtrArray *cells;      /* char * */
    gboolean continues;    /* the rest of a row cut by the page break above */
    gboolean outside;      /* a paragraph outside the table */
} PageRow;

/* ---- rules ------------------------------------------------------------ */

/* Whether the BGRx pixel P is dark enough to be part of a rule. */
static gboolean
pixel_dark(const guint8 *p)
{
    return p[0] + p[1] + p[2] < 3 * SLX_PDF_DARK;
}

/* The first x from X on (and before W) whose flag is set, or W.  Most of a
 * page is white, so the flags are skipped a word of eight at a time; the
 * rows are padded so that a word can be read from any x < W. */
static int
next_set(const guint8 *flags, int x, int w)
{
    while (x < w) {
        guint64 word;
        memcpy(&word, flags + x, sizeof word);
        if (word == 0) {
            x += 8;
            continue;
        }
        while (!flags[x])
            x++;
        return MIN(x, w);
    }
    return w;
}

/* Runs of dark pixels along rows (horizontal rules) and along columns
 * (vertical ones), in one row-major pass.  A dark pixel in the middle of
 * a square of dark pixels THICK wide on each side is inside a dark area (a
 * header row filled dark), not on a line, and does not count: only the
 * area's edges are lines, as in pdf_rules.c.  (A square, because crossing
 * rules and dense text make dark pixels above, below and beside a rule.)
 * The column runs change only where a pixel differs from its column's
 * open run, which on a mostly white page is rare, so only those places
 * are visited. */
static void
scan_rules(const guint8 *px, int stride, int w, int h, GArray *hruns, GArray *vruns)
{
    const int min_h = (int)(MIN_H_RUN * SCALE), min_v = (int)(MIN_V_RUN * SCALE);
    /* Rows of flags: whole words with a white pixel past the end, and a
     * word more, since a word is read from any x < w. */
    const int padded = (w + 8) & ~7;
    const gsize row_len = (gsize)padded + 8;
    /* every pixel's darkness, with white rows above and below; and whether
     * the THICK pixels on either side in its row are dark too */
    const int pad = THICK + 1;
    guint8 *dark = g_new0(guint8, row_len * (gsize)(h + 2 * pad));
    guint8 *wide = g_new0(guint8, row_len * (gsize)(h + 2 * pad));
#define DARK_ROW(y) (dark + (gsize)((y) + pad) * row_len)
#define WIDE_ROW(y) (wide + (gsize)((y) + pad) * row_len)
    for (int y = 0; y < h; y++) {
        const guint8 *row = px + (gsize)y * (gsize)stride;
        guint8 *d = DARK_ROW(y), *wd = WIDE_ROW(y);
        for (int x = 0; x < w; x++) {       /* BGRx; white is the common case */
            const guint8 *p = row + (gsize)x * 4;
            guint32 pixel;
            memcpy(&pixel, p, sizeof pixel);
            d[x] = (pixel & 0xFFFFFFu) != 0xFFFFFFu && pixel_dark(p);
        }
        int count = 0;                      /* dark pixels in x-THICK..x+THICK */
        for (int x = 0; x < w + THICK; x++) {
            count += (x < w ? d[x] : 0) - (x > 2 * THICK ? d[x - 2 * THICK - 1] : 0);
            if (x >= THICK)
                wd[x - THICK] = count == 2 * THICK + 1;
        }
    }
    guint8 *line = g_new0(guint8, row_len);    /* dark, not inside an area */
    int *square = g_new0(int, w);              /* wide pixels in y-THICK..y+THICK */
    for (int y = -THICK; y < THICK; y++)       /* the window for row 0, less its bottom row */
        for (int x = 0; x < w; x++)
            square[x] += WIDE_ROW(y)[x];
    guint8 *open = g_new0(guint8, row_len);    /* a column's run is open */
    guint8 *change = g_new0(guint8, row_len);
    int *col_start = g_new(int, w);            /* where each open run began */
    for (int y = 0; y <= h; y++) {
        if (y < h) {
            const guint8 *d = DARK_ROW(y), *enter = WIDE_ROW(y + THICK);
            const guint8 *leave = WIDE_ROW(y - THICK - 1);
            for (int x = 0; x < w; x++) {
                square[x] += enter[x] - leave[x];
                line[x] = d[x] && square[x] < 2 * THICK + 1;
            }
        } else {                             /* a white row closes every run */
            memset(line, 0, row_len);
        }
        for (int x = 0; x < padded; x += 8) {
            guint64 a, b;
            memcpy(&a, line + x, sizeof a);
            memcpy(&b, open + x, sizeof b);
            a ^= b;
            memcpy(change + x, &a, sizeof a);
        }
        /* horizontal runs */
        for (int x = next_set(line, 0, w); x < w; x = next_set(line, x, w)) {
            int start = x;
            while (line[x])                  /* line[w] is 0 */
                x++;
            if (x - start >= min_h) {
                Rule r = {(y + 0.5) / SCALE, start / SCALE, x / SCALE};
                g_array_append_val(hruns, r);
            }
        }
        /* vertical runs: open where a column turns dark, close where it
         * turns light */
        for (int x = next_set(change, 0, w); x < w; x = next_set(change, x + 1, w)) {
            if (line[x]) {
                col_start[x] = y;
                open[x] = 1;
            } else {
                if (y - col_start[x] >= min_v) {
                    Rule r = {(x + 0.5) / SCALE, col_start[x] / SCALE, y / SCALE};
                    g_array_append_val(vruns, r);
                }
                open[x] = 0;
            }
        }
    }
#undef DARK_ROW
#undef WIDE_ROW
    g_free(dark);
    g_free(wide);
    g_free(square);
    g_free(line);
    g_free(open);
    g_free(change);
    g_free(col_start);
}

static gint
by_pos_then_from(gconstpointer a, gconstpointer b)
{
    const Rule *x = a, *y = b;
    if (fabs(x->pos - y->pos) > SAME_POS)
        return x->pos < y->pos ? -1 : 1;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* Merge runs that are one rule: the pixel rows of a thick line, pieces cut
 * by a masked glyph edge. */
static GArray *
merge_rules(GArray *runs)
{
    g_array_sort(runs, by_pos_then_from);
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
                merged = TRUE;
            }
        }
        if (!merged)
            g_array_append_val(out, r);
    }
    g_array_free(runs, TRUE);
    return out;
}

/* Rules seen in a rendering of the page: for pages whose content stream
 * pdf_rules.c cannot read.  Returns the rendering (the backdrop of the
 * text). */
static cairo_surface_t *
render_rules(PopplerPage *page, GArray **hrules, GArray **vrules)
{
    double pw, ph;
    poppler_page_get_size(page, &pw, &ph);
    double fw = ceil(pw * SCALE), fh = ceil(ph * SCALE);
    cairo_surface_t *s = NULL;
    if (fw >= 1 && fh >= 1 && fw <= MAX_RENDER_SIDE && fh <= MAX_RENDER_SIDE &&
        fw * fh <= MAX_RENDER_PIXELS)
        s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)fw, (int)fh);
    if (s == NULL || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        /* Too large to render (or cairo could not): no rules, no raster. */
        if (s)
            cairo_surface_destroy(s);
        *hrules = g_array_new(FALSE, FALSE, sizeof(Rule));
        *vrules = g_array_new(FALSE, FALSE, sizeof(Rule));
        return NULL;
    }
    int w = (int)fw, h = (int)fh;
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, SCALE, SCALE);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);

    const guint8 *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    GArray *hruns = g_array_new(FALSE, FALSE, sizeof(Rule));
    GArray *vruns = g_array_new(FALSE, FALSE, sizeof(Rule));
    scan_rules(px, stride, w, h, hruns, vruns);
    *hrules = merge_rules(hruns);
    *vrules = merge_rules(vruns);
    return s;
}

/* Rules at least MIN points long, and shorter pieces in line with one of
 * them: a column's side across a one-line header row, cut off from the
 * rest of the side by a section row that spans the columns.  (Drawn
 * rules only: in a rendering, short pieces are more often glyph strokes.) */
static GArray *
long_rules(GArray *rules, double min)
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

/* What lies under the text: the dark filled areas the content draws, or
 * the rendering.  White text on a dark area (a vendor's header row) is
 * meant to be read; white text elsewhere is hidden. */
typedef struct {
    GArray *fills;             /* SlxRect */
    cairo_surface_t *raster;   /* at SCALE, when the page was rendered */
} Backdrop;

static void
backdrop_clear(Backdrop *b)
{
    if (b->fills)
        g_array_free(b->fills, TRUE);
    if (b->raster)
        cairo_surface_destroy(b->raster);
}

static gboolean
dark_pixel(cairo_surface_t *raster, double x, double y)
{
    int px = (int)(x * SCALE), py = (int)(y * SCALE);
    if (px < 0 || py < 0 || px >= cairo_image_surface_get_width(raster) ||
        py >= cairo_image_surface_get_height(raster))
        return FALSE;
    const guint8 *p = cairo_image_surface_get_data(raster) +
                      (gsize)py * (gsize)cairo_image_surface_get_stride(raster) + (gsize)px * 4;
    return pixel_dark(p);
}

/* Whether the glyph box R stands on a dark area: its middle inside a dark
 * fill, or, in a rendering, a third of sixteen points across its middle
 * dark.  (White text over white has none dark; the glyph's own strokes
 * hide much of a dark background on that line, and its box can be much
 * taller than the line, so its corners may lie outside the area.) */
static gboolean
dark_behind(const Backdrop *b, const PopplerRectangle *r)
{
    double x = (r->x1 + r->x2) / 2, y = (r->y1 + r->y2) / 2;
    for (guint i = 0; b->fills && i < b->fills->len; i++) {
        const SlxRect *f = &g_array_index(b->fills, SlxRect, i);
        if (x >= f->x1 && x <= f->x2 && y >= f->y1 && y <= f->y2)
            return TRUE;
    }
    if (b->raster == NULL)
        return FALSE;
    int dark = 0;
    for (int i = 0; i < 16; i++)
        dark += dark_pixel(b->raster, r->x1 + (r->x2 - r->x1) * (i + 0.5) / 16, y);
    return dark >= 16 / 3;
}

/* The page's rules: from its content stream when VECTOR can read it
 * (exact, and without drawing the text), else from a rendering.  Pieces
 * drawn cell by cell are joined first, then held to the lengths the
 * raster scan asks of a run.  Asked before the text: a rendering collects
 * the page's text as it draws, so Poppler then reads the page once.
 * FALSE if the page had to be rendered and was too large to be. */
static gboolean
page_rules(PopplerPage *page, SlxPdfRules *vector, guint index, GArray **hrules,
           GArray **vrules, Backdrop *backdrop)
{
    double pw, ph;
    poppler_page_get_size(page, &pw, &ph);
    GArray *h = g_array_new(FALSE, FALSE, sizeof(Rule));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(Rule));
    backdrop->fills = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    backdrop->raster = NULL;
    if (vector && slx_pdf_rules_page(vector, index, pw, ph, h, v, backdrop->fills)) {
        *hrules = long_rules(merge_rules(h), MIN_H_RUN);
        *vrules = long_rules(merge_rules(v), MIN_V_RUN);
    } else if (vector && slx_pdf_rules_over_budget(vector)) {
        *hrules = h;          /* a bomb is not rendered: the caller skips the page */
        *vrules = v;
    } else {
        g_array_free(h, TRUE);
        g_array_free(v, TRUE);
        backdrop->raster = render_rules(page, hrules, vrules);
        return backdrop->raster != NULL;
    }
    return TRUE;
}

/* ---- glyphs and text -------------------------------------------------- */

/* The page's characters with their boxes; white space is left out
 * (spaces are put back from the gaps), and so is white text but on a dark
 * BACKDROP (elsewhere it is hidden). */
static GArray *
page_glyphs(PopplerPage *page, const Backdrop *backdrop)
{
    GArray *glyphs = g_array_new(FALSE, FALSE, sizeof(Glyph));
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &n)) {
        g_free(text);
        return glyphs;
    }
    guint len = (guint)g_utf8_strlen(text, -1);
    guint8 *hidden = g_new0(guint8, MAX(len, 1));
    GList *attrs = poppler_page_get_text_attributes(page);
    for (GList *l = attrs; l; l = l->next) {
        const PopplerTextAttributes *a = l->data;
        if (a->color.red > 0xF000 && a->color.green > 0xF000 && a->color.blue > 0xF000)
            for (int i = MAX(a->start_index, 0); i <= a->end_index && (guint)i < MIN(len, n); i++)
                hidden[i] = !dark_behind(backdrop, &rects[i]);
    }
    poppler_page_free_text_attributes(attrs);
    guint i = 0;
    gboolean space = FALSE;
    for (const char *p = text; *p && i < n; p = g_utf8_next_char(p), i++) {
        gunichar c = g_utf8_get_char(p);
        if (c == '\n')
            space = FALSE;
        if (hidden[i] || g_unichar_isspace(c) || c == 0x3000) {
            space |= c != '\n';
            continue;
        }
        Glyph g = {c, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2, space};
        g_array_append_val(glyphs, g);
        space = FALSE;
    }
    g_free(hidden);
    g_free(rects);
    g_free(text);
    return glyphs;
}

/* Visual lines of GLYPHS, top to bottom, each sorted left to right.
 * Geometry decides: Poppler's own lines glue the lines of neighbouring
 * cells together.  Glyphs of one line have their centres within a fraction
 * of the glyph size; the size comes from the widths, because fonts with
 * odd metrics give boxes taller than the line pitch. */
static gint
by_mid(gconstpointer a, gconstpointer b)
{
    const Glyph *x = *(Glyph *const *)a, *y = *(Glyph *const *)b;
    double mx = (x->y1 + x->y2) / 2, my = (y->y1 + y->y2) / 2;
    return mx < my ? -1 : mx > my;
}

static gint
by_x(gconstpointer a, gconstpointer b)
{
    const Glyph *x = *(Glyph *const *)a, *y = *(Glyph *const *)b;
    return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

typedef struct {
    double mid, size;      /* vertical centre of the first glyph; the widest glyph */
    GPtrArray *glyphs;
} Line;

static GArray *
visual_lines(GPtrArray *glyphs)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(Line));
    g_ptr_array_sort(glyphs, by_mid);
    for (guint i = 0; i < glyphs->len;) {
        const Glyph *first = g_ptr_array_index(glyphs, i);
        Line l = {(first->y1 + first->y2) / 2, 0, g_ptr_array_new()};
        while (i < glyphs->len) {
            const Glyph *g = g_ptr_array_index(glyphs, i);
            if ((g->y1 + g->y2) / 2 - l.mid > 0.4 * MAX(first->x2 - first->x1, g->x2 - g->x1) + 0.5)
                break;
            l.size = MAX(l.size, g->x2 - g->x1);
            g_ptr_array_add(l.glyphs, (gpointer)g);
            i++;
        }
        g_ptr_array_sort(l.glyphs, by_x);
        g_array_append_val(lines, l);
    }
    return lines;
}

/* The left edge of LINE's first glyph and the right edge of its last. */
static double
line_left(const Line *line)
{
    return ((const Glyph *)g_ptr_array_index(line->glyphs, 0))->x1;
}

static double
line_right(const Line *line)
{
    return ((const Glyph *)g_ptr_array_index(line->glyphs, line->glyphs->len - 1))->x2;
}

/* Free LINES from visual_lines() and their glyph arrays. */
static void
lines_free(GArray *lines)
{
    for (guint i = 0; i < lines->len; i++)
        g_ptr_array_free(g_array_index(lines, Line, i).glyphs, TRUE);
    g_array_free(lines, TRUE);
}

static gboolean
is_number_char(gunichar c)
{
    return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',' || c == '-' || c == '~' ||
           c == '%' || c == '/' || (c >= 0xFF10 && c <= 0xFF19) || c == 0xFF1A || c == 0xFF5E;
}

/* The text of GLYPHS (Glyph *): lines joined with a line break (which
 * becomes nothing between Japanese characters once normalized), a space
 * where Poppler saw a word break. */
static char *
assemble(GPtrArray *glyphs)
{
    GString *out = g_string_new(NULL);
    GArray *lines = visual_lines(glyphs);
    gunichar last = 0;
    for (guint i = 0; i < lines->len; i++) {
        GPtrArray *line = g_array_index(lines, Line, i).glyphs;
        const Glyph *head = g_ptr_array_index(line, 0);
        /* A number wrapped in the middle (「18:」 「00」) is one token. */
        if (i && !(is_number_char(last) && is_number_char(head->c)))
            g_string_append_c(out, '\n');
        for (guint k = 0; k < line->len; k++) {
            const Glyph *g = g_ptr_array_index(line, k);
            if (k > 0) {
                const Glyph *prev = g_ptr_array_index(line, k - 1);
                double size = MAX(g->x2 - g->x1, prev->x2 - prev->x1);
                /* Poppler's word break, or a gap it missed (「有 アクセス」). */
                if (g->space_before || g->x1 - prev->x2 > 0.2 * size)
                    g_string_append_c(out, ' ');
            }
            g_string_append_unichar(out, g->c);
            last = g->c;
        }
        g_ptr_array_free(line, TRUE);
    }
    g_array_free(lines, TRUE);
    return g_string_free(out, FALSE);
}

/* ---- a page ------------------------------------------------------------ */

static gboolean
rule_covers(const GArray *rules, double pos, double at)
{
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        if (fabs(r->pos - pos) <= SAME_POS && r->from - SAME_POS <= at && at <= r->to + SAME_POS)
            return TRUE;
    }
    return FALSE;
}

static gint
by_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Distinct positions of RULES (within SAME_POS), sorted; with FROM < TO,
 * only the rules that run the whole way from FROM to TO (a cell's side runs
 * the full height of its row; a glyph's stroke does not). */
static GArray *
positions(const GArray *rules, double from, double to)
{
    GArray *p = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        if (from < to && !(r->from - SAME_POS <= from && to <= r->to + SAME_POS))
            continue;
        g_array_append_val(p, r->pos);
    }
    g_array_sort(p, by_double);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < p->len; i++) {
        double v = g_array_index(p, double, i);
        if (out->len == 0 || v - g_array_index(out, double, out->len - 1) > SAME_POS)
            g_array_append_val(out, v);
    }
    g_array_free(p, TRUE);
    return out;
}

/* ---- tables without borders ------------------------------------------- */

/* A table printed without ruling lines still has its columns apart and its
 * rows apart: cells are padded.  Lines with two or more runs of text far
 * apart are the table's; the x ranges no such line inks are the gaps
 * between columns, and the y ranges no table line inks are the gaps between
 * rows.  Rules are put in the middle of those gaps, and the page is read
 * as a bordered one (research/pdf-tables.md §4).  Vertical rules span the
 * table's lines, horizontal ones are only between rows, so that a row cut
 * by the page break is seen as one, as with borders.  A merged cell's text
 * stays in the row it is printed in. */

/* Runs of text in LINE more than RUN_GAP glyph sizes apart. */
static guint
line_runs(const Line *line)
{
    guint runs = line->glyphs->len > 0;
    for (guint k = 1; k < line->glyphs->len; k++) {
        const Glyph *prev = g_ptr_array_index(line->glyphs, k - 1), *g = g_ptr_array_index(line->glyphs, k);
        if (g->x1 - prev->x2 > RUN_GAP * line->size)
            runs++;
    }
    return runs;
}

/* Whether a glyph of LINE crosses one of the GAPS (pairs of x0, x1). */
static gboolean
line_crosses(const Line *line, const GArray *gaps)
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
line_fits(const Line *line, const GArray *cuts, double left, double right)
{
    return line_left(line) >= left && line_right(line) <= right && !line_crosses(line, cuts);
}

/* The inner column SIDES (all but the table's edges) as narrow gaps
 * (x0, x1) appended to OUT, for line_crosses(): a line crossing one spans
 * two columns. */
static void
inner_sides_as_gaps(const GArray *sides, GArray *out)
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
empty_runs(const guint8 *inked, guint n, guint min_run, GArray *out)
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
find_column_gaps(const GArray *lines, guint first, guint last, double size, double x_min,
                 double x_max, GArray *gaps)
{
    guint nx = (guint)ceil((x_max - x_min) / BIN) + 1;
    guint8 *inked = g_new0(guint8, nx);
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (line_runs(l) < 2)
            continue;
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            guint a = (guint)floor((g->x1 - x_min) / BIN), b = (guint)ceil((g->x2 - x_min) / BIN);
            for (guint x = a; x < MIN(b, nx); x++)
                inked[x] = 1;
        }
    }
    empty_runs(inked, nx, (guint)ceil(MIN_COLUMN_GAP * size / BIN), gaps);
    g_free(inked);
    for (guint i = 0; i < gaps->len; i++)
        g_array_index(gaps, double, i) = x_min + g_array_index(gaps, double, i) * BIN;
}

/* The commonest gap (points, to half a point) between the inked runs of
 * each of the NCOLS columns of COL_INK (NY bins each). */
static double
column_leading(const guint8 *col_ink, guint ncols, guint ny)
{
    GArray *heights = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint c = 0; c < ncols; c++) {
        g_array_set_size(runs, 0);
        empty_runs(col_ink + (gsize)c * ny, ny, 1, runs);
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
column_inked(const guint8 *col_ink, guint ny, guint a, guint b)
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
merged_cell_rules(const guint8 *col_ink, guint ncols, guint ny, double y_min, double min_gap,
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
        empty_runs(others, ny, 1, runs);
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
                column_inked(col_ink, ny, (guint)((above - y_min) / BIN), a) &&
                column_inked(col_ink, ny, b, (guint)MIN((below - y_min) / BIN, ny))) {
                Rule r = {(y0 + y1) / 2, left, right};
                g_array_append_val(hr, r);
            }
        }
    }
    g_array_free(runs, TRUE);
    g_free(others);
}

/* Rules for the borderless table in LINES[FROM..TO), added to HR and VR.
 * COLUMNS holds the column sides of the table before (on the page before,
 * for the first block of a page), and gets this one's.  The first block of
 * a page is left open at the top, like a row cut by the page break. */
static void
infer_block(const GArray *lines, guint from, guint to, gboolean opens_page, GArray *columns,
            GArray *hr, GArray *vr)
{
    guint rules_before = hr->len;

    /* The table's lines: from the first to the last line of several runs. */
    guint first = G_MAXUINT, last = 0, nmulti = 0;
    double size = 0, x_min = G_MAXDOUBLE, x_max = 0;
    for (guint i = from; i < to; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (line_runs(l) < 2)
            continue;
        first = MIN(first, i);
        last = i;
        nmulti++;
        size += l->size;
        x_min = MIN(x_min, line_left(l));
        x_max = MAX(x_max, line_right(l));
    }
    GArray *gaps = g_array_new(FALSE, FALSE, sizeof(double));
    if (nmulti < MIN_TABLE_LINES) {
        /* Too few lines to see columns in: at most the end of the table of
         * the page before (the rest of its last row), in its columns. */
        if (columns->len < 2 || !opens_page || from >= to)
            goto out;
        inner_sides_as_gaps(columns, gaps);
        const Line *l = &g_array_index(lines, Line, from);
        if (!line_fits(l, gaps, g_array_index(columns, double, 0),
                       g_array_index(columns, double, columns->len - 1)))
            goto out;
        first = last = from;
        size = l->size;
        x_min = g_array_index(columns, double, 0) + 1;
        x_max = g_array_index(columns, double, columns->len - 1) - 1;
    } else {
        size /= nmulti;
        find_column_gaps(lines, first, last, size, x_min, x_max, gaps);
    }

    /* Column sides: in the middle of each gap, unless the page before had
     * sides inside it: a column empty on this page (no 種別 on it) is
     * still there, and the rows of both pages must line up. */
    double left = x_min - 1, right = x_max + 1;
    if (columns->len >= 2 && g_array_index(columns, double, 0) <= left &&
        g_array_index(columns, double, columns->len - 1) >= right) {
        left = g_array_index(columns, double, 0);
        right = g_array_index(columns, double, columns->len - 1);
    }
    GArray *sides = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_val(sides, left);
    /* Beyond the ink, too: a column empty at the table's edge. */
    g_array_prepend_val(gaps, x_min);
    g_array_prepend_val(gaps, left);
    g_array_append_val(gaps, x_max);
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
    x_min = left + 1;
    x_max = right - 1;

    /* Lines next to the table that stay inside its columns belong to it:
     * the rest of a row cut by the page break, a last wrapped line. */
    GArray *cuts = g_array_new(FALSE, FALSE, sizeof(double));
    inner_sides_as_gaps(sides, cuts);
    while (first > from && line_fits(&g_array_index(lines, Line, first - 1), cuts, left, right))
        first--;
    while (last + 1 < to && line_fits(&g_array_index(lines, Line, last + 1), cuts, left, right))
        last++;
    g_array_free(cuts, TRUE);
    /* A glyph inks one glyph size about its centre (its box can be taller
     * than the line pitch). */
    double y_min = G_MAXDOUBLE, y_max = 0;
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            y_min = MIN(y_min, (g->y1 + g->y2) / 2 - size / 2);
            y_max = MAX(y_max, (g->y1 + g->y2) / 2 + size / 2);
        }
    }
    double top = y_min - 1, bottom = y_max + 1;
    for (guint i = 0; i < sides->len; i++) {
        Rule r = {g_array_index(sides, double, i), top, bottom};
        g_array_append_val(vr, r);
    }
    g_array_free(sides, TRUE);

    /* Rows: y bins the table's lines do not ink, a glyph inking one glyph
     * size about its centre.  The lines of one cell are the leading apart;
     * rows are further apart by the cells' padding.  So the commonest gap
     * is taken for the leading, and gaps wider by MIN_ROW_GAP part rows; if
     * none is wider, every line is a row.  A merged cell (種別) printed
     * across the rows it spans would close the gaps between them: columns
     * inked much less than the others (merged 種別, No., 備考) are left out
     * of the gaps, and the rule goes where they leave room if they do. */
    guint ny = (guint)ceil((y_max - y_min) / BIN) + 1, ncols = vr->len - 1;
    guint8 *col_ink = g_new0(guint8, (gsize)ncols * ny);
    for (guint i = first; i <= last; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        for (guint k = 0; k < l->glyphs->len; k++) {
            const Glyph *g = g_ptr_array_index(l->glyphs, k);
            double cx = (g->x1 + g->x2) / 2, mid = (g->y1 + g->y2) / 2;
            guint c = 0;
            while (c + 1 < ncols && cx > g_array_index(vr, Rule, c + 1).pos)
                c++;
            double a = floor((mid - size / 2 - y_min) / BIN), b = ceil((mid + size / 2 - y_min) / BIN);
            for (guint y = (guint)MAX(a, 0); y < MIN((guint)MAX(b, 0), ny); y++)
                col_ink[(gsize)c * ny + y] = 1;
        }
    }
    guint *coverage = g_new0(guint, ncols), most = 0;
    for (guint c = 0; c < ncols; c++) {
        for (guint y = 0; y < ny; y++)
            coverage[c] += col_ink[(gsize)c * ny + y];
        most = MAX(most, coverage[c]);
    }
    guint8 *inked_all = g_new0(guint8, ny), *inked = g_new0(guint8, ny);
    for (guint c = 0; c < ncols; c++)
        for (guint y = 0; y < ny; y++) {
            inked_all[y] |= col_ink[(gsize)c * ny + y];
            if (coverage[c] >= SPARSE_COLUMN * most)
                inked[y] |= col_ink[(gsize)c * ny + y];
        }
    g_free(coverage);
    GArray *row_gaps = g_array_new(FALSE, FALSE, sizeof(double));
    empty_runs(inked, ny, 1, row_gaps);
    g_free(inked);
    /* Inside the table only (rounding can leave a bin free at its end). */
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, row_gaps->len - 1) >= ny - 1)
        g_array_set_size(row_gaps, row_gaps->len - 2);
    if (row_gaps->len >= 2 && g_array_index(row_gaps, double, 0) == 0)
        g_array_remove_range(row_gaps, 0, 2);
    /* The leading is the commonest gap between lines in a column (to half
     * a point): cells have more lines than rows have cells, and lines in
     * another font or size can be closer. */
    double leading = column_leading(col_ink, ncols, ny), widest = 0;
    for (guint i = 0; i + 1 < row_gaps->len; i += 2)
        widest = MAX(widest, (g_array_index(row_gaps, double, i + 1) - g_array_index(row_gaps, double, i)) * BIN);
    /* Evenly spaced lines are rows of one line each, in a table; the end
     * of the page before's table alone is more likely one cut row. */
    gboolean every_line = widest < leading + MIN_ROW_GAP && nmulti >= MIN_TABLE_LINES;
    if (widest < leading + MIN_ROW_GAP && !every_line)
        g_array_set_size(row_gaps, 0);
    GArray *stretches = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i + 1 < row_gaps->len; i += 2) {
        guint a = (guint)g_array_index(row_gaps, double, i), b = (guint)g_array_index(row_gaps, double, i + 1);
        if (!every_line && (b - a) * BIN < leading + MIN_ROW_GAP)
            continue;
        /* Where the sparse columns leave room: each stretch of the gap no
         * column inks that is itself a row gap (a section row printed in
         * sparse columns only lies between two), else the widest one (a
         * merged cell printed across the rows it spans). */
        double best_a = a, best_b = b, best = 0;
        guint added = 0;
        g_array_set_size(stretches, 0);
        empty_runs(inked_all + a, b - a, 1, stretches);
        for (guint k = 0; k + 1 < stretches->len; k += 2) {
            double start = a + g_array_index(stretches, double, k);
            double end = a + g_array_index(stretches, double, k + 1);
            if ((end - start) * BIN >= leading + MIN_ROW_GAP) {
                Rule r = {y_min + (start + end) / 2 * BIN, x_min - 1, x_max + 1};
                g_array_append_val(hr, r);
                added++;
            }
            if (end - start > best)
                best = end - start, best_a = start, best_b = end;
        }
        if (added == 0) {
            Rule r = {y_min + (best_a + best_b) / 2.0 * BIN, x_min - 1, x_max + 1};
            g_array_append_val(hr, r);
        }
    }
    g_array_free(stretches, TRUE);
    g_free(inked_all);
    if (!every_line)
        merged_cell_rules(col_ink, ncols, ny, y_min, leading + MIN_ROW_GAP, rules_before,
                          x_min - 1, x_max + 1, hr);
    g_free(col_ink);
    /* Closed at the bottom; at the top too, but for the first table of the
     * page, which may continue a row of the page before. */
    Rule closing = {bottom, x_min - 1, x_max + 1};
    g_array_append_val(hr, closing);
    if (!opens_page && hr->len > rules_before) {
        Rule opening = {top, x_min - 1, x_max + 1};
        g_array_append_val(hr, opening);
    }
    g_array_free(row_gaps, TRUE);
out:
    g_array_free(gaps, TRUE);
}

/* Rules for the borderless tables among GLYPHS, added to HR and VR.  A
 * page can hold several tables (one per sheet page, each with its own
 * column widths), with a title between them: a wide line of one run parts
 * them, and each gets its own columns.  COLUMNS holds the column sides of
 * the last table of the page before, and gets this page's. */
static void
infer_rules(GArray *glyphs, GArray *columns, GArray *hr, GArray *vr)
{
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < glyphs->len; i++)
        g_ptr_array_add(all, &g_array_index(glyphs, Glyph, i));
    GArray *lines = visual_lines(all);
    g_ptr_array_free(all, TRUE);

    double x_min = G_MAXDOUBLE, x_max = 0;
    for (guint i = 0; i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        x_min = MIN(x_min, line_left(l));
        x_max = MAX(x_max, line_right(l));
    }
    guint from = 0;
    for (guint i = 0; i <= lines->len; i++) {
        gboolean parts = i == lines->len;
        if (!parts) {
            const Line *l = &g_array_index(lines, Line, i);
            double x1 = line_left(l), x2 = line_right(l);
            /* A title: wide, one run, from the left (a wide cell of the
             * last column is not). */
            parts = line_runs(l) == 1 && x2 - x1 > TITLE_WIDTH * (x_max - x_min) &&
                    x1 - x_min < (1 - TITLE_WIDTH) / 2 * (x_max - x_min);
        }
        if (!parts)
            continue;
        if (i > from) {
            gboolean opens_page = from == 0;
            if (!opens_page)
                g_array_set_size(columns, 0);   /* another table, other widths */
            infer_block(lines, from, i, opens_page, columns, hr, vr);
        }
        from = i + 1;
    }
    lines_free(lines);
}

typedef struct {
    double x0, x1;
    GPtrArray *glyphs;     /* Glyph * */
    guint group;           /* merged-cell group (union-find root) */
} Cell;

typedef struct {
    double y0, y1;
    GArray *cells;         /* Cell */
} Band;

static guint
find_root(guint *parent, guint i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* Rules whose middle lies on a glyph are strokes of it (ー, 一, the stems
 * of a big title), not a cell's side, which the cell's padding keeps off
 * the text.  A glyph's ink is taken as the middle half of its width about
 * its centre, both ways: its box may be taller than the line pitch. */
static void
drop_glyph_strokes(GArray *rules, const GArray *glyphs, gboolean horizontal)
{
    for (guint i = rules->len; i-- > 0;) {
        const Rule *r = &g_array_index(rules, Rule, i);
        double mid = (r->from + r->to) / 2;
        double x = horizontal ? mid : r->pos, y = horizontal ? r->pos : mid;
        for (guint k = 0; k < glyphs->len; k++) {
            const Glyph *g = &g_array_index(glyphs, Glyph, k);
            double half = 0.25 * (g->x2 - g->x1);
            double cx = (g->x1 + g->x2) / 2, cy = (g->y1 + g->y2) / 2;
            if (fabs(x - cx) <= half && fabs(y - cy) <= half) {
                g_array_remove_index(rules, i);
                break;
            }
        }
    }
}

/* How many rules of OTHERS (the other direction) meet or cross R. */
static guint
crossings(const Rule *r, const GArray *others)
{
    guint n = 0;
    for (guint i = 0; i < others->len; i++) {
        const Rule *o = &g_array_index(others, Rule, i);
        n += o->pos >= r->from - SAME_POS && o->pos <= r->to + SAME_POS &&
             r->pos >= o->from - SAME_POS && r->pos <= o->to + SAME_POS;
    }
    return n;
}

/* Whether the text of band B is one line of one run cut by column sides:
 * a cell spanning columns. */
static gboolean
spans_columns(const Band *b)
{
    GPtrArray *whole = g_ptr_array_new();
    guint filled = 0;
    for (guint c = 0; c < b->cells->len; c++) {
        const GPtrArray *g = g_array_index(b->cells, Cell, c).glyphs;
        filled += g->len > 0;
        g_ptr_array_extend(whole, (GPtrArray *)g, NULL, NULL);
    }
    gboolean spans = FALSE;
    if (filled >= 2) {
        GArray *lines = visual_lines(whole);
        spans = lines->len == 1 && line_runs(&g_array_index(lines, Line, 0)) == 1;
        lines_free(lines);
    }
    g_ptr_array_free(whole, TRUE);
    return spans;
}

/* The page's rows from its glyphs and the rules page_rules() found; takes
 * the rules. */
static void
page_rows(GArray *glyphs, GArray *hr, GArray *vr, GArray *columns,
          GPtrArray *rows)
{
    drop_glyph_strokes(hr, glyphs, TRUE);
    drop_glyph_strokes(vr, glyphs, FALSE);
    /* The table spans the long vertical rules; horizontal rules elsewhere
     * are strokes of text joined into runs. */
    double table_top = G_MAXDOUBLE, table_bottom = -1;
    for (guint i = 0; i < vr->len; i++) {
        const Rule *r = &g_array_index(vr, Rule, i);
        if (r->to - r->from >= TABLE_RULE) {
            table_top = MIN(table_top, r->from);
            table_bottom = MAX(table_bottom, r->to);
        }
    }
    /* The last lines of a row cut by a page break make short column rules;
     * they meet the table's edge, a horizontal rule longer than any text. */
    for (guint i = 0; i < hr->len; i++) {
        const Rule *h = &g_array_index(hr, Rule, i);
        if (h->to - h->from < TABLE_EDGE)
            continue;
        for (guint j = 0; j < vr->len; j++) {
            const Rule *v = &g_array_index(vr, Rule, j);
            gboolean meets = v->pos >= h->from - SAME_POS && v->pos <= h->to + SAME_POS &&
                             (fabs(v->to - h->pos) <= 2 * SAME_POS || fabs(v->from - h->pos) <= 2 * SAME_POS);
            if (meets) {
                table_top = MIN(table_top, MIN(v->from, h->pos));
                table_bottom = MAX(table_bottom, MAX(v->to, h->pos));
            }
        }
    }
    gboolean borderless = table_bottom < 0;
    if (!borderless)
        g_array_set_size(columns, 0);
    else {                      /* no ruling lines: the gaps stand for them */
        g_array_set_size(hr, 0);
        g_array_set_size(vr, 0);
        infer_rules(glyphs, columns, hr, vr);
        for (guint i = 0; i < vr->len; i++) {
            table_top = MIN(table_top, g_array_index(vr, Rule, i).from);
            table_bottom = MAX(table_bottom, g_array_index(vr, Rule, i).to);
        }
    }
    for (guint i = hr->len; i-- > 0;) {
        const Rule *r = &g_array_index(hr, Rule, i);
        if (r->pos < table_top - SAME_POS || r->pos > table_bottom + SAME_POS)
            g_array_remove_index(hr, i);
    }
    /* Strokes of glyphs (一, ー, the stems of a big title) are no cell's
     * side: a horizontal rule runs from one vertical rule to another, a
     * vertical rule meets a horizontal one (a row cut by the page break
     * only at its top), and again, the rules left standing. */
    for (int pass = 0; pass < 2; pass++) {
        for (guint i = hr->len; i-- > 0;)
            if (crossings(&g_array_index(hr, Rule, i), vr) < 2)
                g_array_remove_index(hr, i);
        for (guint i = vr->len; i-- > 0;)
            if (crossings(&g_array_index(vr, Rule, i), hr) < 1)
                g_array_remove_index(vr, i);
    }
    GArray *ys = positions(hr, 0, 0);
    double cut_top = -1;     /* the top of a row cut by the page break, if any */
    /* A row cut by a page break has no rule above (or below) it on this
     * page, but the column rules still run there: their ends bound it. */
    if (vr->len > 0 && ys->len > 0) {
        double first = g_array_index(ys, double, 0), last = g_array_index(ys, double, ys->len - 1);
        double top = G_MAXDOUBLE, bottom = 0;
        for (guint i = 0; i < vr->len; i++) {
            const Rule *r = &g_array_index(vr, Rule, i);
            if (r->from < first - 3 && r->to >= first - SAME_POS)   /* reaches the table */
                top = MIN(top, r->from);
            if (r->to > last + 3 && r->from <= last + SAME_POS)
                bottom = MAX(bottom, r->to);
        }
        if (top < first - 3) {
            g_array_prepend_val(ys, top);
            cut_top = top;
        }
        if (bottom > last + 3 && bottom < G_MAXDOUBLE)
            g_array_append_val(ys, bottom);
    }

    /* Bands with at least two vertical rules crossing them are table rows. */
    GArray *bands = g_array_new(FALSE, FALSE, sizeof(Band));
    for (guint k = 0; k + 1 < ys->len; k++) {
        double y0 = g_array_index(ys, double, k), y1 = g_array_index(ys, double, k + 1);
        if (y1 - y0 < 3)
            continue;
        GArray *xs = positions(vr, y0, y1);
        if (xs->len >= 2) {
            Band b = {y0, y1, g_array_new(FALSE, FALSE, sizeof(Cell))};
            for (guint i = 0; i + 1 < xs->len; i++) {
                Cell c = {g_array_index(xs, double, i), g_array_index(xs, double, i + 1),
                          g_ptr_array_new(), 0};
                g_array_append_val(b.cells, c);
            }
            g_array_append_val(bands, b);
        }
        g_array_free(xs, TRUE);
    }

    /* Glyphs into cells; the others are outside the table. */
    GPtrArray *outside = g_ptr_array_new();
    for (guint i = 0; i < glyphs->len; i++) {
        Glyph *g = &g_array_index(glyphs, Glyph, i);
        double cx = (g->x1 + g->x2) / 2, cy = (g->y1 + g->y2) / 2;
        gboolean placed = FALSE;
        for (guint k = 0; k < bands->len && !placed; k++) {
            Band *b = &g_array_index(bands, Band, k);
            if (cy < b->y0 || cy > b->y1)
                continue;
            for (guint c = 0; c < b->cells->len && !placed; c++) {
                Cell *cell = &g_array_index(b->cells, Cell, c);
                if (cx >= cell->x0 && cx <= cell->x1) {
                    g_ptr_array_add(cell->glyphs, g);
                    placed = TRUE;
                }
            }
        }
        if (!placed)
            g_ptr_array_add(outside, g);
    }

    /* Merged cells: no rule above a cell joins it to the cell above it. */
    guint ncells = 0;
    for (guint k = 0; k < bands->len; k++)
        ncells += g_array_index(bands, Band, k).cells->len;
    guint *parent = g_new(guint, MAX(ncells, 1));
    guint id = 0;
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        for (guint c = 0; c < b->cells->len; c++, id++) {
            Cell *cell = &g_array_index(b->cells, Cell, c);
            parent[id] = id;
            cell->group = id;
            if (k == 0)
                continue;
            Band *above = &g_array_index(bands, Band, k - 1);
            double mid = (cell->x0 + cell->x1) / 2;
            if (fabs(above->y1 - b->y0) > SAME_POS || rule_covers(hr, b->y0, mid))
                continue;
            for (guint a = 0; a < above->cells->len; a++) {
                Cell *up = &g_array_index(above->cells, Cell, a);
                if (fabs(up->x0 - cell->x0) <= SAME_POS && fabs(up->x1 - cell->x1) <= SAME_POS)
                    parent[id] = find_root(parent, up->group);
            }
        }
    }
    GHashTable *group_glyphs = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                                     (GDestroyNotify)g_ptr_array_unref);
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        for (guint c = 0; c < b->cells->len; c++) {
            Cell *cell = &g_array_index(b->cells, Cell, c);
            guint root = find_root(parent, cell->group);
            GPtrArray *all = g_hash_table_lookup(group_glyphs, GUINT_TO_POINTER(root));
            if (all == NULL) {
                all = g_ptr_array_new();
                g_hash_table_insert(group_glyphs, GUINT_TO_POINTER(root), all);
            }
            g_ptr_array_extend(all, cell->glyphs, NULL, NULL);
        }
    }
    for (guint k = 0; k < bands->len; k++) {
        Band *b = &g_array_index(bands, Band, k);
        PageRow *row = g_new0(PageRow, 1);
        row->top = b->y0;
        row->cells = g_ptr_array_new_with_free_func(g_free);
        /* The rest of the last row of the page before: its first cell (No.)
         * is empty. */
        row->continues = k == 0 && b->y0 == cut_top && b->cells->len > 1 &&
                         g_array_index(b->cells, Cell, 0).glyphs->len == 0;
        if (borderless && spans_columns(b)) {
            /* Without borders a row of one cell (a section, colspan) is
             * cut at the column sides; it is one cell again. */
            GPtrArray *whole = g_ptr_array_new();
            for (guint c = 0; c < b->cells->len; c++)
                g_ptr_array_extend(whole, g_array_index(b->cells, Cell, c).glyphs, NULL, NULL);
            g_ptr_array_add(row->cells, assemble(whole));
            g_ptr_array_unref(whole);
            for (guint c = 0; c < b->cells->len; c++)
                g_ptr_array_unref(g_array_index(b->cells, Cell, c).glyphs);
            g_array_free(b->cells, TRUE);
            g_ptr_array_add(rows, row);
            continue;
        }
        for (guint c = 0; c < b->cells->len; c++) {
            Cell *cell = &g_array_index(b->cells, Cell, c);
            GPtrArray *all = g_hash_table_lookup(group_glyphs,
                                                 GUINT_TO_POINTER(find_root(parent, cell->group)));
            GPtrArray *copy = g_ptr_array_copy(all, NULL, NULL);
            g_ptr_array_add(row->cells, assemble(copy));
            g_ptr_array_unref(copy);
            g_ptr_array_unref(cell->glyphs);
        }
        g_array_free(b->cells, TRUE);
        g_ptr_array_add(rows, row);
    }
    g_hash_table_unref(group_glyphs);
    g_free(parent);

    /* Text outside the table: one row per paragraph, a wrapped title
     * being one (its lines are closer than paragraphs are). */
    double page_right = 0;
    for (guint i = 0; i < glyphs->len; i++)
        page_right = MAX(page_right, g_array_index(glyphs, Glyph, i).x2);
    GArray *lines = visual_lines(outside);
    for (guint i = 0; i < lines->len;) {
        Line *l = &g_array_index(lines, Line, i);
        GPtrArray *para = g_ptr_array_new();
        double top = l->mid;
        double left = line_left(l);
        for (;;) {
            Line *cur = &g_array_index(lines, Line, i);
            double cur_right = line_right(cur);
            g_ptr_array_extend_and_steal(para, cur->glyphs);
            i++;
            if (i >= lines->len)
                break;
            Line *next = &g_array_index(lines, Line, i);
            /* Lines of a paragraph are about 1.2–1.5 sizes apart; paragraphs
             * are 2 or more.  A line that stops short of the right edge of
             * the page's text ends its paragraph (a spreadsheet's text rows
             * sit as close as wrapped lines). */
            if (next->mid - cur->mid > 1.6 * cur->size || fabs(line_left(next) - left) > 2 ||
                cur_right < page_right - 2 * cur->size)
                break;
        }
        PageRow *row = g_new0(PageRow, 1);
        row->top = top;
        row->outside = TRUE;
        row->cells = g_ptr_array_new_with_free_func(g_free);
        /* Joined without a line break: the lines of one paragraph. */
        char *text = assemble(para);
        for (char *p = text; *p; p++)
            if (*p == '\n')
                *p = ' ';
        g_ptr_array_add(row->cells, text);
        g_ptr_array_free(para, TRUE);
        g_ptr_array_add(rows, row);
    }
    g_array_free(lines, TRUE);
    g_ptr_array_free(outside, TRUE);
    g_array_free(bands, TRUE);
    g_array_free(ys, TRUE);
    g_array_free(hr, TRUE);
    g_array_free(vr, TRUE);
}

static gint
by_top(gconstpointer a, gconstpointer b)
{
    const PageRow *x = *(PageRow *const *)a, *y = *(PageRow *const *)b;
    return x->top < y->top ? -1 : x->top > y->top;
}

/* ---- page headers and footers ------------------------------------------ */

/* Text outside the table that comes back at the same height on other pages
 * (the sheet's name, 「2 / 5」) is the page's furniture, not the document's:
 * a page header printed first would pass for its title.  FURNITURE maps
 * the text, digits masked, and its height to the grid rows holding it. */
static void
note_furniture(GHashTable *furniture, SlxBlock *row, double top)
{
    GString *key = g_string_new(NULL);
    for (const char *p = slx_block_cell(row, 0); *p; p++)
        g_string_append_c(key, g_ascii_isdigit(*p) ? '#' : *p);
    g_string_append_printf(key, "@%d", (int)floor(top / 4));
    GPtrArray *rows = g_hash_table_lookup(furniture, key->str);
    if (rows == NULL) {
        rows = g_ptr_array_new();
        g_hash_table_insert(furniture, g_strdup(key->str), rows);
    }
    g_ptr_array_add(rows, row);
    g_string_free(key, TRUE);
}

/* Remove from GRID the rows of FURNITURE found on more than one page. */
static void
drop_furniture(GHashTable *furniture, SlxDocument *grid)
{
    GHashTableIter it;
    gpointer value;
    GHashTable *drop = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_iter_init(&it, furniture);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        GPtrArray *rows = value;
        const SlxBlock *first = g_ptr_array_index(rows, 0);
        gboolean pages = FALSE;
        for (guint i = 1; i < rows->len && !pages; i++)
            pages = ((const SlxBlock *)g_ptr_array_index(rows, i))->page != first->page;
        for (guint i = 0; pages && i < rows->len; i++)
            g_hash_table_add(drop, g_ptr_array_index(rows, i));
    }
    for (guint i = grid->blocks->len; i-- > 0;)
        if (g_hash_table_contains(drop, g_ptr_array_index(grid->blocks, i)))
            g_ptr_array_remove_index(grid->blocks, i);
    g_hash_table_unref(drop);
}

/* ---- public ------------------------------------------------------------ */

SlxDocument *
slx_read_pdf(const guint8 *bytes, gsize len, const char *password, guint max_pages,
             SlxPdfInfo *info, GError **error)
{
    return slx_read_pdf_ruled(bytes, len, password, max_pages, SLX_PDF_RULES_FROM_CONTENT, info,
                              error);
}

SlxDocument *
slx_read_pdf_ruled(const guint8 *bytes, gsize len, const char *password, guint max_pages,
                   SlxPdfRulesFrom from, SlxPdfInfo *info, GError **error)
{
    memset(info, 0, sizeof *info);
    if (len == 0) {     /* Poppler asserts on an empty stream */
        g_set_error(error, SLX_ERROR, SLX_ERROR_PDF, "the PDF is empty");
        return NULL;
    }
    /* Opened through a GInputStream, not poppler_document_new_from_bytes():
     * Poppler 22.12 (Debian 12) retries a rejected password on the same
     * memory stream after the first PDFDoc has freed it, and crashes on any
     * wrong --password.  The stream path re-reads through GIO and is safe. */
    GBytes *data = g_bytes_new_static(bytes, len);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(data);
    GError *e = NULL;
    PopplerDocument *doc = poppler_document_new_from_stream(stream, (goffset)len, password,
                                                            NULL, &e);
    g_object_unref(stream);
    g_bytes_unref(data);
    if (doc == NULL) {
        if (g_error_matches(e, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            g_set_error(error, SLX_ERROR, SLX_ERROR_ENCRYPTED, "%s",
                        password ? "the PDF is encrypted and the --password given does not open it"
                                 : "the PDF is encrypted: give its password with --password");
        else
            g_set_error(error, SLX_ERROR, SLX_ERROR_PDF, "%s", e ? e->message : "unreadable PDF");
        g_clear_error(&e);
        return NULL;
    }
    SlxDocument *grid = slx_document_new();
    GArray *columns = g_array_new(FALSE, FALSE, sizeof(double)); /* of a borderless table */
    GHashTable *furniture = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)g_ptr_array_unref);
    info->pages = (guint)poppler_document_get_n_pages(doc);
    if (max_pages > 0 && info->pages > max_pages) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_TOO_LARGE,
                    "%u pages, more than --max-pages %u: not read", info->pages, max_pages);
        g_object_unref(doc);
        slx_document_free(grid);
        g_array_free(columns, TRUE);
        g_hash_table_unref(furniture);
        return NULL;
    }
    /* A second reader for the paths; if it sees the document otherwise
     * than Poppler (a damaged file each repairs its own way), every page
     * is rendered instead. */
    SlxPdfRules *vector = NULL;
    if (from == SLX_PDF_RULES_FROM_CONTENT) {
        vector = slx_pdf_rules_open(bytes, len, password);
        if (vector && slx_pdf_rules_pages(vector) != info->pages)
            g_clear_pointer(&vector, slx_pdf_rules_close);
    }
    for (guint p = 0; p < info->pages; p++) {
        PopplerPage *page = poppler_document_get_page(doc, (int)p);
        if (page == NULL)
            continue;
        GArray *hr, *vr;
        Backdrop backdrop;
        gboolean rendered = page_rules(page, vector, p, &hr, &vr, &backdrop);
        if (vector && slx_pdf_rules_over_budget(vector)) {
            /* A page whose drawing decodes past what any table needs (a
             * 1 GiB Flate bomb is 1 MB of PDF) would cost Poppler as much
             * again to render and to read: it is not read at all. */
            info->pages_over_budget++;
            backdrop_clear(&backdrop);
            g_array_free(hr, TRUE);
            g_array_free(vr, TRUE);
            g_object_unref(page);
            continue;
        }
        if (!rendered)
            info->pages_not_rendered++;
        GArray *glyphs = page_glyphs(page, &backdrop);
        backdrop_clear(&backdrop);
        if (glyphs->len == 0) {
            info->pages_without_text++;
            g_array_free(hr, TRUE);
            g_array_free(vr, TRUE);
        } else {
            GPtrArray *rows = g_ptr_array_new();
            page_rows(glyphs, hr, vr, columns, rows);
            g_ptr_array_sort(rows, by_top);
            for (guint r = 0; r < rows->len; r++) {
                PageRow *row = g_ptr_array_index(rows, r);
                SlxBlock *gr = slx_document_add_row(grid, 0, p + 1);
                gr->continues = row->continues;
                for (guint c = 0; c < row->cells->len; c++)
                    slx_block_take_cell(gr, g_strdup(g_ptr_array_index(row->cells, c)));
                if (row->outside)
                    note_furniture(furniture, gr, row->top);
                g_ptr_array_unref(row->cells);
                g_free(row);
            }
            g_ptr_array_free(rows, TRUE);
        }
        g_array_free(glyphs, TRUE);
        g_object_unref(page);
    }
    g_object_unref(doc);
    slx_pdf_rules_close(vector);
    g_array_free(columns, TRUE);
    drop_furniture(furniture, grid);
    g_hash_table_unref(furniture);
    if (info->pages > 0 && info->pages_without_text == info->pages) {
        slx_document_free(grid);
        g_set_error(error, SLX_ERROR, SLX_ERROR_NO_TEXT,
                    "the PDF has no text layer (a scan?): nothing to read without OCR");
        return NULL;
    }
    if (info->pages_without_text)
        slx_document_warn(grid, "no_text_layer: %u of %u pages have no text layer (scanned?) and "
                          "were not read", info->pages_without_text, info->pages);
    if (info->pages_over_budget)
        slx_document_warn(grid, "%u of %u pages draw more than a checklist page could (their "
                          "content decodes past 16 MiB, a decompression bomb?) and were not read",
                          info->pages_over_budget, info->pages);
    if (info->pages_not_rendered)
        slx_document_warn(grid, "%u of %u pages are too large to render for their ruling lines; "
                          "their tables were read as tables without borders",
                          info->pages_not_rendered, info->pages);
    return grid;
}
