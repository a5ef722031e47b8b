// Page images by file, so a picture used by many chapters (a hero image, a logo) is read
// and decoded once. Bounded by pixels: least recently used images leave first.
#pragma once

#include "pdf/page_image.hpp"

#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

namespace pp::pdf {

class PageImageCache {
 public:
  // `max_image_pixels`: larger images are refused (base::ResourceLimits); `max_cached_pixels`: the cache's budget.
  explicit PageImageCache(std::uint64_t max_image_pixels, std::uint64_t max_cached_pixels = 64'000'000)
      : max_image_pixels_(max_image_pixels), max_pixels_(max_cached_pixels) {}

  using Result = std::variant<std::shared_ptr<const PageImage>, std::string>;  // the image or why not

  // The image at `path` (canonical), loading it on first use. Failures are remembered too.
  Result get(const std::filesystem::path& path);

  // The image a post refers to as `ref` (resolved against the post and the allowed roots), or why not.
  Result get(const std::string& ref, const std::filesystem::path& post_path,
             const std::vector<std::filesystem::path>& roots);

  // The streams of every PNG loaded undecoded so far (PageImage::pdf_stream), one per marker: the PDF's
  // placeholders for them are filled in when it is finished, so they are kept even after their images
  // leave the cache. A PNG's compressed data, which the PDF takes as it is.
  std::vector<std::shared_ptr<const ImageStream>> pdf_streams();

 private:
  struct Entry {
    Result result;
    std::uint64_t pixels = 0;
    std::list<std::filesystem::path>::iterator age;
  };
  std::mutex mutex_;
  std::uint64_t max_image_pixels_, max_pixels_, pixels_ = 0;
  std::map<std::filesystem::path, Entry> entries_;
  std::list<std::filesystem::path> ages_;  // most recent first
  std::map<std::string, std::shared_ptr<const ImageStream>> pdf_streams_;  // by marker
};

}  // namespace pp::pdf
