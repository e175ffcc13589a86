/* SPDX-License-Identifier: GPL-3.0-or-later */
/* module.c — loading a module's table of entry points (module.h). */
#include "module.h"
#include "error.h"
#include "paths.h"

#include <gmodule.h>

gconstpointer
slx_module_table(const char *name, const char *symbol, const char *what, int code,
                 GError **error)
{
    /* A program built with a module's code in it (the fuzzing harnesses,
     * every source compiled with ASan into one program, linked with
     * -rdynamic) exports the module's table itself: that is used. */
    GModule *self = g_module_open(NULL, 0);
    gpointer table = NULL;
    gboolean linked_in = self && g_module_symbol(self, symbol, &table) && table;
    if (self)
        g_module_close(self);
    if (linked_in)
        return table;
    g_autofree char *path = slx_path_module(name);
    /* Local: a module's libraries resolve nothing of the program's or of
     * another module's.  Lazy: only the functions a run calls are bound. */
    GModule *m = g_module_open(path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    if (m == NULL || !g_module_symbol(m, symbol, &table) || table == NULL) {
        g_set_error(error, SLX_ERROR, code, "%s cannot start: its module %s: %s", what, path,
                    g_module_error());
        if (m)
            g_module_close(m);
        return NULL;
    }
    /* Loaded for the rest of the process: its table is used until the
     * end, and opening it again costs only a look-up (the loader keeps
     * one copy of a library however often it is opened). */
    g_module_make_resident(m);
    return table;
}
