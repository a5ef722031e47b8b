// In-process Mermaid timing: each fixture parsed, laid out and rendered to a 2x PNG many times, fonts
// already loaded. Prints the median per diagram, and the median over the ~20-node flowcharts.
// usage: pp_mermaid_bench FIXTURE_DIR [RUNS] [--png-only]   (--png-only: skip SVG and the two-thread PNG, for profiling the one-thread PNG path)
#include "figure/image_output.hpp"
#include "figure/mermaid/render.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string lang_of(const std::string& name) {
  if (name.ends_with("-zh.mmd")) return "zh-Hans";
  if (name.ends_with("-ja.mmd")) return "ja";
  if (name.ends_with("-ko.mmd")) return "ko";
  return "en";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FIXTURE_DIR [RUNS]\n", argv[0]);
    return 2;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 30;
  const bool png_only = argc > 3 && std::string(argv[3]) == "--png-only";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".mmd") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  // Warm up: the first layout loads fonts and fontconfig's cache.
  pp::figure::mermaid::prepare_diagram("graph TD\nA-->B\n", "en");
  std::vector<double> bench_sized, bench_prepare, bench_svg, bench_two_threads;
  std::printf("%-36s %6s %10s %10s %10s %12s %10s\n", "fixture", "nodes", "layout ms", "svg ms", "png 2x ms", "2 threads ms",
              "png bytes");
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str(), name = path.filename().string(), lang = lang_of(name);
    auto probe = pp::figure::mermaid::prepare_diagram(source, lang);
    if (!probe.diagram) continue;
    std::vector<double> times, prepare_times, svg_times, two_thread_times;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto result = pp::figure::mermaid::prepare_diagram(source, lang);
      const auto prepared = std::chrono::steady_clock::now();
      pp::figure::ImageRequest request;
      request.format = pp::figure::ImageFormat::png;
      const auto& d = *result.diagram;
      const std::string one_thread = d.render(request);
      bytes = one_thread.size();
      const auto png_done = std::chrono::steady_clock::now();
      request.format = pp::figure::ImageFormat::svg;
      if (!png_only) d.render(request);
      const auto svg_done = std::chrono::steady_clock::now();
      request.format = pp::figure::ImageFormat::png;
      request.encode_on_second_thread = true;  // as `postpress mermaid` renders one figure
      std::string two_threads;
      if (!png_only) two_threads = d.render(request);
      const auto two_threads_done = std::chrono::steady_clock::now();
      if (!png_only && two_threads != one_thread) {
        std::fprintf(stderr, "%s: the two-thread PNG differs from the one-thread PNG\n", name.c_str());
        return 1;
      }
      auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
      two_thread_times.push_back(ms(start, prepared) + ms(svg_done, two_threads_done));
      times.push_back(ms(start, png_done));
      prepare_times.push_back(ms(start, prepared));
      svg_times.push_back(ms(start, prepared) + ms(png_done, svg_done));
    }
    // Node count for flowcharts: the ids that open a line or follow an arrow are enough to classify size.
    const auto parsed = pp::figure::mermaid::parse_diagram(source);
    std::size_t nodes = 0;
    if (const auto* c = std::get_if<pp::figure::mermaid::Flowchart>(&parsed.diagram)) nodes = c->nodes.size();
    if (nodes >= 18 && nodes <= 24) {
      bench_sized.push_back(median(times));
      bench_prepare.push_back(median(prepare_times));
      bench_svg.push_back(median(svg_times));
      bench_two_threads.push_back(median(two_thread_times));
    }
    // With --png-only the SVG and two-thread renders are skipped: their columns would show layout time alone.
    const auto column = [png_only](double ms, int width) {
      char cell[32];
      if (png_only) std::snprintf(cell, sizeof cell, "%*s", width, "-");
      else std::snprintf(cell, sizeof cell, "%*.2f", width, ms);
      return std::string(cell);
    };
    std::printf("%-36s %6zu %10.2f %s %10.2f %s %10zu\n", name.c_str(), nodes, median(prepare_times),
                column(median(svg_times), 10).c_str(), median(times), column(median(two_thread_times), 12).c_str(), bytes);
  }
  std::printf("\nmedians over %zu flowcharts of 18-24 nodes: parse + layout %.2f ms, to 2x PNG %.2f ms",
              bench_sized.size(), median(bench_prepare), median(bench_sized));
  if (!png_only)
    std::printf(", to SVG %.2f ms, 2x PNG with encoding on a second thread %.2f ms", median(bench_svg),
                median(bench_two_threads));
  std::printf(" (target < 5 ms to PNG)\n");
  return 0;
}
