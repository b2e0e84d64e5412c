# cmake -DIN=file -DOUT=file.cc -DNAME=symbol -P embed_text.cmake: writes a C++ file defining
# `extern const std::string_view hotline::NAME`, the text of IN, so the binary carries it.
file(READ "${IN}" text)
string(FIND "${text}" ")embedded\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string's closing delimiter")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\n#include <string_view>\nnamespace hotline {\nextern const std::string_view ${NAME};\nconst std::string_view ${NAME} = R\"embedded(${text})embedded\";\n}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
