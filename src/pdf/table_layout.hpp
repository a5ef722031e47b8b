// GFM tables in the flow: the shared table renderer (figure::TableFigure) in the chapter's fonts and
// theme, one flow item per row, the header row repeated at the top of every page the table continues on.
#pragma once

#include "model/document.hpp"
#include "pdf/flow_item.hpp"
#include "pdf/rich_text.hpp"

#include <vector>

namespace pp::pdf {

void append_table(const model::Table& table, const TypesetContext& ctx, const figure::RichTextStyle& inlines, double indent,
                  double width, double gap_before, std::vector<FlowItem>& out);

}  // namespace pp::pdf
