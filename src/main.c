/* main.c — the slaxtract command: options, the batch loop, exit status.
 *
 * Exit status (OUTPUT.md §6): 0 every document was read; 1 at least one
 * document failed (its record carries "error", the others are complete);
 * 2 bad usage or an unreadable pattern file. */
#include "patterns.h"
#include "pipeline.h"
#include "write_jsonl.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_DOC_FAILED 1
#define EXIT_USAGE 2

typedef struct {
    char *format;
    char **pattern_files;
    char *patterns_dir;
    gboolean version;
    char **files;
} Options;

static gboolean
parse_options(int *argc, char ***argv, Options *o)
{
    const GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o->format,
         "Output format: jsonl (JSON Lines, the default)", "FORMAT"},
        {"patterns", 'p', 0, G_OPTION_ARG_FILENAME_ARRAY, &o->pattern_files,
         "Load pattern FILE after the default patterns; a catalog with the same id "
         "replaces the default one (repeatable)", "FILE"},
        {"patterns-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->patterns_dir,
         "Read the default patterns from DIR instead of the installed ones", "DIR"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, "FILE…"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("FILE… — extract METI cloud SLA checklist answers");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx,
        "Reads vendor answers to the METI 「クラウドサービスレベルのチェックリスト」 (text\n"
        "exports in any Japanese encoding) and writes one JSON object per document.");
    g_option_context_set_description(ctx,
        "Exit status: 0 all documents read, 1 a document failed (see its \"error\"),\n"
        "2 bad usage or a broken pattern file.\n"
        "See slaxtract(1) and the README for the output format and pattern files.");
    GError *e = NULL;
    gboolean ok = g_option_context_parse(ctx, argc, argv, &e);
    if (!ok) {
        fprintf(stderr, "slaxtract: %s\nTry 'slaxtract --help' for more information.\n", e->message);
        g_error_free(e);
    }
    g_option_context_free(ctx);
    return ok;
}

static SlxPatterns *
load_patterns(const Options *o)
{
    SlxPatterns *p = slx_patterns_new();
    GError *e = NULL;
    gboolean ok = slx_patterns_load_dir(p, o->patterns_dir ? o->patterns_dir
                                                           : slx_patterns_default_dir(), &e);
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

int
main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    Options o = {0};
    int status = EXIT_SUCCESS;

    if (!parse_options(&argc, &argv, &o)) {
        status = EXIT_USAGE;
        goto out;
    }
    if (o.version) {
        printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
        goto out;
    }
    if (o.format && strcmp(o.format, "jsonl") != 0) {
        fprintf(stderr, "slaxtract: unknown format '%s' (supported: jsonl)\n", o.format);
        status = EXIT_USAGE;
        goto out;
    }
    if (o.files == NULL || o.files[0] == NULL) {
        fprintf(stderr, "slaxtract: no input files\nTry 'slaxtract --help' for more information.\n");
        status = EXIT_USAGE;
        goto out;
    }
    SlxPatterns *patterns = load_patterns(&o);
    if (patterns == NULL) {
        status = EXIT_USAGE;
        goto out;
    }

    SlxExtractor *extractor = slx_extractor_new();
    GString *line = g_string_new(NULL);
    for (char **f = o.files; *f; f++) {
        SlxRecord *r = slx_process_file(*f, patterns, extractor);
        if (r->error)
            status = EXIT_DOC_FAILED;
        g_string_truncate(line, 0);
        slx_write_jsonl(line, r);
        fwrite(line->str, 1, line->len, stdout);
        fflush(stdout);
        slx_record_free(r);
    }
    g_string_free(line, TRUE);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    if (ferror(stdout)) {
        fprintf(stderr, "slaxtract: error writing the output\n");
        status = EXIT_USAGE;
    }
out:
    g_free(o.format);
    g_strfreev(o.pattern_files);
    g_free(o.patterns_dir);
    g_strfreev(o.files);
    return status;
}
