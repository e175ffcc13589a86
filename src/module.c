/* SPDX-License-Identifier: GPL-3.0-or-later */
/* module.c — loading a module's table of entry points (module.h). */
#include "module.h"
#include "error.h"
#include "paths.h"

#include <gmodule.h>

/* The table SYMBOL if the program itself has it: a program built with a
 * module's code in it (the fuzzing harnesses, every source compiled with
 * ASan into one program, linked with -rdynamic) exports the table.  Asked
 * only when no module file answers, so that a run with its modules pays
 * no look-up through every library of the program. */
static gpointer
module_linked_in(const char *symbol)
{
    GModule *self = g_module_open(NULL, 0);
    gpointer table = NULL;
    if (self && !g_module_symbol(self, symbol, &table))
        table = NULL;
    if (self)
        g_module_close(self);
    return table;
}

gconstpointer
slx_module_table(const char *name, const char *symbol, const char *what, int code,
                 GError **error)
{
    g_autofree char *path = slx_path_module(name);
    /* Local: a module's libraries resolve nothing of the program's or of
     * another module's.  Lazy: only the functions a run calls are bound. */
    GModule *m = g_module_open(path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    gpointer table = NULL;
    if (m != NULL && g_module_symbol(m, symbol, &table) && table != NULL) {
        /* Loaded for the rest of the process: its table is used until the
         * end, and opening it again costs only a look-up (the loader keeps
         * one copy of a library however often it is opened). */
        g_module_make_resident(m);
        return table;
    }
    g_autofree char *why = g_strdup(g_module_error());
    if (m)
        g_module_close(m);
    table = module_linked_in(symbol);
    if (table == NULL)
        g_set_error(error, SLX_ERROR, code, "%s cannot start: its module %s: %s", what, path,
                    why);
    return table;
}
