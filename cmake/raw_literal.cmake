# raw_literal(FILE VAR): sets VAR to the text of FILE as a C++ raw string literal. Included by
# the embed_*.cmake scripts.
function(raw_literal file var)
  file(READ "${file}" text)
  string(FIND "${text}" ")embedded\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw string's closing delimiter")
  endif()
  set(${var} "R\"embedded(${text})embedded\"" PARENT_SCOPE)
endfunction()
