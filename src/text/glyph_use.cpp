#include "text/glyph_use.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYSTEM_H

#include <atomic>
#include <deque>
#include <map>
#include <mutex>

namespace pp::text {

class FaceGlyphs {
 public:
  // A record from an earlier recording is emptied on first use in the next.
  void note(std::span<const unsigned long> glyphs, unsigned recording) {
    if (recording_ != recording) {
      used_.clear();
      recording_ = recording;
    }
    for (const unsigned long g : glyphs) {
      if (g > 0xFFFF) continue;  // no OpenType face has such a glyph; cairo would not embed it from the CFF
      if (g >= used_.size()) used_.resize(g + 1);
      used_[g] = true;
    }
  }

  std::optional<std::vector<bool>> drawn(unsigned recording) const {
    if (recording_ != recording) return std::nullopt;
    return used_;
  }

 private:
  unsigned recording_ = 0;  // the recording that `used_` belongs to; 0: none yet
  std::vector<bool> used_;
};

namespace {

struct Registry {
  std::mutex mutex;
  std::atomic<int> recordings{0};  // live GlyphRecording objects; changed under the mutex, read without
  unsigned recording = 0;   // numbers the recordings that began with none live
  bool incomplete = false;  // something drawn in this recording cannot be traced to a face
  std::deque<FaceGlyphs> faces;  // a deque: records never move
  std::map<FaceSource, FaceGlyphs*> by_source;
};

// Never destroyed: cairo fonts alive at exit may still point into it.
Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

}  // namespace

GlyphRecording::GlyphRecording() {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (r.recordings++ == 0) {
    ++r.recording;
    r.incomplete = false;
  }
}

GlyphRecording::~GlyphRecording() {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  --r.recordings;
}

bool glyph_recording_on() { return registry().recordings.load(std::memory_order_relaxed) > 0; }

std::optional<FaceSource> source_of(FT_FaceRec_* face) {
  // FreeType keeps the path it opened the face from with the face's stream (FT_Stream_Open); faces made
  // from memory have none.
  if (face == nullptr || face->stream == nullptr || face->stream->pathname.pointer == nullptr) return std::nullopt;
  return FaceSource{static_cast<const char*>(face->stream->pathname.pointer), face->face_index};
}

FaceGlyphs& face_glyphs(const FaceSource& source) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  auto [at, made] = r.by_source.try_emplace(source, nullptr);
  if (made) at->second = &r.faces.emplace_back();
  return *at->second;
}

void note_glyphs(FaceGlyphs& face, std::span<const unsigned long> glyphs) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (r.recordings > 0) face.note(glyphs, r.recording);
}

void glyph_recording_incomplete() {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (r.recordings > 0) r.incomplete = true;
}

std::optional<std::vector<bool>> glyphs_drawn(const FaceSource& source) {
  Registry& r = registry();
  const std::lock_guard lock(r.mutex);
  if (r.recordings == 0 || r.incomplete) return std::nullopt;
  const auto at = r.by_source.find(source);
  if (at == r.by_source.end()) return std::nullopt;
  return at->second->drawn(r.recording);
}

}  // namespace pp::text
