// Resource resolution: canonical paths compared against canonical roots, so "..", symlinks and
// absolute paths cannot reach outside what the user allowed.
#include "base/resource_path.hpp"

#include "base/ascii.hpp"

#include <array>

namespace pp::base {

namespace fs = std::filesystem;

namespace {

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      const char c = static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      if (c == '\0') return {};  // a NUL can only be an attack
      out += c;
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_within(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

fs::path find_project_root(const fs::path& post_path) {
  std::error_code ec;
  const fs::path post_dir = fs::weakly_canonical(fs::absolute(post_path, ec), ec).parent_path();
  static constexpr std::array<const char*, 8> markers = {".git", "package.json", "astro.config.mjs", "astro.config.ts",
                                                         "astro.config.js", "astro.config.mts", "book.yaml", "postpress.yaml"};
  for (fs::path dir = post_dir; !dir.empty(); dir = dir.parent_path()) {
    for (const char* m : markers)
      if (fs::exists(dir / m, ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  const fs::path cwd = fs::weakly_canonical(fs::current_path(ec), ec);
  if (!ec && is_within(post_dir, cwd)) return cwd;
  return post_dir;
}

ResolvedResource resolve_resource(std::string_view ref, const fs::path& post_path, const std::vector<fs::path>& roots) {
  ResolvedResource r;
  const auto colon = ref.find(':');
  const auto slash = ref.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash) && colon > 1) {
    r.problem = ResourceProblem::remote;
    r.why = "only local files can go into a book";
    return r;
  }
  const auto query = ref.find_first_of("?#");
  const std::string decoded = percent_decode(ref.substr(0, query));
  if (decoded.empty()) {
    r.problem = ResourceProblem::missing;
    r.why = "empty path";
    return r;
  }
  std::error_code ec;
  std::vector<fs::path> candidates;
  if (decoded.front() == '/') {
    // Site-absolute, as Astro and other static site generators mean it: public/ first, then the root.
    const std::string rel = decoded.substr(decoded.find_first_not_of('/'));
    for (const auto& root : roots) {
      candidates.push_back(root / "public" / rel);
      candidates.push_back(root / rel);
    }
  } else {
    candidates.push_back(fs::absolute(post_path, ec).parent_path() / decoded);
  }
  bool escaped = false;
  std::string unresolvable;  // why a candidate could not be resolved (a symlink loop, say)
  for (const auto& candidate : candidates) {
    const fs::path canonical = fs::weakly_canonical(candidate, ec);
    if (ec) {
      unresolvable = ec.message();
      continue;
    }
    bool inside = false;
    for (const auto& root : roots) inside = inside || is_within(canonical, fs::weakly_canonical(root, ec));
    if (!inside) {
      escaped = true;
      continue;
    }
    if (fs::is_regular_file(canonical, ec)) {
      r.path = canonical;
      return r;
    }
  }
  r.problem = escaped ? ResourceProblem::escapes_root : ResourceProblem::missing;
  if (escaped) r.why = "the path leaves the project folder";
  else if (!unresolvable.empty()) r.why = "cannot resolve the path: " + base::ascii_lower(unresolvable);
  else if (decoded.front() == '/') r.why = "no such file in the project's public/ folder or root (paths starting with / are site paths)";
  else r.why = "no such file";
  return r;
}

}  // namespace pp::base
