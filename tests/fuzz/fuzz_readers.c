/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_readers.c — harnesses for the readers: bytes → decoded text →
 * blocks → segmented rows, for text, HTML, e-mail and PDF. */
#include "fuzz.h"
#include "decode.h"
#include "read_email.h"
#include "read_html.h"
#include "read_pdf.h"
#include "read_sheet.h"
#include "read_text.h"
#include "segment.h"

#include <string.h>
#include <zip.h>

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
    fuzz_segment(slx_read_html(dec.utf8, dec.len, &errors, &truncated, NULL));
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
    fuzz_segment(slx_read_pdf(data, size, NULL, 0, &info, NULL));
}

/* A workbook as it comes: a zip (xlsx, ods) or an OLE2 file (xls).  Bytes
 * that are no workbook are tried as each kind anyway, so that a mutation
 * that breaks the sniffing still reaches the readers. */
void
slx_fuzz_read_workbook(const uint8_t *data, size_t size)
{
    guint sheets;
    SlxWorkbookKind kind = slx_workbook_kind(data, size);
    if (kind != SLX_WORKBOOK_NONE) {
        fuzz_segment(slx_read_workbook(kind, data, size, &sheets, NULL));
        return;
    }
    fuzz_segment(slx_read_workbook(SLX_WORKBOOK_XLSX, data, size, &sheets, NULL));
    fuzz_segment(slx_read_workbook(SLX_WORKBOOK_ODS, data, size, &sheets, NULL));
}

/* A zip of the named parts, stored (not deflated): the bytes to read. */
static GBytes *
fuzz_zip(const char *const *names, const char *const *parts, const gsize *lens, guint n)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (guint i = 0; za && i < n; i++) {
        zip_source_t *s = zip_source_buffer(za, parts[i], lens[i], 0);
        zip_int64_t idx = zip_file_add(za, names[i], s, ZIP_FL_ENC_UTF_8);
        if (idx >= 0)
            zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    GBytes *out = NULL;
    if (za && zip_close(za) == 0 && zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t len = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        guint8 *buf = g_malloc((gsize)MAX(len, 1));
        if (zip_source_read(src, buf, (zip_uint64_t)len) == len)
            out = g_bytes_new_take(buf, (gsize)len);
        else
            g_free(buf);
        zip_source_close(src);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

/* The XML of a workbook's parts: the input is a sheet, the shared strings
 * and the styles of an xlsx package at once, and the content of an ODS
 * package, so that every mutation reaches the XML readers (a mutated zip
 * mostly fails its checksum). */
void
slx_fuzz_sheet_xml(const uint8_t *data, size_t size)
{
    static const char types[] =
        "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument."
        "spreadsheetml.sheet.main+xml\"/></Types>";
    static const char rels[] =
        "<Relationships><Relationship Id=\"r\" Type=\"x/officeDocument\" Target=\"xl/w.xml\"/>"
        "</Relationships>";
    static const char wb[] = "<workbook><sheets><sheet name=\"S\" id=\"a\"/></sheets></workbook>";
    static const char wb_rels[] =
        "<Relationships><Relationship Id=\"a\" Type=\"x/worksheet\" Target=\"s.xml\"/>"
        "<Relationship Id=\"b\" Type=\"x/sharedStrings\" Target=\"ss.xml\"/>"
        "<Relationship Id=\"c\" Type=\"x/styles\" Target=\"st.xml\"/></Relationships>";
    const char *input = (const char *)data;
    const char *const names[] = {"[Content_Types].xml", "_rels/.rels", "xl/w.xml",
                                 "xl/_rels/w.xml.rels", "xl/s.xml", "xl/ss.xml", "xl/st.xml"};
    const char *const parts[] = {types, rels, wb, wb_rels, input, input, input};
    const gsize lens[] = {strlen(types), strlen(rels), strlen(wb), strlen(wb_rels), size, size, size};
    guint sheets;
    GBytes *xlsx = fuzz_zip(names, parts, lens, G_N_ELEMENTS(names));
    if (xlsx) {
        fuzz_segment(slx_read_workbook(SLX_WORKBOOK_XLSX, g_bytes_get_data(xlsx, NULL),
                                       g_bytes_get_size(xlsx), &sheets, NULL));
        g_bytes_unref(xlsx);
    }
    const char *const ods_names[] = {"mimetype", "content.xml"};
    const char *const ods_parts[] = {"application/vnd.oasis.opendocument.spreadsheet", input};
    const gsize ods_lens[] = {strlen(ods_parts[0]), size};
    GBytes *ods = fuzz_zip(ods_names, ods_parts, ods_lens, 2);
    if (ods) {
        fuzz_segment(slx_read_workbook(SLX_WORKBOOK_ODS, g_bytes_get_data(ods, NULL),
                                       g_bytes_get_size(ods), &sheets, NULL));
        g_bytes_unref(ods);
    }
}
