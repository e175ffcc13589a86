/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_stages.c — harnesses for single stages: the content-stream
 * interpreter, normalization, value extraction, pattern and requirement
 * files. */
#include "fuzz.h"
#include "normalize.h"
#include "pdf/vector.h"
#include "requirements.h"

void
slx_fuzz_pdf_rules(const uint8_t *data, size_t size)
{
    GArray *h = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    GArray *f = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    slx_pdf_rules_from_content((const char *)data, size, 0, 842, h, v, f);
    g_array_free(h, TRUE);
    g_array_free(v, TRUE);
    g_array_free(f, TRUE);
}

/* DATA as UTF-8 (invalid bytes replaced, as decode.c never hands on). */
static char *
fuzz_utf8(const uint8_t *data, size_t size)
{
    return g_utf8_make_valid((const char *)data, (gssize)size);
}

void
slx_fuzz_normalize(const uint8_t *data, size_t size)
{
    char *text = fuzz_utf8(data, size);
    g_free(slx_normalize(text, -1, SLX_NORM_DEFAULT));
    g_free(slx_normalize(text, -1, SLX_NORM_KEEP_CJK_SPACES));
    g_free(text);
}

void
slx_fuzz_extract(const uint8_t *data, size_t size)
{
    char *raw = fuzz_utf8(data, size);
    char *text = slx_normalize(raw, -1, SLX_NORM_DEFAULT);
    const SlxCatalog *cat = g_ptr_array_index(slx_fuzz_patterns()->catalogs, 0);
    /* No item, and items of each role: availability, RPO, retention, notice. */
    static const char *const ids[] = {"5", "29", "30", "2"};
    g_ptr_array_unref(slx_extract_values(slx_fuzz_extractor(), text, NULL));
    for (gsize i = 0; i < G_N_ELEMENTS(ids); i++) {
        const SlxCatalogItem *it = slx_catalog_lookup(cat, ids[i]);
        GPtrArray *values = slx_extract_values(slx_fuzz_extractor(), text, it);
        g_free(slx_primary(it, values));
        for (guint k = 0; k < values->len; k++)
            g_free(slx_value_render(g_ptr_array_index(values, k)));
        g_ptr_array_unref(values);
    }
    g_free(text);
    g_free(raw);
}

void
slx_fuzz_patterns_file(const uint8_t *data, size_t size)
{
    SlxPatterns *p = slx_patterns_new();
    GError *e = NULL;
    if (slx_patterns_load_data(p, "fuzz.ini", (const char *)data, size, &e)) {
        SlxExtractor *x = slx_extractor_new(&p->vocab, NULL);
        slx_extractor_free(x);
    }
    g_clear_error(&e);
    slx_patterns_free(p);
}

void
slx_fuzz_requirements(const uint8_t *data, size_t size)
{
    GPtrArray *r = slx_requirements_load_data("fuzz.ini", (const char *)data, size,
                                              slx_fuzz_patterns(), slx_fuzz_extractor(), NULL);
    if (r)
        g_ptr_array_unref(r);
}
