#include "actors/codec.h"

#include <cstdint>

namespace hotline::actors {
using namespace workflow;

namespace {

// Format 1: the first layout. Each later format only adds members tagged since{N}; a reader
// given an older format leaves those members at their defaults. Format 6: answered cites a
// knowledge entry.
constexpr char format_first = 1;
constexpr char format_current = 6;

class writer {
 public:
  std::string out;

  template <class T>
  void operator()(const char*, T& v, optional_tag) {
    put(v);
  }
  template <class T>
  void operator()(const char*, T& v, since) {
    put(v);
  }
  template <class T>
  void operator()(const char*, T& v) {
    put(v);
  }

  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void signed_varint(std::int64_t v) {
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void put(const std::string& s) {
    varint(s.size());
    out += s;
  }
  void put(bool b) { out.push_back(b ? 1 : 0); }
  void put(int v) { signed_varint(v); }
  void put(std::uint64_t v) { varint(v); }
  void put(instant t) { signed_varint(t.seconds); }
  void put(date d) {
    signed_varint(d.year);
    varint(static_cast<std::uint64_t>(d.month));
    varint(static_cast<std::uint64_t>(d.day));
  }
  template <class T>
  void put(const std::optional<T>& v) {
    put(v.has_value());
    if (v) put(*v);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    varint(v.size());
    for (const auto& x : v) put(x);
  }
  template <class... Ts>
  void put(const std::variant<Ts...>& v) {
    varint(v.index());
    std::visit([&](const auto& x) { put(x); }, v);
  }
  void put(const event_record& e) {
    varint(e.seq);
    put(e.at);
    put(e.by);
    put(e.body);
    put(e.policy_version);
  }
  template <class T>
  void put(const T& v) {
    if constexpr (std::is_enum_v<T>)
      varint(static_cast<std::uint64_t>(v));
    else
      describe(*this, const_cast<T&>(v));  // the writer only reads
  }
};

class reader {
 public:
  reader(std::string_view in, int format) : in_(in), format_(format) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

  template <class T>
  void operator()(const char*, T& v, optional_tag) {
    get(v);
  }
  template <class T>
  void operator()(const char*, T& v, since added) {
    if (added.format <= format_) get(v);
  }
  template <class T>
  void operator()(const char*, T& v) {
    get(v);
  }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail();
      auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= std::uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  std::int64_t signed_varint() {
    std::uint64_t v = varint();
    return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  void get(std::string& s) {
    std::uint64_t n = varint();
    if (n > in_.size() - pos_) {
      fail();
      return;
    }
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  void get(bool& b) {
    if (pos_ >= in_.size()) {
      fail();
      return;
    }
    b = in_[pos_++] != 0;
  }
  void get(int& v) { v = static_cast<int>(signed_varint()); }
  void get(std::uint64_t& v) { v = varint(); }
  void get(instant& t) { t.seconds = signed_varint(); }
  void get(date& d) {
    d.year = static_cast<int>(signed_varint());
    d.month = static_cast<int>(varint());
    d.day = static_cast<int>(varint());
  }
  template <class T>
  void get(std::optional<T>& v) {
    bool present = false;
    get(present);
    if (!present) {
      v.reset();
      return;
    }
    v.emplace();
    get(*v);
  }
  template <class T>
  void get(std::vector<T>& v) {
    std::uint64_t n = varint();
    if (n > in_.size() - pos_) {  // every item takes at least a byte
      fail();
      return;
    }
    v.resize(n);
    for (auto& x : v) get(x);
  }
  template <class... Ts>
  void get(std::variant<Ts...>& v) {
    std::uint64_t index = varint();
    if (!ok_ || !emplace<0, Ts...>(v, index)) fail();
  }
  void get(event_record& e) {
    e.seq = varint();
    get(e.at);
    get(e.by);
    get(e.body);
    if (format_ >= 5) get(e.policy_version);  // the policy version applied, since format 5
  }
  template <class T>
  void get(T& v) {
    if constexpr (std::is_enum_v<T>) {
      std::uint64_t i = varint();
      if (i >= count_of<T>()) fail();
      v = static_cast<T>(i);
    } else {
      describe(*this, v);
    }
  }

 private:
  template <std::size_t I, class T, class... Rest, class V>
  bool emplace(V& v, std::uint64_t index) {
    if (index == I) {
      get(v.template emplace<I>());
      return true;
    }
    if constexpr (sizeof...(Rest) > 0) return emplace<I + 1, Rest...>(v, index);
    return false;
  }
  std::uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }

  std::string_view in_;
  int format_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

template <class T>
std::string encode_value(const T& v) {
  writer w;
  w.out.push_back(format_current);
  w.put(v);
  return std::move(w.out);
}

template <class T>
std::optional<T> decode_value(std::string_view bytes) {
  if (bytes.empty() || bytes[0] < format_first || bytes[0] > format_current) return std::nullopt;
  reader r(bytes.substr(1), bytes[0]);
  T v;
  r.get(v);
  if (!r.ok() || !r.done()) return std::nullopt;
  return v;
}

}  // namespace

std::string encode(const std::vector<event_record>& events) {
  return encode_value(events);
}
std::string encode(const ticket_state& state) {
  return encode_value(state);
}

std::optional<std::vector<event_record>> decode_events(std::string_view bytes) {
  return decode_value<std::vector<event_record>>(bytes);
}

std::optional<ticket_state> decode_state(std::string_view bytes) {
  return decode_value<ticket_state>(bytes);
}

std::string encode(const refusal& r) {
  return encode_value(r);
}

std::optional<refusal> decode_refusal(std::string_view bytes) {
  return decode_value<refusal>(bytes);
}

std::string encode(const outbox_entry& entry) {
  return encode_value(entry);
}
std::optional<outbox_entry> decode_outbox_entry(std::string_view bytes) {
  return decode_value<outbox_entry>(bytes);
}
std::string encode(const knowledge_entry& entry) {
  return encode_value(entry);
}
std::optional<knowledge_entry> decode_knowledge_entry(std::string_view bytes) {
  return decode_value<knowledge_entry>(bytes);
}

}  // namespace hotline::actors
