#pragma once
// An in-memory store for fast tests: the same group commit and ordering as RocksDB, no disk.
// It can inject faults, to test what the runtime does when storage fails.

#include <cstdint>
#include <memory>

#include "storage/store.h"

namespace hotline::storage {

/// Which call fails (1 = the first; 0 = none). A failed write or sync applies nothing of its
/// group, as RocksDB applies nothing to its memtables when the log write or its sync fails; the
/// committer then fails the store. A failed read or scan answers an error; the next succeeds.
struct memory_faults {
  std::uint64_t write = 0;  // the Nth engine write (one per group of commits)
  std::uint64_t sync = 0;   // the Nth sync (every write is synced)
  std::uint64_t read = 0;   // the Nth point read or scan
};

std::unique_ptr<store> open_memory_store(memory_faults faults = {});

}  // namespace hotline::storage
