/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/xls.c — a legacy Excel workbook (.xls, BIFF8 and older) → blocks.
 *
 * FreeXL (Debian's libfreexl) reads the OLE2 compound file and the BIFF
 * records and gives each cell's value: strings in UTF-8, integers and
 * doubles, dates as ISO strings.  What FreeXL does not expose is read as
 * it can be: a number is shown as General (FreeXL keeps no number
 * formats, so 0.999 under "0.0%" stays 0.999), and merged cells, hidden
 * rows and columns are not known — a merged 種別 cell fills its first row
 * only.
 *
 * FreeXL is not safe on damaged input (fuzzing finds heap overflows in
 * freexl_open), and reads from a path only.  So it runs in a child
 * process, bounded in memory (RLIMIT_AS) and time (alarm), on the bytes
 * handed over as an anonymous memory file; the child writes what it reads
 * to a pipe as records, and the parent builds the sheets.  A crash costs
 * that workbook its cells and nothing else. */
#define _GNU_SOURCE
#include "sheet/internal.h"
#include "sheet/numfmt.h"
#include "child.h"
#include "error.h"

#include <freexl.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the child may use: more than FreeXL needs for any real workbook
 * (it allocates rows × columns cells per sheet), less than a machine. */
#define XLS_CHILD_MEMORY ((guint64)2 << 30)
#define XLS_CHILD_SECONDS 60
/* What the parent takes from the child at most. */
#define XLS_MAX_OUTPUT ((gsize)512 << 20)

/* The records the child writes: a tag, a row, a column, a text. */
typedef enum {
    XLS_FAILED = 'F',     /* FreeXL could not open it: ROW is its code */
    XLS_PASSWORD = 'P',   /* protected by a password */
    XLS_SHEET = 'S',      /* a sheet starts: TEXT its name */
    XLS_CELL = 'C',       /* a cell of the sheet: ROW, COLUMN, TEXT */
    XLS_UNREADABLE = 'U', /* sheet ROW could not be read */
    XLS_DROPPED = 'D',    /* cells beyond the grid's bounds were left out */
} XlsTag;

typedef struct {
    guint8 tag;
    guint32 row;
    guint16 column;
    guint32 len;
} __attribute__((packed)) XlsRecord;

/* ---- the child ----------------------------------------------------------- */

typedef struct {
    int fd;
    GString *buf;
} XlsOut;

static void
xls_flush(XlsOut *o)
{
    if (!slx_write_all(o->fd, o->buf->str, o->buf->len))
        slx_child_exit(3);      /* the parent is gone */
    g_string_truncate(o->buf, 0);
}

static void
xls_put(XlsOut *o, XlsTag tag, guint32 row, guint16 column, const char *text)
{
    XlsRecord r = {(guint8)tag, row, column, text ? (guint32)strlen(text) : 0};
    g_string_append_len(o->buf, (const char *)&r, sizeof r);
    if (text)
        g_string_append_len(o->buf, text, r.len);
    if (o->buf->len >= 1 << 16)
        xls_flush(o);
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

static void
xls_child_sheet(XlsOut *o, const void *h, unsigned short index)
{
    const char *name = NULL;
    unsigned int rows;
    unsigned short columns;
    if (freexl_get_worksheet_name(h, index, &name) != FREEXL_OK ||
        freexl_select_active_worksheet(h, index) != FREEXL_OK ||
        freexl_worksheet_dimensions(h, &rows, &columns) != FREEXL_OK) {
        xls_put(o, XLS_UNREADABLE, index, 0, NULL);
        return;
    }
    xls_put(o, XLS_SHEET, index, 0, name ? name : "");
    guint cells = 0;
    if (columns > SLX_GRID_MAX_COLUMNS)
        xls_put(o, XLS_DROPPED, index, 0, NULL);
    for (unsigned int r = 0; r < rows && cells < SLX_GRID_MAX_CELLS; r++)
        for (unsigned short c = 0; c < columns && c < SLX_GRID_MAX_COLUMNS; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            g_autofree char *text = xls_cell_text(&v);
            if (text && *text) {
                xls_put(o, XLS_CELL, r, c, text);
                cells++;
            }
        }
    if (cells >= SLX_GRID_MAX_CELLS)
        xls_put(o, XLS_DROPPED, index, 0, NULL);
}

/* A sanitizer's death callback, when the program has one (libFuzzer sets
 * it to save the input that killed the process): the child's death is
 * FreeXL's, contained, and no finding of the parent's. */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

/* Read the workbook at PATH and write its records to OUT; never returns. */
static void G_GNUC_NORETURN
xls_child(const char *path, int out)
{
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(NULL);
    signal(SIGALRM, SIG_DFL);     /* the parent's alarm handler is not the child's */
    slx_child_limit_memory(XLS_CHILD_MEMORY);
    alarm(XLS_CHILD_SECONDS);
    /* What FreeXL (or a sanitizer catching it) would print is not ours. */
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0)
        dup2(null, STDERR_FILENO);
    XlsOut o = {out, g_string_new(NULL)};
    const void *h = NULL;
    int rc = freexl_open(path, &h);
    unsigned int count = 0, password = 0;
    if (rc != FREEXL_OK) {
        xls_put(&o, XLS_FAILED, (guint32)-rc, 0, NULL);
    } else if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
               password == FREEXL_BIFF_OBFUSCATED) {
        xls_put(&o, XLS_PASSWORD, 0, 0, NULL);
    } else {
        freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count);
        for (unsigned int i = 0; i < count && i <= G_MAXUINT16; i++)
            xls_child_sheet(&o, h, (unsigned short)i);
    }
    xls_flush(&o);
    slx_child_exit(0);          /* no atexit handlers, no leak report: the process ends */
}

/* ---- the parent ---------------------------------------------------------- */

/* The bytes as a file FreeXL can open: a memfd, named by /proc. */
static int
xls_memory_file(const guint8 *bytes, gsize len, GError **error)
{
    int fd = memfd_create("slaxtract-xls", MFD_CLOEXEC);
    if (fd >= 0 && !slx_write_all(fd, bytes, len)) {
        close(fd);
        fd = -1;
    }
    if (fd < 0)
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "cannot hold the workbook: %s",
                    g_strerror(errno));
    return fd;
}

/* Run the child on FD; its records, or NULL with ERROR if it failed. */
static GByteArray *
xls_run_child(int fd, GError **error)
{
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "pipe: %s", g_strerror(errno));
        return NULL;
    }
    g_autofree char *path = g_strdup_printf("/proc/self/fd/%d", fd);
    pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        xls_child(path, pipefd[1]);
    }
    close(pipefd[1]);
    if (pid < 0) {
        close(pipefd[0]);
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK, "fork: %s", g_strerror(errno));
        return NULL;
    }
    GByteArray *out = g_byte_array_new();
    guint8 buf[1 << 16];
    for (;;) {
        ssize_t n = read(pipefd[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (out->len + (gsize)n > XLS_MAX_OUTPUT) {
            kill(pid, SIGKILL);
            break;
        }
        g_byte_array_append(out, buf, (guint)n);
    }
    close(pipefd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFSIGNALED(status))
            g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                        "FreeXL failed on this Excel 97–2003 workbook (%s): not read",
                        WTERMSIG(status) == SIGALRM ? "no result in time"
                                                    : strsignal(WTERMSIG(status)));
        else
            g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                        "FreeXL failed on this Excel 97–2003 workbook: not read");
        g_byte_array_unref(out);
        return NULL;
    }
    return out;
}

/* Build the document from the child's records. */
static SlxDocument *
xls_document(const GByteArray *records, guint *sheets_read, GError **error)
{
    g_autoptr(SlxDocument) doc = slx_document_new();
    SlxGrid *g = NULL;
    char *name = NULL;
    SlxCellBudget budget = {0, FALSE};
    for (gsize at = 0; at + sizeof(XlsRecord) <= records->len;) {
        XlsRecord r;
        memcpy(&r, records->data + at, sizeof r);
        at += sizeof r;
        if (r.len > records->len - at)
            break;
        char *text = g_strndup((const char *)records->data + at, r.len);
        at += r.len;
        if (r.tag == XLS_FAILED || r.tag == XLS_PASSWORD) {
            g_free(text);
            g_clear_pointer(&g, slx_grid_free);
            g_free(name);
            if (r.tag == XLS_PASSWORD)
                g_set_error(error, SLX_ERROR, SLX_ERROR_ENCRYPTED,
                            "the workbook is protected by a password: not read");
            else
                g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                            "FreeXL cannot read this Excel 97–2003 workbook (code -%u)", r.row);
            return NULL;
        } else if (r.tag == XLS_SHEET) {
            if (g) {
                slx_grid_emit(g, name, doc);
                slx_grid_free(g);
                g_free(name);
            }
            g = slx_grid_new();
            name = text;
            (*sheets_read)++;
        } else if (r.tag == XLS_CELL && g) {
            slx_grid_put(g, &budget, r.row, r.column, text);
        } else {
            if (r.tag == XLS_UNREADABLE)
                slx_document_warn(doc, "sheet %u could not be read", r.row + 1);
            budget.dropped = budget.dropped || r.tag == XLS_DROPPED;
            g_free(text);
        }
    }
    if (g) {
        slx_grid_emit(g, name, doc);
        slx_grid_free(g);
        g_free(name);
    }
    slx_cell_budget_warn(&budget, doc);
    return g_steal_pointer(&doc);
}

SlxDocument *
slx_read_xls(const guint8 *bytes, gsize len, guint *sheets_read, GError **error)
{
    *sheets_read = 0;
    int fd = xls_memory_file(bytes, len, error);
    if (fd < 0)
        return NULL;
    GByteArray *records = xls_run_child(fd, error);
    close(fd);
    if (records == NULL)
        return NULL;
    SlxDocument *doc = xls_document(records, sheets_read, error);
    g_byte_array_unref(records);
    return doc;
}
