// What cairo 1.16's PDF output lacks for print readers (/Lang, page labels, a correct Info dictionary with
// "D:" dates, DisplayDocTitle), added as an incremental update (ISO 32000-1 7.5.6) after cairo's bytes, so
// nothing cairo wrote is parsed beyond its trailer, cross-reference table and catalog dictionary.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::pdf {

struct PageLabelRange {
  int first_page_index = 0;  // 0-based page index where this numbering starts
  enum class Style { roman_lower, decimal, none } style = Style::decimal;
  int start = 1;  // the number the first page of the range shows (>= 1)
};

// A link on a page: to a place in the document, or to a URL. cairo 1.16 loses link annotations (a link
// to a page it has not written yet, and some others, leave dangling cross-reference entries), so every
// link is written here instead.
struct LinkAnnotation {
  int page_index = 0;                        // 0-based page the link sits on
  double x = 0, y = 0, width = 0, height = 0;  // points, from the page's top-left corner (as drawn)
  int target_page_index = 0;
  double target_y = 0;                       // points from the target page's top
  std::string uri;                           // when set, the link opens this URL instead
};

// Every placeholder marker begins so: pdf_finish scans cairo's bytes for it once, however many images
// there are, and takes the marker to run on over letters, digits and '-'.
inline constexpr std::string_view placeholder_marker_prefix = "postpress-png-";

// An image whose data cairo cannot embed as it is (an undecoded PNG, pdf/page_image.hpp). cairo wrote a
// placeholder image XObject whose stream is `placeholder`, which holds `marker` (placeholder_marker_prefix,
// then letters, digits and '-'); the update writes that object again with `data` as its stream and
// `entries` over the dictionary cairo gave it (its /Filter, /DecodeParms and /Length dropped). The marker
// only leads to candidates: the marker is a file's hash, which anyone may write into a heading or a JPEG,
// so only an image XObject whose stream is exactly `placeholder` is taken, and anything else carrying the
// marker is left alone. No effect when no stream is the placeholder: the image was never drawn.
struct ImageStream {
  std::string marker;
  std::string placeholder;
  std::vector<std::pair<std::string, std::string>> entries;  // key with its slash, raw value text
  std::string data;
};

struct PdfFinish {
  std::string lang;                    // BCP 47, e.g. "ja"; empty leaves /Lang out
  // Empty keeps whatever cairo wrote (nothing, in practice). Sorted by page here; of two ranges on one page
  // the later in this list wins; a decimal range is added at page 0 when none starts there.
  std::vector<PageLabelRange> labels;
  std::string title, author, subject, keywords, creator, producer;  // UTF-8; empty ones are left out
  std::int64_t created = 0;            // epoch seconds UTC, for /CreationDate and /ModDate; 0 leaves both out
  bool display_doc_title = true;       // viewers show the title rather than the file name
  std::vector<LinkAnnotation> links;  // page indices in cairo's order
  // Cairo's 0-based page indices in the order a reader should see them; empty keeps cairo's order. The
  // typesetter draws the body first and the front matter, whose contents need the body's page numbers,
  // after it; this puts the front matter back in front. Page labels count in the new order.
  std::vector<int> page_order;
  double page_height = 0;              // points; every page has it (needed to turn y around)
  std::vector<std::shared_ptr<const ImageStream>> image_streams;
};

// `cairo_pdf` followed by the update: a new catalog (same object number, cairo's entries kept), a new Info
// dictionary, the page tree's root with its /Kids reordered when asked, the link annotations and the pages
// that carry them, a classic cross-reference section for just those objects and a trailer pointing back
// (/Prev) at cairo's. Throws std::runtime_error("internal error: ...") when the input is not a PDF with a
// classic cross-reference table, which cairo 1.16 always writes.
std::string finish_pdf(std::string cairo_pdf, const PdfFinish& finish);

}  // namespace pp::pdf
