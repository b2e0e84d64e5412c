# cmake -DIN=file -DOUT=file.cc -DNAME=symbol -P embed_text.cmake: writes a C++ file defining
# `extern const std::string_view hotline::NAME`, the text of IN, so the binary carries it.
include(${CMAKE_CURRENT_LIST_DIR}/raw_literal.cmake)
raw_literal("${IN}" literal)
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\n#include <string_view>\nnamespace hotline {\nextern const std::string_view ${NAME};\nconst std::string_view ${NAME} = ${literal};\n}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
