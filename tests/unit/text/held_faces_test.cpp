// Faces held open while a PDF is made (text/held_faces.hpp). The test binary carries the executable's
// cairo_scaled_font_create (tests/CMakeLists.txt), so the fonts made here are held as Pango's are.
#include "text/held_faces.hpp"

#include <catch2/catch.hpp>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace pp;

namespace {

// More font files than cairo keeps open (ten).
std::vector<std::string> many_font_files() {
  std::vector<std::string> files;
  for (const char* dir : {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
      if (entry.path().extension() == ".ttf") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A scaled font of the file's first face, opened by file name as Pango's fonts are, so that cairo may
// close its face when it needs room.
cairo_scaled_font_t* scaled_font_of(const std::string& file, double size_px = 12) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
  FcPatternAddInteger(pattern, FC_INDEX, 0);
  cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
  FcPatternDestroy(pattern);
  cairo_matrix_t size, identity;
  cairo_matrix_init_scale(&size, size_px, size_px);
  cairo_matrix_init_identity(&identity);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_t* font = cairo_scaled_font_create(face, &size, &identity, options);
  cairo_font_options_destroy(options);
  cairo_font_face_destroy(face);
  return font;
}

bool first_face_closed = false;

// Uses every font's face in turn, again and again: cairo opens a face for each one that is closed, and
// closes another to make room. Returns whether the first font's face (as open at the start) was closed.
bool first_face_closed_while_cycling(const std::vector<cairo_scaled_font_t*>& fonts) {
  first_face_closed = false;
  FT_Face first = cairo_ft_scaled_font_lock_face(fonts[0]);
  REQUIRE(first != nullptr);
  first->generic.data = nullptr;
  first->generic.finalizer = [](void*) { first_face_closed = true; };  // FreeType calls it as it frees the face
  cairo_ft_scaled_font_unlock_face(fonts[0]);
  for (int round = 0; round < 30; ++round)
    for (std::size_t i = 1; i < fonts.size(); ++i) {
      REQUIRE(cairo_ft_scaled_font_lock_face(fonts[i]) != nullptr);
      cairo_ft_scaled_font_unlock_face(fonts[i]);
    }
  const bool closed = first_face_closed;
  if (!closed) {  // leave cairo's face as it found it
    FT_Face again = cairo_ft_scaled_font_lock_face(fonts[0]);
    CHECK(again == first);
    again->generic.finalizer = nullptr;
    cairo_ft_scaled_font_unlock_face(fonts[0]);
  }
  return closed;
}

}  // namespace

TEST_CASE("while HeldFaces lives, cairo closes none of the faces it opened; without it, it does",
          "[text][held_faces]") {
  const auto files = many_font_files();
  REQUIRE(files.size() >= 16);  // fonts-liberation2 and fonts-dejavu-core: over ten faces, so cairo must close some
  auto make_fonts = [&](double size_px) {
    std::vector<cairo_scaled_font_t*> fonts;
    for (const auto& file : files) fonts.push_back(scaled_font_of(file, size_px));
    return fonts;
  };
  auto destroy = [](std::vector<cairo_scaled_font_t*>& fonts) {
    for (auto* font : fonts) cairo_scaled_font_destroy(font);
  };

  std::vector<cairo_scaled_font_t*> unheld = make_fonts(12);
  CHECK(text::held_face_count() == 0);  // made outside any hold
  // The control: cairo closes faces when over ten are open, the first one among them.
  CHECK(first_face_closed_while_cycling(unheld));
  destroy(unheld);

  {
    const text::HeldFaces hold;
    std::vector<cairo_scaled_font_t*> fonts = make_fonts(13);
    std::vector<cairo_scaled_font_t*> again = make_fonts(14);  // another size of each face holds nothing more
    CHECK(text::held_face_count() == static_cast<int>(files.size()));
    {
      const text::HeldFaces nested;
      CHECK_FALSE(first_face_closed_while_cycling(fonts));
    }
    CHECK(text::held_face_count() == static_cast<int>(files.size()));  // the outer hold still holds them
    destroy(fonts);
    destroy(again);
  }
  CHECK(text::held_face_count() == 0);
}
