/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.h — the error domain for per-document failures.
 *
 * Each code has a stable lower-case name: it is the `error.code` of the
 * output record (doc/output.md §1), so scripts can branch on it. */
#ifndef SLX_ERROR_H
#define SLX_ERROR_H

#include <glib.h>

#define SLX_ERROR (slx_error_quark())

typedef enum {
    SLX_ERROR_NOT_FOUND,          /* "not_found": no such file */
    SLX_ERROR_NOT_A_FILE,         /* "not_a_file": a directory, a device */
    SLX_ERROR_READ,               /* "read_error": permission, I/O */
    SLX_ERROR_EMPTY,              /* "empty": zero bytes, or only white space */
    SLX_ERROR_BINARY,             /* "binary": not text, HTML, e-mail, PDF or a workbook */
    SLX_ERROR_INVALID_UTF8,       /* "invalid_utf8": UTF-8 with broken bytes */
    SLX_ERROR_DECODE,             /* "decode_error": bytes invalid in the detected charset */
    SLX_ERROR_NO_TABLE,           /* "no_table": no checklist rows at all */
    SLX_ERROR_ENCRYPTED,          /* "encrypted": a PDF that needs a password */
    SLX_ERROR_PDF,                /* "pdf_error": a PDF Poppler cannot read */
    SLX_ERROR_NO_TEXT,            /* "no_text": a PDF without any text layer */
    SLX_ERROR_TOO_LARGE,          /* "too_large": bigger than --max-bytes, not read */
    SLX_ERROR_WORKBOOK,           /* "workbook_error": a workbook (xlsx, ods, xls) that cannot be read */
    SLX_ERROR_TIMEOUT,            /* "timeout": not read within --timeout */
    SLX_ERROR_CRASHED,            /* "crashed": the worker reading it died (a library's crash, memory) */
    SLX_ERROR_OCR,                /* "ocr_error": a scan that OCR cannot read (not built in, no
                                     language data, a page that cannot be rendered) */
    SLX_ERROR_PATTERNS,           /* pattern file errors (exit status 2, no record) */
} SlxErrorCode;

GQuark slx_error_quark(void);

/* The stable name of CODE, e.g. "invalid_utf8". */
const char *slx_error_code_name(SlxErrorCode code);

#endif
