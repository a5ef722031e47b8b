// The incremental update after cairo's PDF: checked as text, then by qpdf and pdfinfo when they are installed.
#include "pdf/pdf_finish.hpp"

#include "text/gobject_ptr.hpp"

#include "../tool_run.hpp"

#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <memory>
#include <vector>

using pp::pdf::finish_pdf;
using pp::pdf::PageLabelRange;
using pp::pdf::PdfFinish;
using pp::test::has_tool;
using pp::test::run;
using pp::test::Run;
using pp::test::TempDir;

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Three pages with an outline entry, and the creation date cairo 1.16 writes without its "D:".
std::string three_page_pdf() {
  std::string pdf;
  pp::text::SurfacePtr surface(cairo_pdf_surface_create_for_stream(&append_to_string, &pdf, 300, 400));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2023-11-14T22:13:20Z");
  pp::text::CairoPtr cr(cairo_create(surface.get()));
  for (int page = 0; page < 3; ++page) {
    cairo_rectangle(cr.get(), 20, 20 + 40 * page, 100, 30);
    cairo_fill(cr.get());
    if (page == 1) cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, "Chapter", "page=2",
                                                  CAIRO_PDF_OUTLINE_FLAG_OPEN);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
  return pdf;
}

// A one-page PDF built by hand, for catalog entries cairo 1.16 never writes. Object 1 is the catalog.
// Objects 1 to 3 (catalog, page tree, one page), then `more` as objects 4 on.
std::string hand_made_pdf(const std::string& catalog, const std::string& trailer, const std::vector<std::string>& more = {}) {
  std::vector<std::string> bodies = {catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>"};
  bodies.insert(bodies.end(), more.begin(), more.end());
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  return out + "trailer\n<< " + trailer + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

// An image whose placeholder stream is "JPEG <marker> END" (the marker ends where its characters do).
std::shared_ptr<const pp::pdf::ImageStream> image_stream(std::string marker,
                                                         std::vector<std::pair<std::string, std::string>> entries,
                                                         std::string data) {
  std::string placeholder = "JPEG " + marker + " END";
  return std::make_shared<const pp::pdf::ImageStream>(
      pp::pdf::ImageStream{std::move(marker), std::move(placeholder), std::move(entries), std::move(data)});
}

// The integer after `key` in the last place it occurs (the newest trailer's, for trailer keys).
long long last_value(const std::string& pdf, const std::string& key) {
  const auto at = pdf.rfind(key);
  REQUIRE(at != std::string::npos);
  return std::stoll(pdf.substr(at + key.size()));
}

PdfFinish sample_finish() {
  PdfFinish f;
  f.lang = "ja";
  f.labels = {{0, PageLabelRange::Style::roman_lower, 1}, {2, PageLabelRange::Style::decimal, 1}};
  f.title = "日本語のタイトル";
  f.author = "Ada Lovelace";
  f.subject = "Notes";
  f.keywords = "cairo, pdf";
  f.creator = "postpress";
  f.producer = "postpress 1.0";
  f.created = 1700000000;  // 2023-11-14 22:13:20 UTC
  return f;
}

}  // namespace

TEST_CASE("finish_pdf appends a catalog, an Info dictionary, a cross-reference section and a trailer", "[pdf]") {
  const std::string original = three_page_pdf();
  const std::string finished = finish_pdf(original, sample_finish());
  REQUIRE(finished.compare(0, original.size(), original) == 0);  // cairo's bytes are untouched
  const std::string update = finished.substr(original.size());
  const long long root = last_value(original, "/Root ");
  const long long size = last_value(original, "/Size ");
  const long long prev = last_value(original, "startxref\n");

  INFO(update);
  // The catalog keeps cairo's entries and gains the new ones.
  CHECK(update.rfind(std::to_string(root) + " 0 obj\n<< /Type /Catalog\n", 0) == 0);
  CHECK(update.find("/Pages 1 0 R") != std::string::npos);
  CHECK(update.find("/Outlines ") != std::string::npos);
  CHECK(update.find("/Lang (ja)") != std::string::npos);
  CHECK(update.find("/PageLabels << /Nums [ 0 << /S /r >> 2 << /S /D >> ] >>") != std::string::npos);
  CHECK(update.find("/ViewerPreferences << /DisplayDocTitle true >>") != std::string::npos);
  // The Info dictionary is a new object; the CJK title is UTF-16BE with a byte order mark.
  CHECK(update.find(std::to_string(size) + " 0 obj\n<< /Title <FEFF65E5672C8A9E306E30BF30A430C830EB>\n") !=
        std::string::npos);
  CHECK(update.find("/Author (Ada Lovelace)") != std::string::npos);
  CHECK(update.find("/Producer (postpress 1.0)") != std::string::npos);
  CHECK(update.find("/CreationDate (D:20231114221320Z)") != std::string::npos);
  CHECK(update.find("/ModDate (D:20231114221320Z)") != std::string::npos);

  // Every cross-reference entry is 20 bytes and points at its object.
  const auto xref = update.find("xref\n");
  REQUIRE(xref != std::string::npos);
  std::size_t at = xref + 5;
  int entries = 0;
  while (update.compare(at, 7, "trailer") != 0) {
    const auto eol = update.find('\n', at);
    REQUIRE(eol != std::string::npos);
    std::istringstream subsection(update.substr(at, eol - at));
    long long first = 0, count = 0;
    REQUIRE(subsection >> first >> count);
    at = eol + 1;
    for (long long i = 0; i < count; ++i, at += 20, ++entries) {
      const std::string entry = update.substr(at, 20);
      CHECK(entry.substr(10, 10) == " 00000 n \n");
      const std::string header = std::to_string(first + i) + " 0 obj\n";
      CHECK(finished.compare(std::stoull(entry.substr(0, 10)), header.size(), header) == 0);
    }
  }
  CHECK(entries == 2);
  CHECK(update.find("/Size " + std::to_string(size + 1) + "\n", at) != std::string::npos);
  CHECK(update.find("/Root " + std::to_string(root) + " 0 R\n", at) != std::string::npos);
  CHECK(update.find("/Info " + std::to_string(size) + " 0 R\n", at) != std::string::npos);
  CHECK(update.find("/Prev " + std::to_string(prev) + "\n", at) != std::string::npos);
  CHECK(last_value(finished, "startxref\n") == static_cast<long long>(original.size() + xref));
  CHECK(update.substr(update.size() - 6) == "%%EOF\n");
}

TEST_CASE("qpdf accepts the finished PDF and counts three pages", "[pdf]") {
  if (!has_tool("qpdf")) {
    WARN("qpdf is not installed: structural check skipped");
    return;
  }
  const TempDir dir;
  const std::string file = dir.write("finished.pdf", finish_pdf(three_page_pdf(), sample_finish()));
  const Run check = run(dir, "qpdf --check '" + file + "'");
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
  const Run pages = run(dir, "qpdf --show-npages '" + file + "'");
  CHECK(pages.output == "3\n");
}

TEST_CASE("pdfinfo reads the CJK title and the creation date", "[pdf]") {
  if (!has_tool("pdfinfo")) {
    WARN("pdfinfo is not installed: metadata check skipped");
    return;
  }
  const TempDir dir;
  const std::string file = dir.write("finished.pdf", finish_pdf(three_page_pdf(), sample_finish()));
  const Run info = run(dir, "TZ=UTC pdfinfo -isodates '" + file + "'");
  INFO(info.output);
  CHECK(info.exit_code == 0);
  CHECK(info.output.find("日本語のタイトル") != std::string::npos);
  CHECK(info.output.find("Ada Lovelace") != std::string::npos);
  CHECK(info.output.find("2023-11-14T22:13:20") != std::string::npos);
  CHECK(std::regex_search(info.output, std::regex("\nPages: +3\n")));
}

TEST_CASE("page labels reach qpdf and ranges are sorted with page 0 always covered", "[pdf]") {
  PdfFinish f;
  f.labels = {{2, PageLabelRange::Style::decimal, 5}, {1, PageLabelRange::Style::none, 1}};
  const std::string finished = finish_pdf(three_page_pdf(), f);
  CHECK(finished.find("/PageLabels << /Nums [ 0 << /S /D >> 1 << >> 2 << /S /D /St 5 >> ] >>") != std::string::npos);
  CHECK(finished.find("/Lang") == std::string::npos);  // no language given, none written
  // No front matter: both ranges start on page 0 and the later one wins.
  f.labels = {{0, PageLabelRange::Style::roman_lower, 1}, {0, PageLabelRange::Style::decimal, 1}};
  CHECK(finish_pdf(three_page_pdf(), f).find("/PageLabels << /Nums [ 0 << /S /D >> ] >>") != std::string::npos);
  f.labels = {{-1, PageLabelRange::Style::decimal, 1}};
  CHECK_THROWS_WITH(finish_pdf(three_page_pdf(), f), "internal error: bad page label range");
  if (!has_tool("qpdf")) {
    WARN("qpdf is not installed: page label check skipped");
    return;
  }
  const TempDir dir;
  const std::string file = dir.write("labels.pdf", finish_pdf(three_page_pdf(), sample_finish()));
  const Run json = run(dir, "qpdf --json --json-key=pagelabels '" + file + "'");
  INFO(json.output);
  CHECK(json.exit_code == 0);
  CHECK(json.output.find("\"pagelabels\"") != std::string::npos);
  CHECK(json.output.find("\"/S\": \"/r\"") != std::string::npos);
  CHECK(json.output.find("\"/S\": \"/D\"") != std::string::npos);
  CHECK(json.output.find("\"index\": 2") != std::string::npos);
}

TEST_CASE("text strings are literal for printable ASCII and UTF-16BE hex otherwise", "[pdf]") {
  PdfFinish f;
  f.title = "a (b) \\ c";
  f.subject = "caf\xC3\xA9 \xF0\x9F\x98\x80";  // é and an emoji outside the BMP
  f.keywords = "tab\there";
  const std::string finished = finish_pdf(three_page_pdf(), f);
  CHECK(finished.find("/Title (a \\(b\\) \\\\ c)") != std::string::npos);
  CHECK(finished.find("/Subject <FEFF00630061006600E90020D83DDE00>") != std::string::npos);
  CHECK(finished.find("/Keywords <FEFF00740061006200090068006500720065>") != std::string::npos);
  CHECK(finished.find("/CreationDate (D:") == std::string::npos);  // created = 0: no date at all
}

TEST_CASE("other catalog entries survive and viewer preferences are merged", "[pdf]") {
  const std::string catalog =
      "<< /Type /Catalog /Pages 2 0 R % a comment with >> in it\n"
      "   /MarkInfo << /Marked true >> /Lang (en) /PPNote (x \\) (y))\n"
      "   /ViewerPreferences << /HideToolbar true >> >>";
  const std::string id = "/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
  const std::string original = hand_made_pdf(catalog, "/Size 4 /Root 1 0 R " + id);
  PdfFinish f;
  f.lang = "zh-Hant";
  const std::string finished = finish_pdf(original, f);
  const std::string update = finished.substr(original.size());
  INFO(update);
  CHECK(update.find("/MarkInfo << /Marked true >>") != std::string::npos);
  CHECK(update.find("/PPNote (x \\) (y))") != std::string::npos);
  CHECK(update.find("/Lang (zh-Hant)") != std::string::npos);
  CHECK(update.find("(en)") == std::string::npos);
  CHECK(update.find("/ViewerPreferences << /HideToolbar true /DisplayDocTitle true >>") != std::string::npos);
  CHECK(update.find("/Info 4 0 R") != std::string::npos);
  CHECK(update.find(id) != std::string::npos);  // the file identifier stays the same
  if (has_tool("qpdf")) {
    const TempDir dir;
    const Run check = run(dir, "qpdf --check '" + dir.write("hand.pdf", finished) + "'");
    INFO(check.output);
    CHECK(check.exit_code == 0);
  }
}

TEST_CASE("finishing a finished PDF chains the updates through /Prev", "[pdf]") {
  const std::string once = finish_pdf(three_page_pdf(), sample_finish());
  PdfFinish f = sample_finish();
  f.title = "Second";
  const std::string twice = finish_pdf(once, f);
  CHECK(twice.find("/Prev " + std::to_string(last_value(once, "startxref\n"))) != std::string::npos);
  CHECK(last_value(twice, "/Info ") == last_value(once, "/Size "));
  if (has_tool("qpdf")) {
    const TempDir dir;
    const std::string file = dir.write("twice.pdf", twice);
    const Run check = run(dir, "qpdf --check '" + file + "'");
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(run(dir, "qpdf --show-npages '" + file + "'").output == "3\n");
  }
}

TEST_CASE("input that is not a PDF with a classic cross-reference table is an internal error", "[pdf]") {
  using Catch::Matchers::StartsWith;
  const PdfFinish f;
  CHECK_THROWS_WITH(finish_pdf("hello", f), StartsWith("internal error: "));
  CHECK_THROWS_WITH(finish_pdf("%PDF-1.5\n1 0 obj\n<< >>\nendobj\n", f), StartsWith("internal error: "));
  CHECK_THROWS_WITH(finish_pdf("%PDF-1.5\nstartxref\n5\n%%EOF\n", f), StartsWith("internal error: "));
  CHECK_THROWS_WITH(finish_pdf("%PDF-1.5\nstartxref\n999\n%%EOF\n", f), StartsWith("internal error: "));
  const std::string catalog = "<< /Type /Catalog /Pages 2 0 R >>";
  CHECK_THROWS_WITH(finish_pdf(hand_made_pdf(catalog, "/Size 4"), f), StartsWith("internal error: no /Root"));
  CHECK_THROWS_WITH(finish_pdf(hand_made_pdf(catalog, "/Size 10 /Root 9 0 R"), f),
                    StartsWith("internal error: the /Root object 9"));
  // A cross-reference stream (cairo 1.17.6 and later) is not what this code was written for.
  std::string stream_xref = hand_made_pdf(catalog, "/Size 4 /Root 1 0 R");
  const auto startxref = stream_xref.rfind("startxref\n");
  stream_xref = stream_xref.substr(0, startxref) + "startxref\n9\n%%EOF\n";  // object 1's header
  CHECK_THROWS_WITH(finish_pdf(stream_xref, f), StartsWith("internal error: no classic cross-reference table"));
  CHECK_THROWS_AS(finish_pdf("hello", f), std::runtime_error);
  // The hand-made PDF itself is fine, so the failures above are the ones named.
  CHECK_NOTHROW(finish_pdf(hand_made_pdf(catalog, "/Size 4 /Root 1 0 R"), f));
}

TEST_CASE("finish_pdf writes link annotations to places in the document and to URLs", "[pdf]") {
  PdfFinish f = sample_finish();
  f.page_height = 842;
  f.links.push_back({0, 72, 100, 200, 14, 2, 300, {}});                       // page 1 -> page 3
  f.links.push_back({0, 72, 120, 100, 14, 0, 0, "https://example.com/a b"});  // page 1 -> a URL
  f.links.push_back({1, 72, 100, 50, 14, 9, 0, {}});                          // a target past the end: dropped
  const std::string pdf = finish_pdf(three_page_pdf(), f);
  const std::string update = pdf.substr(pdf.rfind("%%EOF", pdf.size() - 7));
  CHECK(update.find("/Subtype /Link") != std::string::npos);
  CHECK(update.find("/URI (https://example.com/a%20b)") != std::string::npos);
  // Top-left page coordinates become PDF's bottom-left ones: y 100..114 on an 842 pt page.
  CHECK(update.find("/Rect [72.00 728.00 272.00 742.00]") != std::string::npos);
  CHECK(update.find("/XYZ null 542.00 null") != std::string::npos);
  std::size_t links = 0;
  for (std::size_t at = pdf.find("/Subtype /Link"); at != std::string::npos; at = pdf.find("/Subtype /Link", at + 1)) ++links;
  CHECK(links == 2);
  if (!has_tool("qpdf")) {
    WARN("qpdf is not installed: structural check skipped");
    return;
  }
  const TempDir dir;
  const std::string file = dir.write("links.pdf", pdf);
  const Run check = run(dir, "qpdf --check '" + file + "'");
  INFO(check.output);
  CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.output.find("WARNING") == std::string::npos);
  // qpdf reads the update's objects as the current ones: both annotations, and a page that lists them.
  const Run json = run(dir, "qpdf --json=1 --json-key=objects '" + file + "'");
  std::size_t seen = 0;
  for (std::size_t at = json.output.find("\"/Subtype\": \"/Link\""); at != std::string::npos;
       at = json.output.find("\"/Subtype\": \"/Link\"", at + 1))
    ++seen;
  CHECK(seen == 2);
  CHECK(json.output.find("\"/Annots\"") != std::string::npos);
}

TEST_CASE("finish_pdf reorders pages, and the outline follows its page", "[pdf]") {
  PdfFinish f = sample_finish();
  f.page_order = {2, 0, 1};  // what cairo drew last comes first, as the typesetter's front matter does
  const std::string original = three_page_pdf();
  std::smatch kids;
  REQUIRE(std::regex_search(original, kids, std::regex(R"(/Kids \[ *(\d+ 0 R) (\d+ 0 R) (\d+ 0 R) *\])")));
  const std::string finished = finish_pdf(original, f);
  CHECK(finished.find("/Kids [ " + kids[3].str() + ' ' + kids[1].str() + ' ' + kids[2].str() + " ]", original.size()) !=
        std::string::npos);
  if (!has_tool("qpdf")) return;
  TempDir dir;
  const std::string path = dir.write("reordered.pdf", finished);
  CHECK(run(dir, "qpdf --check '" + path + "'").exit_code == 0);
  // cairo's page 2 carries the outline entry; it is now the third page.
  const Run outline = run(dir, "qpdf --json --json-key=outlines '" + path + "'");
  CHECK(outline.output.find("\"destpageposfrom1\": 3") != std::string::npos);

  for (const std::vector<int>& bad : {std::vector<int>{0, 1}, {0, 1, 1}, {0, 1, 3}}) {
    f.page_order = bad;
    CHECK_THROWS_WITH(finish_pdf(three_page_pdf(), f), Catch::Contains("internal error: the page order"));
  }
}

TEST_CASE("image placeholders are found by their markers, and only an image whose stream is the placeholder is taken",
          "[pdf]") {
  PdfFinish finish;
  finish.image_streams.push_back(image_stream("postpress-png-0123", {{"/Filter", "/FlateDecode"}}, "DATA"));
  // No marker in the file: the image was never drawn, and nothing is written for it.
  const std::string plain = finish_pdf(three_page_pdf(), finish);
  CHECK(plain.find("DATA") == std::string::npos);
  // The marker is a file's hash, which anyone can write: in something that is not an image (a heading's
  // outline title, say), it is left alone.
  const std::string odd = hand_made_pdf("<< /Type /Catalog /Pages 2 0 R /Note (postpress-png-0123) >>", "/Size 4 /Root 1 0 R");
  std::string finished;
  CHECK_NOTHROW(finished = finish_pdf(odd, finish));
  CHECK(finished.find("DATA") == std::string::npos);
  // So it is in an image's dictionary, and in an image whose stream only contains it (an author's JPEG
  // carrying it in a comment): the picture is not the placeholder.
  const std::string in_dictionary = hand_made_pdf(
      "<< /Type /Catalog /Pages 2 0 R >>", "/Size 5 /Root 1 0 R",
      {"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Note (postpress-png-0123) /Length 4 >>\nstream\nJPEG\nendstream"});
  CHECK_NOTHROW(finished = finish_pdf(in_dictionary, finish));
  CHECK(finished.find("DATA") == std::string::npos);
  const std::string in_a_jpeg = hand_made_pdf(
      "<< /Type /Catalog /Pages 2 0 R >>", "/Size 5 /Root 1 0 R",
      {"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length 32 >>\nstream\nJPEG postpress-png-0123 END MORE\nendstream"});
  CHECK_NOTHROW(finished = finish_pdf(in_a_jpeg, finish));
  CHECK(finished.find("DATA") == std::string::npos);
  // The placeholder itself is written again with the image's data.
  const std::string placeholder = hand_made_pdf(
      "<< /Type /Catalog /Pages 2 0 R >>", "/Size 5 /Root 1 0 R",
      {"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /DCTDecode /Length 27 >>\nstream\n"
       "JPEG postpress-png-0123 END\nendstream"});
  CHECK_NOTHROW(finished = finish_pdf(placeholder, finish));
  CHECK(finished.find("/Filter /FlateDecode") != std::string::npos);
  CHECK(finished.find("stream\nDATA\nendstream") != std::string::npos);
}

TEST_CASE("text that only starts like a placeholder marker is left alone", "[pdf]") {
  PdfFinish finish;
  finish.image_streams.push_back(image_stream("postpress-png-0123", {{"/Filter", "/FlateDecode"}}, "DATA"));
  // A heading about postpress could put such words into an outline title.
  const std::string pdf = hand_made_pdf("<< /Type /Catalog /Pages 2 0 R /Note (postpress-png-01234 postpress-png-) >>",
                                        "/Size 4 /Root 1 0 R");
  std::string finished;
  CHECK_NOTHROW(finished = finish_pdf(pdf, finish));
  CHECK(finished.find("DATA") == std::string::npos);
  pp::pdf::PdfFinish unprefixed;
  unprefixed.image_streams.push_back(image_stream("some-other-marker", {}, "DATA"));
  CHECK_THROWS_WITH(finish_pdf(pdf, unprefixed), Catch::Contains("without the placeholder prefix"));
}
