# cmake -DDIR=folder -DOUT=file.cc -P embed_files.cmake: writes a C++ file defining
# hotline::http::embedded_console() (http/console_files.h), every file directly in DIR by its
# name, so the binary serves the console without the source tree.
include(${CMAKE_CURRENT_LIST_DIR}/raw_literal.cmake)
file(GLOB files LIST_DIRECTORIES false RELATIVE "${DIR}" "${DIR}/*")
list(SORT files)
set(entries "")
foreach(name IN LISTS files)
  raw_literal("${DIR}/${name}" literal)
  string(APPEND entries "      {\"${name}\", ${literal}},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from ${DIR} by cmake/embed_files.cmake. Do not edit.\n#include \"http/console_files.h\"\nnamespace hotline::http {\nconst std::map<std::string_view, std::string_view>& embedded_console() {\n  static const std::map<std::string_view, std::string_view> files{\n${entries}  };\n  return files;\n}\n}  // namespace hotline::http\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
