// Every size limit is checked on the header, before any pixel is allocated: a 20,000 x 20,000 image is a
// warning, not 1.6 GB of memory.
#include "pdf/page_image.hpp"

#include "base/limits.hpp"
#include "base/sha1.hpp"
#include "media/image_header.hpp"
#include "media/png_stream.hpp"
#include "media/webp_image.hpp"

#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace pp::pdf {

namespace {

std::optional<std::string> size_refusal(std::uint64_t width, std::uint64_t height, std::uint64_t max_pixels) {
  const std::string size = "image is " + std::to_string(width) + " x " + std::to_string(height) + " pixels, ";
  if (width * height > max_pixels)
    return size + "over the " + base::megapixel_text(max_pixels) + "-megapixel limit (--max-image-pixels raises it)";
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

// `hash`: sha1_hex of the file's bytes. It becomes the surface's unique id: cairo's PDF backend shares one
// image XObject among surfaces with equal unique ids, so two figures showing the same file cost its bytes once.
std::variant<PageImage, std::string> finish(text::SurfacePtr surface, const std::string& hash) {
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
      !attach_mime_data(surface.get(), CAIRO_MIME_TYPE_UNIQUE_ID, "postpress-sha1-" + hash))
    return std::string("out of memory for the image");
  PageImage image;
  image.width = cairo_image_surface_get_width(surface.get());
  image.height = cairo_image_surface_get_height(surface.get());
  image.surface = std::move(surface);
  return image;
}

// ---- JPEG ----

std::variant<PageImage, std::string> load_jpeg(const std::string& bytes, std::uint64_t max_pixels) {
  auto parsed = media::read_jpeg_frame(bytes);
  if (auto* why = std::get_if<std::string>(&parsed)) return std::move(*why);
  const media::JpegFrame frame = std::get<media::JpegFrame>(parsed);
  // A zero height means "given later in a DNL segment", which cairo does not look for.
  if (frame.width == 0 || frame.height == 0) return std::string("unsupported JPEG: the frame header has no size");
  if (auto why = size_refusal(frame.width, frame.height, max_pixels)) return std::move(*why);
  // PDF's DCTDecode takes 8-bit samples only, and cairo maps only these component counts to a colour space.
  if (frame.precision != 8)
    return "unsupported JPEG: " + std::to_string(frame.precision) + "-bit samples (PDF takes 8-bit JPEGs only)";
  if (frame.components != 1 && frame.components != 3 && frame.components != 4)
    return "unsupported JPEG: " + std::to_string(frame.components) + " colour components";
  // The PDF carries the bytes undecoded, so a cut-off file would show as a grey half picture.
  if (!media::image_is_complete(bytes)) return std::string("corrupt JPEG: the file ends early");
  // The surface only gives cairo the size; its pixels (calloc'd, so untouched pages cost nothing) are
  // never shown because the PDF backend embeds the mime data instead.
  text::SurfacePtr surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(frame.width), static_cast<int>(frame.height)));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
      !attach_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, bytes))
    return std::string("out of memory for the image");
  return finish(std::move(surface), base::sha1_hex(bytes));
}

// ---- PNG ----

// What pdf_finish puts in place of the placeholder for a PNG: its IDAT data, with the filter and predictor
// that turn it back into rows of samples. The data is moved, not copied: a PNG's bytes are held once.
std::shared_ptr<const ImageStream> png_image_stream(std::string marker, std::string placeholder, media::PngStream&& png) {
  const std::string colours = std::to_string(png.colours);
  return std::make_shared<const ImageStream>(ImageStream{
      std::move(marker),
      std::move(placeholder),
      {{"/ColorSpace", png.colours == 1 ? "/DeviceGray" : "/DeviceRGB"},
       {"/BitsPerComponent", "8"},
       {"/Filter", "/FlateDecode"},
       // Predictor 15: each row starts with its own PNG filter byte (ISO 32000-1 7.4.4.4).
       {"/DecodeParms", "<< /Predictor 15 /Colors " + colours + " /BitsPerComponent 8 /Columns " +
                            std::to_string(png.width) + " >>"}},
      std::move(png.zlib_data)});
}

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

std::variant<PageImage, std::string> load_png(const std::string& bytes, std::uint64_t max_pixels) {
  const auto size = media::image_pixel_size(bytes);
  if (!size) return std::string("corrupt PNG: no image header or an impossible size");
  if (auto why = size_refusal(size->width, size->height, max_pixels)) return std::move(*why);
  if (auto stream = media::png_stream_for_pdf(bytes)) {
    // As for a JPEG, the surface only gives cairo the size; its calloc'd pixels are never touched.
    text::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(stream->width),
                                                        static_cast<int>(stream->height)));
    const std::string hash = base::sha1_hex(bytes);
    std::string marker = std::string(placeholder_marker_prefix) + hash;
    // size_refusal kept both sides within max_page_image_side: 16 bits
    std::string placeholder = placeholder_jpeg(static_cast<std::uint16_t>(stream->width),
                                               static_cast<std::uint16_t>(stream->height), stream->colours, marker);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
        !attach_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, placeholder))
      return std::string("out of memory for the image");
    auto made = finish(std::move(surface), hash);
    if (auto* image = std::get_if<PageImage>(&made))
      image->pdf_stream = png_image_stream(std::move(marker), std::move(placeholder), std::move(*stream));
    return made;
  }
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
  return finish(std::move(surface), base::sha1_hex(bytes));
}

// ---- WebP ----

std::variant<PageImage, std::string> load_webp(const std::string& bytes, std::uint64_t max_pixels) {
  const auto size = media::image_pixel_size(bytes);
  if (!size) return std::string("corrupt WebP: no image header");
  if (auto why = size_refusal(size->width, size->height, max_pixels)) return std::move(*why);
  const auto rgba = media::decode_webp(bytes, max_pixels);
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
  return finish(std::move(surface), base::sha1_hex(bytes));
}

}  // namespace

std::variant<PageImage, std::string> load_page_image(const std::string& bytes, std::uint64_t max_pixels) {
  switch (media::raster_type(bytes)) {
    case media::RasterType::png: return load_png(bytes, max_pixels);
    case media::RasterType::jpeg: return load_jpeg(bytes, max_pixels);
    case media::RasterType::webp: return load_webp(bytes, max_pixels);
    case media::RasterType::gif:
    case media::RasterType::none: break;
  }
  return std::string("not a PNG, JPEG or WebP image");
}

std::string placeholder_jpeg(std::uint16_t width, std::uint16_t height, int components, const std::string& marker) {
  if (marker.size() > 0xFFFF - 2) throw std::invalid_argument("internal error: a placeholder marker too long for a JPEG comment");
  std::string jpeg = "\xFF\xD8";  // SOI
  const auto u16 = [&jpeg](std::size_t v) {
    jpeg += static_cast<char>(v >> 8 & 0xFF);
    jpeg += static_cast<char>(v & 0xFF);
  };
  jpeg += "\xFF\xFE";  // COM
  u16(2 + marker.size());
  jpeg += marker;
  jpeg += "\xFF\xC0";  // SOF0
  u16(8 + 3 * static_cast<std::size_t>(components));
  jpeg += '\x08';  // 8-bit samples
  u16(height);
  u16(width);
  jpeg += static_cast<char>(components);
  for (int c = 1; c <= components; ++c) {
    jpeg += static_cast<char>(c);  // component id
    jpeg += '\x11';                // no subsampling
    jpeg += '\x00';                // quantisation table 0
  }
  jpeg += "\xFF\xD9";  // EOI
  return jpeg;
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
