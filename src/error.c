/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.c — the error domain for per-document failures. */
#include "error.h"

G_DEFINE_QUARK(slx-error-quark, slx_error)

const char *
slx_error_code_name(SlxErrorCode code)
{
    switch (code) {
    case SLX_ERROR_NOT_FOUND:          return "not_found";
    case SLX_ERROR_NOT_A_FILE:         return "not_a_file";
    case SLX_ERROR_READ:               return "read_error";
    case SLX_ERROR_EMPTY:              return "empty";
    case SLX_ERROR_BINARY:             return "binary";
    case SLX_ERROR_INVALID_UTF8:       return "invalid_utf8";
    case SLX_ERROR_DECODE:             return "decode_error";
    case SLX_ERROR_NO_TABLE:           return "no_table";
    case SLX_ERROR_ENCRYPTED:          return "encrypted";
    case SLX_ERROR_PDF:                return "pdf_error";
    case SLX_ERROR_NO_TEXT:            return "no_text";
    case SLX_ERROR_TOO_LARGE:          return "too_large";
    case SLX_ERROR_WORKBOOK:           return "workbook_error";
    case SLX_ERROR_TIMEOUT:            return "timeout";
    case SLX_ERROR_CRASHED:            return "crashed";
    case SLX_ERROR_OCR:                return "ocr_error";
    case SLX_ERROR_PATTERNS:           return "patterns";
    }
    return "error";
}
