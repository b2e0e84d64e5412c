// An open-loop load generator for latency at a fixed rate: each connection sends on its own
// schedule and a request's latency counts from when it was due, not when it was sent, so a slow
// server is not excused by the client waiting for it (no coordinated omission).
//
// Usage: paced_load --port P --rate R --seconds S [--connections C] [--mode submit|lifecycle]
// Prints: sent, achieved rate, errors, p50, p90, p99, p99.9, max (ms). Loopback only.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {
using clock_type = std::chrono::steady_clock;

struct connection {
  int fd = -1;
  std::string buffer;

  bool open(int port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  // Sends one request and reads one response; its status and body, or status 0.
  std::pair<int, std::string> exchange(const std::string& method, const std::string& path,
                                       const std::string& token, const std::string& body) {
    std::string req =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body;
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size()))
      return {0, ""};
    char chunk[65536];
    for (;;) {
      auto head = buffer.find("\r\n\r\n");
      if (head != std::string::npos) {
        int status = 0;
        std::sscanf(buffer.c_str(), "HTTP/1.1 %d", &status);
        auto cl = buffer.find("Content-Length: ");
        std::size_t length = cl < head ? std::stoul(buffer.substr(cl + 16)) : 0;
        if (buffer.size() >= head + 4 + length) {
          std::string payload = buffer.substr(head + 4, length);
          buffer.erase(0, head + 4 + length);
          return {status, payload};
        }
      }
      auto n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return {0, ""};
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
};

std::string field(const std::string& body, const std::string& name) {
  auto at = body.find("\"" + name + "\":\"");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return body.substr(at, body.find('"', at) - at);
}

// The next request of a lifecycle for one ticket (Heyuan: no sign-off for a first complaint).
struct lifecycle {
  std::string id, status = "closed";
  void next(std::string& method, std::string& path, std::string& token, std::string& body) const {
    method = "POST";
    const std::string base = "/api/v1/tickets/" + id + "/";
    if (status == "received")
      path = base + "dispatch", token = "dev-operator", body = R"({"lead":"housing"})";
    else if (status == "dispatched")
      path = base + "sign", token = "dev-housing", body = "{}";
    else if (status == "handling")
      path = base + "reply", token = "dev-housing",
      body = R"({"result":"已处理","handler":{"name":"李四","post":"科长","phone":"1"}})";
    else if (status == "replied")
      path = base + "evaluate", token = "dev-operator", body = R"({"satisfied":true})";
    else
      path = "/api/v1/tickets", token = "dev-operator",
      body = R"({"channel":"phone","type":"complaint","title":"压测","content":"paced load"})";
  }
};

}  // namespace

int main(int argc, char** argv) {
  int port = 0, connections = 32;
  double rate = 1000, seconds = 10;
  std::string mode = "submit";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--port")
      port = std::stoi(value);
    else if (flag == "--rate")
      rate = std::stod(value);
    else if (flag == "--seconds")
      seconds = std::stod(value);
    else if (flag == "--connections")
      connections = std::stoi(value);
    else if (flag == "--mode")
      mode = value;
  }
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<long> errors{0};
  const auto start = clock_type::now() + std::chrono::milliseconds(100);
  const auto interval = std::chrono::duration<double>(connections / rate);
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c)
    threads.emplace_back([&, c] {
      connection conn;
      if (!conn.open(port)) return ++errors, void();
      lifecycle ticket;
      std::vector<double> mine;
      for (long k = 0;; ++k) {
        auto due = start + std::chrono::duration_cast<clock_type::duration>(
                               interval * (k + double(c) / connections));
        if (due > start + std::chrono::duration<double>(seconds)) break;
        std::this_thread::sleep_until(due);
        std::string
            method = "POST",
            path = "/api/v1/tickets", token = "dev-operator",
            body =
                R"({"channel":"phone","type":"complaint","title":"压测","content":"paced load"})";
        if (mode == "lifecycle") ticket.next(method, path, token, body);
        auto [status, reply] = conn.exchange(method, path, token, body);
        mine.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - due).count());
        if (status < 200 || status >= 300) {
          ++errors;
          if (status == 0 && !conn.open(port)) break;
          ticket.status = "closed";
          continue;
        }
        if (mode == "lifecycle") {
          if (ticket.status == "closed") ticket.id = field(reply, "id");
          ticket.status = field(reply, "status");
        }
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  for (auto& t : threads) t.join();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    return latencies.empty()
               ? 0.0
               : latencies[std::min(latencies.size() - 1, std::size_t(p * latencies.size()))];
  };
  std::printf(
      "sent=%zu rate=%.0f/s errors=%ld p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms\n",
      latencies.size(), latencies.size() / seconds, errors.load(), pct(0.5), pct(0.9), pct(0.99),
      pct(0.999), latencies.empty() ? 0.0 : latencies.back());
  return 0;
}
