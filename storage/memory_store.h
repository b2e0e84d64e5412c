#pragma once
// An in-memory store for fast tests: the same group commit and ordering as RocksDB, no disk.

#include <memory>

#include "storage/store.h"

namespace hotline::storage {

std::unique_ptr<store> open_memory_store();

}  // namespace hotline::storage
