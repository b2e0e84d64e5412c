#include "tests/support/server_process.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>

namespace hotline::testing {

boost::json::value http_reply::json() const {
  boost::json::error_code ec;
  auto v = boost::json::parse(body, ec);
  return ec ? boost::json::value() : v;
}

std::string http_reply::code() const {
  auto v = json();
  if (!v.is_object() || !v.get_object().contains("error")) return "";
  return std::string(v.at("error").at("code").get_string());
}

temp_dir::temp_dir() {
  static std::atomic<int> n{0};
  path = (std::filesystem::temp_directory_path() /
          ("hotline-http-" + std::to_string(::getpid()) + "-" + std::to_string(n++)))
             .string();
  std::filesystem::remove_all(path);
}
temp_dir::~temp_dir() {
  std::filesystem::remove_all(path);
}

int free_port() {
  // Below the kernel's ephemeral range (32768-60999 here): a port-0 bind elsewhere, by a test
  // running beside this one, never takes it while its server is down. Random, so two callers
  // seldom pick the same; bound and released to check it is free now.
  static std::mt19937 pick(static_cast<unsigned>(::getpid()) ^
                           static_cast<unsigned>(std::time(nullptr)));
  for (;;) {
    int port = std::uniform_int_distribution<int>(20000, 32767)(pick);
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (free) return port;
  }
}

server_process::server_process(const std::string& scenario_id, const std::string& data_dir,
                               std::vector<std::string> extra) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> args = {HOTLINE_BINARY,
                                   "serve",
                                   "--scenario",
                                   scenario_id.front() == '/'
                                       ? scenario_id
                                       : std::string(HOTLINE_SCENARIOS_DIR) + "/" + scenario_id,
                                   "--data-dir",
                                   data_dir};
  if (std::find(extra.begin(), extra.end(), "--listen") == extra.end())
    args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  args.insert(args.end(), extra.begin(), extra.end());
  pid_t test_pid = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    // The server dies with the test: a test that aborts (a failed ASSERT in a helper, a
    // sanitizer's finding) would otherwise leave it running with the test's output pipe open,
    // and CTest waits for that pipe to close until the test's timeout.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != test_pid) ::_exit(127);
    ::dup2(out[1], 1);
    ::close(out[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* in = ::fdopen(out[0], "r");
  char line[256];
  while (std::fgets(line, sizeof line, in)) {
    if (std::sscanf(line, "listening on 127.0.0.1:%d", &port_) == 1) break;
  }
  std::fclose(in);  // port_ stays 0 if the server refused to start
}

server_process::~server_process() {
  if (pid_ > 0) stop();
}

int server_process::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void server_process::kill_hard() {
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

http_reply server_process::request(const std::string& method, const std::string& path,
                                   const std::string& token, const std::string& body,
                                   std::map<std::string, std::string> headers) {
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return raw(req);
}

namespace {

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

http_reply server_process::raw(const std::string& req) {
  int fd = connect_loopback(port_);
  if (fd < 0) return {};
  send_all(fd, req);
  std::string raw;
  char buf[65536];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
    raw.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return parse_reply(raw);
}

http_reply parse_reply(const std::string& raw) {
  http_reply reply;
  auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return reply;
  std::sscanf(raw.c_str(), "HTTP/1.1 %d", &reply.status);
  std::size_t line = raw.find("\r\n") + 2;
  while (line < head_end) {
    std::size_t next = raw.find("\r\n", line);
    std::string h = raw.substr(line, next - line);
    auto colon = h.find(':');
    std::string name = h.substr(0, colon);
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    reply.headers[name] = h.substr(h.find_first_not_of(' ', colon + 1));
    line = next + 2;
  }
  reply.body = raw.substr(head_end + 4);
  return reply;
}

client_connection::client_connection(int port) : fd_(connect_loopback(port)) {
  timeval limit{30, 0};  // a server that never answers fails the test instead of hanging it
  if (fd_ >= 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
}

client_connection::~client_connection() {
  if (fd_ >= 0) ::close(fd_);
}

void client_connection::send(const std::string& bytes) {
  send_all(fd_, bytes);
}

bool client_connection::read_until(const std::string& text) {
  char buf[65536];
  while (in_.find(text) == std::string::npos) {
    auto n = fd_ < 0 ? 0 : ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    in_.append(buf, static_cast<std::size_t>(n));
  }
  in_.erase(0, in_.find(text) + text.size());
  return true;
}

http_reply client_connection::read_reply() {
  char buf[65536];
  auto more = [&] {
    auto n = fd_ < 0 ? 0 : ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) in_.append(buf, static_cast<std::size_t>(n));
    return n > 0;
  };
  std::size_t head_end;
  while ((head_end = in_.find("\r\n\r\n")) == std::string::npos)
    if (!more()) return {};
  http_reply reply = parse_reply(in_.substr(0, head_end + 4));
  std::size_t length =
      reply.headers.count("content-length") ? std::stoul(reply.headers.at("content-length")) : 0;
  while (in_.size() < head_end + 4 + length)
    if (!more()) return {};
  reply.body = in_.substr(head_end + 4, length);
  in_.erase(0, head_end + 4 + length);
  return reply;
}

}  // namespace hotline::testing
