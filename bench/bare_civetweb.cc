// The ceiling for the HTTP bench: CivetWeb with the server's thread count and a handler that
// reads the body and returns a fixed JSON body. Usage: bare_civetweb [--listen 127.0.0.1:0]
#include <civetweb.h>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

int fixed(mg_connection* conn, void*) {
  char buf[16384];
  while (mg_read(conn, buf, sizeof buf) > 0) {
  }
  static const char body[] = "{\"id\":\"bench-20260316-000001\",\"status\":\"received\"}";
  mg_printf(
      conn,
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
      sizeof body - 1, body);
  return 201;
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0";
  if (argc == 3 && std::strcmp(argv[1], "--listen") == 0) listen = argv[2];
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  mg_init_library(0);
  const char* options[] = {"listening_ports",   listen.c_str(), "num_threads", "64",
                           "enable_keep_alive", "yes",          nullptr};
  mg_callbacks callbacks{};
  mg_context* ctx = mg_start(&callbacks, nullptr, options);
  if (!ctx) return 1;
  mg_set_request_handler(ctx, "/", fixed, nullptr);
  mg_server_port ports[1];
  mg_get_server_ports(ctx, 1, ports);
  std::printf("listening on 127.0.0.1:%d\n", ports[0].port);
  std::fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  std::_Exit(0);  // a bench baseline: no need to wait out CivetWeb's shutdown
}
