// Which glyphs of which font faces a PDF has drawn, recorded as cairo is asked to show them.
//
// cairo embeds a subset of every font at the end of a PDF, and to make it, reads the face's whole CFF
// table: 15-24 MB for a Noto CJK face, of which a post uses a few hundred kilobytes of charstrings
// (text/cff_table_reads.hpp). With a record of the glyphs drawn, that read skips the others. The record
// is made by the executable's own cairo_show_glyphs and cairo_show_text_glyphs, through which Pango
// draws every glyph (text/glyph_use_override.cpp).
//
// A record may hold more glyphs than cairo embeds, never fewer: anything drawn in a way that cannot be
// traced to a face's file marks the recording incomplete, and then no record is given out.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

struct FT_FaceRec_;  // FreeType's FT_Face points to one

namespace pp::text {

// Records while any one lives, across threads. When the first begins, what earlier recordings saw is
// forgotten.
class GlyphRecording {
 public:
  GlyphRecording();
  ~GlyphRecording();
  GlyphRecording(const GlyphRecording&) = delete;
  GlyphRecording& operator=(const GlyphRecording&) = delete;
};

bool glyph_recording_on();

// Where a face comes from: the file FreeType opened and the face's index in it.
struct FaceSource {
  std::string file;
  long face_index = 0;
  auto operator<=>(const FaceSource&) const = default;
};
std::optional<FaceSource> source_of(FT_FaceRec_* face);

// The glyphs drawn from one face. Made once per face and never freed, so that a cairo font can point to it.
class FaceGlyphs;
FaceGlyphs& face_glyphs(const FaceSource& source);

// Adds glyph ids to the current recording's record of a face.
void note_glyphs(FaceGlyphs& face, std::span<const unsigned long> glyphs);

// Glyphs were drawn whose face cannot be told: until every recording has ended, no record is given out.
void glyph_recording_incomplete();

// The glyphs drawn from the face since recording began, as a bit per glyph id; nullopt when recording is
// off or incomplete, or nothing was drawn from the face.
std::optional<std::vector<bool>> glyphs_drawn(const FaceSource& source);

}  // namespace pp::text
