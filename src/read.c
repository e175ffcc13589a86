/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read.c — a file on disk → its bytes, format and a document of blocks. */
#include "read.h"
#include "decode.h"
#include "digest.h"
#include "error.h"
#include "read_email.h"
#include "read_html.h"
#include "read_pdf.h"
#include "read_sheet.h"
#include "read_text.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
slx_format_name(SlxFormat f)
{
    switch (f) {
    case SLX_FORMAT_HTML: return "html";
    case SLX_FORMAT_PDF:  return "pdf";
    case SLX_FORMAT_EMAIL: return "email";
    case SLX_FORMAT_XLSX: return "xlsx";
    case SLX_FORMAT_ODS:  return "ods";
    case SLX_FORMAT_XLS:  return "xls";
    case SLX_FORMAT_TEXT: break;
    }
    return "text";
}

/* The format of B, and in *KIND which workbook it is (the zip or OLE2
 * file opened once, for the sniffing and the reader both). */
static SlxFormat
read_sniff(const guint8 *b, gsize len, SlxWorkbookKind *kind)
{
    *kind = SLX_WORKBOOK_NONE;
    /* %PDF- may follow a little garbage (PDF 1.7 §7.5.2 readers accept it
     * within the first 1024 bytes). */
    gsize head = MIN(len, 1024);
    for (gsize i = 0; i + 5 <= head; i++)
        if (memcmp(b + i, "%PDF-", 5) == 0)
            return SLX_FORMAT_PDF;
    switch ((*kind = slx_workbook_kind(b, len))) {
    case SLX_WORKBOOK_XLSX:
    case SLX_WORKBOOK_ENCRYPTED:
    case SLX_WORKBOOK_BINARY: return SLX_FORMAT_XLSX;
    case SLX_WORKBOOK_ODS: return SLX_FORMAT_ODS;
    case SLX_WORKBOOK_XLS: return SLX_FORMAT_XLS;
    case SLX_WORKBOOK_NONE: break;
    }
    if (slx_looks_like_email(b, len))
        return SLX_FORMAT_EMAIL;
    /* HTML starts with markup; text exports with HTML remnants (<b>) do not. */
    gsize i = 0;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    /* A page saved whole, or a fragment of one (a table copied with its
     * markup); a text with a remnant inside (「有 <b>」) starts otherwise. */
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<meta", "<?xml",
                                         "<body", "<table", "<div", "<section", "<article",
                                         "<h1", "<h2", "<h3", "<dl", "<!--"};
    for (gsize k = 0; k < G_N_ELEMENTS(starts); k++) {
        gsize n = strlen(starts[k]);
        if (len - i >= n && g_ascii_strncasecmp((const char *)b + i, starts[k], n) == 0)
            return SLX_FORMAT_HTML;
    }
    return SLX_FORMAT_TEXT;
}

SlxFormat
slx_sniff_format(const guint8 *b, gsize len)
{
    SlxWorkbookKind kind;
    return read_sniff(b, len, &kind);
}

void
slx_source_clear(SlxSource *src)
{
    g_free(src->sha256);
    slx_document_free(src->doc);
    memset(src, 0, sizeof *src);
}

/* Is the file at PATH, of status ST, one to read: a regular file of at
 * most MAX_BYTES (0: any size)?  If not, FALSE with ERROR. */
static gboolean
read_judge(const char *path, const struct stat *st, guint64 max_bytes, GError **error)
{
    if (S_ISDIR(st->st_mode)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_NOT_A_FILE, "%s: is a directory", path);
    } else if (!S_ISREG(st->st_mode)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_NOT_A_FILE,
                    "%s: not a regular file (a FIFO, a device or a socket)", path);
    } else if (max_bytes > 0 && (guint64)st->st_size > max_bytes) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_TOO_LARGE,
                    "%s: %" G_GUINT64_FORMAT " bytes, more than --max-bytes %" G_GUINT64_FORMAT
                    ": not read", path, (guint64)st->st_size, max_bytes);
    } else {
        return TRUE;
    }
    return FALSE;
}

/* The bytes of the regular file at PATH.  Opened without blocking and
 * judged by fstat before anything is read: a FIFO would block the batch
 * for ever and /dev/zero never ends, so anything but a regular file is
 * not_a_file; a regular file is read up to the size fstat gave. */
static gboolean
read_bytes(const char *path, guint64 max_bytes, char **data, gsize *len, GError **error)
{
    /* Judged before it is opened (opening a FIFO for reading, or a tape
     * device, already does something), and again once open: the file may
     * have been replaced in between. */
    struct stat pre;
    if (stat(path, &pre) == 0 && !read_judge(path, &pre, max_bytes, error))
        return FALSE;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        g_set_error(error, SLX_ERROR,
                    err == ENOENT || err == ENOTDIR ? SLX_ERROR_NOT_FOUND
                    : err == EISDIR                 ? SLX_ERROR_NOT_A_FILE
                                                    : SLX_ERROR_READ,
                    "%s: %s", path, g_strerror(err));
        return FALSE;
    }
    struct stat st;
    gboolean ok = fstat(fd, &st) == 0;
    if (!ok)
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, g_strerror(errno));
    else
        ok = read_judge(path, &st, max_bytes, error);
    if (ok) {
        /* A file that grows while it is read is read up to its size at
         * fstat: never beyond the limit. */
        gsize size = (gsize)st.st_size, got = 0;
        *data = g_malloc(size + 1);
        while (ok && got < size) {
            ssize_t n = read(fd, *data + got, size - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, g_strerror(errno));
                ok = FALSE;
            } else if (n == 0) {
                break;          /* shorter than it was: what is there */
            } else {
                got += (gsize)n;
            }
        }
        if (ok) {
            (*data)[got] = '\0';
            *len = got;
        } else {
            g_free(*data);
        }
    }
    close(fd);
    return ok;
}

static gboolean
is_blank_text(const char *s, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace(s[i]))
            return FALSE;
    return TRUE;
}

gboolean
slx_read_document(const char *path, const SlxReadOptions *opts, SlxSource *src, GError **error)
{
    const char *password = opts ? opts->password : NULL;
    memset(src, 0, sizeof *src);
    char *data;
    gsize len;
    if (!read_bytes(path, opts ? opts->max_bytes : 0, &data, &len, error))
        return FALSE;
    src->sha256 = slx_sha256_of(data, len);
    if (len == 0) {
        g_free(data);
        g_set_error(error, SLX_ERROR, SLX_ERROR_EMPTY, "the file is empty");
        return FALSE;
    }
    SlxWorkbookKind kind;
    src->format = read_sniff((const guint8 *)data, len, &kind);
    if (src->format == SLX_FORMAT_PDF) {
        SlxPdfInfo info;
        src->encoding = "UTF-8";
        SlxPdfOptions pdf = {password, opts ? opts->max_pages : 0, SLX_PDF_RULES_FROM_CONTENT,
                             opts ? opts->ocr : SLX_OCR_AUTO, opts ? opts->ocr_langs : NULL,
                             opts ? opts->ocr_fixes : NULL};
        src->doc = slx_read_pdf_with((const guint8 *)data, len, &pdf, &info, error);
        src->pages = info.pages;
        g_free(data);
        return src->doc != NULL;
    }
    if (kind != SLX_WORKBOOK_NONE) {
        src->encoding = "UTF-8";
        src->doc = slx_read_workbook(kind, (const guint8 *)data, len, &src->pages, error);
        g_free(data);
        guint max_pages = opts ? opts->max_pages : 0;
        if (src->doc && max_pages > 0 && src->pages > max_pages) {
            g_clear_pointer(&src->doc, slx_document_free);
            g_set_error(error, SLX_ERROR, SLX_ERROR_TOO_LARGE,
                        "%u sheets, more than --max-pages %u: not read", src->pages, max_pages);
        }
        return src->doc != NULL;
    }
    if (src->format == SLX_FORMAT_EMAIL) {
        const char *charset = NULL;
        src->doc = slx_read_email((const guint8 *)data, len, &charset, error);
        src->encoding = charset ? charset : "UTF-8";
        g_free(data);
        return src->doc != NULL;
    }

    SlxDecoded dec;
    gboolean html = src->format == SLX_FORMAT_HTML;
    char *declared = html ? slx_html_declared_charset((const guint8 *)data, len) : NULL;
    gboolean ok = slx_decode_full((const guint8 *)data, len, declared, html, &dec, error);
    g_free(declared);
    g_free(data);
    if (!ok)
        return FALSE;
    src->encoding = dec.encoding;
    src->encoding_guessed = dec.guessed;
    if (is_blank_text(dec.utf8, dec.len)) {
        slx_decoded_clear(&dec);
        g_set_error(error, SLX_ERROR, SLX_ERROR_EMPTY, "the file holds only white space");
        return FALSE;
    }
    if (html) {
        guint errors;
        gboolean truncated;
        src->doc = slx_read_html(dec.utf8, dec.len, &errors, &truncated, error);
    } else
        src->doc = slx_read_text(dec.utf8, dec.len);
    slx_decoded_clear(&dec);
    return src->doc != NULL;
}
