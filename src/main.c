/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the slaxtract command: options, the batch loop, exit status.
 *
 * Exit status (doc/output.md §6): 0 every document was read; 1 at least one
 * document failed (its record carries "error", the others are complete);
 * 2 bad usage or an unreadable pattern or requirements file; 3 with
 * --fail-on-check, every document was read and some requirement failed. */
#define _GNU_SOURCE
#include "batch.h"
#include "check.h"
#include "child.h"
#include "decode.h"
#include "error.h"
#include "inputs.h"
#include "output.h"
#include "patterns.h"
#include "pipeline.h"
#include "write_csv.h"
#include "write_html.h"
#include "write_jsonl.h"
#include "write_xlsx.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define EXIT_DOC_FAILED 1
#define EXIT_USAGE 2
#define EXIT_CHECK_FAILED 3

typedef enum { FORMAT_JSONL, FORMAT_CSV, FORMAT_XLSX, FORMAT_HTML } Format;

typedef struct {
    char *format;
    char *output;
    char *csv_encoding;
    char *password;
    gint64 max_bytes;
    gint64 max_memory;
    gint max_pages;
    double timeout;
    gint jobs;
    char **pattern_files;
    char *patterns_dir;
    char *requirements;
    gboolean checks_csv;
    gboolean fail_on_check;
    gboolean version;
    gboolean quiet;
    gboolean hidden;
    gboolean null_separated;
    char *files_from;
    char *shard;
    char *cache;
    char *ocr;
    char *ocr_langs;
    char **files;
} Options;

static gboolean
parse_options(int *argc, char ***argv, Options *o)
{
    const GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o->format,
         "Output format: jsonl (JSON Lines), csv, xlsx (needs -o) or html; without it, the extension of -o FILE says, and standard output gets jsonl",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
         "Write to FILE (atomically: a temporary file renamed at the end); - or none is "
         "standard output", "FILE"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs,
         "Process N documents at a time, in N worker processes (default: the number of "
         "processors); the output keeps the order of the files", "N"},
        {"max-pages", 0, 0, G_OPTION_ARG_INT, &o->max_pages,
         "A PDF of more than N pages (a workbook of more sheets) is the error too_large and "
         "is not read (default: any number)", "N"},
        {"timeout", 0, 0, G_OPTION_ARG_DOUBLE, &o->timeout,
         "A document not read within SECONDS is the error timeout (its worker is stopped; "
         "default: no limit)", "SECONDS"},
        {"max-memory", 0, 0, G_OPTION_ARG_INT64, &o->max_memory,
         "A worker may take N bytes of address space; a document that needs more is the "
         "error crashed (default 4294967296, 4 GiB; 0: no limit)", "N"},
        {"ocr", 0, 0, G_OPTION_ARG_STRING, &o->ocr,
         "Which PDF pages OCR reads: auto (those without a text layer, the default), "
         "always (every page, its text layer ignored) or never", "WHEN"},
        {"ocr-lang", 0, 0, G_OPTION_ARG_STRING, &o->ocr_langs,
         "The languages OCR reads, as Tesseract names them (default jpn+eng)", "LANGS"},
        {"password", 0, 0, G_OPTION_ARG_STRING, &o->password,
         "Open encrypted PDFs with PASSWORD", "PASSWORD"},
        {"max-bytes", 0, 0, G_OPTION_ARG_INT64, &o->max_bytes,
         "A document bigger than N bytes is the error too_large and is not read "
         "(default 268435456, 256 MiB; 0: no limit)", "N"},
        {"csv-encoding", 0, 0, G_OPTION_ARG_STRING, &o->csv_encoding,
         "CSV encoding: utf-8 (with a byte order mark, the default) or cp932", "ENC"},
        {"patterns", 'p', 0, G_OPTION_ARG_FILENAME_ARRAY, &o->pattern_files,
         "Load pattern FILE after the default patterns; a catalog with the same id "
         "replaces the default one (repeatable)", "FILE"},
        {"patterns-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->patterns_dir,
         "Read the default patterns from DIR instead of the installed ones", "DIR"},
        {"requirements", 'r', 0, G_OPTION_ARG_FILENAME, &o->requirements,
         "Check every document against the requirements in FILE (INI; see the README)", "FILE"},
        {"checks", 0, 0, G_OPTION_ARG_NONE, &o->checks_csv,
         "With --format csv: one row per (document, requirement check) instead of per item", NULL},
        {"fail-on-check", 0, 0, G_OPTION_ARG_NONE, &o->fail_on_check,
         "Exit with status 3 when a requirement check fails", NULL},
        {"files-from", 'T', 0, G_OPTION_ARG_FILENAME, &o->files_from,
         "Also read the documents named in FILE, one per line (- for standard input)", "FILE"},
        {"null", '0', 0, G_OPTION_ARG_NONE, &o->null_separated,
         "With --files-from: names are separated by NUL bytes (find -print0)", NULL},
        {"hidden", 0, 0, G_OPTION_ARG_NONE, &o->hidden,
         "Walk into hidden files and directories too", NULL},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o->shard,
         "Read only the K-th of N shards of the documents (by a hash of each path)", "K/N"},
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &o->cache,
         "Keep records in the SQLite file FILE and take a document whose bytes it knows "
         "from it, unread (a re-run reads only new and changed documents)", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
         "No progress and no summary on standard error (failures are still named)", NULL},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL,
         "FILE|DIR|-…"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("— extract METI cloud SLA checklist answers");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx,
        "Reads vendor answers to the METI 「クラウドサービスレベルのチェックリスト」 (text\n"
        "exports in any Japanese encoding, web pages, e-mail, PDF, workbooks) and writes\n"
        "one JSON object per document, or a CSV, an Excel workbook or an HTML page\n"
        "comparing the documents.  A directory is read for the documents in it; - is\n"
        "standard input.");
    g_option_context_set_description(ctx,
        "Exit status: 0 all documents read, 1 a document failed (see its \"error\"),\n"
        "2 bad usage, a broken pattern or requirements file, or the output could not\n"
        "be written, 3 with --fail-on-check a requirement check failed.\n"
        "See slaxtract(1) for the options, output.md in the documentation directory\n"
        "(doc/output.md in the source) for the output, and the README for the\n"
        "pattern files.\n"
        "Report bugs to the project's issue tracker, with slaxtract --version and, if\n"
        "you may share it, the document.");
    GError *e = NULL;
    gboolean ok = g_option_context_parse(ctx, argc, argv, &e);
    if (!ok) {
        fprintf(stderr, "slaxtract: %s\nTry 'slaxtract --help' for more information.\n", e->message);
        g_error_free(e);
    }
    g_option_context_free(ctx);
    return ok;
}

static gpointer
preload_pdf_reader(gpointer unused)
{
    (void)unused;
    slx_read_pdf_preload();
    return NULL;
}

/* A thread that loads the PDF reader's module while the patterns compile,
 * if a document among PATHS is named as a PDF (the name is only a hint:
 * what a document is, its bytes say); NULL if none is.  Loading it takes
 * about as long as compiling the patterns, and a run of one PDF is
 * mostly these two: side by side, it starts in the time of the longer. */
static GThread *
start_pdf_preload(const GPtrArray *paths)
{
    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);   /* NULL: standard input, or the end */
        g_autofree char *lower = path ? g_ascii_strdown(path, -1) : NULL;
        if (lower && g_str_has_suffix(lower, ".pdf"))
            return g_thread_new("pdf-preload", preload_pdf_reader, NULL);
    }
    return NULL;
}

static SlxPatterns *
load_patterns(const Options *o, gsize n_documents)
{
    SlxPatterns *p = slx_patterns_new_for(n_documents);
    GError *e = NULL;
    char *dir = o->patterns_dir ? g_strdup(o->patterns_dir) : slx_patterns_default_dir();
    gboolean ok = slx_patterns_load_dir(p, dir, &e);
    g_free(dir);
    for (char **f = o->pattern_files; ok && f && *f; f++)
        ok = slx_patterns_load_file(p, *f, &e);
    if (!ok) {
        fprintf(stderr, "slaxtract: %s\n", e->message);
        g_error_free(e);
        slx_patterns_free(p);
        return NULL;
    }
    return p;
}

/* The catalog most documents matched (the first loaded one if none did). */
static const SlxCatalog *
report_catalog(const SlxPatterns *p, const GPtrArray *records)
{
    const SlxCatalog *best = g_ptr_array_index(p->catalogs, 0);
    guint best_n = 0;
    for (guint c = 0; c < p->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(p->catalogs, c);
        guint n = 0;
        for (guint r = 0; r < records->len; r++) {
            const SlxRecord *rec = g_ptr_array_index(records, r);
            n += rec->catalog && strcmp(rec->catalog, cat->id) == 0;
        }
        if (n > best_n) {
            best = cat;
            best_n = n;
        }
    }
    return best;
}

/* Write the collected RECORDS in FORMAT (not jsonl, which streams). */
static gboolean
write_report(Format format, const Options *o, SlxOutput *out, const SlxPatterns *p,
             const GPtrArray *records, GError **error)
{
    const SlxCatalog *cat = report_catalog(p, records);
    if (format == FORMAT_XLSX) {
        guint cut = 0;
        if (!slx_write_xlsx(slx_output_temp_path(out), records, cat, &cut, error))
            return FALSE;
        if (cut)
            fprintf(stderr, "slaxtract: %s: %u response%s longer than a workbook cell holds (32767 "
                    "characters) %s cut, ending in …; the JSON Lines keep %s whole\n", o->output, cut,
                    cut == 1 ? "" : "s", cut == 1 ? "was" : "were", cut == 1 ? "it" : "them");
        return TRUE;
    }
    GString *text = g_string_new(NULL);
    if (format == FORMAT_HTML) {
        slx_write_html(text, records, cat);
    } else {
        if (o->checks_csv)
            slx_write_csv_checks(text, records);
        else
            slx_write_csv(text, records);
        if (o->csv_encoding && g_ascii_strcasecmp(o->csv_encoding, "cp932") == 0) {
            /* For legacy Excel; what CP932 cannot hold becomes '?', and
             * standard error says how much did.  ICU's Shift_JIS is CP932
             * (decode.c). */
            GString *sjis = g_string_new(NULL);
            guint lost = 0;
            gunichar first = 0;
            if (!slx_encode(text->str, text->len, "Shift_JIS", sjis, &lost, &first, error)) {
                g_string_free(sjis, TRUE);
                g_string_free(text, TRUE);
                return FALSE;
            }
            if (lost) {
                char c[8] = {0};
                g_unichar_to_utf8(first, c);
                fprintf(stderr, "slaxtract: %u character%s that CP932 cannot hold %s written as "
                        "'?' (the first: U+%04X %s); --csv-encoding utf-8 keeps them\n", lost,
                        lost == 1 ? "" : "s", lost == 1 ? "was" : "were", (unsigned)first, c);
            }
            g_string_free(text, TRUE);
            text = sjis;
        } else {
            g_string_prepend(text, "\xEF\xBB\xBF");   /* so that Excel reads UTF-8 */
        }
    }
    fwrite(text->str, 1, text->len, slx_output_stream(out));
    g_string_free(text, TRUE);
    return TRUE;
}

/* What standard error says while and after a batch runs: each failed
 * document as it comes (GNU style), a progress line when it is a
 * terminal, and a summary at the end (-q: failures only). */
typedef struct {
    guint total, done, pages, items, failed, skipped;
    GHashTable *failures;     /* error code name → count (GUINT_TO_POINTER) */
    gint64 start;             /* monotonic µs */
    gboolean quiet, terminal;
} Progress;

static void
progress_record(Progress *p, const SlxRecord *r)
{
    p->done++;
    p->pages += r->pages;
    p->items += r->items->len;
    if (r->error) {
        const char *code = slx_error_code_name((SlxErrorCode)r->error->code);
        p->failed++;
        g_hash_table_insert(p->failures, (gpointer)code,
                            GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(p->failures, code)) + 1));
        fprintf(stderr, "%sslaxtract: %s: %s (%s)\n", p->terminal && !p->quiet ? "\r\033[K" : "",
                r->file, code, r->error->message);
    }
    if (p->terminal && !p->quiet) {
        double seconds = (double)(g_get_monotonic_time() - p->start) / G_USEC_PER_SEC;
        double rate = seconds > 0 ? p->done / seconds : 0;
        fprintf(stderr, "\r\033[K%u/%u documents, %u pages, %.1f/s, ETA %.0f s, %u failed",
                p->done, p->total, p->pages, rate, rate > 0 ? (p->total - p->done) / rate : 0,
                p->failed);
    }
}

static void
progress_summary(Progress *p)
{
    if (p->quiet)
        return;
    GString *by_code = g_string_new(NULL);
    g_autoptr(GList) codes = g_hash_table_get_keys(p->failures);
    codes = g_list_sort(codes, (GCompareFunc)strcmp);
    for (GList *c = codes; c; c = c->next)
        g_string_append_printf(by_code, "%s%s %u", by_code->len ? ", " : " (", (const char *)c->data,
                               GPOINTER_TO_UINT(g_hash_table_lookup(p->failures, c->data)));
    if (by_code->len)
        g_string_append_c(by_code, ')');
    fprintf(stderr, "%sslaxtract: %u document%s, %u item%s found, %u failed%s, %u file%s skipped, %.1f s\n",
            p->terminal ? "\r\033[K" : "", p->done, p->done == 1 ? "" : "s", p->items,
            p->items == 1 ? "" : "s", p->failed, by_code->str, p->skipped, p->skipped == 1 ? "" : "s",
            (double)(g_get_monotonic_time() - p->start) / G_USEC_PER_SEC);
    g_string_free(by_code, TRUE);
}

/* Where the records go as they come, in input order. */
typedef struct {
    Format format;
    FILE *stream;
    GPtrArray *records;   /* kept for the report formats */
    GString *line;
    const GPtrArray *requirements;   /* NULL: no checks */
    const SlxVocabulary *vocab;
    gboolean failed;      /* a document had an error */
    gboolean check_failed;   /* a requirement check failed */
    Progress *progress;
} Sink;

static void
take_record(SlxRecord *r, gpointer data)
{
    Sink *s = data;
    s->failed |= r->error != NULL;
    progress_record(s->progress, r);
    if (s->requirements) {
        /* The check stage, after extraction (check.c). */
        r->checks = slx_check_record(s->requirements, r, s->vocab);
        for (guint i = 0; i < r->checks->len; i++)
            s->check_failed |= ((SlxCheck *)g_ptr_array_index(r->checks, i))->result == SLX_CHECK_FAIL;
    }
    if (s->format != FORMAT_JSONL) {
        g_ptr_array_add(s->records, r);
        return;
    }
    /* JSON Lines stream: a record is out as soon as it is read. */
    g_string_truncate(s->line, 0);
    slx_write_jsonl(s->line, r);
    fwrite(s->line->str, 1, s->line->len, s->stream);
    fflush(s->stream);
    slx_record_free(r);
}

/* The format -o FILE names by its extension, as users of other tools
 * expect (a report.xlsx written as JSON Lines is a trap); FALSE if the
 * extension names none. */
static gboolean
format_of_extension(const char *file, Format *format)
{
    static const struct { const char *ext; Format f; } by_ext[] = {
        {".jsonl", FORMAT_JSONL}, {".json", FORMAT_JSONL}, {".ndjson", FORMAT_JSONL},
        {".csv", FORMAT_CSV}, {".xlsx", FORMAT_XLSX}, {".html", FORMAT_HTML}, {".htm", FORMAT_HTML}};
    const char *dot = strrchr(file, '.');
    if (dot == NULL || strchr(dot, '/'))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(by_ext); i++)
        if (g_ascii_strcasecmp(dot, by_ext[i].ext) == 0) {
            *format = by_ext[i].f;
            return TRUE;
        }
    return FALSE;
}

/* --ocr WHEN into *MODE; OCR asked for where it is not built in is a
 * usage error, said plainly. */
static gboolean
parse_ocr(const Options *o, SlxOcrMode *mode)
{
    static const struct { const char *name; SlxOcrMode mode; } modes[] = {
        {"auto", SLX_OCR_AUTO}, {"always", SLX_OCR_ALWAYS}, {"never", SLX_OCR_NEVER}};
    *mode = SLX_OCR_AUTO;
    gboolean known = o->ocr == NULL;
    for (gsize i = 0; o->ocr && i < G_N_ELEMENTS(modes); i++)
        if (strcmp(o->ocr, modes[i].name) == 0) {
            *mode = modes[i].mode;
            known = TRUE;
        }
    if (!known) {
        fprintf(stderr, "slaxtract: --ocr is auto, always or never, not '%s'\n", o->ocr);
        return FALSE;
    }
    if ((*mode == SLX_OCR_ALWAYS || o->ocr_langs) && !slx_pdf_ocr_built_in()) {
        fprintf(stderr, "slaxtract: %s: OCR is not built in (slaxtract was configured without "
                        "Tesseract)\n", o->ocr_langs ? "--ocr-lang" : "--ocr=always");
        return FALSE;
    }
    if (o->ocr_langs && !g_regex_match_simple("^[A-Za-z_]+(\\+[A-Za-z_]+)*$", o->ocr_langs, 0, 0)) {
        fprintf(stderr, "slaxtract: --ocr-lang is Tesseract's language names joined with +, "
                        "such as jpn+eng, not '%s'\n", o->ocr_langs);
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_format(const Options *o, Format *format)
{
    static const struct { const char *name; Format f; } formats[] = {
        {"jsonl", FORMAT_JSONL}, {"csv", FORMAT_CSV}, {"xlsx", FORMAT_XLSX}, {"html", FORMAT_HTML}};
    *format = FORMAT_JSONL;
    if (o->format == NULL && o->output && strcmp(o->output, "-") != 0 &&
        !format_of_extension(o->output, format)) {
        fprintf(stderr, "slaxtract: cannot tell the format of '%s' from its extension "
                        "(.jsonl .json .csv .xlsx .html .htm): give --format\n", o->output);
        return FALSE;
    }
    if (o->format) {
        gboolean known = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(formats); i++)
            if (strcmp(o->format, formats[i].name) == 0) {
                *format = formats[i].f;
                known = TRUE;
            }
        if (!known) {
            fprintf(stderr, "slaxtract: unknown format '%s' (jsonl, csv, xlsx or html)\n", o->format);
            return FALSE;
        }
    }
    if (*format == FORMAT_XLSX && (o->output == NULL || strcmp(o->output, "-") == 0)) {
        fprintf(stderr, "slaxtract: --format xlsx needs -o FILE (a workbook is not text)\n");
        return FALSE;
    }
    if (o->checks_csv && (*format != FORMAT_CSV || o->requirements == NULL)) {
        fprintf(stderr, "slaxtract: --checks goes with --format csv and --requirements FILE\n");
        return FALSE;
    }
    if (o->fail_on_check && o->requirements == NULL) {
        fprintf(stderr, "slaxtract: --fail-on-check needs --requirements FILE\n");
        return FALSE;
    }
    if (o->csv_encoding && g_ascii_strcasecmp(o->csv_encoding, "utf-8") != 0 &&
        g_ascii_strcasecmp(o->csv_encoding, "cp932") != 0) {
        fprintf(stderr, "slaxtract: unknown CSV encoding '%s' (utf-8 or cp932)\n", o->csv_encoding);
        return FALSE;
    }
    return TRUE;
}

/* Standard input, copied into an anonymous memory file that the workers
 * read as /proc/self/fd/N, and never beyond MAX_BYTES + 1 bytes (the
 * reader then says too_large).  NULL with a message if it cannot be. */
static char *
stdin_copy(guint64 max_bytes)
{
    int fd = memfd_create("slaxtract-stdin", 0);
    if (fd < 0) {
        fprintf(stderr, "slaxtract: -: cannot hold standard input: %s\n", g_strerror(errno));
        return NULL;
    }
    guint64 total = 0;
    char buf[1 << 16];
    for (;;) {
        gsize want = sizeof buf;
        if (max_bytes > 0 && total + want > max_bytes + 1)
            want = (gsize)(max_bytes + 1 - total);
        if (want == 0)
            break;
        ssize_t n = read(STDIN_FILENO, buf, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (!slx_write_all(fd, buf, (gsize)n)) {
            fprintf(stderr, "slaxtract: -: cannot hold standard input: %s\n", g_strerror(errno));
            close(fd);
            return NULL;
        }
        total += (guint64)n;
    }
    return g_strdup_printf("/proc/self/fd/%d", fd);
}

/* The documents the command line names (inputs.c), with where each is
 * read from; FALSE after a message on a usage error. */
static gboolean
collect_documents(const Options *o, SlxInputs *in, GPtrArray *paths)
{
    SlxInputOptions io = {o->hidden, 0, 0};
    if (o->shard && !slx_inputs_parse_shard(o->shard, &io)) {
        fprintf(stderr, "slaxtract: --shard takes K/N, 1 <= K <= N (not '%s')\n", o->shard);
        return FALSE;
    }
    if ((o->files == NULL || o->files[0] == NULL) && o->files_from == NULL) {
        fprintf(stderr, "slaxtract: no input files\n");
        return FALSE;
    }
    guint dashes = o->files_from && strcmp(o->files_from, "-") == 0;
    for (char **f = o->files; f && *f; f++)
        dashes += strcmp(*f, "-") == 0;
    if (dashes > 1) {
        fprintf(stderr, "slaxtract: standard input can be read once: one '-' (or --files-from -)\n");
        return FALSE;
    }
    GError *e = NULL;
    if (!slx_inputs_collect(o->files, o->files_from, o->null_separated, &io, in, &e)) {
        fprintf(stderr, "slaxtract: %s: %s\n", o->files_from, e->message);
        g_error_free(e);
        return FALSE;
    }
    for (guint i = 0; i < in->notes->len; i++)
        fprintf(stderr, "slaxtract: %s\n", (const char *)g_ptr_array_index(in->notes, i));
    for (guint i = 0; i < in->names->len; i++) {
        const char *name = g_ptr_array_index(in->names, i);
        char *path = strcmp(name, "-") == 0 ? stdin_copy((guint64)o->max_bytes) : g_strdup(name);
        if (path == NULL)
            return FALSE;
        g_ptr_array_add(paths, path);
    }
    g_ptr_array_add(in->names, NULL);
    g_ptr_array_add(paths, NULL);
    return TRUE;
}

int
main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    Options o = {.max_bytes = (gint64)SLX_DEFAULT_MAX_BYTES,
                 .max_memory = (gint64)SLX_DEFAULT_MAX_MEMORY};
    Format format;
    int status = EXIT_SUCCESS;
    SlxInputs inputs = {0};
    GPtrArray *paths = NULL;
    GThread *pdf_preload = NULL;

    if (!parse_options(&argc, &argv, &o)) {
        status = EXIT_USAGE;
        goto out;
    }
    if (o.version) {
        /* GNU form: name and version, copyright, licence, no warranty. */
        printf("%s %s\n"
               "Copyright (C) 2026 the slaxtract authors.\n"
               "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
               "This is free software: you are free to change and redistribute it.\n"
               "There is NO WARRANTY, to the extent permitted by law.\n",
               PACKAGE_NAME, PACKAGE_VERSION);
        if (slx_pdf_ocr_built_in())
            printf("OCR: Tesseract %s\n", slx_pdf_ocr_version());
        else
            printf("OCR: not built in\n");
        goto out;
    }
    SlxOcrMode ocr_mode;
    if (!parse_format(&o, &format) || !parse_ocr(&o, &ocr_mode)) {
        fprintf(stderr, "Try 'slaxtract --help' for more information.\n");
        status = EXIT_USAGE;
        goto out;
    }
    if (o.max_bytes < 0) {
        fprintf(stderr, "slaxtract: --max-bytes must be 0 (no limit) or a number of bytes\n"
                        "Try 'slaxtract --help' for more information.\n");
        status = EXIT_USAGE;
        goto out;
    }
    if (o.max_memory < 0 || o.max_pages < 0 || o.timeout < 0 || !isfinite(o.timeout)) {
        fprintf(stderr, "slaxtract: --max-memory, --max-pages and --timeout must be 0 (no limit) "
                        "or more\n"
                        "Try 'slaxtract --help' for more information.\n");
        status = EXIT_USAGE;
        goto out;
    }
    paths = g_ptr_array_new_with_free_func(g_free);
    if (!collect_documents(&o, &inputs, paths)) {
        fprintf(stderr, "Try 'slaxtract --help' for more information.\n");
        status = EXIT_USAGE;
        goto out;
    }
    pdf_preload = start_pdf_preload(paths);
    SlxPatterns *patterns = load_patterns(&o, paths->len);
    if (patterns == NULL) {
        status = EXIT_USAGE;
        goto out;
    }
    GError *e = NULL;
    SlxExtractor *extractor = slx_extractor_new(&patterns->vocab, &e);
    if (extractor == NULL) {
        fprintf(stderr, "slaxtract: %s\n", e->message);
        g_error_free(e);
        slx_patterns_free(patterns);
        status = EXIT_USAGE;
        goto out;
    }
    GPtrArray *requirements = NULL;
    if (o.requirements) {
        requirements = slx_requirements_load_file(o.requirements, patterns, extractor, &e);
        if (requirements == NULL) {
            fprintf(stderr, "slaxtract: %s\n", e->message);
            g_error_free(e);
            slx_extractor_free(extractor);
            slx_patterns_free(patterns);
            status = EXIT_USAGE;
            goto out;
        }
    }
    SlxOutput *output = slx_output_open(o.output, &e);
    if (output == NULL) {
        fprintf(stderr, "slaxtract: %s\n", e->message);
        g_error_free(e);
        if (requirements)
            g_ptr_array_unref(requirements);
        slx_extractor_free(extractor);
        slx_patterns_free(patterns);
        status = EXIT_USAGE;
        goto out;
    }

    Progress progress = {.total = inputs.names->len - 1, .skipped = inputs.skipped,
                         .failures = g_hash_table_new(g_str_hash, g_str_equal),
                         .start = g_get_monotonic_time(), .quiet = o.quiet,
                         .terminal = isatty(STDERR_FILENO)};
    Sink sink = {format, slx_output_stream(output),
                 g_ptr_array_new_with_free_func((GDestroyNotify)slx_record_free),
                 g_string_new(NULL), requirements, &patterns->vocab, FALSE, FALSE, &progress};
    SlxReadOptions read_opts = {o.password, (guint64)o.max_bytes, (guint)o.max_pages, ocr_mode,
                                o.ocr_langs, NULL};
    SlxBatchLimits limits = {o.jobs > 0 ? (guint)o.jobs : g_get_num_processors(), o.timeout,
                             (guint64)o.max_memory};
    SlxCache *cache = NULL;
    if (o.cache) {
        char *note = NULL;
        cache = slx_cache_open(o.cache, patterns, &read_opts, &note, &e);
        if (note)
            fprintf(stderr, "slaxtract: %s\n", note);
        g_free(note);
        if (cache == NULL) {
            fprintf(stderr, "slaxtract: --cache: %s\n", e->message);
            g_clear_error(&e);
        }
    }
    /* Joined before the batch forks its workers: a process forks whole
     * with one thread. */
    if (pdf_preload)
        g_thread_join(g_steal_pointer(&pdf_preload));
    slx_batch_run((char **)inputs.names->pdata, (char **)paths->pdata, &read_opts, patterns,
                  extractor, &limits, cache, take_record, &sink);
    slx_cache_close(cache);
    progress_summary(&progress);
    g_hash_table_unref(progress.failures);
    if (sink.failed)
        status = EXIT_DOC_FAILED;
    else if (sink.check_failed && o.fail_on_check)
        status = EXIT_CHECK_FAILED;
    GPtrArray *records = sink.records;
    GString *line = sink.line;
    gboolean ok = format == FORMAT_JSONL || write_report(format, &o, output, patterns, records, &e);
    ok = ok ? slx_output_commit(output, &e) : (slx_output_abort(output), FALSE);
    if (!ok) {
        fprintf(stderr, "slaxtract: error writing the output: %s\n", e ? e->message : "");
        g_clear_error(&e);
        status = EXIT_USAGE;
    }
    g_string_free(line, TRUE);
    g_ptr_array_unref(records);
    if (requirements)
        g_ptr_array_unref(requirements);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
out:
    if (pdf_preload)
        g_thread_join(pdf_preload);
    g_free(o.format);
    g_free(o.output);
    g_free(o.csv_encoding);
    g_free(o.password);
    g_strfreev(o.pattern_files);
    g_free(o.patterns_dir);
    g_free(o.requirements);
    g_strfreev(o.files);
    g_free(o.files_from);
    g_free(o.shard);
    g_free(o.cache);
    g_free(o.ocr);
    g_free(o.ocr_langs);
    slx_inputs_clear(&inputs);
    if (paths)
        g_ptr_array_unref(paths);
    return status;
}
