// Page images: JPEG bytes and opaque PNGs' data reach the PDF undecoded and once, other PNGs and WebP keep their pixels, size limits are
// checked on the header, and anything else comes back as a reason for a warning.
#include "base/file_io.hpp"
#include "base/limits.hpp"
#include "media/image_header.hpp"
#include "media/png_stream.hpp"
#include "pdf/page_image.hpp"

#include "../test_support.hpp"
#include "../tool_run.hpp"

#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <utility>
#include <variant>
#include <vector>

using pp::pdf::PageImage;
using pp::pdf::draw_page_image;
using pp::pdf::load_page_image;

namespace {

using pp::test::image_fixture;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One A6-ish page drawn by `draw`, as PDF bytes.
std::string pdf_of(const std::function<void(cairo_t*)>& draw) {
  std::string pdf;
  {
    pp::text::SurfacePtr surface(cairo_pdf_surface_create_for_stream(&append_to_string, &pdf, 300, 400));
    pp::text::CairoPtr cr(cairo_create(surface.get()));
    draw(cr.get());
    REQUIRE(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
    cr.reset();
    cairo_surface_finish(surface.get());
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
  }
  return pdf;
}

PageImage loaded(const std::string& bytes) {
  auto result = load_page_image(bytes, pp::base::ResourceLimits{}.max_image_pixels);
  if (auto* why = std::get_if<std::string>(&result)) FAIL("refused: " << *why);
  return std::move(std::get<PageImage>(result));
}

std::string refusal(const std::string& bytes) {
  auto result = load_page_image(bytes, pp::base::ResourceLimits{}.max_image_pixels);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// A 3 x 2 PNG written by cairo: top row red, green, blue; bottom row half-transparent white.
std::string small_png() {
  pp::text::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3, 2));
  {
    pp::text::CairoPtr cr(cairo_create(surface.get()));
    const double colours[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int x = 0; x < 3; ++x) {
      cairo_set_source_rgb(cr.get(), colours[x][0], colours[x][1], colours[x][2]);
      cairo_rectangle(cr.get(), x, 0, 1, 1);
      cairo_fill(cr.get());
    }
    cairo_set_source_rgba(cr.get(), 1, 1, 1, 0.5);
    cairo_rectangle(cr.get(), 0, 1, 3, 1);
    cairo_fill(cr.get());
  }
  std::string png;
  REQUIRE(cairo_surface_write_to_png_stream(surface.get(), &append_to_string, &png) == CAIRO_STATUS_SUCCESS);
  return png;
}

// No cairo_surface_flush here: it would drop a loaded image's mime data, the very thing under test.
std::uint32_t pixel(cairo_surface_t* surface, int x, int y) {
  std::uint32_t value;
  std::memcpy(&value, cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface) + x * 4, 4);
  return value;
}

bool near(std::uint32_t actual, std::uint32_t expected) {
  for (int shift = 0; shift < 32; shift += 8) {
    const int a = static_cast<int>(actual >> shift & 255), e = static_cast<int>(expected >> shift & 255);
    if (a - e > 8 || e - a > 8) return false;
  }
  return true;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16 & 255), static_cast<char>(v >> 8 & 255),
          static_cast<char>(v & 255)};
}

// A JPEG that is only marker segments: SOI, then `segments` (each a marker byte and its payload).
std::string jpeg_of(const std::vector<std::pair<unsigned char, std::string>>& segments) {
  std::string out = "\xFF\xD8";
  for (const auto& [marker, payload] : segments) {
    out += '\xFF';
    out += static_cast<char>(marker);
    const std::size_t length = payload.size() + 2;
    out += static_cast<char>(length >> 8);
    out += static_cast<char>(length & 255);
    out += payload;
  }
  return out;
}

// SOFn payload: precision, height, width, components (and one component spec each, as T.81 has).
std::string frame(unsigned precision, unsigned height, unsigned width, unsigned components) {
  std::string out{static_cast<char>(precision), static_cast<char>(height >> 8), static_cast<char>(height & 255),
                  static_cast<char>(width >> 8), static_cast<char>(width & 255), static_cast<char>(components)};
  for (unsigned c = 1; c <= components; ++c) out += std::string{static_cast<char>(c), '\x11', '\0'};
  return out;
}

}  // namespace

TEST_CASE("a JPEG is embedded as its own bytes with DCTDecode and only once", "[pdf]") {
  const std::string jpeg = image_fixture("sample.jpg");
  const PageImage first = loaded(jpeg);
  const PageImage second = loaded(jpeg);  // a separate surface with the same bytes
  CHECK(first.width == 24);
  CHECK(first.height == 16);
  const std::string pdf = pdf_of([&](cairo_t* cr) {
    draw_page_image(cr, first, 10, 10, 120, 80);
    draw_page_image(cr, second, 10, 200, 48, 32);
  });
  CHECK(pdf.find("/DCTDecode") != std::string::npos);
  CHECK(pdf.find("/Width 24") != std::string::npos);
  CHECK(pdf.find("/ColorSpace /DeviceRGB") != std::string::npos);
  CHECK(count(pdf, jpeg) == 1);  // verbatim, and shared through CAIRO_MIME_TYPE_UNIQUE_ID
}

TEST_CASE("a JPEG's frame header is found after other segments and never in DHT or DAC", "[pdf]") {
  const std::string app0 = std::string("JFIF\0\1\1\0\0\1\0\1\0\0", 14);
  const std::string jpeg = jpeg_of({{0xE0, app0},
                                    {0xC4, std::string(20, '\x01')},  // DHT shares the SOF range
                                    {0xCC, std::string(2, '\x02')},   // DAC too
                                    {0xC2, frame(8, 20, 30, 1)},     // progressive, greyscale
                                    {0xDA, ""}}) +
                           "\xFF\xD9";  // an (empty) scan and the end of the image
  const PageImage image = loaded(jpeg);
  CHECK(image.width == 30);
  CHECK(image.height == 20);
  const std::string pdf = pdf_of([&](cairo_t* cr) { draw_page_image(cr, image, 0, 0, 30, 20); });
  CHECK(pdf.find("/ColorSpace /DeviceGray") != std::string::npos);
  CHECK(pdf.find(jpeg) != std::string::npos);
}

TEST_CASE("damaged or unsupported JPEG headers give reasons", "[pdf]") {
  CHECK(refusal("\xFF\xD8\xFF") == "corrupt JPEG: no frame header");
  CHECK(refusal(jpeg_of({{0xE0, "JFIF"}})) == "corrupt JPEG: no frame header");
  CHECK(refusal(jpeg_of({{0xDA, "scan"}, {0xC0, frame(8, 2, 2, 3)}})) ==
        "corrupt JPEG: no frame header before the image data");
  std::string overlong = jpeg_of({{0xE0, "JFIF"}});
  overlong[5] = '\x7F';  // the APP0 length now runs past the end
  CHECK(refusal(overlong) == "corrupt JPEG: the file ends early");
  CHECK(refusal(jpeg_of({{0xC0, "\x08\0"}})) == "corrupt JPEG: short frame header");
  CHECK(refusal(jpeg_of({{0xC0, frame(8, 0, 10, 3)}})) == "unsupported JPEG: the frame header has no size");
  CHECK(refusal(jpeg_of({{0xC1, frame(12, 10, 10, 3)}})) ==
        "unsupported JPEG: 12-bit samples (PDF takes 8-bit JPEGs only)");
  CHECK(refusal(jpeg_of({{0xC0, frame(8, 10, 10, 2)}})) == "unsupported JPEG: 2 colour components");
  CHECK(refusal("\xFF\xD8\xFF\xFF\xC0" + frame(8, 10, 10, 3)) ==
        "unsupported JPEG: fill bytes between marker segments");
}

TEST_CASE("a PNG written by cairo loads with its pixels and is embedded once", "[pdf]") {
  const std::string png = small_png();
  const PageImage image = loaded(png);
  REQUIRE(image.width == 3);
  REQUIRE(image.height == 2);
  CHECK(pixel(image.surface.get(), 0, 0) == 0xFFFF0000u);
  CHECK(pixel(image.surface.get(), 2, 0) == 0xFF0000FFu);
  CHECK(pixel(image.surface.get(), 1, 1) >> 24 == 0x80u);  // alpha kept
  const PageImage again = loaded(png);
  const std::string pdf = pdf_of([&](cairo_t* cr) {
    draw_page_image(cr, image, 0, 0, 30, 20);
    draw_page_image(cr, again, 0, 100, 30, 20);
  });
  CHECK(count(pdf, "/Subtype /Image") == 2);  // the image and its soft mask, not four
  CHECK(pdf.find("/DCTDecode") == std::string::npos);
  // The fixture named .jpg is a PNG; the content decides.
  CHECK(loaded(image_fixture("disguised.jpg")).width == 800);
}

TEST_CASE("a WebP image becomes an opaque cairo surface of its size", "[pdf]") {
  const PageImage image = loaded(image_fixture("sample.webp"));
  CHECK(image.width == 24);
  CHECK(image.height == 16);
  CHECK(cairo_image_surface_get_format(image.surface.get()) == CAIRO_FORMAT_ARGB32);
  CHECK(pixel(image.surface.get(), 5, 5) >> 24 == 0xFFu);
  const std::string pdf = pdf_of([&](cairo_t* cr) { draw_page_image(cr, image, 0, 0, 48, 32); });
  CHECK(pdf.find("/Width 24") != std::string::npos);
}

TEST_CASE("images over the pixel limits are refused from their headers", "[pdf]") {
  const std::string png_header = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  CHECK(refusal(png_header + be32(20000) + be32(20000) + std::string("\x08\x02\0\0\0", 5)) ==
        "image is 20000 x 20000 pixels, over the 100-megapixel limit (--max-image-pixels raises it)");
  CHECK(refusal(png_header + be32(40000) + be32(10) + std::string("\x08\x02\0\0\0", 5)) ==
        "image is 40000 x 10 pixels, over the 32767-pixel side limit");
  CHECK(refusal(jpeg_of({{0xC0, frame(8, 20000, 20000, 3)}})) ==
        "image is 20000 x 20000 pixels, over the 100-megapixel limit (--max-image-pixels raises it)");
  CHECK(refusal(jpeg_of({{0xC0, frame(8, 10, 40000, 3)}})) ==
        "image is 40000 x 10 pixels, over the 32767-pixel side limit");
  // VP8X: flags, 3 reserved bytes, then canvas width and height minus one, 24-bit little-endian.
  std::string webp = std::string("RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\x10\0\0\0", 24);
  webp += std::string("\x1f\x4e\0\x1f\x4e\0", 6);  // 19999 + 1 each way
  CHECK(refusal(webp) == "image is 20000 x 20000 pixels, over the 100-megapixel limit (--max-image-pixels raises it)");
}

TEST_CASE("a JPEG cut off in transfer is refused, not embedded as half a picture", "[pdf]") {
  const std::string jpeg = image_fixture("sample.jpg");
  CHECK(refusal(jpeg.substr(0, jpeg.size() - 100)) == "corrupt JPEG: the file ends early");
}

TEST_CASE("what is not an image, or is a damaged one, gives a reason", "[pdf]") {
  CHECK(refusal("") == "not a PNG, JPEG or WebP image");
  CHECK(refusal(image_fixture("sample.gif")) == "not a PNG, JPEG or WebP image");
  CHECK(refusal(image_fixture("sample.svg")) == "not a PNG, JPEG or WebP image");
  const std::string png = small_png();
  CHECK(refusal(png.substr(0, 12)) == "corrupt PNG: no image header or an impossible size");
  CHECK(refusal(png.substr(0, png.size() - 20)) == "corrupt PNG: the file ends early");
  std::string damaged = png;
  damaged[damaged.find("IDAT") + 6] ^= 0x55;  // the chunk's CRC no longer matches
  CHECK(refusal(damaged) == "corrupt PNG: damaged image data");
  CHECK(refusal(std::string("RIFF\0\0\0\0WEBPVP8 ", 16) + std::string(20, '\0')) == "corrupt WebP: no image header");
}

TEST_CASE("draw_page_image scales the image into its box and ignores an empty box", "[pdf]") {
  const PageImage image = loaded(small_png());
  pp::text::SurfacePtr target(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 40));
  pp::text::CairoPtr cr(cairo_create(target.get()));
  // Each image pixel becomes 10 x 10, placed so device pixel centres meet image pixel centres exactly.
  draw_page_image(cr.get(), image, 4.5, 7.5, 30, 20);
  draw_page_image(cr.get(), image, 0, 0, 0, 10);
  draw_page_image(cr.get(), PageImage{}, 0, 0, 10, 10);
  CHECK(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(target.get());
  // cairo's GOOD filter blends a little of the neighbours even at a pixel's centre.
  CHECK(near(pixel(target.get(), 9, 12), 0xFFFF0000u));   // centre of the red pixel
  CHECK(near(pixel(target.get(), 29, 12), 0xFF0000FFu));  // centre of the blue one
  CHECK(pixel(target.get(), 2, 2) == 0u);             // outside the box
  CHECK(pixel(target.get(), 38, 38) == 0u);
}

namespace {

// A PNG's pixels as rows of R, G, B bytes, decoded by cairo.
std::string rgb_rows(const std::string& png) {
  struct Reader {
    const std::string& bytes;
    std::size_t at = 0;
  } reader{png};
  pp::text::SurfacePtr surface(cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* out, unsigned int length) {
        auto& r = *static_cast<Reader*>(closure);
        if (r.bytes.size() - r.at < length) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(out, r.bytes.data() + r.at, length);
        r.at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader));
  REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
  std::string rows;
  for (int y = 0; y < cairo_image_surface_get_height(surface.get()); ++y)
    for (int x = 0; x < cairo_image_surface_get_width(surface.get()); ++x) {
      const std::uint32_t p = pixel(surface.get(), x, y);
      rows += static_cast<char>(p >> 16 & 255);
      rows += static_cast<char>(p >> 8 & 255);
      rows += static_cast<char>(p & 255);
    }
  return rows;
}

}  // namespace

TEST_CASE("an opaque 8-bit PNG goes into the PDF undecoded: its own IDAT data, once", "[pdf]") {
  const std::string png = image_fixture("sample.png");  // 800 x 400 RGB
  const PageImage image = loaded(png);
  REQUIRE(image.pdf_stream != nullptr);
  CHECK(image.width == 800);
  CHECK(image.pdf_stream->marker.starts_with("postpress-png-"));
  const PageImage again = loaded(png);
  const std::string cairo_pdf = pdf_of([&](cairo_t* cr) {
    draw_page_image(cr, image, 0, 0, 80, 40);
    draw_page_image(cr, again, 0, 100, 80, 40);
  });
  // cairo wrote the placeholder, once: a JPEG header with the size and the marker, nothing to decode.
  CHECK(count(cairo_pdf, image.pdf_stream->marker) == 1);
  CHECK(count(cairo_pdf, "/Subtype /Image") == 1);
  CHECK(cairo_pdf.find("/Width 800") != std::string::npos);

  pp::pdf::PdfFinish finish;
  finish.image_streams.push_back(image.pdf_stream);
  const std::string pdf = finish_pdf(cairo_pdf, finish);
  const auto idat = pp::media::png_stream_for_pdf(png);
  REQUIRE(idat.has_value());
  CHECK(count(pdf, idat->zlib_data) == 1);
  CHECK(count(pdf, "/DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 800 >>") == 1);
  if (!pp::test::has_tool("qpdf")) {
    WARN("qpdf is not installed: decoding check skipped");
    return;
  }
  // qpdf, undoing the filter and the predictor, gets the pixels cairo's own decoding of the file gives.
  const pp::test::TempDir dir;
  const std::string name = dir.write("png.pdf", pdf);
  const std::size_t object_at = pdf.rfind(" 0 obj", pdf.find("/Predictor 15"));
  const std::string number = pdf.substr(pdf.rfind('\n', object_at) + 1, object_at - pdf.rfind('\n', object_at) - 1);
  const auto decoded = pp::test::run(dir, "qpdf --show-object=" + number + " --filtered-stream-data '" + name + "'");
  CHECK(decoded.exit_code == 0);
  CHECK(decoded.output.size() == 800u * 400u * 3u);
  CHECK(decoded.output == rgb_rows(png));
}

TEST_CASE("the placeholder for a PNG is a JPEG header holding its size and marker", "[pdf]") {
  const std::string jpeg = pp::pdf::placeholder_jpeg(1200, 630, 3, "postpress-png-abc");
  const auto frame = pp::media::read_jpeg_frame(jpeg);
  REQUIRE(std::holds_alternative<pp::media::JpegFrame>(frame));
  CHECK(std::get<pp::media::JpegFrame>(frame).width == 1200);
  CHECK(std::get<pp::media::JpegFrame>(frame).height == 630);
  CHECK(std::get<pp::media::JpegFrame>(frame).components == 3);
  CHECK(jpeg.find("postpress-png-abc") != std::string::npos);
}
