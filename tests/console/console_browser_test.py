#!/usr/bin/python3
"""The console in a real browser: headless Chromium, driven by Selenium (Debian's chromium,
chromium-driver and python3-selenium), runs a Mengcheng ticket's whole life across the four roles
against the real server on loopback, under a virtual clock:

  operator   registers a consultation and answers it; registers the same caller's complaint,
             finding the earlier ticket by phone (related_to: a second call), dispatches it to the
             waterworks with the hotline head's sign-off (001 art. 10(4));
  department signs with the unit head's approval (001 art. 17), contacts the caller, asks for an
             extension;
  supervisor finds it among the pending extensions and approves it;
  department replies, signed off by the unit head (001 art. 24);
  operator   evaluates it satisfied: closed and archived;
  admin      sees the actors, timers, health and the clock, and moves the clock.

A screenshot of each page is kept in ARTIFACTS (NN-name.png). Stops by itself (an alarm).
Usage: console_browser_test.py HOTLINE_BINARY SCENARIOS_DIR ARTIFACTS_DIR
"""
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

HOTLINE, SCENARIOS, ARTIFACTS = sys.argv[1:4]
WAIT = 15  # seconds for any one thing to show


class Console:
    """The browser on the console, with the steps a person takes."""

    def __init__(self, base):
        self.base = base
        self.shots = 0
        options = Options()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        self.profile = tempfile.mkdtemp(prefix="console-chromium-")
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1400,1000",
                     f"--user-data-dir={self.profile}"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                       options=options)
        self.driver.set_page_load_timeout(WAIT)

    def close(self):
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    def wait(self, condition, what):
        try:
            # A view drawn anew while it is read leaves stale elements: read again.
            return WebDriverWait(self.driver, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
                lambda d: condition())
        except TimeoutException:
            self.shot("failure")
            raise AssertionError(f"waited {WAIT} s for {what}; notice: {self.notice()!r}; page: {self.text()[:2000]}")

    def find(self, css):
        return self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, css), css)[0]

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def notice(self):
        shown = self.driver.find_elements(By.CSS_SELECTOR, "#notice:not([hidden])")
        return shown[0].text if shown else ""

    def shows(self, text):
        self.wait(lambda: text in self.text(), repr(text))

    def shot(self, name):
        """The whole page, as tall as it is."""
        self.shots += 1
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1400, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": False})
        self.driver.save_screenshot(os.path.join(ARTIFACTS, f"{self.shots:02d}-{name}.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def sign_in(self, token, role_words):
        self.driver.get(self.base + "/")
        self.driver.execute_script("sessionStorage.clear()")
        self.driver.get(self.base + "/")
        self.find("form.signin input[name=token]").send_keys(token)
        self.find("form.signin button").click()
        self.wait(lambda: role_words in self.find("#who").text, f"signed in as {role_words}")
        self.wait(lambda: not self.driver.find_elements(By.CSS_SELECTOR, "main p.muted:only-child"), "the desk")

    def open_ticket(self, ticket_id):
        self.driver.get(f"{self.base}/#/ticket/{ticket_id}")
        self.wait(lambda: ticket_id in self.find("h1").text, f"the page of {ticket_id}")

    def fill(self, scope, values):
        for name, value in values.items():
            el = scope.find_element(By.CSS_SELECTOR, f"[name='{name}']")
            if el.tag_name == "select":
                Select(el).select_by_value(value)
            elif el.get_attribute("type") == "checkbox":
                if bool(value) != el.is_selected():
                    el.click()
            else:
                el.clear()
                el.send_keys(value)

    def unfold(self, action):
        """The action's folded form, opened."""
        folded = self.find(f"details.action[data-action='{action}']")
        if not folded.get_attribute("open"):
            folded.find_element(By.TAG_NAME, "summary").click()
        return folded

    def act(self, action, done_words, values=None):
        """Fills and sends the action's form on the ticket page, then waits for the page to say so."""
        form = self.unfold(action).find_element(By.TAG_NAME, "form")
        self.fill(form, values or {})
        self.driver.execute_script("document.getElementById('notice').hidden = true")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda: self.notice(), f"the answer to {action}")
        assert self.notice() == done_words, f"{action}: {self.notice()}"

    def refused(self, action, values):
        """Sends the action's form expecting a refusal; the page's error line, which it returns."""
        form = self.unfold(action).find_element(By.TAG_NAME, "form")
        self.fill(form, values)
        self.driver.execute_script("document.getElementById('notice').hidden = true")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#notice.error:not([hidden])"), f"{action} refused")
        return self.notice()

    def status(self):
        return self.find("dl.facts .status").text

    def ticket_id(self):
        self.wait(lambda: "#/ticket/" in self.driver.current_url, "a ticket page")
        ticket_id = self.driver.current_url.split("#/ticket/")[1]
        self.open_ticket(ticket_id)
        return ticket_id


def start_server(data):
    args = [HOTLINE, "serve", "--scenario", os.path.join(SCENARIOS, "mengcheng"), "--data-dir", data,
            "--listen", "127.0.0.1:0", "--clock", "virtual", "--start", "2026-03-16T09:00:00+08:00"]
    # Its stderr is the test's: a sanitizer's finding (scripts/sanitized-tests) shows in the log.
    # It dies with the test (PR_SET_PDEATHSIG): a test that dies never leaves it holding CTest's pipe.
    server = subprocess.Popen(args, stdout=subprocess.PIPE, text=True,
                              preexec_fn=lambda: ctypes.CDLL(None).prctl(1, signal.SIGKILL))
    line = server.stdout.readline()
    assert line.startswith("listening on "), f"the server did not start: {line!r}"
    return server, "http://" + line.split()[-1]


def phone_lookup_served(base):
    """Whether the list takes `phone` (the search filters): the lookup then lists earlier tickets."""
    with urllib.request.urlopen(base + "/api/v1/openapi.json") as r:
        doc = json.load(r)
    return any(p.get("name") == "phone" for p in doc["paths"]["/api/v1/tickets"]["get"].get("parameters", []))


def life_of_a_ticket(c, lookup):
    c.driver.get(c.base + "/")
    c.find("form.signin")
    c.shot("signin")

    # The operator registers a consultation and answers it at once (001 art. 10(1)).
    c.sign_in("dev-operator", "话务员")
    c.shows("来电登记")
    c.shot("operator-desk")
    intake = c.find("form.intake")
    c.fill(intake, {"channel": "phone", "type": "consultation", "title": "停水何时恢复",
                    "content": "城关街道幸福小区3栋停水，询问何时恢复供水", "name": "张三",
                    "phone": "13800000000", "region": "城关街道", "topic": "供水"})
    intake.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    first = c.ticket_id()
    c.act("answer", "已直接答复", {"answer": "自来水公司正在抢修，预计今晚恢复"})
    assert c.status() == "已直接答复", c.status()

    # Two days later the same caller complains: the lookup by phone finds the first ticket.
    c.driver.get(c.base + "/#/")
    intake = c.find("form.intake")
    c.fill(intake, {"channel": "phone", "type": "complaint", "title": "小区停水三天",
                    "content": "城关街道幸福小区3栋自周一起停水三天，至今未恢复", "name": "张三",
                    "phone": "13800000000", "region": "城关街道", "topic": "供水"})
    c.find(".lookup-button").click()
    if lookup:
        c.wait(lambda: first in c.find(".lookup").text, "the earlier ticket in the lookup")
        c.find(".lookup button").click()
        assert c.find("input[name=related_to]").get_attribute("value") == first
    else:
        c.shows("本服务器尚不支持按电话查询")
        c.fill(intake, {"related_to": first})
    c.shot("operator-intake-lookup")
    intake.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    second = c.ticket_id()
    c.shows("第 2 次")
    c.shot("ticket-registered")

    # A second call needs the hotline head's sign-off to dispatch (001 art. 10(4)).
    form = c.unfold("dispatch")
    assert "热线负责人" in form.text, form.text
    c.act("dispatch", "已派单", {"lead": "waterworks", "approved_by.0.name": "陈主任",
                                "approved_by.0.post": "热线办主任"})
    assert c.status() == "已派单待签收", c.status()
    # Signing is due Tuesday 17:30: from Monday 09:00 that is 6 business hours today and a working
    # day of 6.5 hours tomorrow (001 art. 14, business hours assumed, rules.md §2).
    c.shows("剩 1个工作日6小时")

    # A third call, for the waterworks with the housing bureau as co-handler: left unsigned.
    c.driver.get(c.base + "/#/")
    intake = c.find("form.intake")
    c.fill(intake, {"channel": "wechat", "type": "help", "title": "水表井盖破损",
                    "content": "幸福小区门口水表井盖破损，夜间有行人跌倒风险", "region": "城关街道", "topic": "供水",
                    "name": "王五", "phone": "13900000001", "confidential": True})
    intake.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    third = c.ticket_id()
    form = c.unfold("dispatch")
    form.find_element(By.CSS_SELECTOR, "input[name=co][value=housing]").click()
    c.act("dispatch", "已派单", {"lead": "waterworks"})
    c.shows("协办：县住房和城乡建设局")

    # The waterworks: its inbox, signing with the unit head (001 art. 17), contact, extension.
    c.sign_in("dev-waterworks", "蒙城县自来水公司")
    c.shows(second)
    c.shows(third)
    # The caller of a confidential item is hidden from the unit (002 art. 25, 004 art. 19).
    c.open_ticket(third)
    c.shows("保密件：来电人信息不向承办单位显示")
    assert "13900000001" not in c.text() and "王五" not in c.text()
    c.driver.get(c.base + "/#/")
    c.shows(second)
    c.shot("department-inbox")
    c.find(f"a[href='#/ticket/{second}']").click()
    c.wait(lambda: second in c.find("h1").text, "the ticket from the inbox")
    form = c.unfold("sign")
    assert "单位负责人" in form.text, form.text
    c.act("sign", "已签收", {"approved_by.0.name": "周经理", "approved_by.0.post": "总经理"})
    assert c.status() == "办理中", c.status()
    c.act("contact", "已联系来电人", {"note": "已电话联系张三，说明抢修进度"})
    # Past 10 working days in all, an extension needs the unit head's signature (001 art. 19).
    c.act("request_extension", "已申请延期", {"working_days": "5", "reason": "需更换主管道，协调供电部门停电施工",
                                          "approved_by.0.name": "周经理", "approved_by.0.post": "总经理"})
    c.shot("ticket-department")

    # The supervisor: the pending extension, approved.
    c.sign_in("dev-supervisor", "督办员")
    c.shows("待审批：延期申请（1）")
    c.shot("supervisor-desk")
    c.open_ticket(second)
    c.unfold("approve_extension")
    c.shot("ticket-supervisor")
    # More days than asked is refused (001 art. 19): the server's message shows, nothing changes.
    refusal = c.refused("approve_extension", {"working_days": "9"})
    assert refusal.startswith("填写有误：") or refusal.startswith("已达上限："), refusal
    c.act("approve_extension", "已批准延期", {"working_days": ""})
    c.shows("批准延期 5 个工作日")

    # The waterworks uploads the signed sign-off (003 §5(4)), then replies, signed off by the unit
    # head (001 art. 24).
    c.sign_in("dev-waterworks", "蒙城县自来水公司")
    c.open_ticket(second)
    signed = os.path.join(c.profile, "领导签发件.png")
    shutil.copy(os.path.join(ARTIFACTS, "01-signin.png"), signed)  # any PNG will do
    c.find("form.upload input[type=file]").send_keys(signed)
    c.driver.execute_script("document.getElementById('notice').hidden = true")
    c.find("form.upload button").click()
    c.wait(lambda: c.notice() == "已上传附件 领导签发件.png", "the upload")
    c.shows("上传附件：领导签发件.png")
    form = c.unfold("reply")
    assert "单位负责人" in form.text, form.text
    c.act("reply", "已办结回复", {"result": "更换爆裂管段，已恢复供水", "handler.name": "李四",
                               "handler.post": "维修班长", "handler.phone": "0558-7123456",
                               "approved_by.0.name": "周经理", "approved_by.0.post": "总经理"})
    assert c.status() == "已回复待回访", c.status()

    # The operator's visit-back: satisfied, closed.
    c.sign_in("dev-operator", "话务员")
    c.shows(second)  # among those waiting for the visit-back
    c.open_ticket(second)
    c.act("evaluate", "已回访评价", {"satisfied": "true", "comment": "来电人表示满意"})
    assert c.status() == "已办结", c.status()
    c.shows("归档")
    c.shot("ticket-closed")

    # The admin: actors, timers, health, the virtual clock moved by a day.
    c.sign_in("dev-admin", "系统管理员")
    c.shows("活动 Actor")
    c.shows("虚拟时钟：2026/03/16")
    c.shot("admin-desk")
    c.shows(f"{third}")  # its armed timers
    clock = c.find("form.clock")
    c.fill(clock, {"hours": "36"})  # past the third ticket's sign and return terms (Tue 17:30)
    c.driver.execute_script("document.getElementById('notice').hidden = true")
    clock.find_element(By.CSS_SELECTOR, "button").click()
    c.wait(lambda: c.notice().startswith("时钟已到 2026/03/17 21:00"), "the clock moved")
    assert "触发到期事件 0 个" not in c.notice(), c.notice()
    c.shows("虚拟时钟：2026/03/17 21:00")
    c.shot("admin-clock-moved")
    # Silence past the return window is acceptance (001 art. 16): the page says so, in words.
    c.open_ticket(third)
    c.shows("视为签收")
    c.shot("ticket-deemed-signed")


def out_of_time(*_):
    raise TimeoutError("the browser test ran past its 240 s")


def main():
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(240)  # stops by itself whatever happens, and still cleans up
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in os.listdir(ARTIFACTS):
        if old.endswith(".png"):
            os.remove(os.path.join(ARTIFACTS, old))
    data = tempfile.mkdtemp(prefix="console-data-")
    server, base = start_server(data)
    console = None
    try:
        console = Console(base)
        life_of_a_ticket(console, phone_lookup_served(base))
        print(f"screenshots: {ARTIFACTS}")
        print("1 passed, 0 failed")
    finally:
        if console:
            console.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
