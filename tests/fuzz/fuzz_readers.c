/* fuzz_readers.c — harnesses for the readers: bytes → decoded text →
 * blocks → segmented rows, for text, HTML, e-mail and PDF. */
#include "fuzz.h"
#include "decode.h"
#include "read_email.h"
#include "read_html.h"
#include "read_pdf.h"
#include "read_text.h"
#include "segment.h"

static void
fuzz_segment(SlxDocument *doc)
{
    if (doc == NULL)
        return;
    SlxTable *t = slx_segment(doc, slx_fuzz_patterns());
    slx_table_free(t);
    slx_document_free(doc);
}

void
slx_fuzz_read_text(const uint8_t *data, size_t size)
{
    SlxDecoded dec;
    if (!slx_decode_full(data, size, NULL, FALSE, &dec, NULL))
        return;
    fuzz_segment(slx_read_text(dec.utf8, dec.len));
    slx_decoded_clear(&dec);
}

void
slx_fuzz_read_html(const uint8_t *data, size_t size)
{
    char *declared = slx_html_declared_charset(data, size);
    SlxDecoded dec;
    gboolean ok = slx_decode_full(data, size, declared, TRUE, &dec, NULL);
    g_free(declared);
    if (!ok)
        return;
    guint errors;
    gboolean truncated;
    fuzz_segment(slx_read_html(dec.utf8, dec.len, &errors, &truncated));
    slx_decoded_clear(&dec);
}

void
slx_fuzz_read_email(const uint8_t *data, size_t size)
{
    const char *charset;
    fuzz_segment(slx_read_email(data, size, &charset, NULL));
}

void
slx_fuzz_read_pdf(const uint8_t *data, size_t size)
{
    SlxPdfInfo info;
    fuzz_segment(slx_read_pdf(data, size, NULL, &info, NULL));
}
