// A floor under every thread stack size a library asks for, for CivetWeb's connection threads.
//
// Debian builds CivetWeb with -DUSE_STACK_SIZE=102400: each connection thread gets 100 KiB of
// stack, a compile-time choice with no run-time option. A request is handled on that thread
// from its head to its answer. Built with AddressSanitizer (scripts/sanitized-tests), whose
// redzones make every frame several times larger, the handling overflowed it (CI, a POST
// /api/v1/tickets/{id}/dispatch: stack-overflow in json_body). How deep our handling may go is
// ours to say, not a packaging flag's: this definition in the executable comes before glibc's
// for CivetWeb's call (symbol interposition), raises a smaller request to the floor and hands
// the rest to glibc. It is only address space: a page of stack is resident once touched, so
// 1,024 threads cost no more memory than before (bench/http/overload prints the peak RSS).
// Linked in by http/CMakeLists.txt (-Wl,--undefined), since nothing of ours calls it.
#include <dlfcn.h>
#include <pthread.h>

#include <cstddef>

namespace {
constexpr std::size_t worker_stack_floor = 1024 * 1024;
using set_stack_size = int (*)(pthread_attr_t*, std::size_t);
}  // namespace

extern "C" int pthread_attr_setstacksize(pthread_attr_t* attr, std::size_t size) noexcept {
  static const auto glibc =
      reinterpret_cast<set_stack_size>(dlsym(RTLD_NEXT, "pthread_attr_setstacksize"));
  return glibc(attr, size < worker_stack_floor ? worker_stack_floor : size);
}
