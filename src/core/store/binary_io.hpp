#pragma once
/// Little helpers to write and read the binary stores (levels of detail, layer memos): values in this
/// machine's byte order (a store is a cache of this machine's, never exchanged), texts with their
/// length first, every read bounds-checked.

#include <cstdint>
#include <cstring>
#include <string>

namespace atlas {

/// Appends values to a byte string.
class Writer {
  public:
    template <typename T>
    void put(T value) {
        out_.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void text(const std::string& s) {
        put(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    std::string& bytes() { return out_; }

  private:
    std::string out_;
};

/// Bounds-checked reading: after the first short read every value is 0 and ok() is false.
class Reader {
  public:
    Reader(const char* data, std::size_t size) : p_(data), end_(data + size) {}
    template <typename T>
    T get() {
        T value{};
        if (static_cast<std::size_t>(end_ - p_) < sizeof value) return ok_ = false, value;
        std::memcpy(&value, p_, sizeof value);
        p_ += sizeof value;
        return value;
    }
    std::string text() {
        auto n = get<std::uint32_t>();
        if (static_cast<std::size_t>(end_ - p_) < n) return ok_ = false, std::string();
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    /// A count of items of at least `item_bytes` each: refused when the rest cannot hold them.
    std::uint32_t count(std::size_t item_bytes) {
        auto n = get<std::uint32_t>();
        if (n * item_bytes > static_cast<std::size_t>(end_ - p_)) return ok_ = false, 0;
        return n;
    }
    void skip(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n)
            ok_ = false, p_ = end_;
        else
            p_ += n;
    }
    bool ok() const { return ok_; }
    bool at_end() const { return p_ == end_; }
    const char* position() const { return p_; }

  private:
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

}  // namespace atlas
