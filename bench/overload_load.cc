// Overload on loopback: many keep-alive connections offering more than the server can do, and
// meanwhile a stream of newly connecting clients. What a department's browser or an operator
// sees when the server is saturated: are they answered (2xx or 503) at once, or left waiting?
//
// Usage: overload_load --port P [--connections 1000] [--rate R] [--seconds 5] [--pid SERVER_PID]
//   --rate: requests/s offered over all connections (0: each sends again as soon as answered).
// Prints the answers by class, the latency of accepted (2xx) and shed (503) requests measured
// from their send, the time to first byte of a new client (connect included), the same for
// /admin/health and /metrics on a new connection, and the server's peak RSS. Stops by itself.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {
using clock_type = std::chrono::steady_clock;

const std::string submission_body =
    R"({"channel":"phone","type":"complaint","title":"压测","content":"overload"})";

std::string request_text(const std::string& method, const std::string& path,
                         const std::string& token, const std::string& body) {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

double ms_since(clock_type::time_point t) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - t).count();
}

// One complete response at the front of `in`: its status and whether the server closes after it;
// status 0 while incomplete. Consumes it.
std::pair<int, bool> take_response(std::string& in) {
  auto head = in.find("\r\n\r\n");
  if (head == std::string::npos) return {0, false};
  int status = 0;
  std::sscanf(in.c_str(), "HTTP/1.1 %d", &status);
  auto cl = in.find("Content-Length: ");
  std::size_t length = cl < head ? std::stoul(in.substr(cl + 16)) : 0;
  if (in.size() < head + 4 + length) return {0, false};
  bool close = in.find("Connection: close") < head;
  in.erase(0, head + 4 + length);
  return {status, close};
}

struct tally {
  std::vector<double> accepted, shed;  // ms from send to the whole answer
  long other = 0, resets = 0, connect_errors = 0, reconnects = 0;
  void add(const tally& t) {
    accepted.insert(accepted.end(), t.accepted.begin(), t.accepted.end());
    shed.insert(shed.end(), t.shed.begin(), t.shed.end());
    other += t.other, resets += t.resets, connect_errors += t.connect_errors;
    reconnects += t.reconnects;
  }
};

// A share of the keep-alive connections, driven by one epoll loop.
class load_loop {
 public:
  load_loop(int port, int count, double per_connection_rate)
      : port_(port), conns_(count), rate_(per_connection_rate), ep_(::epoll_create1(0)) {}
  ~load_loop() { ::close(ep_); }

  tally run(clock_type::time_point start, clock_type::time_point end) {
    const auto interval = rate_ > 0 ? std::chrono::duration_cast<clock_type::duration>(
                                          std::chrono::duration<double>(1.0 / rate_))
                                    : clock_type::duration::zero();
    for (std::size_t i = 0; i < conns_.size(); ++i) {
      // Spread the first sends over one interval so the connections do not move in step.
      conns_[i].due = start + interval * i / static_cast<long>(conns_.size());
      open(i);
    }
    const std::string request =
        request_text("POST", "/api/v1/tickets", "dev-operator", submission_body);
    epoll_event events[256];
    while (clock_type::now() < end) {
      auto now = clock_type::now();
      for (std::size_t i = 0; i < conns_.size(); ++i) {
        auto& c = conns_[i];
        if (c.st != state::idle || now < c.due) continue;
        if (::send(c.fd, request.data(), request.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(request.size())) {
          ++t_.resets;
          reopen(i);
          continue;
        }
        c.st = state::awaiting;
        c.sent = now;
        c.due = std::max(c.due + interval, now);  // no catch-up burst after a slow answer
      }
      int n = ::epoll_wait(ep_, events, 256, 1);
      for (int e = 0; e < n; ++e) on_event(events[e].data.u32, events[e].events);
    }
    for (auto& c : conns_)
      if (c.fd >= 0) ::close(c.fd);
    return t_;
  }

 private:
  enum class state { connecting, idle, awaiting };
  struct conn {
    int fd = -1;
    state st = state::connecting;
    clock_type::time_point due, sent;
    std::string in;
  };

  void open(std::size_t i) {
    auto& c = conns_[i];
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto addr = loopback(port_);
    c.in.clear();
    c.st = state::connecting;
    ::connect(c.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);  // EINPROGRESS
    epoll_event ev{};
    ev.events = EPOLLOUT | EPOLLIN;
    ev.data.u32 = static_cast<uint32_t>(i);
    ::epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
  }
  void reopen(std::size_t i) {
    ::close(conns_[i].fd);  // also leaves the epoll set
    ++t_.reconnects;
    open(i);
  }

  void on_event(std::size_t i, uint32_t what) {
    auto& c = conns_[i];
    if (c.st == state::connecting) {
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0 || (what & (EPOLLERR | EPOLLHUP))) {
        ++t_.connect_errors;
        return reopen(i);
      }
      c.st = state::idle;
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u32 = static_cast<uint32_t>(i);
      ::epoll_ctl(ep_, EPOLL_CTL_MOD, c.fd, &ev);
      return;
    }
    char chunk[16384];
    bool eof = false;
    for (;;) {
      auto got = ::recv(c.fd, chunk, sizeof chunk, 0);
      if (got > 0) {
        c.in.append(chunk, static_cast<std::size_t>(got));
        continue;
      }
      eof = got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
      break;
    }
    auto [status, close] = take_response(c.in);
    if (status != 0) {
      double ms = ms_since(c.sent);
      if (status >= 200 && status < 300)
        t_.accepted.push_back(ms);
      else if (status == 503)
        t_.shed.push_back(ms);
      else
        ++t_.other;
      c.st = state::idle;
      if (close || eof) reopen(i);
    } else if (eof) {
      if (c.st == state::awaiting) ++t_.resets;  // closed without an answer
      reopen(i);
    }
  }

  int port_;
  std::vector<conn> conns_;
  double rate_;
  int ep_;
  tally t_;
};

struct probe_result {
  std::string what;
  int status = 0;
  double ttfb_ms = 0;
};

// A new client: connect, send, and the time until the first byte of the answer comes back.
probe_result probe(int port, const std::string& what, const std::string& request) {
  probe_result r{what};
  auto t0 = clock_type::now();
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval limit{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  auto addr = loopback(port);
  std::string in;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) > 0) {
    char chunk[16384];
    for (bool first = true;;) {
      auto got = ::recv(fd, chunk, sizeof chunk, 0);
      if (got <= 0) break;
      if (first) r.ttfb_ms = ms_since(t0), first = false;
      in.append(chunk, static_cast<std::size_t>(got));
      if (auto [status, close] = take_response(in); status != 0) {
        r.status = status;
        break;
      }
    }
  }
  if (r.status == 0) r.ttfb_ms = ms_since(t0);
  ::close(fd);
  return r;
}

double pct(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

long peak_rss_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, connections = 1000, pid = 0, loops = 2;
  double rate = 0, seconds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--port")
      port = std::stoi(value);
    else if (flag == "--connections")
      connections = std::stoi(value);
    else if (flag == "--rate")
      rate = std::stod(value);
    else if (flag == "--seconds")
      seconds = std::min(60.0, std::stod(value));
    else if (flag == "--pid")
      pid = std::stoi(value);
  }
  if (port == 0) return std::fprintf(stderr, "usage: overload_load --port P ...\n"), 2;
  const auto start = clock_type::now() + std::chrono::milliseconds(200);
  const auto end = start + std::chrono::duration_cast<clock_type::duration>(
                               std::chrono::duration<double>(seconds));
  std::vector<tally> tallies(loops);
  std::vector<std::thread> threads;
  for (int l = 0; l < loops; ++l)
    threads.emplace_back([&, l] {
      int mine = connections / loops + (l < connections % loops ? 1 : 0);
      load_loop loop(port, mine, rate / connections);
      tallies[l] = loop.run(start, end);
    });
  // New clients, one every 50 ms once the load is on: three in four submit, the fourth is an
  // operator asking /admin/health or /metrics.
  std::vector<probe_result> probes;
  std::this_thread::sleep_until(start + std::chrono::milliseconds(500));
  const std::string submission =
      request_text("POST", "/api/v1/tickets", "dev-operator", submission_body);
  const std::string health = request_text("GET", "/admin/health", "", "");
  const std::string metrics = request_text("GET", "/metrics", "dev-admin", "");
  for (int k = 0; clock_type::now() < end - std::chrono::milliseconds(100); ++k) {
    auto next = clock_type::now() + std::chrono::milliseconds(50);
    if (k % 4 != 3)
      probes.push_back(probe(port, "new client", submission));
    else
      probes.push_back(k % 8 == 3 ? probe(port, "health", health)
                                  : probe(port, "metrics", metrics));
    std::this_thread::sleep_until(next);
  }
  for (auto& t : threads) t.join();
  tally all;
  for (const auto& t : tallies) all.add(t);

  const double answered = all.accepted.size() + all.shed.size() + all.other;
  std::printf(
      "overload: %d keep-alive connections, %s for %.0f s\n", connections,
      rate > 0 ? ("offering " + std::to_string(long(rate)) + " req/s").c_str() : "closed loop",
      seconds);
  std::printf(
      "  answered %.0f (%.0f/s): 2xx %zu, 503 %zu (%.1f%%), other %ld; resets %ld, "
      "connect errors %ld, reconnects %ld\n",
      answered, answered / seconds, all.accepted.size(), all.shed.size(),
      answered > 0 ? 100.0 * all.shed.size() / answered : 0.0, all.other, all.resets,
      all.connect_errors, all.reconnects);
  std::printf("  accepted (2xx), from send:  p50 %.1f ms  p99 %.1f ms  (%.0f/s)\n",
              pct(all.accepted, 0.5), pct(all.accepted, 0.99), all.accepted.size() / seconds);
  std::printf("  shed (503), from send:      p50 %.1f ms  p99 %.1f ms\n", pct(all.shed, 0.5),
              pct(all.shed, 0.99));
  for (const char* what : {"new client", "health", "metrics"}) {
    std::vector<double> ttfb;
    double max = 0;
    long ok = 0, shed = 0, other = 0;
    for (const auto& p : probes) {
      if (p.what != what) continue;
      ttfb.push_back(p.ttfb_ms);
      max = std::max(max, p.ttfb_ms);
      (p.status >= 200 && p.status < 300 ? ok : p.status == 503 ? shed : other)++;
    }
    std::printf(
        "  %-10s on a new connection: %zu, ttfb p50 %.1f ms  p99 %.1f ms  max %.1f ms; "
        "2xx %ld, 503 %ld, other/none %ld\n",
        what, ttfb.size(), pct(ttfb, 0.5), pct(ttfb, 0.99), max, ok, shed, other);
  }
  if (pid > 0) std::printf("  server peak RSS (VmHWM): %.0f MiB\n", peak_rss_kib(pid) / 1024.0);
  return 0;
}
