// yaml-cpp stays inside this file: the rest of the pipeline sees only model::Metadata.
#include "parse/front_matter.hpp"

#include "base/url_policy.hpp"

#include "parse/date.hpp"

#include <yaml-cpp/yaml.h>

namespace pp::parse {

namespace {

// A YAML alias may point at a node that holds more aliases ("billion laughs"): walking the tree
// expands them, so anything we walk is first counted against this budget.
constexpr int max_yaml_nodes_walked = 20000;

int count_nodes(const YAML::Node& node, int budget) {
  int count = 1;
  if (node.IsSequence() || node.IsMap()) {
    for (const auto& item : node) {
      const YAML::Node& child = node.IsMap() ? item.second : item;
      count += count_nodes(child, budget - count);
      if (count > budget) return count;
    }
  }
  return count;
}

class FieldReader {
 public:
  FieldReader(const std::string& name, int first_line, base::DiagnosticSink& sink)
      : name_(name), first_line_(first_line), sink_(sink) {}

  base::SourcePos pos(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.line < 0) return {};
    return {first_line_ + m.line, m.column + 1};
  }

  void warn(const YAML::Node& node, std::string message) const { sink_.warning(name_, pos(node), std::move(message)); }

  std::optional<std::string> scalar(const YAML::Node& node, const std::string& field) const {
    if (node.IsNull()) return std::string{};
    if (!node.IsScalar()) {
      warn(node, "front matter field '" + field + "' should be text; ignored");
      return std::nullopt;
    }
    return node.Scalar();
  }

  std::optional<model::Date> date(const YAML::Node& node, const std::string& field) const {
    auto text = scalar(node, field);
    if (!text || text->empty()) return std::nullopt;
    auto d = parse_date(*text);
    if (!d)
      sink_.warning(name_, pos(node), "'" + *text + "' in '" + field + "' is not a date; ignored",
                    {"write dates as 2026-03-14, 2026-03-14T09:30:00+09:00 or 'Mar 14 2026'"});
    return d;
  }

  std::vector<std::string> string_list(const YAML::Node& node, const std::string& field) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());  // `tags: rust` is a one-tag list, as a user means it
    } else if (node.IsSequence()) {
      for (const auto& item : node)
        if (auto s = scalar(item, field); s && !s->empty()) out.push_back(*s);
    } else if (!node.IsNull()) {
      warn(node, "front matter field '" + field + "' should be a list; ignored");
    }
    return out;
  }

  std::vector<model::RelatedPost> related(const YAML::Node& node) const {
    std::vector<model::RelatedPost> out;
    if (!node.IsSequence()) {
      if (!node.IsNull()) warn(node, "'relatedPosts' should be a list of {slug, score, reason}; ignored");
      return out;
    }
    for (const auto& item : node) {
      model::RelatedPost post;
      if (item.IsScalar()) {
        post.slug = item.Scalar();
      } else if (item.IsMap() && item["slug"] && item["slug"].IsScalar()) {
        post.slug = item["slug"].Scalar();
        if (const auto score = item["score"]; score && score.IsScalar()) {
          try {
            post.score = score.as<double>();
          } catch (const YAML::Exception&) {
            warn(score, "relatedPosts score '" + score.Scalar() + "' is not a number; ignored");
          }
        }
        if (const auto reason = item["reason"]; reason) {
          if (reason.IsScalar()) {
            post.reason[""] = reason.Scalar();
          } else if (reason.IsMap()) {
            for (const auto& kv : reason)
              if (kv.first.IsScalar() && kv.second.IsScalar()) post.reason[kv.first.Scalar()] = kv.second.Scalar();
          }
        }
      } else {
        warn(item, "relatedPosts entry without a 'slug'; ignored");
        continue;
      }
      out.push_back(std::move(post));
    }
    return out;
  }

  std::string as_yaml_text(const YAML::Node& node) const {
    if (node.IsScalar()) return node.Scalar();
    if (count_nodes(node, max_yaml_nodes_walked) > max_yaml_nodes_walked) {
      warn(node, "front matter value is too large to keep (over " + std::to_string(max_yaml_nodes_walked) +
                     " nodes once aliases are expanded); dropped");
      return {};
    }
    YAML::Emitter emitter;
    emitter.SetMapFormat(YAML::Flow);
    emitter.SetSeqFormat(YAML::Flow);
    emitter << node;
    return emitter.c_str();
  }

 private:
  const std::string& name_;
  int first_line_;
  base::DiagnosticSink& sink_;
};

// The name the rest of the program knows a field by: Astro blogs also write `language` and `date`.
std::string canonical_field(const std::string& key) {
  if (key == "language") return "lang";
  if (key == "date") return "pubDate";
  return key;
}

// `field` is the canonical name; `key` the name as written, for messages and for fields kept as extra.
void read_field(const FieldReader& r, const std::string& field, const std::string& key, const YAML::Node& value,
                model::Metadata& meta) {
  if (field == "title") {
    if (auto s = r.scalar(value, key)) meta.title = *s;
  } else if (field == "description") {
    if (auto s = r.scalar(value, key)) meta.description = *s;
  } else if (field == "author") {
    if (value.IsSequence()) {
      // Several authors read as one credit line.
      for (const auto& a : r.string_list(value, key)) meta.author += (meta.author.empty() ? "" : ", ") + a;
    } else if (auto s = r.scalar(value, key)) {
      meta.author = *s;
    }
  } else if (field == "lang") {
    if (auto s = r.scalar(value, key)) meta.lang = *s;  // normalised by the caller, which knows the fallbacks
  } else if (field == "pubDate") {
    meta.pub_date = r.date(value, key);
  } else if (field == "updatedDate") {
    meta.updated_date = r.date(value, key);
  } else if (field == "heroImage") {
    // The same URL policy as images in the body, so a script URL is named as one in every output.
    if (auto s = r.scalar(value, key)) {
      const base::UrlVerdict v = base::check_url(*s);
      if (v.allowed || v.scheme.empty()) meta.hero_image = v.url;
      else r.warn(value, "hero image from a '" + v.scheme + ":' URL removed");
    }
  } else if (field == "tags") {
    meta.tags = r.string_list(value, key);
  } else if (field == "draft") {
    try {
      meta.draft = value.as<bool>();
    } catch (const YAML::Exception&) {
      r.warn(value, "'draft' should be true or false; ignored");
    }
  } else if (field == "relatedPosts") {
    meta.related = r.related(value);
  } else {
    meta.extra[key] = r.as_yaml_text(value);
  }
}

}  // namespace

model::Metadata parse_front_matter(const std::string& name, const SourceText& src, base::DiagnosticSink& sink) {
  model::Metadata meta;
  if (src.front_matter.empty()) return meta;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(src.front_matter));
  } catch (const YAML::ParserException& e) {
    base::fail(name, {src.front_matter_line + e.mark.line, e.mark.column + 1}, "invalid YAML in front matter: " + e.msg);
  } catch (const YAML::Exception& e) {
    base::fail(name, {src.front_matter_line, 1}, std::string("invalid YAML in front matter: ") + e.what());
  }
  if (root.IsNull()) return meta;
  FieldReader reader(name, src.front_matter_line, sink);
  if (!root.IsMap())
    base::fail(name, reader.pos(root), "front matter must be a mapping of fields (title: ..., pubDate: ...)");
  try {
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) {
        reader.warn(kv.first, "front matter key is not text; ignored");
        continue;
      }
      const std::string key = kv.first.Scalar();
      const std::string canonical = canonical_field(key);
      // YAML forbids duplicate keys (Astro's parser stops the build) but yaml-cpp keeps both: say so, and
      // keep the first, as a lookup by key would.
      if (auto seen = meta.field_pos.find(canonical); seen != meta.field_pos.end()) {
        reader.warn(kv.first, "field '" + key + "' is given twice (first at line " + std::to_string(seen->second.line) +
                                  "); this one is ignored");
        continue;
      }
      meta.field_pos[canonical] = reader.pos(kv.first);
      read_field(reader, canonical, key, kv.second, meta);
    }
  } catch (const YAML::Exception& e) {
    base::fail(name, {src.front_matter_line, 1}, std::string("unreadable front matter: ") + e.what());
  }
  return meta;
}

}  // namespace pp::parse
