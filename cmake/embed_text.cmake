# Writes IN as a C++ raw string constant named SYMBOL into OUT (run in script mode).
file(READ ${IN} content)
string(FIND "${content}" ")pp_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace pp::embedded {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL} = R\"pp_embed(${content})pp_embed\";\n}\n")
