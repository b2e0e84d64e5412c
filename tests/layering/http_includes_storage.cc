// Compiled by the Layering test with http's flags: it must NOT compile. http/ and apps/ reach
// storage only through actors::runtime (storage links PRIVATE to actors), so including a
// storage header from there is a build error, not a convention.
#include "storage/store.h"
