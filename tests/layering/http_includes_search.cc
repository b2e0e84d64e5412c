// Compiled by the Layering test with http's flags: it must NOT compile. The search engine links
// PRIVATE to actors, so http/ reaches it only through actors::runtime (docs/runtime.md).
#include "search/text_index.h"
