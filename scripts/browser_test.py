"""Headless Chromium against `parley serve`, through the DevTools protocol (see browser_test.sh).

Usage: browser_test.py URL SCREENSHOT_DIR PROFILE_DIR
"""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.request

import websocket

URL, SHOTS, PROFILE = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


class Browser:
    def __init__(self):
        os.makedirs(PROFILE, exist_ok=True)
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={PROFILE}", "--window-size=1280,900",
             "--hide-scrollbars", "--force-device-scale-factor=1", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(PROFILE, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.05)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.console = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == "Runtime.exceptionThrown":
                self.console.append(message["params"]["exceptionDetails"].get("text", "exception"))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(expression):
                return True
            time.sleep(0.1)
        check(False, f"waited {timeout} s for {what}")
        return False

    def centre(self, selector):
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        return box

    def click(self, selector):
        x, y = self.centre(selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def key(self, key, code, keycode, modifiers=0):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=keycode, modifiers=modifiers)

    def type_into(self, selector, text):
        """Clicks the field, selects what is there, types `text` and leaves with Tab (which fires `change`)."""
        self.click(selector)
        self.key("a", "KeyA", 65, modifiers=2)  # Ctrl+A
        self.call("Input.insertText", text=text)
        self.key("Tab", "Tab", 9)

    def screenshot(self, name):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": 1280, "height": min(size["height"], 6000), "scale": 1})
        path = os.path.join(SHOTS, name)
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(f"saved {path}")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=10)


def forecast_cells(browser):
    return browser.js("""Object.fromEntries([...document.querySelectorAll('#forecasts td[data-model]')]
        .map(td => [td.dataset.model + ' ' + td.dataset.issue, td.firstChild ? td.firstChild.textContent : '']))""")


browser = Browser()
try:
    browser.call("Page.navigate", url=URL + "/")
    browser.wait("document.body && document.body.dataset.ready === 'true'", "the page to start")
    check(browser.js("document.title") == "Parley", "the page is titled Parley")
    check(browser.js("document.getElementById('example').value") == "bonn-2001", "the Bonn example is preselected")
    check(browser.js("document.querySelector('script[src^=\"http\"], link[href^=\"http\"]') === null"), "no external scripts or styles")

    browser.click("#load-example")
    browser.wait("document.body.dataset.runs === '1'", "the first forecast")
    check(browser.js("document.getElementById('scenario-title').textContent").startswith("Bonn Conference 2001"), "the scenario's name is shown")
    check(browser.js("document.querySelectorAll('#inputs tbody tr').length") == 10, "the table has the 10 Bonn stakeholders")
    before = forecast_cells(browser)
    check(len(before) == 7 * 3, f"7 models × 3 issues of forecasts are shown (found {len(before)})")
    check(before.get("weighted-mean na-share") == "51.5", f"weighted-mean forecasts 51.5 on na-share, as parley forecast does (found {before.get('weighted-mean na-share')})")
    check(browser.js("document.querySelectorAll('#charts svg').length") == 9, "3 issues × 3 SVG charts are drawn")
    map_before = browser.js("document.querySelector('figure[data-chart=map][data-issue=na-share] svg').outerHTML")
    check("Northern Alliance" in map_before, "the na-share stakeholder map labels the Northern Alliance")
    forecast_svg = browser.js("document.querySelector('figure[data-chart=forecast][data-issue=chair] svg').outerHTML")
    check("Karzai" in forecast_svg and "ensemble" in forecast_svg, "the chair forecast chart shows the Karzai anchor and the ensemble row")
    browser.wait("document.body.dataset.busy === 'false'", "the first run to settle")
    browser.screenshot("01-bonn-loaded.png")

    # Store this run and the next, so they can be compared afterwards.
    browser.click("#store")
    check(browser.js("document.getElementById('store').checked"), "'store this run' is ticked")
    browser.click("#run")
    browser.wait("document.body.dataset.runs === '2' && document.body.dataset.busy === 'false'", "the stored rerun")
    check("stored as run" in browser.js("document.getElementById('run-status').textContent"), "the status names the stored run")

    # The Northern Alliance cares much less about its share of posts: 95 -> 5.
    field = "#inputs input[aria-label='Northern Alliance (United Front): salience on na-share']"
    check(browser.js(f"document.querySelector({json.dumps(field)}).value") == "95", "the Northern Alliance's salience on na-share reads 95")
    browser.type_into(field, "5")
    check(browser.js(f"document.querySelector({json.dumps(field)}).classList.contains('changed')"), "the edited cell is marked as changed")
    browser.click("#run")
    browser.wait("document.body.dataset.runs === '3'", "the rerun")
    browser.wait("document.body.dataset.busy === 'false'", "the rerun to settle")
    after = forecast_cells(browser)
    changed = [key for key in before if key.endswith("na-share") and before[key] != after.get(key)]
    check(len(changed) >= 3, f"na-share forecasts changed for several models ({', '.join(changed)})")
    check(float(after["weighted-mean na-share"]) < float(before["weighted-mean na-share"]),
          f"weighted-mean na-share moved down, away from the Northern Alliance's 75 ({before['weighted-mean na-share']} -> {after['weighted-mean na-share']})")
    check(browser.js("document.querySelectorAll('#forecasts span.down, #forecasts span.up').length") >= 3, "the change arrows are shown")
    map_after = browser.js("document.querySelector('figure[data-chart=map][data-issue=na-share] svg').outerHTML")
    check(map_after != map_before, "the na-share stakeholder map changed (salience is its vertical axis)")
    chair_unchanged = all(before[k] == after[k] for k in before if k.startswith("weighted-mean chair"))
    check(chair_unchanged, "weighted-mean's chair forecast did not change (the edit was on na-share only)")
    browser.screenshot("02-salience-edited.png")

    # Compare the two stored runs.
    browser.wait("document.querySelectorAll('#runs input[type=checkbox]').length >= 2", "the stored runs to be listed")
    browser.click("#runs tbody tr:nth-child(1) input")
    browser.click("#runs tbody tr:nth-child(2) input")
    check(not browser.js("document.getElementById('compare').disabled"), "Compare is enabled with two runs ticked")
    browser.click("#compare")
    browser.wait("document.querySelectorAll('#comparison tbody tr').length > 0", "the comparison")
    rows = browser.js("[...document.querySelectorAll('#comparison tbody tr')].map(tr => [...tr.cells].map(c => c.textContent))")
    check(len(rows) == 21, f"the comparison has 21 rows (found {len(rows)})")
    moved = [r for r in rows if r[1] == "na-share" and r[4] not in ("0.0", "+0.0", "—")]
    check(len(moved) >= 3, "the comparison shows na-share differences")
    browser.screenshot("03-runs-compared.png")

    # A salience outside 0-100 is refused with the located message, shown on the page.
    browser.type_into(field, "150")
    browser.click("#run")
    browser.wait("document.body.dataset.error === 'true'", "the error message")
    message = browser.js("document.getElementById('messages').textContent")
    check("salience" in message and ":" in message and "error" in message, f"the error names the field and its place: {message[:160]!r}")
    check(browser.js(f"document.querySelector({json.dumps(field)}).getAttribute('aria-invalid')") == "true", "the offending cell is marked invalid")
    browser.js("window.scrollTo(0, 0)")
    browser.screenshot("04-error-shown.png")
    check(not browser.console, f"no script errors ({browser.console})")
finally:
    browser.close()

if failures:
    print(f"{len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("all browser checks passed")
