# Sends a fixed number of requests to a hotline server on loopback: N submissions, or N lifecycles
# (submit, dispatch, sign, reply, evaluate on Heyuan's rules), over C keep-alive connections.
# Usage: drive.py PORT submit|lifecycle N C      Prints the requests sent and how many were not 2xx.
import http.client
import json
import sys
import threading

port, mode, n, conns = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
SUBMIT = '{"channel":"phone","type":"complaint","title":"压测","content":"cpu per request"}'
STEPS = [("dispatch", "dev-operator", '{"lead":"housing"}'),
         ("sign", "dev-housing", "{}"),
         ("reply", "dev-housing",
          '{"result":"已处理","handler":{"name":"李四","post":"科长","phone":"1"}}'),
         ("evaluate", "dev-operator", '{"satisfied":true}')]
lock = threading.Lock()
sent, bad = [0], [0]


def post(c, path, token, body):
    c.request("POST", path, body.encode(),
              {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = c.getresponse()
    answer = r.read()
    with lock:
        sent[0] += 1
        bad[0] += r.status >= 300
    return answer


def work(k):
    c = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(k):
        answer = post(c, "/api/v1/tickets", "dev-operator", SUBMIT)
        if mode == "lifecycle":
            ticket = json.loads(answer)["id"]
            for action, token, body in STEPS:
                post(c, "/api/v1/tickets/%s/%s" % (ticket, action), token, body)


threads = [threading.Thread(target=work, args=(n // conns,)) for _ in range(conns)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("sent", sent[0], "bad", bad[0])
