# Shared helpers: strict warnings on our own targets only.
function(pp_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wconversion -Wno-sign-conversion
                                           # GCC 12 false positive in libstdc++'s string operator+ (GCC bug 105329)
                                           $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
endfunction()

# pp_library(NAME SOURCES... DEPS ...): one static library per src/ folder.
function(pp_library name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;DEPS")
  add_library(pp_${name} STATIC ${ARG_SOURCES})
  target_include_directories(pp_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(pp_${name} PUBLIC ${ARG_DEPS})
  pp_strict_warnings(pp_${name})
endfunction()

# Embeds a text file as a std::string_view constant, so the binary carries its styles.
function(pp_embed_text out_var input symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${input} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
