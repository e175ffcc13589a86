/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read.h — a file on disk → its bytes, format and a document of blocks.
 *
 * The first stage of the pipeline: read the bytes, hash them, sniff the
 * format from the content (never the extension), decode, and hand the
 * text to the reader for that format. */
#ifndef SLX_READ_H
#define SLX_READ_H

#include "document.h"
#include "read_pdf.h"

typedef enum {
    SLX_FORMAT_TEXT, SLX_FORMAT_HTML, SLX_FORMAT_PDF, SLX_FORMAT_EMAIL,
    SLX_FORMAT_XLSX, SLX_FORMAT_ODS, SLX_FORMAT_XLS,
} SlxFormat;

typedef struct {
    SlxFormat format;
    const char *encoding;    /* decoded encoding (static), NULL before decoding */
    gboolean encoding_guessed;
    char *sha256;            /* hex digest of the bytes */
    guint pages;             /* PDF pages, workbook sheets read, else 0 */
    SlxDocument *doc;        /* the blocks read, with the reader's warnings; NULL on error */
} SlxSource;

/* "text", "html", "pdf", "email", "xlsx", "ods", "xls". */
const char *slx_format_name(SlxFormat f);

/* The format BYTES look like. */
SlxFormat slx_sniff_format(const guint8 *bytes, gsize len);

/* How a document may be read: the limits a batch sets for each. */
typedef struct {
    const char *password;    /* opens an encrypted PDF; may be NULL */
    guint64 max_bytes;       /* a bigger file is the error too_large, never read; 0: no limit */
    guint max_pages;         /* a PDF of more pages (a workbook of more sheets) is too_large; 0: any */
    SlxOcrMode ocr;          /* which PDF pages OCR reads (SLX_OCR_AUTO, 0: those without text) */
    const char *ocr_langs;   /* Tesseract's languages; NULL: SLX_OCR_DEFAULT_LANGS */
    const GPtrArray *ocr_fixes; /* SlxOcrFix * (patterns.h), or NULL; the pipeline sets
                                   the patterns' own (pipeline.c) */
} SlxReadOptions;

/* The default --max-bytes: larger than any checklist a vendor sends. */
#define SLX_DEFAULT_MAX_BYTES ((guint64)256 << 20)

/* Read PATH into SRC as OPTS allow (NULL: no password, no limit).  On
 * failure returns FALSE with ERROR in the SLX_ERROR domain; SRC still
 * holds whatever was learnt (sha256, format). */
gboolean slx_read_document(const char *path, const SlxReadOptions *opts, SlxSource *src,
                           GError **error);

void slx_source_clear(SlxSource *src);

#endif
