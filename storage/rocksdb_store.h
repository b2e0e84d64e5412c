#pragma once
// The RocksDB store: one column family per storage family, one WriteBatch per group of commits,
// synced to the WAL before anyone is told "yes" (unless opened with sync off).

#include <memory>
#include <string>

#include "storage/store.h"

namespace hotline::storage {

struct rocksdb_options {
  std::string dir;
  bool sync = true;                  // false trades durability for speed; say so loudly at start
  std::size_t cache_mb = 128;        // block cache for reads
  std::size_t write_buffer_mb = 16;  // per column family
  std::size_t total_write_buffer_mb = 64;  // all column families together: bounds memory
};

/// Opens (creating if missing) the database in `o.dir`; nullptr and `error` set on failure
/// (for instance a directory locked by another process).
std::unique_ptr<store> open_rocksdb_store(const rocksdb_options& o, std::string& error);

}  // namespace hotline::storage
