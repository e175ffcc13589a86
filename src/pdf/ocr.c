/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr.c — a page without a text layer (a scan) read by OCR, with
 * Tesseract: the page is rendered at OCR_DPI in gray, turned straight
 * (Leptonica's deskew: scans are turned by a fraction of a degree), its
 * ruling lines are found in the image as in any rendering (raster.c) and
 * painted out, so that Tesseract reads cells and not borders, and every
 * character it recognizes becomes a glyph with its box in points.  The
 * table builder then reads those glyphs and rules as it reads a text
 * layer's: a bordered or borderless scan gives the same blocks as the PDF
 * that was printed.  Built only with Tesseract (configure --with-ocr),
 * as the module slaxtract-ocr.so that ocr_load.c loads on the first page
 * that needs it (pdf.h says why); ocr_none.c stands in without it. */
#include "pdf.h"
#include "../error.h"

#include <gmodule.h>
#include <leptonica/allheaders.h>
#include <math.h>
#ifdef HAVE_OMP
#include <omp.h>
#endif
#include <string.h>
#include <tesseract/capi.h>

/* 300 dpi: Tesseract reads best with capitals some 30 pixels tall, which
 * 9–10 pt text is at 300 dpi; a 200 dpi scan is drawn up to it. */
#define OCR_DPI 300.0
#define OCR_MAX_PIXELS (80.0 * 1024 * 1024)  /* a page larger is rendered at less */
#define OCR_SKEW_MIN_CONF 1.5      /* Leptonica's confidence of a skew angle (it asks 3) */
#define OCR_SKEW_MIN_DEGREES 0.05  /* less drifts under a point across a page */
#define OCR_RULE_BELOW_PAPER 20    /* grays: a rule's pixels are this much darker than paper */
#define OCR_ERASE_POINTS 0.5       /* half the width painted out along a rule */
#define OCR_MIN_CONF 0.6           /* a word is kept from this confidence on, */
#define OCR_SECOND_LOOK_CONF 0.7   /* and a word read again from this one */
#define OCR_APART 0.5              /* line heights: ink this far from glyphs is read again */
#define OCR_MAX_PIECES 400         /* pieces of uncovered ink read again, at most, a page */
#define OCR_LATIN_WIDTH 0.9        /* the widest a Latin character is, of its height, */
#define OCR_WIDE_WIDTH 1.3         /* and a Japanese one */
#define OCR_TITLE_HEIGHT 1.3       /* of the body text's ink: characters this tall are larger, */
#define OCR_TALLEST 4.0            /* and taller ones no text (a logo) */
/* A gap between words wider than this fraction of the line's height is a
 * space; OCR's own word breaks are not (it parts 「90」 into 「9」 「0」). */
#define OCR_SPACE_GAP 0.2

struct SlxPdfOcrReader {
    TessBaseAPI *api;
    const SlxPdfOcrHost *host;   /* the PDF reader's rendering and rules */
};

static const char *
ocr_version(void)
{
    return TessVersion();
}

/* Tesseract's OpenMP regions on the worker's one thread.  Debian's
 * Tesseract is built with OpenMP, and its threads spin-wait: a 300 dpi
 * page took 5.0 s with them and 2.5 s without, on two cores, and a batch
 * has a worker per core already.  OMP_THREAD_LIMIT would do it, but
 * libgomp reads it when it is loaded, before main(); max-active-levels 0
 * makes every parallel region run on the thread that meets it.  A user
 * who sets OMP_THREAD_LIMIT or OMP_NUM_THREADS decides instead. */
static void
ocr_one_thread(void)
{
#ifdef HAVE_OMP
    if (g_getenv("OMP_THREAD_LIMIT") == NULL && g_getenv("OMP_NUM_THREADS") == NULL)
        omp_set_max_active_levels(0);
#endif
}

static SlxPdfOcrReader *
ocr_open(const char *langs, const SlxPdfOcrHost *host, GError **error)
{
    ocr_one_thread();
    /* Leptonica reports a page it finds no skew on as an error on
     * standard error; a straight page is no error. */
    setMsgSeverity(L_SEVERITY_NONE);
    TessBaseAPI *api = TessBaseAPICreate();
    if (TessBaseAPIInit3(api, NULL, langs) != 0) {
        TessBaseAPIDelete(api);
        g_set_error(error, SLX_ERROR, SLX_ERROR_OCR,
                    "OCR cannot start for the languages '%s': is their Tesseract data installed "
                    "(Debian: tesseract-ocr-jpn, tesseract-ocr-eng)?", langs);
        return NULL;
    }
    /* Automatic page segmentation: Tesseract finds the blocks of text,
     * which with the rules painted out are the cells. */
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    SlxPdfOcrReader *ocr = g_new0(SlxPdfOcrReader, 1);
    ocr->api = api;
    ocr->host = host;
    return ocr;
}

static void
ocr_close(SlxPdfOcrReader *ocr)
{
    if (ocr == NULL)
        return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    g_free(ocr);
}

/* The page rendered in gray at *SCALE pixels a point, or NULL. */
static PIX *
ocr_render(const SlxPdfOcrHost *host, PopplerPage *page, double *scale)
{
    double pw, ph;
    poppler_page_get_size(page, &pw, &ph);
    double s = OCR_DPI / 72.0;
    if (pw * ph * s * s > OCR_MAX_PIXELS)
        s = sqrt(OCR_MAX_PIXELS / (pw * ph));
    int w = (int)ceil(pw * s), h = (int)ceil(ph * s);
    if (w < 1 || h < 1)
        return NULL;
    cairo_surface_t *surface = host->render(page, w, h, s);
    if (surface == NULL)
        return NULL;

    PIX *pix = pixCreate(w, h, 8);
    const guint8 *px = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    l_uint32 *data = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const guint8 *row = px + (gsize)y * (gsize)stride;
        l_uint32 *line = data + (gsize)y * (gsize)wpl;
        for (int x = 0; x < w; x++) {   /* BGRx → luminance (Rec. 601) */
            const guint8 *p = row + (gsize)x * 4;
            SET_DATA_BYTE(line, x, (p[2] * 299 + p[1] * 587 + p[0] * 114) / 1000);
        }
    }
    cairo_surface_destroy(surface);
    *scale = s;
    return pix;
}

/* The gray below which a pixel of PIX may be part of a rule: well under
 * the paper's gray (the commonest value in the light half), by more than
 * a scanner's noise, so that a light gray hairline still counts.  A rule
 * is a long run of such pixels (raster.c), which neither noise nor a
 * glyph's stroke makes. */
static guint8
ocr_rule_gray(PIX *pix)
{
    NUMA *hist = pixGetGrayHistogram(pix, 1);
    int paper = 255;
    l_float32 most = -1;
    for (int v = 128; v < 256; v++) {
        l_float32 n;
        numaGetFValue(hist, v, &n);
        if (n > most) {
            most = n;
            paper = v;
        }
    }
    numaDestroy(&hist);
    return (guint8)CLAMP(paper - OCR_RULE_BELOW_PAPER, 128, 235);
}

/* The ruling lines of the gray image PIX, in points: the pixels dark
 * enough to be a rule made black, the rest white, for raster.c. */
static void
ocr_rules(const SlxPdfOcrHost *host, PIX *pix, double scale, GArray **hr, GArray **vr)
{
    int w = (int)pixGetWidth(pix), h = (int)pixGetHeight(pix);
    guint8 below = ocr_rule_gray(pix);
    guint8 *bgrx = g_malloc((gsize)w * (gsize)h * 4);
    const l_uint32 *data = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const l_uint32 *line = data + (gsize)y * (gsize)wpl;
        guint32 *row = (guint32 *)(void *)(bgrx + (gsize)y * (gsize)w * 4);
        for (int x = 0; x < w; x++)
            row[x] = GET_DATA_BYTE(line, x) < below ? 0 : 0xFFFFFFu;
    }
    host->raster_rules(bgrx, w * 4, w, h, scale, hr, vr);
    g_free(bgrx);
    /* At a gray this light, the strokes of neighbouring characters join
     * into runs as long as a short rule: a rule of a scan counts only as
     * part of a grid, as a light rule of a text layer's page does. */
    for (int dir = 0; dir < 2; dir++) {
        GArray *rules = dir ? *vr : *hr;
        for (guint i = 0; i < rules->len; i++)
            g_array_index(rules, Rule, i).light = TRUE;
    }
    host->rules_light_in_grid(*hr, *vr);
}

/* Paint the RULES (in points) white in PIX, HORIZONTAL or not. */
static void
ocr_erase(PIX *pix, const GArray *rules, gboolean horizontal, double scale)
{
    int half = MAX(1, (int)lround(OCR_ERASE_POINTS * scale));
    for (guint i = 0; i < rules->len; i++) {
        const Rule *r = &g_array_index(rules, Rule, i);
        int pos = (int)lround(r->pos * scale);
        int from = (int)floor(r->from * scale), to = (int)ceil(r->to * scale);
        if (horizontal)
            pixRasterop(pix, from, pos - half, to - from, 2 * half + 1, PIX_SET, NULL, 0, 0);
        else
            pixRasterop(pix, pos - half, from, 2 * half + 1, to - from, PIX_SET, NULL, 0, 0);
    }
}

/* PIX turned straight: Leptonica measures the skew on a binarized copy
 * (the angle at which the text lines are most sharply rows).  Its own
 * pixDeskew() leaves a page at its minimum confidence as it is, and a
 * scan turned by half a degree came out so: its rules drift 4 pt across
 * the page.  Here a skew is undone from a lower confidence on. */
static PIX *
ocr_deskew(PIX *pix)
{
    PIX *binary = pixConvertTo1(pix, 160);
    l_float32 angle = 0, conf = 0;
    gboolean found = binary && pixFindSkew(binary, &angle, &conf) == 0;
    pixDestroy(&binary);
    if (!found || conf < OCR_SKEW_MIN_CONF || fabsf(angle) < OCR_SKEW_MIN_DEGREES)
        return pixClone(pix);
    return pixRotate(pix, (l_float32)(angle * G_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE,
                     0, 0);
}

/* The box of the iterator's element at LEVEL, in points. */
static SlxRect
ocr_box(const TessPageIterator *pi, TessPageIteratorLevel level, double scale)
{
    int l = 0, t = 0, r = 0, b = 0;
    TessPageIteratorBoundingBox(pi, level, &l, &t, &r, &b);
    SlxRect box = {l / scale, t / scale, r / scale, b / scale};
    return box;
}

/* The boxes of the characters of the word the iterator RI is at, in
 * points: a symbol's box, shared out among its characters when it has
 * several (a ligature). */
static GArray *
ocr_symbol_boxes(const TessResultIterator *ri, double scale)
{
    GArray *boxes = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    TessResultIterator *si = TessResultIteratorCopy(ri);
    const TessPageIterator *sp = TessResultIteratorGetPageIteratorConst(si);
    for (;;) {
        SlxRect box = ocr_box(sp, RIL_SYMBOL, scale);
        char *text = TessResultIteratorGetUTF8Text(si, RIL_SYMBOL);
        glong n = text ? MAX(g_utf8_strlen(text, -1), 1) : 1;
        /* Tesseract can give the last symbol of a word a box that runs on
         * over the words after it (「39」 as far as the next cell): no
         * character is wider than it is tall, a Latin one not by far. */
        double widest = (box.y2 - box.y1) * (double)n *
                        (text && (guchar)*text < 0x80 ? OCR_LATIN_WIDTH : OCR_WIDE_WIDTH);
        box.x2 = MIN(box.x2, box.x1 + widest);
        TessDeleteText(text);
        for (glong i = 0; i < n; i++) {
            SlxRect part = {box.x1 + (box.x2 - box.x1) * (double)i / (double)n, box.y1,
                            box.x1 + (box.x2 - box.x1) * (double)(i + 1) / (double)n, box.y2};
            g_array_append_val(boxes, part);
        }
        if (TessPageIteratorIsAtFinalElement(sp, RIL_WORD, RIL_SYMBOL) ||
            !TessResultIteratorNext(si, RIL_SYMBOL))
            break;
    }
    TessResultIteratorDelete(si);
    return boxes;
}

/* A word as Tesseract read it, put right by the fixes. */
typedef struct {
    char *text;
    SlxRect box;             /* points */
    GArray *symbols;         /* SlxRect: each character's box */
    gboolean first_in_line;
    double confidence;       /* 0–1 */
    double ink;              /* the median height of its characters' ink */
} OcrWord;

static void
ocr_word_clear(gpointer p)
{
    OcrWord *w = p;
    g_free(w->text);
    g_array_free(w->symbols, TRUE);
}

/* The median of VALUES (sorted in place; 0 if empty). */
static double
ocr_median(GArray *values)
{
    if (values->len == 0)
        return 0;
    g_array_sort(values, slx_pdf_by_double);
    return g_array_index(values, double, values->len / 2);
}

/* The median height of the ink of SYMBOLS (SlxRect). */
static double
ocr_ink_height(const GArray *symbols)
{
    GArray *h = g_array_sized_new(FALSE, FALSE, sizeof(double), symbols->len);
    for (guint i = 0; i < symbols->len; i++) {
        double v = g_array_index(symbols, SlxRect, i).y2 - g_array_index(symbols, SlxRect, i).y1;
        g_array_append_val(h, v);
    }
    double m = ocr_median(h);
    g_array_free(h, TRUE);
    return m;
}

/* The words Tesseract recognized (OcrWord), in its reading order. */
static GArray *
ocr_read_words(TessBaseAPI *api, const GPtrArray *fixes, double scale)
{
    GArray *words = g_array_new(FALSE, FALSE, sizeof(OcrWord));
    g_array_set_clear_func(words, ocr_word_clear);
    TessResultIterator *ri = TessBaseAPIGetIterator(api);
    if (ri == NULL)
        return words;
    const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst(ri);
    do {
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (text && *text) {
            OcrWord w = {slx_pdf_ocr_fix_word(fixes, text), ocr_box(pi, RIL_WORD, scale),
                         ocr_symbol_boxes(ri, scale),
                         TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE),
                         CLAMP(TessResultIteratorConfidence(ri, RIL_WORD) / 100.0, 0.0, 1.0), 0};
            w.ink = ocr_ink_height(w.symbols);
            g_array_append_val(words, w);
        }
        TessDeleteText(text);
    } while (TessResultIteratorNext(ri, RIL_WORD));
    TessResultIteratorDelete(ri);
    return words;
}


/* WORDS without those read with less than MIN confidence: what Tesseract
 * is that unsure of is noise read as letters (「WwW」, 「alls」) more often
 * than text, and a glyph in the gap between two columns of a table
 * without borders makes them one. */
static void
ocr_drop_unsure(GArray *words, double min)
{
    for (guint k = words->len; k-- > 0;)
        if (g_array_index(words, OcrWord, k).confidence < min)
            g_array_remove_index(words, k);
}

/* The body text of WORDS: the median height of their boxes, which a
 * glyph of it is given, and of their ink, which tells larger text. */
typedef struct {
    double height, ink;      /* points; 0: no words */
} OcrBody;

static OcrBody
ocr_body(const GArray *words)
{
    GArray *h = g_array_sized_new(FALSE, FALSE, sizeof(double), words->len);
    GArray *ink = g_array_sized_new(FALSE, FALSE, sizeof(double), words->len);
    for (guint i = 0; i < words->len; i++) {
        const OcrWord *w = &g_array_index(words, OcrWord, i);
        double height = w->box.y2 - w->box.y1;
        g_array_append_val(h, height);
        g_array_append_val(ink, w->ink);
    }
    OcrBody body = {ocr_median(h), ocr_median(ink)};
    g_array_free(h, TRUE);
    g_array_free(ink, TRUE);
    return body;
}

/* WORDS as glyphs into GLYPHS, each with its word's confidence.  A glyph is
 * given the body text's height (BODY) about the centre of its ink, as a
 * text layer gives each glyph its font's height: the ink of 「ー」, of
 * digits or of 「(RTO)」 is shorter or taller than the line, a word's box
 * can take in ink of the row below, and boxes of uneven height close the
 * narrow gaps between the rows of a table printed without borders.  A
 * word whose characters' ink is much taller than the body text's (a
 * title) is larger in proportion. */
static void
ocr_emit_words(const GArray *words, OcrBody body, GArray *glyphs)
{
    for (guint i = 0; i < words->len; i++) {
        const OcrWord *w = &g_array_index(words, OcrWord, i);
        double mid = (w->box.y1 + w->box.y2) / 2;
        double larger = body.ink > 0 ? w->ink / body.ink : 1;
        double height = body.height * (larger >= OCR_TITLE_HEIGHT && larger <= OCR_TALLEST ? larger : 1);
        slx_pdf_ocr_word_glyphs(w->text, w->symbols, mid, height, height, OCR_SPACE_GAP * height,
                                w->first_in_line, w->confidence, glyphs);
    }
}

/* Whether BOX meets the box of one of the first N glyphs of GLYPHS. */
static gboolean
ocr_touches_glyph(const SlxRect *box, const GArray *glyphs, guint n)
{
    for (guint i = 0; i < n; i++) {
        const Glyph *g = &g_array_index(glyphs, Glyph, i);
        if (g->x1 < box->x2 && g->x2 > box->x1 && g->y1 < box->y2 && g->y2 > box->y1)
            return TRUE;
    }
    return FALSE;
}

/* A second look at the ink no glyph covers: Tesseract's analysis of a
 * whole page drops a lone character as noise, and a checklist's number
 * and answer columns are made of them (「2」, 「有」, 「○」).  The glyphs'
 * boxes are cleared from a binarized copy of PIX; what ink is left, run
 * together over a character's width, is read piece by piece, each as a
 * block of text.  Pieces smaller than a character (specks) or much
 * taller than a line (a logo, a stamp) are left alone. */
static void
ocr_uncovered_ink(TessBaseAPI *api, PIX *pix, const GPtrArray *fixes, double scale, OcrBody body,
                  GArray *glyphs)
{
    guint page_glyphs = glyphs->len;
    double line = body.height * scale;     /* pixels */
    if (line < 4)
        line = OCR_DPI / 72.0 * 10;     /* nothing read yet: 10 pt */
    PIX *ink = pixConvertTo1(pix, 128);
    if (ink == NULL)
        return;
    int pad = (int)ceil(line * 0.15);
    for (guint i = 0; i < page_glyphs; i++) {
        const Glyph *g = &g_array_index(glyphs, Glyph, i);
        pixRasterop(ink, (int)(g->x1 * scale) - pad, (int)(g->y1 * scale) - pad,
                    (int)((g->x2 - g->x1) * scale) + 2 * pad, (int)((g->y2 - g->y1) * scale) + 2 * pad,
                    PIX_CLR, NULL, 0, 0);
    }
    PIX *joined = pixCloseBrick(NULL, ink, MAX(1, (int)(line * 0.6)), MAX(1, (int)(line * 0.3)));
    BOXA *pieces = joined ? pixConnCompBB(joined, 8) : NULL;
    int n = pieces ? boxaGetCount(pieces) : 0;
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
    for (int i = 0, read = 0; i < n && read < OCR_MAX_PIECES; i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(pieces, i, &x, &y, &w, &h);
        if (h < line * 0.4 || h > line * 3 || MAX(w, h) < line * 0.5)
            continue;
        /* Beside a glyph it is what is left of a character read already
         * (its box is narrower than its ink): only ink apart is new. */
        SlxRect near = {(x - line * OCR_APART) / scale, y / scale,
                        (x + w + line * OCR_APART) / scale, (y + h) / scale};
        if (ocr_touches_glyph(&near, glyphs, page_glyphs))
            continue;
        read++;
        int margin = (int)ceil(line * 0.3);
        int x0 = MAX(0, x - margin), y0 = MAX(0, y - margin);
        TessBaseAPISetRectangle(api, x0, y0, MIN(w + 2 * margin, (int)pixGetWidth(pix) - x0),
                                MIN(h + 2 * margin, (int)pixGetHeight(pix) - y0));
        if (TessBaseAPIRecognize(api, NULL) != 0)
            continue;
        GArray *words = ocr_read_words(api, fixes, scale);
        ocr_drop_unsure(words, OCR_SECOND_LOOK_CONF);
        ocr_emit_words(words, body, glyphs);
        g_array_free(words, TRUE);
    }
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    boxaDestroy(&pieces);
    pixDestroy(&joined);
    pixDestroy(&ink);
}

static gboolean
ocr_page(SlxPdfOcrReader *ocr, PopplerPage *page, const GPtrArray *fixes, GArray **glyphs,
         GArray **hrules, GArray **vrules, GError **error)
{
    double scale;
    PIX *rendered = ocr_render(ocr->host, page, &scale);
    if (rendered == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_OCR, "the page cannot be rendered for OCR");
        return FALSE;
    }
    /* Turned straight, so that rules are rows and columns of pixels. */
    PIX *straight = ocr_deskew(rendered);
    pixDestroy(&rendered);
    if (straight == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_OCR, "the page image cannot be deskewed");
        return FALSE;
    }
    ocr_rules(ocr->host, straight, scale, hrules, vrules);
    ocr_erase(straight, *hrules, TRUE, scale);
    ocr_erase(straight, *vrules, FALSE, scale);

    TessBaseAPISetImage2(ocr->api, straight);
    TessBaseAPISetSourceResolution(ocr->api, (int)lround(scale * 72.0));
    *glyphs = g_array_new(FALSE, FALSE, sizeof(Glyph));
    gboolean ok = TessBaseAPIRecognize(ocr->api, NULL) == 0;
    if (ok) {
        GArray *words = ocr_read_words(ocr->api, fixes, scale);
        ocr_drop_unsure(words, OCR_MIN_CONF);
        OcrBody body = ocr_body(words);
        ocr_emit_words(words, body, *glyphs);
        g_array_free(words, TRUE);
        ocr_uncovered_ink(ocr->api, straight, fixes, scale, body, *glyphs);
        slx_pdf_ocr_glyphs_within_rules(*glyphs, *vrules);
    }
    if (!ok)
        g_set_error(error, SLX_ERROR, SLX_ERROR_OCR, "Tesseract could not read the page");
    TessBaseAPIClear(ocr->api);
    pixDestroy(&straight);
    if (!ok) {
        g_array_free(*hrules, TRUE);
        g_array_free(*vrules, TRUE);
        g_array_free(*glyphs, TRUE);
    }
    return ok;
}

/* The module's one exported symbol (it is built with hidden visibility). */
G_MODULE_EXPORT const SlxPdfOcrEngine slx_pdf_ocr_engine = {
    ocr_version, ocr_open, ocr_close, ocr_page,
};
