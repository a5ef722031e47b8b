// A diagram's alt text: its nodes, then its labelled edges (or participants, then messages and notes),
// punctuated in the book's language like table alt text.
#include "figure/mermaid/render.hpp"

#include <catch2/catch.hpp>

using pp::figure::mermaid::prepare_diagram;

TEST_CASE("mermaid alt text: flowchart nodes and labelled edges, per language", "[mermaid][alt_text]") {
  CHECK(prepare_diagram("graph TD\n  A[Start] -->|yes| B[End]\n  B --> C[Done]\n", "en").alt_text ==
        "Diagram. Start, End, Done. Start \u2192 End: yes.");
  CHECK(prepare_diagram("graph TD\n  A[开始] -->|是| B[结束]\n", "zh-Hans").alt_text == "图表。开始，结束。开始 \u2192 结束：是。");
  CHECK(prepare_diagram("graph TD\n  A[開始] -->|はい| B[終了]\n", "ja").alt_text == "図。開始、終了。開始 \u2192 終了：はい。");
  CHECK(prepare_diagram("graph TD\n  A[시작] -->|예| B[끝]\n", "ko").alt_text == "다이어그램. 시작, 끝. 시작 \u2192 끝: 예.");
}

TEST_CASE("mermaid alt text: sequence participants, messages and notes", "[mermaid][alt_text]") {
  CHECK(prepare_diagram("sequenceDiagram\n  Alice->>Bob: Hi\n  Note over Bob: thinks\n", "en").alt_text ==
        "Diagram. Alice, Bob. Alice \u2192 Bob: Hi. thinks.");
}
