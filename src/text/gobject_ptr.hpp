// Owning pointers for GLib/GObject, Pango and Cairo handles: the one place their unref functions are named.
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace pp::text {

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;  // strings GLib and Pango hand over

struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_path_t* p) const { cairo_path_destroy(p); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDestroy>;

struct PangoFontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionFree>;

struct PangoAttrListUnref {
  void operator()(PangoAttrList* l) const { pango_attr_list_unref(l); }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, PangoAttrListUnref>;

}  // namespace pp::text
