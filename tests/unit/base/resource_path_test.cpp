// base/resource_path: image references resolve inside the project and nowhere else, symlinks included.
#include "base/resource_path.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using pp::base::ResourceProblem;
using pp::base::resolve_resource;

namespace {

// A fresh folder under the system temp dir, removed again when the test ends.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() / ("pp-unit-resource-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(ticks) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void touch(const fs::path& p, const std::string& content = "x") {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("resolve_resource finds an image next to the post", "[resource]") {
  TempDir tmp;
  const fs::path root = tmp.path() / "site";
  const fs::path post = root / "blog" / "post.md";
  touch(post);
  touch(root / "blog" / "img" / "a.png");
  touch(root / "blog" / "my image.png");

  auto r = resolve_resource("img/a.png", post, {root});
  CHECK(r.problem == ResourceProblem::none);
  CHECK(r.path == root / "blog" / "img" / "a.png");

  r = resolve_resource("./img/a.png", post, {root});
  CHECK(r.problem == ResourceProblem::none);
  CHECK(r.path == root / "blog" / "img" / "a.png");

  SECTION("percent-escapes are decoded, queries and fragments ignored") {
    r = resolve_resource("my%20image.png", post, {root});
    CHECK(r.problem == ResourceProblem::none);
    CHECK(r.path == root / "blog" / "my image.png");
    r = resolve_resource("img/a.png?v=2#frag", post, {root});
    CHECK(r.problem == ResourceProblem::none);
    CHECK(r.path == root / "blog" / "img" / "a.png");
  }
  SECTION("going up but staying inside the root is fine") {
    touch(root / "assets" / "b.png");
    r = resolve_resource("../assets/b.png", post, {root});
    CHECK(r.problem == ResourceProblem::none);
    CHECK(r.path == root / "assets" / "b.png");
  }
}

TEST_CASE("resolve_resource refuses paths that leave the root", "[resource]") {
  TempDir tmp;
  const fs::path root = tmp.path() / "site";
  const fs::path post = root / "blog" / "post.md";
  touch(post);
  touch(tmp.path() / "secret.png");

  auto r = resolve_resource("../../../../etc/passwd", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);
  CHECK(r.path.empty());

  r = resolve_resource("../../secret.png", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);

  r = resolve_resource("%2e%2e/%2e%2e/secret.png", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);

  r = resolve_resource("/../secret.png", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);
}

TEST_CASE("resolve_resource refuses a symlink inside the root that points outside", "[resource]") {
  TempDir tmp;
  const fs::path root = tmp.path() / "site";
  const fs::path post = root / "post.md";
  touch(post);
  touch(tmp.path() / "outside" / "secret.png");
  fs::create_symlink(tmp.path() / "outside" / "secret.png", root / "link.png");
  fs::create_directory_symlink(tmp.path() / "outside", root / "linkdir");

  auto r = resolve_resource("link.png", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);
  CHECK(r.path.empty());
  r = resolve_resource("linkdir/secret.png", post, {root});
  CHECK(r.problem == ResourceProblem::escapes_root);

  SECTION("a symlink that stays inside the root is followed") {
    touch(root / "real" / "pic.png");
    fs::create_symlink(root / "real" / "pic.png", root / "inside.png");
    r = resolve_resource("inside.png", post, {root});
    CHECK(r.problem == ResourceProblem::none);
    CHECK(r.path == root / "real" / "pic.png");
  }
}

TEST_CASE("resolve_resource reads site-absolute paths from public/ first, then the root", "[resource]") {
  TempDir tmp;
  const fs::path root = tmp.path() / "site";
  const fs::path post = root / "src" / "content" / "blog" / "post.md";
  touch(post);
  touch(root / "public" / "x.png");
  touch(root / "x.png");
  touch(root / "only-root.png");

  auto r = resolve_resource("/x.png", post, {root});
  CHECK(r.problem == ResourceProblem::none);
  CHECK(r.path == root / "public" / "x.png");

  r = resolve_resource("/only-root.png", post, {root});
  CHECK(r.problem == ResourceProblem::none);
  CHECK(r.path == root / "only-root.png");

  SECTION("a second root is searched too") {
    const fs::path other = tmp.path() / "shared";
    touch(other / "public" / "y.png");
    r = resolve_resource("/y.png", post, {root, other});
    CHECK(r.problem == ResourceProblem::none);
    CHECK(r.path == other / "public" / "y.png");
  }
}

TEST_CASE("resolve_resource calls URLs remote and absent files missing", "[resource]") {
  TempDir tmp;
  const fs::path root = tmp.path();
  const fs::path post = root / "post.md";
  touch(post);

  for (const char* remote : {"https://example.com/a.png", "http://example.com/a.png", "data:image/png;base64,AAAA",
                             "mailto:x@example.com"}) {
    INFO(remote);
    const auto r = resolve_resource(remote, post, {root});
    CHECK(r.problem == ResourceProblem::remote);
    CHECK(r.path.empty());
  }

  auto r = resolve_resource("nope.png", post, {root});
  CHECK(r.problem == ResourceProblem::missing);
  CHECK(r.why == "no such file");

  r = resolve_resource("", post, {root});
  CHECK(r.problem == ResourceProblem::missing);

  fs::create_directory(root / "dir.png");
  r = resolve_resource("dir.png", post, {root});
  CHECK(r.problem == ResourceProblem::missing);
}

TEST_CASE("find_project_root stops at the nearest folder with a project marker", "[resource]") {
  TempDir tmp;
  const fs::path site = tmp.path() / "site";
  touch(site / "package.json", "{}");
  touch(site / "src" / "content" / "blog" / "post.md");
  CHECK(pp::base::find_project_root(site / "src" / "content" / "blog" / "post.md") == site);

  touch(site / "src" / "content" / "book.yaml", "title: x");
  CHECK(pp::base::find_project_root(site / "src" / "content" / "blog" / "post.md") == site / "src" / "content");
}
