// Loading posts in parallel and deciding the book's metadata.
#include "build/book_job.hpp"

#include "base/parallel.hpp"
#include "base/resource_path.hpp"
#include "model/lang.hpp"
#include "parse/post.hpp"

#include <algorithm>
#include <set>

namespace pp::build {

std::vector<model::Document> load_posts(const BookRequest& request, base::DiagnosticSink& sink) {
  const std::size_t n = request.inputs.size();
  std::vector<std::optional<model::Document>> docs(n);
  std::vector<base::DiagnosticSink> sinks(n);
  parse::PostOptions options;
  if (!request.lang.empty()) options.fallback_lang = request.lang;
  options.limits = request.limits;
  base::parallel_for(n, request.jobs, [&](std::size_t i) {
    try {
      docs[i] = parse::load_post(request.inputs[i], request.inputs[i], options, sinks[i]);
    } catch (const base::FatalError& e) {
      sinks[i].report(e.diagnostic());
    } catch (const std::exception& e) {
      sinks[i].error(request.inputs[i], {}, std::string("internal error: ") + e.what());
    }
  });
  std::vector<model::Document> out;
  for (std::size_t i = 0; i < n; ++i) {
    sink.append(sinks[i]);  // in input order, whatever the threads did
    if (docs[i]) out.push_back(std::move(*docs[i]));
  }
  return out;
}

model::Book assemble_book(std::vector<model::Document> posts, const BookRequest& request) {
  model::Book book;
  if (request.order == ChapterOrder::date) {
    // Oldest first, as a book reads; undated posts keep their order at the end.
    std::stable_sort(posts.begin(), posts.end(), [](const model::Document& a, const model::Document& b) {
      if (!a.meta.pub_date || !b.meta.pub_date) return a.meta.pub_date.has_value() && !b.meta.pub_date;
      return a.meta.pub_date->epoch_seconds() < b.meta.pub_date->epoch_seconds();
    });
  }
  const bool single = posts.size() == 1;
  if (!request.title.empty()) book.title = request.title;
  else if (single) book.title = posts[0].meta.title;
  else
    base::fail("", {}, "a book of " + std::to_string(posts.size()) + " posts needs a title",
               {"give one with --title \"...\""});

  if (!request.author.empty()) {
    book.author = request.author;
  } else {
    std::vector<std::string> authors;
    for (const auto& p : posts)
      if (!p.meta.author.empty() && std::find(authors.begin(), authors.end(), p.meta.author) == authors.end())
        authors.push_back(p.meta.author);
    for (const auto& a : authors) book.author += (book.author.empty() ? "" : ", ") + a;
  }
  const auto lang = request.lang.empty() ? std::nullopt : model::normalize_lang(request.lang);
  book.lang = lang ? *lang : (posts.empty() ? "en" : posts[0].meta.lang);
  if (single) book.description = posts[0].meta.description;

  std::optional<std::int64_t> newest;
  for (const auto& p : posts) {
    if (p.meta.pub_date && (!book.date || p.meta.pub_date->epoch_seconds() > book.date->epoch_seconds()))
      book.date = p.meta.pub_date;
    if (auto d = model::newest_date(p.meta); d && (!newest || *d > *newest)) newest = d;
  }
  // Reproducible: never the clock. SOURCE_DATE_EPOCH wins, then the newest date any post gives.
  book.modified = request.source_date_epoch ? *request.source_date_epoch : newest.value_or(0);

  std::set<std::filesystem::path> roots;
  for (const auto& p : posts) roots.insert(base::find_project_root(p.source_path));
  for (const auto& r : request.resource_paths) {
    std::error_code ec;
    roots.insert(std::filesystem::weakly_canonical(std::filesystem::absolute(r, ec), ec));
  }
  book.resource_roots.assign(roots.begin(), roots.end());
  book.base_url = request.base_url;
  book.chapters = std::move(posts);
  return book;
}

}  // namespace pp::build
