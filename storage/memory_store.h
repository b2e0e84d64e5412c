#pragma once
// An in-memory store for fast tests: the same group commit and ordering as RocksDB, no disk.
// It can inject faults, to test what the runtime does when storage fails.

#include <atomic>
#include <cstdint>
#include <memory>

#include "storage/store.h"

namespace hotline::storage {

/// Faults a test arms at any time: n > 0 fails the nth call of that kind from then on (1: the
/// next one). A failed write or sync applies nothing of its group, as RocksDB applies nothing to
/// its memtables when the log write or its sync fails; the committer then fails the store. A
/// failed read or scan answers an error, and the next one works.
struct memory_faults {
  std::atomic<std::uint64_t> write{0};  // engine writes (one per group of commits)
  std::atomic<std::uint64_t> sync{0};   // syncs (every write is synced)
  std::atomic<std::uint64_t> read{0};   // point reads and scans
};

/// `faults`, if given, must outlive the store.
std::unique_ptr<store> open_memory_store(memory_faults* faults = nullptr);

}  // namespace hotline::storage
