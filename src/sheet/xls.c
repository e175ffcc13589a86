/* sheet/xls.c — a legacy Excel workbook (.xls, BIFF8 and older) → blocks.
 *
 * FreeXL (Debian's libfreexl) reads the OLE2 compound file and the BIFF
 * records and gives each cell's value: strings in UTF-8, integers and
 * doubles, dates as ISO strings.  It reads from a path only, so the bytes
 * are handed over through an anonymous memory file.  What FreeXL does not
 * expose is read as it can be: a number is shown as General (FreeXL keeps
 * no number formats, so 0.999 under "0.0%" stays 0.999), and merged,
 * hidden rows and columns are not known — a merged 種別 cell fills its
 * first row only. */
#define _GNU_SOURCE
#include "sheet/internal.h"
#include "sheet/numfmt.h"
#include "error.h"

#include <freexl.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The bytes as a file FreeXL can open: a memfd, named by /proc. */
static int
xls_memory_file(const guint8 *bytes, gsize len, GError **error)
{
    int fd = memfd_create("slaxtract-xls", MFD_CLOEXEC);
    if (fd < 0) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "cannot hold the workbook: %s",
                    g_strerror(errno));
        return -1;
    }
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, bytes + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "cannot hold the workbook: %s",
                        g_strerror(errno));
            close(fd);
            return -1;
        }
        done += (gsize)n;
    }
    return fd;
}

static char *
xls_cell_text(const FreeXL_CellValue *v)
{
    switch (v->type) {
    case FREEXL_CELL_INT:
        return g_strdup_printf("%d", v->value.int_value);
    case FREEXL_CELL_DOUBLE:
        return slx_numfmt_format(NULL, v->value.double_value, FALSE);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
        return g_strdup(v->value.text_value ? v->value.text_value : "");
    default:
        return NULL;
    }
}

/* Read sheet INDEX of H into DOC; FALSE if FreeXL cannot. */
static gboolean
xls_read_sheet(const void *h, unsigned short index, SlxDocument *doc, guint *cells,
               gboolean *dropped)
{
    const char *name = NULL;
    unsigned int rows;
    unsigned short columns;
    if (freexl_get_worksheet_name(h, index, &name) != FREEXL_OK ||
        freexl_select_active_worksheet(h, index) != FREEXL_OK ||
        freexl_worksheet_dimensions(h, &rows, &columns) != FREEXL_OK)
        return FALSE;
    g_autoptr(SlxGrid) g = slx_grid_new();
    for (unsigned int r = 0; r < rows; r++)
        for (unsigned short c = 0; c < columns; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            char *text = xls_cell_text(&v);
            if (text == NULL)
                continue;
            if (*cells >= SLX_GRID_MAX_CELLS || !slx_grid_set(g, r, c, text)) {
                if (*cells >= SLX_GRID_MAX_CELLS)
                    g_free(text);
                *dropped = TRUE;
                continue;
            }
            (*cells)++;
        }
    slx_grid_emit(g, name, doc);
    return TRUE;
}

SlxDocument *
slx_read_xls(const guint8 *bytes, gsize len, guint *sheets_read, GError **error)
{
    *sheets_read = 0;
    int fd = xls_memory_file(bytes, len, error);
    if (fd < 0)
        return NULL;
    g_autofree char *path = g_strdup_printf("/proc/self/fd/%d", fd);
    const void *h = NULL;
    int rc = freexl_open(path, &h);
    close(fd);        /* FreeXL holds its own descriptor */
    if (rc != FREEXL_OK) {
        if (h)
            freexl_close(h);
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                    "FreeXL cannot read this Excel 97–2003 workbook (code %d)", rc);
        return NULL;
    }
    unsigned int count = 0, password = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
        password == FREEXL_BIFF_OBFUSCATED) {
        freexl_close(h);
        g_set_error(error, SLX_ERROR, SLX_ERROR_ENCRYPTED,
                    "the workbook is protected by a password: not read");
        return NULL;
    }
    freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count);
    SlxDocument *doc = slx_document_new();
    guint cells = 0;
    gboolean dropped = FALSE;
    for (unsigned int i = 0; i < count && i <= G_MAXUINT16; i++) {
        if (xls_read_sheet(h, (unsigned short)i, doc, &cells, &dropped))
            (*sheets_read)++;
        else
            slx_document_warn(doc, "sheet %u could not be read", i + 1);
    }
    freexl_close(h);
    if (dropped)
        slx_document_warn(doc, "cells beyond column %u or past %u cells were not read",
                          SLX_GRID_MAX_COLUMNS, SLX_GRID_MAX_CELLS);
    return doc;
}
