// Magic numbers from the formats' specifications; SVG checked by parsing it.
#include "epub/media_type.hpp"

#include "media/image_header.hpp"

#include <pugixml.hpp>

#include <cctype>
#include <cstring>
#include <sstream>
#include <vector>

namespace pp::epub {

std::optional<MediaType> sniff_image(std::string_view b) {
  switch (media::raster_type(b)) {
    case media::RasterType::png: return MediaType{"image/png", "png"};
    case media::RasterType::jpeg: return MediaType{"image/jpeg", "jpg"};
    case media::RasterType::gif: return MediaType{"image/gif", "gif"};
    case media::RasterType::webp: return MediaType{"image/webp", "webp"};
    case media::RasterType::none: break;
  }
  // SVG is text: look for an <svg element near the start, after any XML declaration or comments.
  const std::string_view head = b.substr(0, 4096);
  if (head.find("<svg") != std::string_view::npos && b.find('\0') == std::string_view::npos)
    return MediaType{"image/svg+xml", "svg"};
  return std::nullopt;
}

namespace {

bool is_unsafe_link(const char* value) {
  std::string v;
  for (const char* p = value; *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) v += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  return v.starts_with("javascript:") || v.starts_with("data:") || v.starts_with("vbscript:") ||
         v.starts_with("file:") || v.starts_with("http:") || v.starts_with("https:");
}

}  // namespace

std::optional<std::string> sanitize_svg(std::string_view svg) {
  pugi::xml_document doc;
  // No DTD processing: parse_default does not expand external entities, and we drop the doctype.
  if (!doc.load_buffer(svg.data(), svg.size(), pugi::parse_default & ~pugi::parse_doctype)) return std::nullopt;
  pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "svg") != 0 && !std::string_view(root.name()).ends_with(":svg")) return std::nullopt;
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    for (pugi::xml_node child = n.first_child(); child;) {
      pugi::xml_node next = child.next_sibling();
      const std::string_view name = child.name();
      if (name == "script" || name.ends_with(":script") || name == "foreignObject" || name == "iframe") n.remove_child(child);
      else if (child.type() == pugi::node_element) stack.push_back(child);
      child = next;
    }
    for (pugi::xml_attribute a = n.first_attribute(); a;) {
      pugi::xml_attribute next = a.next_attribute();
      const std::string_view name = a.name();
      const bool event = name.size() > 2 && (name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N');
      const bool link = name == "href" || name == "xlink:href" || name == "src";
      if (event || (link && is_unsafe_link(a.value()))) n.remove_attribute(a);
      a = next;
    }
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace pp::epub
