// In-process Mermaid timing: each fixture parsed, laid out and rendered to a 2x PNG many times, fonts
// already loaded. Prints the median per diagram, and the median over the ~20-node flowcharts.
// usage: pp_mermaid_bench FIXTURE_DIR [RUNS]
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
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".mmd") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  // Warm up: the first layout loads fonts and fontconfig's cache.
  pp::figure::mermaid::prepare_diagram("graph TD\nA-->B\n", "en");
  std::vector<double> bench_sized;
  std::printf("%-36s %6s %10s %10s\n", "fixture", "nodes", "median ms", "png bytes");
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str(), name = path.filename().string(), lang = lang_of(name);
    auto probe = pp::figure::mermaid::prepare_diagram(source, lang);
    if (!probe.diagram) continue;
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto result = pp::figure::mermaid::prepare_diagram(source, lang);
      pp::figure::ImageRequest request;
      request.format = pp::figure::ImageFormat::png;
      const auto& d = *result.diagram;
      bytes = pp::figure::render_image(d.width(), d.height(), request, [&](cairo_t* cr) { d.draw(cr); }).size();
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    // Node count for flowcharts: the ids that open a line or follow an arrow are enough to classify size.
    const auto parsed = pp::figure::mermaid::parse_diagram(source);
    std::size_t nodes = 0;
    if (const auto* c = std::get_if<pp::figure::mermaid::Flowchart>(&parsed.diagram)) nodes = c->nodes.size();
    if (nodes >= 18 && nodes <= 24) bench_sized.push_back(median(times));
    std::printf("%-36s %6zu %10.2f %10zu\n", name.c_str(), nodes, median(times), bytes);
  }
  std::printf("\nmedian over %zu flowcharts of 18-24 nodes: %.2f ms per diagram to PNG (target < 5 ms)\n",
              bench_sized.size(), median(bench_sized));
  return 0;
}
