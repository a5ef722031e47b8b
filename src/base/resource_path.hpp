// Where a post's image reference points on disk, and whether the post may read it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pp::base {

enum class ResourceProblem { none, remote, escapes_root, missing };

struct ResolvedResource {
  std::filesystem::path path;  // canonical, when problem is none
  ResourceProblem problem = ResourceProblem::none;
  std::string why;             // for diagnostics
};

// The project a post belongs to: the nearest folder above it holding .git, package.json, astro.config.*,
// book.yaml or postpress.yaml; else the current folder when the post lies below it; else the post's folder.
std::filesystem::path find_project_root(const std::filesystem::path& post_path);

// Resolves `ref` (as written in the post: relative to the post, or "/x" meaning <root>/public/x or
// <root>/x, percent-escapes decoded) and refuses anything that leaves every allowed root, symlinks included.
ResolvedResource resolve_resource(std::string_view ref, const std::filesystem::path& post_path,
                                  const std::vector<std::filesystem::path>& roots);

}  // namespace pp::base
