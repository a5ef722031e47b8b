// Image embedding: file name kept where it is safe, type from the bytes, one copy per file.
#include "epub/resources.hpp"

#include "base/file_io.hpp"
#include "base/file_names.hpp"
#include "base/limits.hpp"
#include "base/resource_path.hpp"
#include "epub/media_type.hpp"
#include "media/image_header.hpp"
#include "media/png_writer.hpp"
#include "media/webp_image.hpp"

#include <stdexcept>

namespace pp::epub {

namespace {

constexpr std::uintmax_t max_image_bytes = 64u << 20;

}  // namespace

std::optional<std::string> Resources::image(const std::string& ref, const model::Document& doc, base::SourcePos pos) {
  const base::ResolvedResource r = base::resolve_resource(ref, doc.source_path, roots_);
  if (r.problem != base::ResourceProblem::none) {
    const char* what = r.problem == base::ResourceProblem::remote ? "remote image not embedded"
                       : r.problem == base::ResourceProblem::escapes_root ? "image refused"
                                                                          : "image not found";
    std::vector<std::string> hints;
    if (r.problem == base::ResourceProblem::escapes_root)
      hints.push_back("images must lie inside the post's project; --resource-path DIR allows another folder");
    sink_.warning(doc.source_name, pos, std::string(what) + ": '" + ref + "' (" + r.why + ")", hints);
    return std::nullopt;
  }
  if (auto known = by_path_.find(r.path); known != by_path_.end()) return known->second;

  std::string why;
  auto bytes = base::read_file(r.path, why, max_image_bytes);
  if (!bytes) {
    sink_.warning(doc.source_name, pos, "cannot read image '" + ref + "': " + why);
    return std::nullopt;
  }
  auto type = sniff_image(*bytes);
  if (!type) {
    sink_.warning(doc.source_name, pos, "'" + ref + "' is not a PNG, JPEG, GIF, WebP or SVG image; left out");
    return std::nullopt;
  }
  if (type->mime != "image/svg+xml") {
    // Reading systems decode every image at full size: one over the limit can stall or crash them, as it
    // would us when a WebP is converted below.
    const auto size = media::image_pixel_size(*bytes);
    if (!size) {
      sink_.warning(doc.source_name, pos, "'" + ref + "' is a damaged " + type->extension + " image (no readable size); left out");
      return std::nullopt;
    }
    if (!media::image_is_complete(*bytes)) {
      sink_.warning(doc.source_name, pos, "'" + ref + "' is cut short (the " + type->extension + " file ends early); left out");
      return std::nullopt;
    }
    if (size->pixels() > max_image_pixels_) {
      sink_.warning(doc.source_name, pos,
                    "image '" + ref + "' is " + std::to_string(size->width) + " x " + std::to_string(size->height) +
                        " pixels, over the " + base::megapixel_text(max_image_pixels_) + "-megapixel limit; left out",
                    {"--max-image-pixels raises the limit"});
      return std::nullopt;
    }
  }
  if (type->mime == "image/webp") {
    // WebP became a core EPUB type only in EPUB 3.3; many reading systems in use cannot show it.
    // Lossless PNG shows everywhere.
    auto pixels = media::decode_webp(*bytes, max_image_pixels_);
    if (!pixels) {
      sink_.warning(doc.source_name, pos, "'" + ref + "' is not a WebP image that can be decoded; left out");
      return std::nullopt;
    }
    *bytes = media::encode_png(*pixels);
    type = MediaType{"image/png", "png"};
  }
  if (type->mime == "image/svg+xml") {
    auto clean = sanitize_svg(*bytes);
    if (!clean) {
      sink_.warning(doc.source_name, pos, "'" + ref + "' is not a well-formed SVG image; left out");
      return std::nullopt;
    }
    *bytes = std::move(*clean);
  }
  std::string base_stem = base::ascii_file_stem(r.path.stem().string());
  if (base_stem.empty()) base_stem = "image";
  std::string stem = base_stem;
  for (int n = 2; !hrefs_used_.insert(stem + "." + type->extension).second; ++n) stem = base_stem + "-" + std::to_string(n);
  ImageItem item;
  item.href = "images/" + stem + "." + type->extension;
  item.id = "img-" + stem + "-" + type->extension;
  item.mime = type->mime;
  item.bytes = std::move(*bytes);
  by_path_[r.path] = item.href;
  items_.push_back(std::move(item));
  return items_.back().href;
}

std::string Resources::add_generated(const std::string& stem, figure::ImageFormat format, std::string bytes) {
  const std::string extension = figure::extension_of(format);
  const std::string mime = format == figure::ImageFormat::svg ? "image/svg+xml" : "image/png";  // EPUB figures
  const std::string href = "images/" + stem + "." + extension;
  // Callers add each distinct image once; a second add would be a second manifest item for one file,
  // which epubcheck rejects, so it is a bug to stop at rather than a book to write.
  if (!hrefs_used_.insert(stem + "." + extension).second)
    throw std::logic_error("internal error: generated image '" + href + "' added twice");
  ImageItem item;
  item.href = href;
  item.id = "img-" + stem + "-" + extension;
  item.mime = mime;
  item.bytes = std::move(bytes);
  items_.push_back(std::move(item));
  return href;
}

void Resources::mark_cover(const std::string& href) {
  for (auto& item : items_) item.cover = item.href == href;
}

}  // namespace pp::epub
