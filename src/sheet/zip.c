/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/zip.c — the parts of a zip package (xlsx, ods) as bounded XML streams.
 *
 * libzip reads the archive from memory; a part is inflated as libxml2's
 * reader asks for it, so a sheet of 100 MB of XML is never held whole.  A
 * part may inflate to at most SLX_ZIP_RATIO times its compressed size (and
 * SLX_ZIP_FLOOR whatever its size): real sheet XML compresses about 10 to
 * 30 times, a zip bomb a thousand times, and stops at the bound. */
#include "sheet/internal.h"
#include "error.h"

#include <string.h>
#include <zip.h>

#define SLX_ZIP_RATIO 200
#define SLX_ZIP_FLOOR ((guint64)16 << 20)
#define SLX_ZIP_CEILING ((guint64)1 << 30)

struct SlxZip {
    zip_t *archive;
    char *overflowed;     /* the first part cut at its bound */
    char *damaged;        /* the first XML error met: "part line N: message" */
};

typedef struct {
    SlxZip *zip;
    zip_file_t *file;
    char *name;
    guint64 left;         /* bytes the part may still inflate to */
} ZipStream;

SlxZip *
slx_zip_open(const guint8 *bytes, gsize len, GError **error)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    zip_t *archive = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (archive == NULL) {
        if (src)
            zip_source_free(src);
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "not a readable zip package: %s",
                    zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    SlxZip *z = g_new0(SlxZip, 1);
    z->archive = archive;
    return z;
}

void
slx_zip_close(SlxZip *z)
{
    if (z == NULL)
        return;
    zip_discard(z->archive);
    g_free(z->overflowed);
    g_free(z->damaged);
    g_free(z);
}

gboolean
slx_zip_has(SlxZip *z, const char *name)
{
    return zip_name_locate(z->archive, name, 0) >= 0;
}

const char *
slx_zip_overflowed(const SlxZip *z)
{
    return z->overflowed;
}

const char *
slx_zip_damaged(const SlxZip *z)
{
    return z->damaged;
}

/* libxml2's errors are the document's, not stderr's: the first is kept
 * (a part cut at its bound reports the cut, not the error it causes). */
static void
zip_xml_error(void *data, xmlErrorPtr err)
{
    SlxZip *z = data;
    if (z->damaged || z->overflowed || err == NULL)
        return;
    g_autofree char *message = g_strstrip(g_strdup(err->message ? err->message : "error"));
    z->damaged = g_strdup_printf("%s line %d: %s", err->file ? err->file : "?", err->line, message);
}

/* The bound of the part at INDEX: what it may inflate to. */
static guint64
zip_bound(SlxZip *z, zip_int64_t index)
{
    zip_stat_t st;
    zip_stat_init(&st);
    guint64 bound = SLX_ZIP_FLOOR;
    if (zip_stat_index(z->archive, (zip_uint64_t)index, 0, &st) == 0 &&
        (st.valid & ZIP_STAT_COMP_SIZE))
        bound = MAX(bound, MIN((guint64)st.comp_size * SLX_ZIP_RATIO, SLX_ZIP_CEILING));
    return bound;
}

/* Part NAME opened for reading, its index in *INDEX (may be NULL), or
 * NULL if it is absent or cannot be opened (encrypted, damaged). */
static zip_file_t *
zip_open_part(SlxZip *z, const char *name, zip_int64_t *index)
{
    zip_int64_t i = zip_name_locate(z->archive, name, 0);
    if (index)
        *index = i;
    return i >= 0 ? zip_fopen_index(z->archive, (zip_uint64_t)i, 0) : NULL;
}

char *
slx_zip_read(SlxZip *z, const char *name, gsize max, gsize *len)
{
    zip_file_t *f = zip_open_part(z, name, NULL);
    if (f == NULL)
        return NULL;
    GString *out = g_string_new(NULL);
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0 && out->len <= max)
        g_string_append_len(out, buf, (gssize)n);
    zip_fclose(f);
    if (n < 0 || out->len > max) {
        g_string_free(out, TRUE);
        return NULL;
    }
    if (len)
        *len = out->len;
    return g_string_free(out, FALSE);
}

static int
zip_stream_read(void *context, char *buffer, int len)
{
    ZipStream *s = context;
    if (s->left == 0) {
        if (s->zip->overflowed == NULL)
            s->zip->overflowed = g_strdup(s->name);
        return -1;
    }
    zip_int64_t n = zip_fread(s->file, buffer, MIN((guint64)len, s->left));
    if (n < 0)
        return -1;
    s->left -= (guint64)n;
    return (int)n;
}

static int
zip_stream_close(void *context)
{
    ZipStream *s = context;
    zip_fclose(s->file);
    g_free(s->name);
    g_free(s);
    return 0;
}

xmlTextReaderPtr
slx_zip_xml(SlxZip *z, const char *name)
{
    zip_int64_t index;
    zip_file_t *f = zip_open_part(z, name, &index);
    if (f == NULL)
        return NULL;
    ZipStream *s = g_new0(ZipStream, 1);
    s->zip = z;
    s->file = f;
    s->name = g_strdup(name);
    s->left = zip_bound(z, index);
    /* xmlReaderForIO calls the close callback itself when it fails. */
    xmlTextReaderPtr r = xmlReaderForIO(zip_stream_read, zip_stream_close, s, name, NULL,
                                        XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING);
    if (r)
        xmlTextReaderSetStructuredErrorHandler(r, zip_xml_error, z);
    return r;
}

/* ---- XML helpers ------------------------------------------------------- */

int
slx_xml_next(xmlTextReaderPtr r)
{
    if (xmlTextReaderRead(r) != 1)
        return -1;
    int type = xmlTextReaderNodeType(r);
    return type == XML_READER_TYPE_DOCUMENT_TYPE ? -1 : type;
}

gboolean
slx_xml_is(xmlTextReaderPtr r, int type, const char *name)
{
    if (xmlTextReaderNodeType(r) != type)
        return FALSE;
    const xmlChar *local = xmlTextReaderConstLocalName(r);
    return local && strcmp((const char *)local, name) == 0;
}

char *
slx_xml_attr(xmlTextReaderPtr r, const char *name)
{
    char *value = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return NULL;
    do {
        const xmlChar *local = xmlTextReaderConstLocalName(r);
        if (local && strcmp((const char *)local, name) == 0) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            value = g_strdup(v ? (const char *)v : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return value;
}

guint64
slx_xml_attr_uint(xmlTextReaderPtr r, const char *name, guint64 fallback)
{
    g_autofree char *v = slx_xml_attr(r, name);
    guint64 n;
    if (v == NULL || !g_ascii_string_to_unsigned(v, 10, 0, G_MAXUINT64, &n, NULL))
        return fallback;
    return n;
}

gboolean
slx_xml_attr_true(xmlTextReaderPtr r, const char *name)
{
    g_autofree char *v = slx_xml_attr(r, name);
    return v && (strcmp(v, "1") == 0 || g_ascii_strcasecmp(v, "true") == 0);
}

void
slx_zip_warn(const SlxZip *z, SlxDocument *doc)
{
    if (z->overflowed)
        slx_document_warn(doc, "part %s inflates beyond its bound (a zip bomb?): read up to it",
                          z->overflowed);
    if (z->damaged)
        slx_document_warn(doc, "damaged XML, read up to the error: %s", z->damaged);
}
