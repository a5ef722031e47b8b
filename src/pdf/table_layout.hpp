// GFM tables in the flow: column widths from the cells' content, cells wrapped, one item per row, the
// header row repeated at the top of every page the table continues on.
#pragma once

#include "model/document.hpp"
#include "pdf/flow_item.hpp"
#include "pdf/rich_text.hpp"

#include <vector>

namespace pp::pdf {

// Column widths that fit `available`: natural widths when they fit; otherwise each column gets at least
// its longest word (scaled down if even those do not fit) and the rest is shared by how much more each
// column would like.
std::vector<double> fit_columns(const std::vector<double>& narrowest, const std::vector<double>& natural, double available);

void append_table(const model::Table& table, const TypesetContext& ctx, const InlineStyle& style, double indent,
                  double width, double gap_before, std::vector<FlowItem>& out);

}  // namespace pp::pdf
