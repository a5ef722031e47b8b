#include "pdf/image_cache.hpp"

#include "base/file_io.hpp"
#include "base/resource_path.hpp"

namespace pp::pdf {

PageImageCache::Result PageImageCache::get(const std::string& ref, const std::filesystem::path& post_path,
                                           const std::vector<std::filesystem::path>& roots) {
  const auto resolved = base::resolve_resource(ref, post_path, roots);
  if (resolved.problem != base::ResourceProblem::none) return resolved.why;
  return get(resolved.path);
}

PageImageCache::Result PageImageCache::get(const std::filesystem::path& path) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(path); it != entries_.end()) {
    ages_.splice(ages_.begin(), ages_, it->second.age);
    return it->second.result;
  }
  std::string why;
  Result result;
  std::uint64_t pixels = 0;
  if (auto bytes = base::read_file(path, why, 512u << 20)) {
    auto loaded = load_page_image(*bytes, max_image_pixels_);
    if (auto* image = std::get_if<PageImage>(&loaded)) {
      pixels = static_cast<std::uint64_t>(image->width) * static_cast<std::uint64_t>(image->height);
      if (image->pdf_stream) pdf_streams_.try_emplace(image->pdf_stream->marker, image->pdf_stream);
      result = std::make_shared<const PageImage>(std::move(*image));
    } else {
      result = std::get<std::string>(loaded);
    }
  } else {
    result = why;
  }
  ages_.push_front(path);
  entries_[path] = Entry{result, pixels, ages_.begin()};
  pixels_ += pixels;
  while (pixels_ > max_pixels_ && ages_.size() > 1) {
    auto oldest = entries_.find(ages_.back());
    pixels_ -= oldest->second.pixels;
    entries_.erase(oldest);
    ages_.pop_back();
  }
  return result;
}

std::vector<std::shared_ptr<const ImageStream>> PageImageCache::pdf_streams() {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<const ImageStream>> out;
  for (const auto& [marker, stream] : pdf_streams_) out.push_back(stream);
  return out;
}

}  // namespace pp::pdf
