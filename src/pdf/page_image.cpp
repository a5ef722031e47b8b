// Every size limit is checked on the header, before any pixel is allocated: a 20,000 x 20,000 image is a
// warning, not 1.6 GB of memory.
#include "pdf/page_image.hpp"

#include "base/sha1.hpp"
#include "media/webp_image.hpp"

#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace pp::pdf {

namespace {

unsigned byte_at(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
unsigned be16(std::string_view b, std::size_t at) { return byte_at(b, at) << 8 | byte_at(b, at + 1); }
unsigned le16(std::string_view b, std::size_t at) { return byte_at(b, at) | byte_at(b, at + 1) << 8; }
unsigned le24(std::string_view b, std::size_t at) { return le16(b, at) | byte_at(b, at + 2) << 16; }
std::uint32_t be32(std::string_view b, std::size_t at) { return std::uint32_t{be16(b, at)} << 16 | be16(b, at + 2); }
std::uint32_t le32(std::string_view b, std::size_t at) {
  return std::uint32_t{le16(b, at)} | std::uint32_t{le16(b, at + 2)} << 16;
}

std::optional<std::string> size_refusal(std::uint64_t width, std::uint64_t height) {
  const std::string size = "image is " + std::to_string(width) + " x " + std::to_string(height) + " pixels, ";
  if (width * height > max_page_image_pixels)
    return size + "over the " + std::to_string(max_page_image_pixels / 1'000'000) + "-megapixel limit";
  if (width > max_page_image_side || height > max_page_image_side)
    return size + "over the " + std::to_string(max_page_image_side) + "-pixel side limit";
  return std::nullopt;
}

// cairo keeps the pointer until the surface dies, so the bytes get a heap copy that its destroy callback frees.
bool attach_mime_data(cairo_surface_t* surface, const char* mime_type, std::string data) {
  auto owned = std::make_unique<std::string>(std::move(data));
  const auto* bytes = reinterpret_cast<const unsigned char*>(owned->data());
  const cairo_status_t status = cairo_surface_set_mime_data(
      surface, mime_type, bytes, owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned.get());
  // On failure cairo has not taken ownership and never calls the callback.
  if (status != CAIRO_STATUS_SUCCESS) return false;
  static_cast<void>(owned.release());
  return true;
}

// cairo's PDF backend shares one image XObject among surfaces with equal unique ids, so two figures
// showing the same file cost its bytes once.
bool attach_unique_id(cairo_surface_t* surface, std::string_view bytes) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string id = "postpress-sha1-";
  for (const std::uint8_t b : base::sha1(bytes)) {
    id += hex[b >> 4];
    id += hex[b & 15];
  }
  return attach_mime_data(surface, CAIRO_MIME_TYPE_UNIQUE_ID, std::move(id));
}

std::variant<PageImage, std::string> finish(text::SurfacePtr surface, std::string_view bytes) {
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS || !attach_unique_id(surface.get(), bytes))
    return std::string("out of memory for the image");
  PageImage image;
  image.width = cairo_image_surface_get_width(surface.get());
  image.height = cairo_image_surface_get_height(surface.get());
  image.surface = std::move(surface);
  return image;
}

// ---- JPEG ----

struct JpegFrame {
  unsigned width = 0, height = 0, components = 0, precision = 0;
};

// Walks the marker segments up to the frame header (ITU T.81 B.1). cairo's PDF backend walks them the same
// way to write the image dictionary; anything it would fail on is refused here, because cairo would then
// fall back to the surface's pixels, which for a JPEG are blank.
std::variant<JpegFrame, std::string> read_jpeg_frame(std::string_view b) {
  std::size_t at = 2;  // after SOI
  while (true) {
    if (at + 2 > b.size()) return std::string("corrupt JPEG: no frame header");
    if (byte_at(b, at) != 0xFF) return std::string("corrupt JPEG: damaged marker segments");
    const unsigned marker = byte_at(b, at + 1);
    at += 2;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // TEM, RSTn, SOI: no length
    // cairo counts a run of fill bytes wrongly, so a file with them would come out blank.
    if (marker == 0xFF) return std::string("unsupported JPEG: fill bytes between marker segments");
    if (marker == 0xD9 || marker == 0xDA) return std::string("corrupt JPEG: no frame header before the image data");
    if (at + 2 > b.size()) return std::string("corrupt JPEG: the file ends early");
    const unsigned length = be16(b, at);  // counts its own two bytes
    if (length < 2 || at + length > b.size()) return std::string("corrupt JPEG: the file ends early");
    // C4 (DHT), C8 (JPG) and CC (DAC) share the SOFn range but are not frame headers.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (length < 8) return std::string("corrupt JPEG: short frame header");
      return JpegFrame{be16(b, at + 5), be16(b, at + 3), byte_at(b, at + 7), byte_at(b, at + 2)};
    }
    at += length;
  }
}

std::variant<PageImage, std::string> load_jpeg(const std::string& bytes) {
  auto parsed = read_jpeg_frame(bytes);
  if (auto* why = std::get_if<std::string>(&parsed)) return std::move(*why);
  const JpegFrame frame = std::get<JpegFrame>(parsed);
  // A zero height means "given later in a DNL segment", which cairo does not look for.
  if (frame.width == 0 || frame.height == 0) return std::string("unsupported JPEG: the frame header has no size");
  if (auto why = size_refusal(frame.width, frame.height)) return std::move(*why);
  // PDF's DCTDecode takes 8-bit samples only, and cairo maps only these component counts to a colour space.
  if (frame.precision != 8)
    return "unsupported JPEG: " + std::to_string(frame.precision) + "-bit samples (PDF takes 8-bit JPEGs only)";
  if (frame.components != 1 && frame.components != 3 && frame.components != 4)
    return "unsupported JPEG: " + std::to_string(frame.components) + " colour components";
  // The surface only gives cairo the size; its pixels (calloc'd, so untouched pages cost nothing) are
  // never shown because the PDF backend embeds the mime data instead.
  text::SurfacePtr surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(frame.width), static_cast<int>(frame.height)));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
      !attach_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, bytes))
    return std::string("out of memory for the image");
  return finish(std::move(surface), bytes);
}

// ---- PNG ----

struct PngReader {
  std::string_view data;
  std::size_t at = 0;
};

cairo_status_t read_png_bytes(void* closure, unsigned char* out, unsigned int length) {
  auto& reader = *static_cast<PngReader*>(closure);
  if (reader.data.size() - reader.at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(out, reader.data.data() + reader.at, length);
  reader.at += length;
  return CAIRO_STATUS_SUCCESS;
}

std::variant<PageImage, std::string> load_png(const std::string& bytes) {
  // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4).
  if (bytes.size() < 24 || bytes.compare(12, 4, "IHDR") != 0) return std::string("corrupt PNG: no image header");
  const std::uint32_t width = be32(bytes, 16), height = be32(bytes, 20);
  if (width == 0 || height == 0 || width > 0x7FFF'FFFF || height > 0x7FFF'FFFF)
    return std::string("corrupt PNG: impossible image size");
  if (auto why = size_refusal(width, height)) return std::move(*why);
  PngReader reader{bytes};
  text::SurfacePtr surface(cairo_image_surface_create_from_png_stream(&read_png_bytes, &reader));
  switch (cairo_surface_status(surface.get())) {
    case CAIRO_STATUS_SUCCESS: break;
    case CAIRO_STATUS_READ_ERROR: return std::string("corrupt PNG: the file ends early");
    // cairo 1.16 reports every libpng error (bad checksum, bad zlib data) as NO_MEMORY, "the most likely
    // error"; with the size already capped, damage is in fact the likely one. Later cairos say PNG_ERROR.
    case CAIRO_STATUS_NO_MEMORY:
    case CAIRO_STATUS_PNG_ERROR: return std::string("corrupt PNG: damaged image data");
    default: return "corrupt PNG: " + std::string(cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return finish(std::move(surface), bytes);
}

// ---- WebP ----

// The canvas size from the first chunk, so the limit is checked (with the real size in the message) before
// libwebp allocates anything. Zero when the header is not one of the three forms.
std::pair<std::uint32_t, std::uint32_t> webp_size(std::string_view b) {
  if (b.size() < 30) return {0, 0};
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8X") return {le24(b, 24) + 1, le24(b, 27) + 1};
  if (chunk == "VP8L" && byte_at(b, 20) == 0x2F) {
    const std::uint32_t bits = le32(b, 21);
    return {(bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1};
  }
  if (chunk == "VP8 " && byte_at(b, 23) == 0x9D && byte_at(b, 24) == 0x01 && byte_at(b, 25) == 0x2A)
    return {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
  return {0, 0};
}

std::variant<PageImage, std::string> load_webp(const std::string& bytes) {
  const auto [width, height] = webp_size(bytes);
  if (width == 0 || height == 0) return std::string("corrupt WebP: no image header");
  if (auto why = size_refusal(width, height)) return std::move(*why);
  const auto rgba = media::decode_webp(bytes, max_page_image_pixels);
  if (!rgba) return std::string("corrupt or animated WebP image");
  text::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, rgba->width, rgba->height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return std::string("out of memory for the image");
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get()));
  const auto columns = static_cast<std::size_t>(rgba->width);
  // cairo wants premultiplied alpha in native-endian 32-bit words; libwebp gives straight R, G, B, A bytes.
  for (std::size_t y = 0; y < static_cast<std::size_t>(rgba->height); ++y) {
    const char* in = rgba->pixels.data() + y * columns * 4;
    unsigned char* out = data + y * stride;
    for (std::size_t x = 0; x < columns; ++x, in += 4, out += 4) {
      const std::uint32_t a = static_cast<unsigned char>(in[3]);
      const auto premultiply = [a](char c) { return (static_cast<unsigned char>(c) * a + 127) / 255; };
      const std::uint32_t pixel = a << 24 | premultiply(in[0]) << 16 | premultiply(in[1]) << 8 | premultiply(in[2]);
      std::memcpy(out, &pixel, 4);
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return finish(std::move(surface), bytes);
}

}  // namespace

std::variant<PageImage, std::string> load_page_image(const std::string& bytes) {
  if (bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return load_png(bytes);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return load_jpeg(bytes);
  if (bytes.size() >= 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0)
    return load_webp(bytes);
  return std::string("not a PNG, JPEG or WebP image");
}

void draw_page_image(cairo_t* cr, const PageImage& image, double x, double y, double width, double height) {
  // A zero scale would put `cr` into a permanent error state, losing the rest of the page.
  if (!image.surface || image.width <= 0 || image.height <= 0 || !(width > 0) || !(height > 0)) return;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, width / image.width, height / image.height);
  cairo_set_source_surface(cr, image.surface.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);  // the PDF gets /Interpolate true
  cairo_paint(cr);
  cairo_restore(cr);
}

}  // namespace pp::pdf
