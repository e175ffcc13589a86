/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pdf_rules.c — ruling lines read from PDF content streams.
 *
 * The interpreter is driven with bare content streams (operators, colours,
 * the q/Q stack, paths, and the tokens it must step over), then with small
 * PDFs built here, byte by byte, for what needs a document: forms,
 * colour spaces from the resources, crop boxes, rotated pages, filters and
 * a decompression bomb. */
#include "testutil.h"
#include "pdf/vector.h"

#include <gio/gio.h>

/* ---- content streams ---------------------------------------------------- */

typedef struct {
    const char *content;
    gsize len;
    const char *h, *v;    /* "pos:from-to" with one decimal, in order, " " between */
} ContentCase;

#define C(s) s, sizeof(s) - 1

/* The page: crop box from (0, 0) to (600, 800), so a rule at user-space
 * y = 700 is at page y = 100. */
static const ContentCase content_cases[] = {
    /* strokes, and what colour they are */
    {C("0 0 0 RG 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},
    {C("10 700 m 10 600 l S"), "", "10.0:100.0-200.0"},              /* initial colour: black */
    {C("1 G 10 700 m 110 700 l S"), "", ""},                        /* white */
    {C("0.85 G 10 700 m 110 700 l S"), "100.0:10.0-110.0~", ""},    /* light grey: a light rule (~) */
    {C("0.8 0.8 0.8 RG 10 700 m 110 700 l S"), "100.0:10.0-110.0~", ""}, /* #CCCCCC */
    {C("0.75 G 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},     /* #BFBFBF: dark enough */
    {C("0.97 G 10 700 m 110 700 l S"), "", ""},                     /* barely visible: none */
    {C("0.85 g 10 700 100 0.5 re f"), "99.8:10.0-110.0~", ""},      /* a light thin fill */
    {C("0.6 G 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},
    {C("1 0 0 RG 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},   /* red is ink */
    {C("1 1 0.8 RG 10 700 m 110 700 l S"), "100.0:10.0-110.0~", ""}, /* pale yellow: light */
    {C("1 1 0.95 RG 10 700 m 110 700 l S"), "", ""},                /* paler: none */
    {C("0 0 0 1 K 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},
    {C("0 0 0 0 K 10 700 m 110 700 l S"), "", ""},
    {C("/DeviceGray CS 1 SC 10 700 m 110 700 l S"), "", ""},
    {C("/DeviceRGB CS 0 0 0 SCN 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},
    {C("/DeviceCMYK CS 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""}, /* CS resets to black */
    {C("/Pattern cs /P0 scn 10 700 100 1 re f"), "99.5:10.0-110.0", ""}, /* a pattern: ink */
    {C("1 g 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},        /* fill colour, stroked */
    /* shapes */
    {C("10 700 m 110 710 l S"), "", ""},                            /* slanted */
    {C("10 700 m 110 700.05 l S"), "100.0:10.0-110.0", ""},         /* level enough */
    {C("10 700 m 110 700 l 120 700 130 710 140 700 c 200 700 l S"),
     "100.0:10.0-110.0 100.0:140.0-200.0", ""},                     /* the curve is no rule */
    {C("10 700 m 110 700 l 110 600 l 10 600 l h S"),
     "100.0:10.0-110.0 200.0:10.0-110.0", "110.0:100.0-200.0 10.0:100.0-200.0"},
    {C("10 700 m 110 700 l n 10 600 m 110 600 l S"), "200.0:10.0-110.0", ""}, /* n paints nothing */
    {C("10 700 m 110 700 l W n"), "", ""},                          /* a clip is not drawn */
    {C("10 700 100 1 re f"), "99.5:10.0-110.0", ""},               /* thin fill: its middle */
    {C("10 600 0.75 100 re f"), "", "10.4:100.0-200.0"},
    {C("10 700 100 -1 re F"), "100.5:10.0-110.0", ""},             /* drawn downwards */
    {C("0 g 10 600 100 50 re f*"),
     "150.0:10.0-110.0 200.0:10.0-110.0", "10.0:150.0-200.0 110.0:150.0-200.0"}, /* its sides */
    {C("0.9 g 10 600 100 50 re f"), "", ""},                        /* light shading: no sides */
    {C("0 G 10 600 100 50 re S"),
     "200.0:10.0-110.0 150.0:10.0-110.0", "110.0:150.0-200.0 10.0:150.0-200.0"}, /* stroked */
    {C("10 600 m 110 600 l 60 650 l h f"), "", ""},                 /* a triangle */
    {C("10 700 m 110 700 l 110 701 l 10 701 l h f"), "99.5:10.0-110.0", ""},
    {C("10 700 m 110 700 l 120 700 120 701 110 701 c 10 701 l h f"), "", ""},
    {C("10 700 100 1 re b"),
     "99.5:10.0-110.0 100.0:10.0-110.0 99.0:10.0-110.0", "110.0:99.0-100.0 10.0:99.0-100.0"},
    /* the graphics state */
    {C("q 2 0 0 2 0 0 cm 10 300 m 60 300 l S Q 10 700 m 20 700 l S"),
     "200.0:20.0-120.0 100.0:10.0-20.0", ""},
    {C("q 1 G Q 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},
    {C("q 1 G 10 700 m 110 700 l S Q"), "", ""},
    {C("Q Q 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},        /* Q without q */
    {C("0 1 -1 0 0 0 cm 700 -10 m 700 -110 l S"), "100.0:10.0-110.0", ""}, /* rotated user space */
    /* tokens to step over */
    {C("BT /F1 12 Tf (10 700 m 110 700 l S) Tj ET"), "", ""},
    {C("(a\\) 1 2 3 4 re f (nested (parens)) still) Tj"), "", ""},
    {C("<414243> Tj /Span <</MCID 0 /A [1 2]>> BDC EMC"), "", ""},
    {C("% 10 700 m 110 700 l S\n10 600 m 110 600 l S"), "200.0:10.0-110.0", ""},
    {C("BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff S f EI 10 700 m 110 700 l S"),
     "100.0:10.0-110.0", ""},
    {C("[3 2] 0 d 10 700 m 110 700 l S"), "100.0:10.0-110.0", ""},  /* dashed: a rule */
    {C("0 0 0 RG 10 700 m +110. 700 l S -.5 w"), "100.0:10.0-110.0", ""},
    {C("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 10 700 m 110 700 l S"),
     "100.0:10.0-110.0", ""},                                       /* stack overflow: last kept */
    {C("1.2.3 700 m 110 700 l S"), "", ""},                         /* no current point */
    {C("700 m 110 l S re f cm 1 2 3 re"), "", ""},                  /* operands missing */
    {C("10 700 m /Name 700 l S"), "", ""},
    {C("10 700 m 110 700 l S ("), "100.0:10.0-110.0", ""},          /* cut short */
    {C("10 700 m 110 700 l S BI /W 1 ID"), "100.0:10.0-110.0", ""},
    {C("10 700 m 110 700 l S (\\"), "100.0:10.0-110.0", ""},        /* in an escape */
    {C(""), "", ""},
};

static char *
format_fills(const GArray *fills)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < fills->len; i++) {
        const SlxRect *r = &g_array_index(fills, SlxRect, i);
        g_string_append_printf(s, "%s%.1f,%.1f-%.1f,%.1f", i ? " " : "", r->x1, r->y1, r->x2,
                               r->y2);
    }
    return g_string_free(s, FALSE);
}

static char *
format_rules(const GArray *rules)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < rules->len; i++) {
        const SlxRule *r = &g_array_index(rules, SlxRule, i);
        g_string_append_printf(s, "%s%.1f:%.1f-%.1f%s", i ? " " : "", r->pos, r->from, r->to,
                               r->light ? "~" : "");
    }
    return g_string_free(s, FALSE);
}

/* H and V hold the rules expected; they are freed. */
static void
assert_rules(GArray *h, GArray *v, const char *expect_h, const char *expect_v)
{
    char *hs = format_rules(h), *vs = format_rules(v);
    assert_string_equal(hs, expect_h);
    assert_string_equal(vs, expect_v);
    g_free(hs);
    g_free(vs);
    g_array_free(h, TRUE);
    g_array_free(v, TRUE);
}

static void
test_content(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(content_cases); i++) {
        const ContentCase *c = &content_cases[i];
        GArray *h = g_array_new(FALSE, FALSE, sizeof(SlxRule));
        GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
        print_message("%.*s\n", (int)c->len, c->content);
        slx_pdf_rules_from_content(c->content, c->len, 0, 800, h, v, NULL);
        assert_rules(h, v, c->h, c->v);
    }
}

/* Dark filled areas: the backdrop white text is read on. */
static void
test_fills(void **state)
{
    (void)state;
    static const struct {
        const char *content, *fills;
    } cases[] = {
        {"0 g 10 600 100 50 re f", "10.0,150.0-110.0,200.0"},
        {"0.12 0.31 0.47 rg 10 600 100 50 re f 10 500 100 50 re f",
         "10.0,150.0-110.0,200.0 10.0,250.0-110.0,300.0"},          /* a navy header */
        {"0.95 g 10 600 100 50 re f", ""},                          /* a light band */
        {"0 g 10 600 100 2 re f", ""},                              /* a rule, no area */
        {"0 G 10 600 100 50 re S", ""},                             /* stroked, not filled */
        {"0 g 10 600 m 110 600 l 60 650 l h f", ""},                /* not a rectangle */
        {"q 0.5 0 0 0.5 0 0 cm 0 g 20 1200 200 100 re f Q", "10.0,150.0-110.0,200.0"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GArray *h = g_array_new(FALSE, FALSE, sizeof(SlxRule));
        GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
        GArray *fills = g_array_new(FALSE, FALSE, sizeof(SlxRect));
        print_message("%s\n", cases[i].content);
        slx_pdf_rules_from_content(cases[i].content, strlen(cases[i].content), 0, 800, h, v,
                                   fills);
        char *got = format_fills(fills);
        assert_string_equal(got, cases[i].fills);
        g_free(got);
        g_array_free(h, TRUE);
        g_array_free(v, TRUE);
        g_array_free(fills, TRUE);
    }
}

/* ---- documents ---------------------------------------------------------- */

/* A stream object: DICT's keys, then LEN bytes of DATA (binary allowed). */
static GString *
stream(const char *dict, const void *data, gsize len)
{
    GString *s = g_string_new(NULL);
    g_string_printf(s, "<< %s /Length %zu >>\nstream\n", dict, len);
    g_string_append_len(s, data, (gssize)len);
    g_string_append(s, "\nendstream");
    return s;
}

static GString *
text_stream(const char *dict, const char *text)
{
    return stream(dict, text, strlen(text));
}

/* A stream of TEXT deflated (zlib, as /FlateDecode reads it). */
static GString *
flate_stream(const char *dict, const char *text, gsize len)
{
    GConverter *z = G_CONVERTER(g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1));
    GByteArray *out = g_byte_array_new();
    guint8 buf[64 * 1024];
    GConverterResult r;
    do {
        gsize read = 0, written = 0;
        r = g_converter_convert(z, text, len, buf, sizeof buf, G_CONVERTER_INPUT_AT_END, &read,
                                &written, NULL);
        assert_int_not_equal(r, G_CONVERTER_ERROR);
        text += read, len -= read;
        g_byte_array_append(out, buf, (guint)written);
    } while (r != G_CONVERTER_FINISHED);
    GString *s = stream(dict, out->data, out->len);
    g_byte_array_unref(out);
    g_object_unref(z);
    return s;
}

/* A PDF of the given objects (numbered from 1; 1 is the catalog) with a
 * correct cross-reference table.  Takes the objects. */
static GBytes *
build_pdf(GString **objects, int n)
{
    GString *pdf = g_string_new("%PDF-1.4\n");
    gsize *offsets = g_new(gsize, n);
    for (int i = 0; i < n; i++) {
        offsets[i] = pdf->len;
        g_string_append_printf(pdf, "%d 0 obj\n", i + 1);
        g_string_append_len(pdf, objects[i]->str, (gssize)objects[i]->len);
        g_string_append(pdf, "\nendobj\n");
        g_string_free(objects[i], TRUE);
    }
    gsize xref = pdf->len;
    g_string_append_printf(pdf, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
    for (int i = 0; i < n; i++)
        g_string_append_printf(pdf, "%010zu 00000 n \n", offsets[i]);
    g_string_append_printf(pdf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           n + 1, xref);
    g_free(offsets);
    gsize len = pdf->len;
    return g_bytes_new_take(g_string_free(pdf, FALSE), len);
}

/* One page (PAGE_KEYS added to its dictionary) whose /Contents is CONTENTS
 * (none if NULL); object 4 is OBJ4, object 5 OBJ5 (the page's form /Fm1),
 * object 6 an ICC profile stream with one component. */
static GBytes *
page_pdf(const char *page_keys, const char *contents, GString *obj4, GString *obj5)
{
    GString *objects[6] = {
        g_string_new("<< /Type /Catalog /Pages 2 0 R >>"),
        g_string_new("<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] >>"),
        g_string_new(NULL),
        obj4,
        obj5,
        text_stream("/N 1", "not a real profile"),
    };
    g_string_printf(objects[2],
                    "<< /Type /Page /Parent 2 0 R %s%s %s /Resources << "
                    "/XObject << /Fm1 5 0 R /Im1 6 0 R >> "
                    "/ColorSpace << /Sep [/Separation /Black /DeviceCMYK 6 0 R] "
                    "/Icc1 [/ICCBased 6 0 R] /Idx [/Indexed /DeviceRGB 0 <000000>] >> >> >>",
                    contents ? "/Contents " : "", contents ? contents : "", page_keys);
    return build_pdf(objects, 6);
}

/* The page drawing CONTENT, its form /Fm1 drawing FORM. */
static GBytes *
one_page(const char *page_keys, const char *content, const char *form_keys, const char *form)
{
    return page_pdf(page_keys, "4 0 R", text_stream("", content), text_stream(form_keys, form));
}

/* Read page 1 of PDF (WIDTH × HEIGHT to Poppler) and compare; takes PDF. */
static void
check_page(GBytes *pdf, double width, double height, gboolean read, const char *expect_h,
           const char *expect_v)
{
    gsize len;
    const guint8 *bytes = g_bytes_get_data(pdf, &len);
    SlxPdfRules *doc = slx_pdf_rules_open(bytes, len, NULL);
    assert_non_null(doc);
    assert_int_equal(slx_pdf_rules_pages(doc), 1);
    GArray *h = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    GArray *fills = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    assert_int_equal(slx_pdf_rules_page(doc, 0, width, height, h, v, fills), read);
    if (!read)
        assert_int_equal(fills->len, 0);
    g_array_free(fills, TRUE);
    assert_rules(h, v, expect_h, expect_v);
    slx_pdf_rules_close(doc);
    g_bytes_unref(pdf);
}

typedef struct {
    const char *page_keys, *content, *form_keys, *form;
    double width, height;      /* as Poppler would report the page */
    gboolean read;             /* slx_pdf_rules_page() succeeds */
    const char *h, *v;
} PageCase;

static const PageCase page_cases[] = {
    /* the page's size comes from its parent: inherited */
    {"", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE, "100.0:10.0-110.0", ""},
    {"", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 700, FALSE, "", ""},
    /* a page shown turned: what is level in user space may stand upright */
    {"/Rotate 90", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 800, 600, TRUE,
     "", "700.0:10.0-110.0"},
    {"/Rotate 90", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, FALSE, "", ""},
    {"/Rotate 180", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "700.0:490.0-590.0", ""},
    {"/Rotate -90", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 800, 600, TRUE,
     "", "100.0:490.0-590.0"},
    {"/Rotate 360", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "100.0:10.0-110.0", ""},
    {"/Rotate 45", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, FALSE, "", ""},
    {"/Rotate 90 /CropBox [5 50 505 750]", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "",
     700, 500, TRUE, "", "650.0:5.0-105.0"},
    /* the crop box: page coordinates start at its corner */
    {"/CropBox [5 50 505 750]", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 500, 700,
     TRUE, "50.0:5.0-105.0", ""},
    {"/CropBox [-10 0 700 900]", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800,
     TRUE, "100.0:10.0-110.0", ""},                       /* clipped to the media box */
    /* forms: their matrix, their own resources, the q/Q stack around them */
    {"", "q 1 0 0 1 0 -100 cm /Fm1 Do Q 0 G 10 100 m 110 100 l S",
     "/Subtype /Form /Matrix [1 0 0 1 5 0]", "0 G 10 700 m 110 700 l S 1 G",
     600, 800, TRUE, "200.0:15.0-115.0 700.0:10.0-110.0", ""},
    {"", "/Fm1 Do 10 700 m 110 700 l S", "/Subtype /Form", "q q 1 G",
     600, 800, TRUE, "100.0:10.0-110.0", ""},               /* a form's q left open */
    {"", "/Fm1 Do 110 600 l S", "/Subtype /Form", "10 600 m",
     600, 800, TRUE, "", ""},                               /* nor its path */
    {"", "/Fm1 Do 0 G 10 700 m 110 700 l S", "/Subtype /Form", "",
     600, 800, TRUE, "100.0:10.0-110.0", ""},               /* an empty form */
    {"", "/Fm1 Do 0 G 10 700 m 110 700 l S", "/Subtype /Form /Filter /FlateDecode", "",
     600, 800, TRUE, "100.0:10.0-110.0", ""},               /* an empty Flate form */
    {"", "/Fm1 Do", "/Subtype /Form /Resources << /XObject << /Fm1 5 0 R >> >>",
     "10 700 m 110 700 l S /Fm1 Do", 600, 800, TRUE,
     "100.0:10.0-110.0 100.0:10.0-110.0 100.0:10.0-110.0 100.0:10.0-110.0 "
     "100.0:10.0-110.0 100.0:10.0-110.0 100.0:10.0-110.0 100.0:10.0-110.0", ""}, /* itself */
    {"", "/Fm1 Do /Im1 Do /Nothing Do", "/Subtype /Image", "10 700 m 110 700 l S",
     600, 800, TRUE, "", ""},                               /* not forms */
    /* colour spaces from the resources */
    {"", "/Sep CS 1 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "100.0:10.0-110.0", ""},                               /* full tint */
    {"", "/Sep CS 0 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE, "", ""},
    {"", "/Icc1 CS 1 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE, "", ""},
    {"", "/Icc1 CS 0 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "100.0:10.0-110.0", ""},
    {"", "/Idx CS 0 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "100.0:10.0-110.0", ""},                               /* indexed: taken as ink */
    {"", "/Missing CS 0.9 SC 10 700 m 110 700 l S", "/Subtype /Form", "", 600, 800, TRUE,
     "100.0:10.0-110.0", ""},
};

static void
test_pages(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(page_cases); i++) {
        const PageCase *c = &page_cases[i];
        print_message("%s | %s | %s\n", c->page_keys, c->content, c->form);
        check_page(one_page(c->page_keys, c->content, c->form_keys, c->form), c->width,
                   c->height, c->read, c->h, c->v);
    }
}

#define LINE "0 G 10 700 m 110 700 l S"
#define LINE_H "100.0:10.0-110.0"

/* Content is decoded here, Flate only and within a budget: whatever else
 * sends the page to the rendering. */
static void
test_streams(void **state)
{
    (void)state;
    GString *empty_form = text_stream("/Subtype /Form", "");
    check_page(page_pdf("", "4 0 R", flate_stream("/Filter /FlateDecode", LINE, strlen(LINE)),
                        empty_form), 600, 800, TRUE, LINE_H, "");
    check_page(page_pdf("", "4 0 R", flate_stream("/Filter [/FlateDecode]", LINE, strlen(LINE)),
                        text_stream("/Subtype /Form", "")), 600, 800, TRUE, LINE_H, "");
    /* a path split between two content streams */
    check_page(page_pdf("", "[4 0 R 5 0 R]", text_stream("", "0 G 10 700 m"),
                        flate_stream("/Filter /FlateDecode", "110 700 l S", 11)),
               600, 800, TRUE, LINE_H, "");
    check_page(page_pdf("", NULL, text_stream("", ""), text_stream("", "")), 600, 800, TRUE, "", "");
    check_page(page_pdf("", "1 0 R", text_stream("", ""), text_stream("", "")), 600, 800, FALSE,
               "", "");                                   /* not a stream */
    check_page(page_pdf("", "4 0 R", text_stream("/Filter /ASCIIHexDecode", "3020473E"),
                        text_stream("", "")), 600, 800, FALSE, "", "");
    /* zlib data under another filter's name is not inflated */
    check_page(page_pdf("", "4 0 R", flate_stream("/Filter /LZWDecode", LINE, strlen(LINE)),
                        text_stream("", "")), 600, 800, FALSE, "", "");
    check_page(page_pdf("", "4 0 R",
                        flate_stream("/Filter [/FlateDecode /FlateDecode]", LINE, strlen(LINE)),
                        text_stream("", "")), 600, 800, FALSE, "", "");
    check_page(page_pdf("", "4 0 R",
                        flate_stream("/Filter /FlateDecode /DecodeParms << /Predictor 1 >>", LINE,
                                     strlen(LINE)),
                        text_stream("", "")), 600, 800, FALSE, "", "");
    check_page(page_pdf("", "4 0 R", text_stream("/Filter /FlateDecode", "not zlib at all"),
                        text_stream("", "")), 600, 800, FALSE, "", "");
    /* forms are decoded the same way */
    check_page(page_pdf("", "4 0 R", text_stream("", "/Fm1 Do"),
                        flate_stream("/Subtype /Form /Filter /FlateDecode", LINE, strlen(LINE))),
               600, 800, TRUE, LINE_H, "");
    check_page(page_pdf("", "4 0 R", text_stream("", LINE " /Fm1 Do"),
                        text_stream("/Subtype /Form /Filter /ASCIIHexDecode", "3020473E")),
               600, 800, FALSE, "", "");

    /* a bomb: drawing that inflates past 16 MiB is not a checklist; just
     * under it, the same is read */
    const gsize mib = 1 << 20;
    for (int over = 0; over < 2; over++) {
        gsize spaces = over ? 16 * mib : 16 * mib - 4096;
        char *big = g_malloc(spaces + sizeof LINE);
        memset(big, ' ', spaces);
        memcpy(big + spaces, LINE, sizeof LINE);
        gsize len = spaces + strlen(LINE);
        check_page(page_pdf("", "4 0 R", flate_stream("/Filter /FlateDecode", big, len),
                            text_stream("", "")), 600, 800, !over, over ? "" : LINE_H, "");
        check_page(page_pdf("", "4 0 R", text_stream("", "/Fm1 Do"),
                            flate_stream("/Subtype /Form /Filter /FlateDecode", big, len)),
                   600, 800, !over, over ? "" : LINE_H, "");
        g_free(big);
    }
}

/* What qpdf cannot open is NULL (raster.c then renders); a page number
 * past the end reads nothing. */
static void
test_unreadable(void **state)
{
    (void)state;
    static const char junk[] = "not a PDF at all";
    assert_null(slx_pdf_rules_open((const guint8 *)junk, sizeof junk - 1, NULL));
    assert_null(slx_pdf_rules_open((const guint8 *)"", 0, NULL));
    slx_pdf_rules_close(NULL);

    GBytes *pdf = one_page("", "0 G 10 700 m 110 700 l S", "/Subtype /Form", "");
    gsize len;
    const guint8 *bytes = g_bytes_get_data(pdf, &len);
    SlxPdfRules *doc = slx_pdf_rules_open(bytes, len, NULL);
    assert_non_null(doc);
    GArray *h = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    assert_false(slx_pdf_rules_page(doc, 1, 600, 800, h, v, NULL));
    assert_rules(h, v, "", "");
    slx_pdf_rules_close(doc);
    g_bytes_unref(pdf);
}

/* The encrypted fixture needs its password here too. */
static void
test_password(void **state)
{
    (void)state;
    char *path = g_build_filename(SLX_SOURCE_DIR, "tests", "data", "encrypted.pdf", NULL);
    char *bytes;
    gsize len;
    assert_true(g_file_get_contents(path, &bytes, &len, NULL));
    assert_null(slx_pdf_rules_open((const guint8 *)bytes, len, "wrong"));
    SlxPdfRules *doc = slx_pdf_rules_open((const guint8 *)bytes, len, "secret");
    assert_non_null(doc);
    assert_int_equal(slx_pdf_rules_pages(doc), 1);
    slx_pdf_rules_close(doc);
    g_free(bytes);
    g_free(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content),
        cmocka_unit_test(test_fills),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_streams),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_password),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
