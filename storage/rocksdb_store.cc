#include "storage/rocksdb_store.h"

#include <rocksdb/db.h>

#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <algorithm>
#include <filesystem>

#include "storage/group_commit.h"

namespace hotline::storage {
namespace {

class rocksdb_cursor final : public cursor {
 public:
  rocksdb_cursor(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h, std::string_view to,
                 std::function<std::string(const rocksdb::Status&)> failed)
      : bound_(to), upper_(bound_), failed_(std::move(failed)) {
    rocksdb::ReadOptions ro;
    if (!bound_.empty()) ro.iterate_upper_bound = &upper_;
    it_.reset(db->NewIterator(ro, h));
  }
  bool seek(std::string_view key) override {
    it_->Seek(rocksdb::Slice(key.data(), key.size()));
    return found();
  }
  bool next() override {
    it_->Next();
    return found();
  }
  std::string_view key() const override {
    auto k = it_->key();
    return {k.data(), k.size()};
  }
  std::string error() const override { return error_; }

 private:
  bool found() {
    if (it_->Valid()) return true;
    if (!it_->status().ok() && error_.empty()) error_ = failed_(it_->status());
    return false;
  }
  std::string bound_;
  rocksdb::Slice upper_;  // iterate_upper_bound points at it: it lives as long as the iterator
  std::function<std::string(const rocksdb::Status&)> failed_;
  std::unique_ptr<rocksdb::Iterator> it_;
  std::string error_;
};

class rocksdb_store final : public store {
 public:
  rocksdb_store(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, bool sync)
      : db_(db),
        handles_(std::move(handles)),
        sync_(sync),
        committer_(
            std::in_place, [this](const std::vector<batch*>& g) { return apply(g); }, sync) {}

  ~rocksdb_store() override {
    committer_.reset();  // drain before closing
    // Memtables to disk, so the next open has no log to replay.
    rocksdb::FlushOptions flush;
    db_->Flush(flush,
               std::vector<rocksdb::ColumnFamilyHandle*>(handles_.begin() + 1, handles_.end()));
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
    delete db_;
  }

  void commit(batch b, commit_callback done) override {
    committer_->submit(std::move(b), std::move(done));
  }

  read_result read(family f, std::string_view key) const override {
    read_result r;
    std::string value;
    auto s =
        db_->Get(rocksdb::ReadOptions(), handle(f), rocksdb::Slice(key.data(), key.size()), &value);
    if (s.ok())
      r.value = std::move(value);
    else if (!s.IsNotFound())
      r.error = failed("read", f, s);
    return r;
  }

  std::string scan(family f, std::string_view from, std::string_view to,
                   const scan_visitor& visit) const override {
    rocksdb::ReadOptions ro;
    rocksdb::Slice upper(to.data(), to.size());
    if (!to.empty()) ro.iterate_upper_bound = &upper;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, handle(f)));
    for (it->Seek(rocksdb::Slice(from.data(), from.size())); it->Valid(); it->Next()) {
      auto k = it->key(), v = it->value();
      if (!visit({k.data(), k.size()}, {v.data(), v.size()})) return {};
    }
    // Valid() is false at the end and on an error alike; only the status tells them apart.
    return it->status().ok() ? std::string() : failed("scan", f, it->status());
  }

  std::unique_ptr<cursor> open_cursor(family f, std::string_view to) const override {
    return std::make_unique<rocksdb_cursor>(
        db_, handle(f), to, [this, f](const rocksdb::Status& s) { return failed("scan", f, s); });
  }

  store_stats stats() const override { return committer_->stats(); }
  void note_read_error(const std::string& what) const override {
    committer_->note_read_error(what);
  }
  bool durable() const override { return sync_; }

 private:
  rocksdb::ColumnFamilyHandle* handle(family f) const {
    return handles_[static_cast<std::size_t>(f) + 1];  // [0] is the default family
  }

  std::string failed(const char* what, family f, const rocksdb::Status& s) const {
    std::string error = std::string(what) + " in " + family_name(f) + ": " + s.ToString();
    committer_->note_read_error(error);
    return error;
  }

  // The group's writes go in key order, family by family: each family's memtable is a skip list
  // that starts its search where it last inserted, so keys in order land next to each other
  // instead of each being searched for from the top (half the CPU of a timer storm went there).
  // The sort is stable: two writes of one key keep the order they were made in, so the later
  // wins as before. The group is still one WriteBatch, atomic and synced once.
  std::string apply(const std::vector<batch*>& group) {
    std::vector<const write_op*> ops;
    for (const batch* b : group)
      for (const auto& op : *b) ops.push_back(&op);
    std::stable_sort(ops.begin(), ops.end(), [](const write_op* a, const write_op* b) {
      return a->in != b->in ? a->in < b->in : a->key < b->key;
    });
    rocksdb::WriteBatch wb;
    for (const write_op* op : ops) {
      rocksdb::Slice key(op->key);
      if (op->value)
        wb.Put(handle(op->in), key, rocksdb::Slice(*op->value));
      else
        wb.Delete(handle(op->in), key);
    }
    rocksdb::WriteOptions wo;
    wo.sync = sync_;
    auto s = db_->Write(wo, &wb);
    return s.ok() ? std::string() : s.ToString();
  }

  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  const bool sync_;
  mutable std::optional<group_committer> committer_;  // reset first on close, to drain
};

}  // namespace

std::unique_ptr<store> open_rocksdb_store(const rocksdb_options& o, std::string& error) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  options.write_buffer_size = o.write_buffer_mb << 20;
  options.db_write_buffer_size = o.total_write_buffer_mb << 20;
  // Memtables are flushed once the log holds this much, which bounds replay after a crash.
  options.max_total_wal_size = o.total_write_buffer_mb << 20;
  options.enable_pipelined_write = true;
  // One thread writes (the group committer), so memtable inserts need not be concurrent, and then
  // each family's memtable can keep where it last inserted (below).
  options.allow_concurrent_memtable_write = false;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(o.cache_mb << 20);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions cf_options(options);
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // One insert hint per memtable (every key has the empty prefix): a group's writes arrive in key
  // order (apply), so each insert starts from the one before instead of from the top of the skip
  // list.
  cf_options.memtable_insert_with_hint_prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(0));

  std::vector<rocksdb::ColumnFamilyDescriptor> families{
      {rocksdb::kDefaultColumnFamilyName, cf_options}};
  for (std::size_t i = 0; i < family_count; ++i)
    families.push_back({family_name(static_cast<family>(i)), cf_options});
  std::error_code ec;
  std::filesystem::create_directories(o.dir, ec);  // the parents too; RocksDB makes only the last
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  auto s = rocksdb::DB::Open(options, o.dir, families, &handles, &db);
  if (!s.ok()) {
    error = "cannot open the data directory " + o.dir + ": " + s.ToString();
    return nullptr;
  }
  return std::make_unique<rocksdb_store>(db, std::move(handles), o.sync);
}

}  // namespace hotline::storage
