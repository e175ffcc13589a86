/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vector.c — ruling lines of PDF pages, read from their content streams.
 *
 * poppler-glib gives no access to a page's paths, and rendering the page
 * to find its lines costs more than reading its text: Poppler draws every
 * glyph (Chromium prints CFF fonts as Type 3, each glyph a little program).
 * Table borders are plain path operators, so they are read here straight
 * from the content stream (qpdf finds the streams, they are inflated here
 * within a budget): a small interpreter keeps the transformation matrix,
 * the q/Q stack and the colours, builds paths, and when a path is painted
 * keeps what can be a rule:
 *   - straight axis-parallel pieces of a dark stroke (LibreOffice);
 *   - dark filled rectangles at most THIN points across, as their middle
 *     line (Excel and Chromium draw borders so), and the four sides of
 *     larger dark ones.
 * Text is never drawn, so no glyph stroke can pass for a rule.  Form
 * XObjects are followed; images, shadings and clipping are ignored. */
#include "vector.h"

#include <gio/gio.h>
#include <math.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#define THIN 3.0          /* points: a filled rectangle this narrow is a line */
#define MAX_FORM_DEPTH 8  /* forms drawing forms: enough for real files, a bound for loops */
#define MAX_OPERANDS 16
#define MAX_SAVES 256     /* q without Q */
#define MAX_CONTENT (16 << 20) /* bytes of drawing decoded per page (a checklist page: ~300 KB) */

struct SlxPdfRules {
    qpdf_data qpdf;
    guint pages;
    gboolean over_budget;   /* the last page read decoded past MAX_CONTENT */
};

typedef enum { SPACE_GRAY, SPACE_RGB, SPACE_CMYK, SPACE_TINT, SPACE_OTHER } ColourSpace;

/* How a colour draws: not at all to the eye (white, near white), light
 * (the gray hairlines LibreOffice and Excel print cell borders in), or
 * dark. */
typedef enum { INK_NONE, INK_LIGHT, INK_DARK } Ink;

typedef struct {
    double ctm[6];
    ColourSpace stroke_space, fill_space;
    Ink stroke_ink, fill_ink;
} GState;

typedef struct {
    double x, y;          /* in page coordinates */
    gboolean curve;       /* reached by a curve, not a straight line */
} Point;

typedef enum { TOKEN_NUMBER, TOKEN_NAME, TOKEN_OTHER } TokenKind;

typedef struct {
    TokenKind kind;
    double number;
    const char *name;     /* after the slash; not terminated */
    gsize name_len;
} Operand;

typedef struct {
    qpdf_data qpdf;       /* NULL: no resources (slx_pdf_rules_from_content) */
    double page[6];       /* default user space → Poppler's page coordinates */
    GArray *states;       /* GState: the q/Q stack, the current one last */
    GArray *points;       /* Point: the path being built */
    GArray *starts;       /* guint: where each of its subpaths starts */
    GArray *hrules, *vrules, *fills;
    Operand operands[MAX_OPERANDS];
    int n_operands;
    int depth;            /* of Form XObjects */
    gsize budget;         /* bytes the page's streams may still decode to */
    gboolean failed;      /* a stream could not be decoded within the budget */
    guint min_states;     /* Q pops no state below this (a form's own) */
    gboolean light;       /* the path being painted is in a light colour */
} Interp;

static void vector_run_content(Interp *in, const char *p, const char *end, qpdf_oh resources);

/* ---- streams ----------------------------------------------------------- */

/* Streams are decoded here rather than by qpdf, which decodes a stream
 * into memory whole: a few kilobytes of Flate can inflate to gigabytes (a
 * "bomb"), while the drawing of a checklist page stays far below
 * MAX_CONTENT.  Only plain and Flate streams are taken; any other filter,
 * rare in page content, sends the page to the rendering, which streams. */

static gboolean
vector_is_flate(qpdf_data qpdf, qpdf_oh filter)
{
    if (qpdf_oh_is_array(qpdf, filter) && qpdf_oh_get_array_n_items(qpdf, filter) == 1)
        filter = qpdf_oh_get_array_item(qpdf, filter, 0);
    return qpdf_oh_is_name_and_equals(qpdf, filter, "/FlateDecode");
}

/* Inflate zlib data onto OUT, at most *BUDGET bytes of it. */
static gboolean
vector_inflate(const guint8 *data, gsize len, gsize *budget, GByteArray *out)
{
    GConverter *z = G_CONVERTER(g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
    guint8 buf[64 * 1024];
    gboolean ok = FALSE;
    for (;;) {
        gsize read = 0, written = 0;
        GConverterResult r = g_converter_convert(z, data, len, buf, sizeof buf,
                                                 G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
        if (written > *budget) {
            *budget = 0;       /* spent: the page's drawing is larger than any table's */
            break;
        }
        if (r == G_CONVERTER_ERROR || (read == 0 && written == 0 && r != G_CONVERTER_FINISHED))
            break;
        data += read, len -= read;
        *budget -= written;
        g_byte_array_append(out, buf, (guint)written);
        if (r == G_CONVERTER_FINISHED) {
            ok = TRUE;
            break;
        }
    }
    g_object_unref(z);
    return ok;
}

/* Append the decoded data of STREAM to OUT, spending *BUDGET. */
static gboolean
vector_append_stream(qpdf_data qpdf, qpdf_oh stream, gsize *budget, GByteArray *out)
{
    if (!qpdf_oh_is_stream(qpdf, stream))
        return FALSE;
    qpdf_oh dict = qpdf_oh_get_dict(qpdf, stream);
    qpdf_oh filter = qpdf_oh_get_key(qpdf, dict, "/Filter");
    gboolean plain = qpdf_oh_is_null(qpdf, filter);
    if ((!plain && !vector_is_flate(qpdf, filter)) ||
        !qpdf_oh_is_null(qpdf, qpdf_oh_get_key(qpdf, dict, "/DecodeParms")))
        return FALSE;
    unsigned char *raw = NULL;
    size_t len = 0;
    gboolean ok = qpdf_oh_get_stream_data(qpdf, stream, qpdf_dl_none, NULL, &raw, &len) ==
                  QPDF_SUCCESS;
    if (ok && len == 0) {
        /* An empty stream is no content, whatever its filter says (and
         * its data pointer may be NULL: no arithmetic on it). */
    } else if (ok && plain) {
        ok = len <= *budget;
        if (ok) {
            *budget -= len;
            g_byte_array_append(out, raw, (guint)len);
        } else {
            *budget = 0;
        }
    } else if (ok) {
        ok = vector_inflate(raw, len, budget, out);
    }
    free(raw);
    return ok;
}

/* ---- lexer ------------------------------------------------------------- */

static gboolean
vector_is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
vector_is_delimiter(char c)
{
    return strchr("()<>[]{}/%", c) != NULL;
}

static gboolean
vector_is_regular(char c)
{
    return !vector_is_space(c) && !vector_is_delimiter(c);
}

/* A PDF number (no exponent in PDF); *OK is FALSE when P does not start
 * one.  Read by hand: strtod() would follow the locale's decimal point. */
static const char *
vector_lex_number(const char *p, const char *end, double *value, gboolean *ok)
{
    double sign = 1, v = 0, scale = 0;
    gboolean digits = FALSE;
    if (p < end && (*p == '+' || *p == '-'))
        sign = *p++ == '-' ? -1 : 1;
    for (; p < end; p++) {
        if (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            if (scale > 0)
                scale *= 10;
            digits = TRUE;
        } else if (*p == '.' && scale == 0) {
            scale = 1;
        } else {
            break;
        }
    }
    *ok = digits && (p == end || !vector_is_regular(*p));
    *value = sign * (scale > 0 ? v / scale : v);
    return p;
}

/* A literal string: balanced parentheses, backslash escapes. */
static const char *
vector_skip_string(const char *p, const char *end)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == '\\' && p + 1 < end)
            p++;
        else if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p + 1;
    }
    return end;
}

/* An inline image's data (after ID) ends at EI between white space. */
static const char *
vector_skip_inline_image(const char *p, const char *end)
{
    for (; p + 2 <= end; p++)
        if (p[0] == 'E' && p[1] == 'I' && vector_is_space(p[-1]) && (p + 2 == end || !vector_is_regular(p[2])))
            return p + 2;
    return end;
}

/* ---- graphics state ---------------------------------------------------- */

static GState *
vector_state(Interp *in)
{
    return &g_array_index(in->states, GState, in->states->len - 1);
}

static void
vector_transform(const double m[6], double x, double y, double *ox, double *oy)
{
    *ox = m[0] * x + m[2] * y + m[4];
    *oy = m[1] * x + m[3] * y + m[5];
}

/* CTM := M × CTM */
static void
vector_concat(double ctm[6], const double m[6])
{
    double r[6] = {
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    };
    memcpy(ctm, r, sizeof r);
}

/* The last N operands as numbers, or FALSE when there are fewer or one is
 * not a number. */
static gboolean
vector_numbers(const Interp *in, int n, double *out)
{
    if (in->n_operands < n)
        return FALSE;
    for (int i = 0; i < n; i++) {
        const Operand *o = &in->operands[in->n_operands - n + i];
        if (o->kind != TOKEN_NUMBER)
            return FALSE;
        out[i] = o->number;
    }
    return TRUE;
}

static const Operand *
vector_last_name(const Interp *in)
{
    if (in->n_operands == 0 || in->operands[in->n_operands - 1].kind != TOKEN_NAME)
        return NULL;
    return &in->operands[in->n_operands - 1];
}

/* How colour components C (0–1) in SPACE draw: dark below SLX_PDF_DARK
 * (0–255, on average), light below SLX_PDF_VISIBLE, else not at all. */
static Ink
vector_colour_ink(ColourSpace space, const double *c, int n)
{
    double r, g, b;
    switch (space) {
    case SPACE_GRAY:
        if (n < 1)
            return INK_DARK;
        r = g = b = c[n - 1];
        break;
    case SPACE_RGB:
        if (n < 3)
            return INK_DARK;
        r = c[n - 3], g = c[n - 2], b = c[n - 1];
        break;
    case SPACE_CMYK:
        if (n < 4)
            return INK_DARK;
        r = (1 - c[n - 4]) * (1 - c[n - 1]);
        g = (1 - c[n - 3]) * (1 - c[n - 1]);
        b = (1 - c[n - 2]) * (1 - c[n - 1]);
        break;
    case SPACE_TINT:    /* Separation, DeviceN: a tint is ink, not light */
        if (n < 1)
            return INK_DARK;
        r = g = b = 1 - c[n - 1];
        break;
    default:            /* Indexed, Pattern, …: assume ink */
        return INK_DARK;
    }
    double level = (r + g + b) / 3 * 255;
    return level < SLX_PDF_DARK ? INK_DARK : level < SLX_PDF_VISIBLE ? INK_LIGHT : INK_NONE;
}

static gboolean
vector_name_is(const Operand *o, const char *s)
{
    return strlen(s) == o->name_len && memcmp(o->name, s, o->name_len) == 0;
}

/* A resource RESOURCES/CATEGORY/NAME, or 0. */
static qpdf_oh
vector_resource(Interp *in, qpdf_oh resources, const char *category, const Operand *name)
{
    if (in->qpdf == NULL || resources == 0 || !qpdf_oh_is_dictionary(in->qpdf, resources))
        return 0;
    qpdf_oh dict = qpdf_oh_get_key(in->qpdf, resources, category);
    if (!qpdf_oh_is_dictionary(in->qpdf, dict))
        return 0;
    char *key = g_strdup_printf("/%.*s", (int)name->name_len, name->name);
    qpdf_oh value = qpdf_oh_get_key(in->qpdf, dict, key);
    g_free(key);
    return qpdf_oh_is_null(in->qpdf, value) ? 0 : value;
}

static ColourSpace
vector_space_of(Interp *in, qpdf_oh resources, const Operand *name)
{
    if (vector_name_is(name, "DeviceGray") || vector_name_is(name, "G") || vector_name_is(name, "CalGray"))
        return SPACE_GRAY;
    if (vector_name_is(name, "DeviceRGB") || vector_name_is(name, "RGB") || vector_name_is(name, "CalRGB"))
        return SPACE_RGB;
    if (vector_name_is(name, "DeviceCMYK") || vector_name_is(name, "CMYK"))
        return SPACE_CMYK;
    qpdf_oh cs = vector_resource(in, resources, "/ColorSpace", name);
    if (cs == 0 || !qpdf_oh_is_array(in->qpdf, cs) || qpdf_oh_get_array_n_items(in->qpdf, cs) < 1)
        return SPACE_OTHER;
    qpdf_oh family = qpdf_oh_get_array_item(in->qpdf, cs, 0);
    if (qpdf_oh_is_name_and_equals(in->qpdf, family, "/Separation") ||
        qpdf_oh_is_name_and_equals(in->qpdf, family, "/DeviceN"))
        return SPACE_TINT;
    if (qpdf_oh_is_name_and_equals(in->qpdf, family, "/CalGray"))
        return SPACE_GRAY;
    if (qpdf_oh_is_name_and_equals(in->qpdf, family, "/CalRGB") ||
        qpdf_oh_is_name_and_equals(in->qpdf, family, "/Lab"))
        return SPACE_RGB;
    if (qpdf_oh_is_name_and_equals(in->qpdf, family, "/ICCBased") &&
        qpdf_oh_get_array_n_items(in->qpdf, cs) >= 2) {
        qpdf_oh stream = qpdf_oh_get_array_item(in->qpdf, cs, 1);
        qpdf_oh n = qpdf_oh_get_key(in->qpdf, qpdf_oh_get_dict(in->qpdf, stream), "/N");
        switch (qpdf_oh_get_int_value_as_int(in->qpdf, n)) {
        case 1: return SPACE_GRAY;
        case 3: return SPACE_RGB;
        case 4: return SPACE_CMYK;
        default: break;
        }
    }
    return SPACE_OTHER;
}

/* ---- paths ------------------------------------------------------------- */

static void
vector_add_point(Interp *in, double x, double y, gboolean curve)
{
    Point pt = {0, 0, curve};
    vector_transform(vector_state(in)->ctm, x, y, &pt.x, &pt.y);
    g_array_append_val(in->points, pt);
}

static void
vector_move_to(Interp *in, double x, double y)
{
    guint start = in->points->len;
    g_array_append_val(in->starts, start);
    vector_add_point(in, x, y, FALSE);
}

static gboolean
vector_in_subpath(const Interp *in)
{
    return in->starts->len > 0;
}

static void
vector_close_path(Interp *in)
{
    if (!vector_in_subpath(in))
        return;
    guint start = g_array_index(in->starts, guint, in->starts->len - 1);
    Point first = g_array_index(in->points, Point, start);
    first.curve = FALSE;
    g_array_append_val(in->points, first);
}

static void
vector_clear_path(Interp *in)
{
    g_array_set_size(in->points, 0);
    g_array_set_size(in->starts, 0);
}

/* A rule along a horizontal line at y = AT from x = A1 to A2, or along a
 * vertical one at x = AT; page coordinates. */
static void
vector_add_rule(Interp *in, gboolean horizontal, double a1, double a2, double at)
{
    SlxRule r = {at, MIN(a1, a2), MAX(a1, a2), in->light};
    g_array_append_val(horizontal ? in->hrules : in->vrules, r);
}

/* A straight piece counts when it runs along an axis: its slant across
 * is under a tenth of a point. */
static void
vector_add_segment(Interp *in, const Point *a, const Point *b)
{
    if (fabs(a->y - b->y) < 0.1 && fabs(a->x - b->x) >= 0.1)
        vector_add_rule(in, TRUE, a->x, b->x, (a->y + b->y) / 2);
    else if (fabs(a->x - b->x) < 0.1 && fabs(a->y - b->y) >= 0.1)
        vector_add_rule(in, FALSE, a->y, b->y, (a->x + b->x) / 2);
}

/* Subpath S of the path is points FIRST..LAST-1. */
static void
vector_subpath(const Interp *in, guint s, guint *first, guint *last)
{
    *first = g_array_index(in->starts, guint, s);
    *last = s + 1 < in->starts->len ? g_array_index(in->starts, guint, s + 1) : in->points->len;
}

static void
vector_stroke_path(Interp *in)
{
    for (guint s = 0; s < in->starts->len; s++) {
        guint first, last;
        vector_subpath(in, s, &first, &last);
        for (guint i = first + 1; i < last; i++) {
            const Point *b = &g_array_index(in->points, Point, i);
            if (!b->curve)
                vector_add_segment(in, &g_array_index(in->points, Point, i - 1), b);
        }
    }
}

/* A filled subpath that is an axis-parallel rectangle (its points all on
 * the corners of its bounding box, no curves) becomes one line when thin,
 * its four sides when not. */
static void
vector_fill_subpath(Interp *in, guint first, guint last)
{
    if (last - first < 4)
        return;
    double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
    for (guint i = first; i < last; i++) {
        const Point *p = &g_array_index(in->points, Point, i);
        if (p->curve)
            return;
        x1 = MIN(x1, p->x), x2 = MAX(x2, p->x);
        y1 = MIN(y1, p->y), y2 = MAX(y2, p->y);
    }
    for (guint i = first; i < last; i++) {
        const Point *p = &g_array_index(in->points, Point, i);
        gboolean on_x = fabs(p->x - x1) < 0.01 || fabs(p->x - x2) < 0.01;
        gboolean on_y = fabs(p->y - y1) < 0.01 || fabs(p->y - y2) < 0.01;
        if (!on_x || !on_y)
            return;
    }
    double w = x2 - x1, h = y2 - y1;
    if (h <= THIN && w > h)
        vector_add_rule(in, TRUE, x1, x2, (y1 + y2) / 2);
    else if (w <= THIN && h > w)
        vector_add_rule(in, FALSE, y1, y2, (x1 + x2) / 2);
    else if (w > THIN && h > THIN && !in->light) {
        if (in->fills) {
            SlxRect area = {x1, y1, x2, y2};
            g_array_append_val(in->fills, area);
        }
        vector_add_rule(in, TRUE, x1, x2, y1);
        vector_add_rule(in, TRUE, x1, x2, y2);
        vector_add_rule(in, FALSE, y1, y2, x1);
        vector_add_rule(in, FALSE, y1, y2, x2);
    }
}

static void
vector_fill_path(Interp *in)
{
    for (guint s = 0; s < in->starts->len; s++) {
        guint first, last;
        vector_subpath(in, s, &first, &last);
        vector_fill_subpath(in, first, last);
    }
}

/* ---- operators --------------------------------------------------------- */

static void
vector_draw_form(Interp *in, qpdf_oh resources, const Operand *name)
{
    qpdf_oh form = vector_resource(in, resources, "/XObject", name);
    if (form == 0 || in->depth >= MAX_FORM_DEPTH || !qpdf_oh_is_stream(in->qpdf, form))
        return;
    qpdf_oh dict = qpdf_oh_get_dict(in->qpdf, form);
    if (!qpdf_oh_is_name_and_equals(in->qpdf, qpdf_oh_get_key(in->qpdf, dict, "/Subtype"), "/Form"))
        return;
    GByteArray *data = g_byte_array_new();
    if (!vector_append_stream(in->qpdf, form, &in->budget, data)) {
        in->failed = TRUE;
        g_byte_array_unref(data);
        return;
    }
    GState saved = *vector_state(in);
    qpdf_oh matrix = qpdf_oh_get_key(in->qpdf, dict, "/Matrix");
    if (qpdf_oh_is_array(in->qpdf, matrix) && qpdf_oh_get_array_n_items(in->qpdf, matrix) == 6) {
        double m[6];
        for (int i = 0; i < 6; i++)
            m[i] = qpdf_oh_get_numeric_value(in->qpdf, qpdf_oh_get_array_item(in->qpdf, matrix, i));
        vector_concat(vector_state(in)->ctm, m);
    }
    qpdf_oh own = qpdf_oh_get_key(in->qpdf, dict, "/Resources");
    guint saves = in->states->len, outer = in->min_states;
    in->depth++;
    in->min_states = saves;
    vector_clear_path(in);
    vector_run_content(in, (const char *)data->data, (const char *)data->data + data->len,
                qpdf_oh_is_dictionary(in->qpdf, own) ? own : resources);
    in->depth--;
    in->min_states = outer;
    vector_clear_path(in);                        /* a path the form left unpainted */
    g_array_set_size(in->states, saves);   /* a form's unbalanced q */
    *vector_state(in) = saved;
    g_byte_array_unref(data);
}

static void
vector_operator(Interp *in, const char *op, gsize len, qpdf_oh resources)
{
    double v[6];
    GState *gs = vector_state(in);
#define IS(s) (len == sizeof(s) - 1 && memcmp(op, s, len) == 0)
    if (IS("q")) {
        if (in->states->len < MAX_SAVES) {
            GState copy = *gs;
            g_array_append_val(in->states, copy);
        }
    } else if (IS("Q")) {
        if (in->states->len > in->min_states)
            g_array_set_size(in->states, in->states->len - 1);
    } else if (IS("cm")) {
        if (vector_numbers(in, 6, v))
            vector_concat(gs->ctm, v);
    } else if (IS("m")) {
        if (vector_numbers(in, 2, v))
            vector_move_to(in, v[0], v[1]);
    } else if (IS("l")) {
        if (vector_numbers(in, 2, v) && vector_in_subpath(in))
            vector_add_point(in, v[0], v[1], FALSE);
    } else if (IS("c")) {
        if (vector_numbers(in, 6, v) && vector_in_subpath(in))
            vector_add_point(in, v[4], v[5], TRUE);
    } else if (IS("v") || IS("y")) {
        if (vector_numbers(in, 4, v) && vector_in_subpath(in))
            vector_add_point(in, v[2], v[3], TRUE);
    } else if (IS("h")) {
        vector_close_path(in);
    } else if (IS("re")) {
        if (vector_numbers(in, 4, v)) {
            vector_move_to(in, v[0], v[1]);
            vector_add_point(in, v[0] + v[2], v[1], FALSE);
            vector_add_point(in, v[0] + v[2], v[1] + v[3], FALSE);
            vector_add_point(in, v[0], v[1] + v[3], FALSE);
            vector_close_path(in);
        }
    } else if (IS("S") || IS("s") || IS("f") || IS("F") || IS("f*") || IS("B") || IS("B*") ||
               IS("b") || IS("b*") || IS("n")) {
        gboolean closes = op[0] == 's' || op[0] == 'b';
        gboolean fills = op[0] == 'f' || op[0] == 'F' || op[0] == 'B' || op[0] == 'b';
        gboolean strokes = op[0] == 'S' || op[0] == 's' || op[0] == 'B' || op[0] == 'b';
        if (closes)
            vector_close_path(in);
        if (fills && gs->fill_ink != INK_NONE) {
            in->light = gs->fill_ink == INK_LIGHT;
            vector_fill_path(in);
        }
        if (strokes && gs->stroke_ink != INK_NONE) {
            in->light = gs->stroke_ink == INK_LIGHT;
            vector_stroke_path(in);
        }
        vector_clear_path(in);
    } else if (IS("g") || IS("G") || IS("rg") || IS("RG") || IS("k") || IS("K")) {
        gboolean stroke = op[0] == 'G' || op[0] == 'R' || op[0] == 'K';
        ColourSpace space = op[0] == 'g' || op[0] == 'G' ? SPACE_GRAY
                          : op[0] == 'k' || op[0] == 'K' ? SPACE_CMYK : SPACE_RGB;
        int n = space == SPACE_GRAY ? 1 : space == SPACE_RGB ? 3 : 4;
        if (vector_numbers(in, n, v)) {
            *(stroke ? &gs->stroke_space : &gs->fill_space) = space;
            *(stroke ? &gs->stroke_ink : &gs->fill_ink) = vector_colour_ink(space, v, n);
        }
    } else if (IS("cs") || IS("CS")) {
        const Operand *name = vector_last_name(in);
        if (name) {
            gboolean stroke = op[0] == 'C';
            *(stroke ? &gs->stroke_space : &gs->fill_space) = vector_space_of(in, resources, name);
            *(stroke ? &gs->stroke_ink : &gs->fill_ink) = INK_DARK;   /* initial colour: black */
        }
    } else if (IS("sc") || IS("scn") || IS("SC") || IS("SCN")) {
        gboolean stroke = op[0] == 'S';
        int n = 0;
        while (n < in->n_operands && n < 4 &&
               in->operands[in->n_operands - 1 - n].kind == TOKEN_NUMBER)
            n++;
        double c[4];
        for (int i = 0; i < n; i++)
            c[i] = in->operands[in->n_operands - n + i].number;
        ColourSpace space = stroke ? gs->stroke_space : gs->fill_space;
        gboolean pattern = vector_last_name(in) != NULL;   /* a pattern: taken as ink */
        *(stroke ? &gs->stroke_ink : &gs->fill_ink) =
            pattern ? INK_DARK : vector_colour_ink(space, c, n);
    } else if (IS("Do")) {
        const Operand *name = vector_last_name(in);
        if (name)
            vector_draw_form(in, resources, name);
    }
#undef IS
}

static void
vector_push_operand(Interp *in, Operand o)
{
    if (in->n_operands == MAX_OPERANDS) {   /* keep the last ones: operators take those */
        memmove(in->operands, in->operands + 1, sizeof in->operands[0] * (MAX_OPERANDS - 1));
        in->n_operands--;
    }
    in->operands[in->n_operands++] = o;
}

/* Tokens and operators of one content stream.  Arrays and dictionaries
 * need no structure here: their items go on the operand stack like any
 * other, and the operator after them clears it. */
static void
vector_run_content(Interp *in, const char *p, const char *end, qpdf_oh resources)
{
    in->n_operands = 0;
    while (p < end) {
        char c = *p;
        if (vector_is_space(c)) {
            p++;
        } else if (c == '%') {
            while (p < end && *p != '\n' && *p != '\r')
                p++;
        } else if (c == '(') {
            p = vector_skip_string(p, end);
            vector_push_operand(in, (Operand){TOKEN_OTHER, 0, NULL, 0});
        } else if (c == '<' && p + 1 < end && p[1] == '<') {
            p += 2;
        } else if (c == '>' && p + 1 < end && p[1] == '>') {
            p += 2;
        } else if (c == '<') {
            const char *close = memchr(p, '>', (gsize)(end - p));
            p = close ? close + 1 : end;
            vector_push_operand(in, (Operand){TOKEN_OTHER, 0, NULL, 0});
        } else if (c == '/') {
            const char *name = ++p;
            while (p < end && vector_is_regular(*p))
                p++;
            vector_push_operand(in, (Operand){TOKEN_NAME, 0, name, (gsize)(p - name)});
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == '>' || c == ')') {
            p++;
        } else if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            double v;
            gboolean ok;
            const char *after = vector_lex_number(p, end, &v, &ok);
            while (after < end && vector_is_regular(*after))
                after++;
            vector_push_operand(in, (Operand){ok ? TOKEN_NUMBER : TOKEN_OTHER, v, NULL, 0});
            p = after;
        } else {
            const char *op = p;
            while (p < end && vector_is_regular(*p))
                p++;
            gsize len = (gsize)(p - op);
            if (len == 2 && memcmp(op, "ID", 2) == 0)
                p = vector_skip_inline_image(p < end ? p + 1 : end, end);   /* ID, one space, data */
            else
                vector_operator(in, op, len, resources);
            in->n_operands = 0;
        }
    }
}

static void
vector_interpret(Interp *in, const char *content, gsize len, qpdf_oh resources)
{
    /* An empty content stream draws nothing (and an empty buffer may have
     * no data pointer at all: content + len would be arithmetic on NULL). */
    if (content == NULL || len == 0)
        return;
    in->states = g_array_new(FALSE, FALSE, sizeof(GState));
    in->points = g_array_new(FALSE, FALSE, sizeof(Point));
    in->starts = g_array_new(FALSE, FALSE, sizeof(guint));
    GState initial = {{0}, SPACE_GRAY, SPACE_GRAY, INK_DARK, INK_DARK};
    memcpy(initial.ctm, in->page, sizeof initial.ctm);  /* points land on the page */
    g_array_append_val(in->states, initial);
    in->min_states = 1;
    vector_run_content(in, content, content + len, resources);
    g_array_free(in->states, TRUE);
    g_array_free(in->points, TRUE);
    g_array_free(in->starts, TRUE);
}

void
slx_pdf_rules_from_content(const char *content, gsize len, double x0, double top,
                           GArray *hrules, GArray *vrules, GArray *fills)
{
    Interp in = {0};
    double page[6] = {1, 0, 0, -1, -x0, top};
    memcpy(in.page, page, sizeof page);
    in.hrules = hrules;
    in.vrules = vrules;
    in.fills = fills;
    vector_interpret(&in, content, len, 0);
}

/* ---- documents --------------------------------------------------------- */

/* qpdf_cleanup() prints an error nobody fetched to stderr: fetch it. */
static void
vector_close_qpdf(qpdf_data *qpdf)
{
    if (qpdf_has_error(*qpdf))
        qpdf_get_error(*qpdf);
    qpdf_cleanup(qpdf);
}

SlxPdfRules *
slx_pdf_rules_open(const guint8 *bytes, gsize len, const char *password)
{
    qpdf_data qpdf = qpdf_init();
    qpdf_silence_errors(qpdf);
    qpdf_set_suppress_warnings(qpdf, QPDF_TRUE);
    int pages = -1;
    if ((qpdf_read_memory(qpdf, "pdf", (const char *)bytes, len, password) & QPDF_ERRORS) == 0 &&
        (qpdf_push_inherited_attributes_to_page(qpdf) & QPDF_ERRORS) == 0)
        pages = qpdf_get_num_pages(qpdf);
    if (pages < 0 || qpdf_has_error(qpdf)) {
        vector_close_qpdf(&qpdf);
        return NULL;
    }
    SlxPdfRules *doc = g_new(SlxPdfRules, 1);
    doc->qpdf = qpdf;
    doc->pages = (guint)pages;
    return doc;
}

void
slx_pdf_rules_close(SlxPdfRules *doc)
{
    if (doc == NULL)
        return;
    vector_close_qpdf(&doc->qpdf);
    g_free(doc);
}

gboolean
slx_pdf_rules_over_budget(const SlxPdfRules *doc)
{
    return doc->over_budget;
}

guint
slx_pdf_rules_pages(const SlxPdfRules *doc)
{
    return doc->pages;
}

/* A page box as x1, y1, x2, y2 with x1 < x2, y1 < y2. */
static gboolean
vector_page_box(qpdf_data qpdf, qpdf_oh page, const char *key, double box[4])
{
    qpdf_oh a = qpdf_oh_get_key(qpdf, page, key);
    if (!qpdf_oh_is_array(qpdf, a) || qpdf_oh_get_array_n_items(qpdf, a) != 4)
        return FALSE;
    double v[4];
    for (int i = 0; i < 4; i++) {
        qpdf_oh n = qpdf_oh_get_array_item(qpdf, a, i);
        if (!qpdf_oh_is_number(qpdf, n))
            return FALSE;
        v[i] = qpdf_oh_get_numeric_value(qpdf, n);
    }
    box[0] = MIN(v[0], v[2]), box[2] = MAX(v[0], v[2]);
    box[1] = MIN(v[1], v[3]), box[3] = MAX(v[1], v[3]);
    return TRUE;
}

/* The page's content streams, one after another (PDF splits content
 * between streams only between tokens, so a newline between them is
 * safe). */
static gboolean
vector_page_content(qpdf_data qpdf, qpdf_oh page, gsize *budget, GByteArray *out)
{
    qpdf_oh contents = qpdf_oh_get_key(qpdf, page, "/Contents");
    if (qpdf_oh_is_null(qpdf, contents))
        return TRUE;                        /* an empty page */
    if (!qpdf_oh_is_array(qpdf, contents))
        return vector_append_stream(qpdf, contents, budget, out);
    int n = qpdf_oh_get_array_n_items(qpdf, contents);
    for (int i = 0; i < n; i++) {
        if (!vector_append_stream(qpdf, qpdf_oh_get_array_item(qpdf, contents, i), budget, out))
            return FALSE;
        g_byte_array_append(out, (const guint8 *)"\n", 1);
    }
    return TRUE;
}

/* The matrix from default user space to Poppler's page coordinates for
 * the crop box BOX shown turned ROTATE degrees clockwise (0, 90, 180 or
 * 270): the displayed page's top left corner is the origin, y grows
 * downwards. */
static void
vector_page_matrix(const double box[4], int rotate, double m[6])
{
    const double x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
    const double turns[4][6] = {
        {1, 0, 0, -1, -x0, y1},     /*   0: X = x - x0, Y = y1 - y */
        {0, 1, 1, 0, -y0, -x0},     /*  90: X = y - y0, Y = x - x0 */
        {-1, 0, 0, 1, x1, -y0},     /* 180: X = x1 - x, Y = y - y0 */
        {0, -1, -1, 0, y1, x1},     /* 270: X = y1 - y, Y = x1 - x */
    };
    memcpy(m, turns[rotate / 90], sizeof turns[0]);
}

gboolean
slx_pdf_rules_page(SlxPdfRules *doc, guint index, double width, double height,
                   GArray *hrules, GArray *vrules, GArray *fills)
{
    qpdf_data qpdf = doc->qpdf;
    guint hlen = hrules->len, vlen = vrules->len, flen = fills ? fills->len : 0;
    gboolean ok = FALSE;
    GByteArray *content = g_byte_array_new();
    gsize budget = MAX_CONTENT;
    qpdf_oh page = qpdf_get_page_n(qpdf, index);
    double media[4], crop[4];
    qpdf_oh rotate_oh = qpdf_oh_get_key(qpdf, page, "/Rotate");
    int rotate = qpdf_oh_is_number(qpdf, rotate_oh)
                     ? (qpdf_oh_get_int_value_as_int(qpdf, rotate_oh) % 360 + 360) % 360 : 0;
    if (qpdf_oh_is_dictionary(qpdf, page) && vector_page_box(qpdf, page, "/MediaBox", media) &&
        rotate % 90 == 0) {
        /* Poppler shows the crop box clipped to the media box. */
        if (vector_page_box(qpdf, page, "/CropBox", crop)) {
            crop[0] = MAX(crop[0], media[0]), crop[1] = MAX(crop[1], media[1]);
            crop[2] = MIN(crop[2], media[2]), crop[3] = MIN(crop[3], media[3]);
        } else {
            memcpy(crop, media, sizeof crop);
        }
        double w = crop[2] - crop[0], h = crop[3] - crop[1];
        if (rotate % 180)
            w = crop[3] - crop[1], h = crop[2] - crop[0];
        ok = fabs(w - width) < 1 && fabs(h - height) < 1 &&
             vector_page_content(qpdf, page, &budget, content);
    }
    if (ok) {
        Interp in = {0};
        in.qpdf = qpdf;
        vector_page_matrix(crop, rotate, in.page);
        in.hrules = hrules;
        in.vrules = vrules;
        in.fills = fills;
        in.budget = budget;
        vector_interpret(&in, (const char *)content->data, content->len,
                  qpdf_oh_get_key(qpdf, page, "/Resources"));
        ok = !in.failed;
        budget = in.budget;
    }
    doc->over_budget = !ok && budget == 0;
    g_byte_array_unref(content);
    if (qpdf_has_error(qpdf)) {   /* a damaged form or colour space on the way */
        qpdf_get_error(qpdf);
        ok = FALSE;
    }
    if (!ok) {
        g_array_set_size(hrules, hlen);
        g_array_set_size(vrules, vlen);
        if (fills)
            g_array_set_size(fills, flen);
    }
    qpdf_oh_release_all(qpdf);
    return ok;
}
