"""Headless Chromium against `parley serve`, through the DevTools protocol (see browser_test.sh).

Usage: browser_test.py URL SCREENSHOT_DIR PROFILE_DIR WORK_DIR

Every check prints ok/FAIL; a failed check saves a screenshot of the whole page in SCREENSHOT_DIR (its path is
printed). Waits are for conditions on the page or the server (generous timeouts), never fixed sleeps.
"""
import base64
import json
import re
import os
import subprocess
import sys
import time
import urllib.request

import websocket

URL, SHOTS, PROFILE, WORK = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
failures = []
browser = None


STARTED = time.time()


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + f"[{time.time() - STARTED:5.1f} s] " + what, flush=True)
    if not condition:
        failures.append(what)
        if browser is not None:
            try:
                browser.screenshot(f"fail-{len(failures):02d}.png")
            except Exception as error:  # a screenshot must not hide the failure itself
                print(f"      (no screenshot: {error})")


def server_json(path):
    with urllib.request.urlopen(URL + path, timeout=30) as answer:
        return json.load(answer)


def server_post(path, file):
    request = urllib.request.Request(URL + path, data=open(file, "rb").read(), headers={"Content-Type": "application/yaml"}, method="POST")
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.load(answer)


BAR_RECORDER = """(() => { window.__bar = []; const p = document.getElementById('progress');
    if (!window.__barObserver) { window.__barObserver = new MutationObserver(() => window.__bar.push([p.hasAttribute('value') ? p.value : null, p.max, p.getAttribute('aria-label')]));
        window.__barObserver.observe(p, { attributes: true, attributeFilter: ['value', 'max', 'aria-label'] }); }
    return true; })()"""


def wait_for(condition, what, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    check(False, f"waited {timeout} s for {what}")
    return False


class Browser:
    def __init__(self):
        os.makedirs(PROFILE, exist_ok=True)
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={PROFILE}", "--window-size=1280,900",
             "--hide-scrollbars", "--force-device-scale-factor=1", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(PROFILE, "DevToolsActivePort")
        deadline = time.time() + 60
        while time.time() < deadline and not (os.path.exists(port_file) and open(port_file).read().strip()):
            time.sleep(0.05)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120)
        self.next_id = 0
        self.console = []
        self.width = 1280
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("DOM.enable")

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

    def wait(self, expression, what, timeout=60):
        return wait_for(lambda: self.js(expression), what, timeout)

    def viewport(self, width, height=900, mobile=False):
        self.width = width
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def centre(self, selector):
        return self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")

    def click(self, selector):
        x, y = self.centre(selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def key(self, key, code, keycode, modifiers=0):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=keycode, modifiers=modifiers)

    def enter(self):
        self.call("Input.dispatchKeyEvent", type="rawKeyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13)
        self.call("Input.dispatchKeyEvent", type="char", key="Enter", code="Enter", text="\r", windowsVirtualKeyCode=13)
        self.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13)

    def fill(self, selector, text):
        """Clicks the field, selects what is there and types `text` (Backspace when it is empty)."""
        self.click(selector)
        self.key("a", "KeyA", 65, modifiers=2)  # Ctrl+A
        if text:
            self.call("Input.insertText", text=text)
        else:
            self.key("Backspace", "Backspace", 8)

    def type_into(self, selector, text):
        """Fills the field and leaves it with Tab (which fires `change`)."""
        self.fill(selector, text)
        self.key("Tab", "Tab", 9)

    def upload(self, selector, path):
        document = self.call("DOM.getDocument", depth=1)
        node = self.call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector=selector)
        self.call("DOM.setFileInputFiles", files=[path], nodeId=node["nodeId"])

    def screenshot(self, name):
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": self.width, "height": min(size["height"], 8000), "scale": 1})
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, name)
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(f"      screenshot: {path}")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def forecast_cells(page):
    return page.js("""Object.fromEntries([...document.querySelectorAll('#forecasts td[data-model]')]
        .map(td => [td.dataset.model + ' ' + td.dataset.issue, td.firstChild ? td.firstChild.textContent : '']))""")


def in_view(page, selector):
    return page.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false;
        const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }})()""")


def settled(page, runs):
    page.wait(f"document.body.dataset.runs === '{runs}' && document.body.dataset.busy === 'false'", f"run {runs} to finish", timeout=300)


# The smallest rendered font size (px) of the text in the charts under `root`: each SVG's font-size units
# times the SVG's drawn width over its viewBox width.
SMALLEST_CHART_TEXT = """((root) => { let smallest = 1000; let count = 0;
  for (const svg of document.querySelectorAll(root)) {
    const box = svg.viewBox.baseVal; const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale; count += 1;
      if (size < smallest) smallest = size;
    }
  } return [smallest, count]; })"""

# Pairs of text labels of one SVG whose boxes overlap by more than 2 px in both directions.
COLLIDING_LABELS = """((selector) => { const hits = [];
  for (const svg of document.querySelectorAll(selector)) {
    const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i], [b, q] = boxes[j];
      const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left), dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (dx > 2 && dy > 2) hits.push(a + ' / ' + b);
    }
  } return hits; })"""

# Stakeholder-map labels measured from the rendered SVG (user units): each label is paired with its bubble by the
# bubble's tooltip ("Name: position ..."); it must sit beside its own bubble (within 6 units of its edge, no other
# bubble nearer) or be joined to it by a leader line (one end on the bubble's edge, the other on the label), and no
# two labels may overlap. Returns [labels measured, leaders, problems].
MAP_LABELS = """((selector) => { const problems = []; let measured = 0, leaders = 0;
  const gap = (b, c) => { const x = Math.min(Math.max(c.x, b.x), b.x + b.width), y = Math.min(Math.max(c.y, b.y), b.y + b.height);
    return Math.hypot(x - c.x, y - c.y) - c.r; };
  for (const svg of document.querySelectorAll(selector)) {
    const figure = svg.closest('figure'); const where = figure ? figure.dataset.issue : '?';
    const bubbles = [...svg.querySelectorAll('circle')].map(c => ({ name: (c.querySelector('title') || {}).textContent || '',
      x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value })).map(b => ({ ...b, name: b.name.replace(/: position .*$/s, '') }));
    const byName = Object.fromEntries(bubbles.map(b => [b.name, b]));
    const lines = [...svg.querySelectorAll('line')].map(l => [l.x1.baseVal.value, l.y1.baseVal.value, l.x2.baseVal.value, l.y2.baseVal.value]);
    const labels = [...svg.querySelectorAll('text')].filter(t => byName[t.textContent]).map(t => ({ name: t.textContent, box: t.getBBox() }));
    for (const label of labels) {
      measured += 1;
      const own = byName[label.name], b = label.box, mine = gap(b, own);
      const nearer = bubbles.filter(o => o !== own && gap(b, o) < mine - 0.5).map(o => o.name);
      const beside = mine <= 6 && nearer.length === 0;
      const near = (x, y) => x >= b.x - 2 && x <= b.x + b.width + 2 && y >= b.y - 2 && y <= b.y + b.height + 2;
      const leader = lines.some(([x1, y1, x2, y2]) => Math.abs(Math.hypot(x1 - own.x, y1 - own.y) - own.r) < 1.5 && near(x2, y2));
      if (leader) leaders += 1;
      if (!beside && !leader) problems.push(`${where}: ${label.name} is ${mine.toFixed(1)} from its bubble` + (nearer.length ? ` and nearer ${nearer[0]}'s` : '') + ' with no leader line');
    }
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      const p = labels[i].box, q = labels[j].box;
      const dx = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x), dy = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
      if (dx > 1 && dy > 1) problems.push(`${where}: ${labels[i].name} overlaps ${labels[j].name}`);
    }
  } return [measured, leaders, problems]; })"""

# WCAG contrast of every visible text (HTML text nodes and SVG text) against its effective background.
CONTRAST = """(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (node) => { for (let e = node; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const bad = []; let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement; if (!t.textContent.trim() || !e) continue;
    if (e.closest('[hidden], option, title, script, style') || e.closest('button:disabled, select:disabled, input:disabled, label:has(input:disabled)')) continue;
    const r = e.getBoundingClientRect(); if (!r.width || !r.height) continue;
    const style = getComputedStyle(e); if (style.visibility === 'hidden' || style.display === 'none') continue;
    const inSvg = e instanceof SVGElement;
    const fg = parse(inSvg ? style.fill : style.color); if (!fg) continue;
    const bg = inSvg ? {r: 255, g: 255, b: 255, a: 1} : background(e);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    checked += 1;
    if (ratio < need) bad.push(`${t.textContent.trim().slice(0, 30)} (${ratio.toFixed(2)})`);
  }
  return [checked, [...new Set(bad)]]; })()"""

# Visible controls without an accessible name.
UNLABELLED = """(() => [...document.querySelectorAll('input, select, button, textarea, [tabindex]')].filter(e => {
    if (e.closest('[hidden]') || !e.getClientRects().length) return false;
    const named = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
      || e.closest('label') || (e.tagName === 'BUTTON' && e.textContent.trim());
    return !named; }).map(e => e.outerHTML.slice(0, 80)))()"""

# The focused element's focus indicator: an outline or a box shadow at least 2 px wide.
FOCUS_RING = """(() => { const e = document.activeElement; if (!e || e === document.body) return null; const s = getComputedStyle(e);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
  return [e.id || e.getAttribute('aria-label') || e.tagName, ring]; })()"""


def round_forecast(round_, issue):
    """A simulation round's forecast of `issue` ({"issue": value} or [{"issue", "value"}]), or None."""
    forecast = round_.get("forecast") or {}
    if isinstance(forecast, dict):
        value = forecast.get(issue)
        return value.get("value") if isinstance(value, dict) else value
    return next((f.get("value") for f in forecast if isinstance(f, dict) and f.get("issue") == issue), None)


def scenario_yaml(stakeholders, issues):
    """A synthetic scenario: `stakeholders` × `issues`, each stakeholder with a stance on every issue."""
    lines = ["format: parley/1", f"name: Wide test {stakeholders} x {issues}", "issues:"]
    for j in range(issues):
        lines += [f"  - id: issue-{j}", f"    name: Issue number {j}", "    scale: {min: 0, max: 100}"]
    lines.append("stakeholders:")
    for i in range(stakeholders):
        lines += [f"  - id: party-{i}", f"    name: Party with a long name {i}", f"    capability: {10 + i % 7}", "    stances:"]
        for j in range(issues):
            lines.append(f"      issue-{j}: {{position: {(i * 37 + j * 11) % 101}, salience: {20 + (i + j) % 70}}}")
    return "\n".join(lines) + "\n"


browser = Browser()
try:
    browser.call("Page.navigate", url=URL + "/")
    browser.wait("document.body && document.body.dataset.ready === 'true'", "the page to start")
    check(browser.js("document.title") == "Parley", "the page is titled Parley")
    check(browser.js("document.getElementById('example').value") == "bonn-2001", "the Bonn example is preselected")
    check(browser.js("document.querySelector('script[src^=\"http\"], link[href^=\"http\"]') === null"), "no external scripts or styles")

    browser.click("#load-example")
    settled(browser, 1)
    check(browser.js("document.getElementById('scenario-title').textContent").startswith("Bonn Conference 2001"), "the scenario's name is shown")
    check(browser.js("document.querySelectorAll('#inputs tbody tr').length") == 11, "the table has the 11 Bonn stakeholders")
    before = forecast_cells(browser)
    # 7 default models plus the procedural model (Bonn has a forum with a setter and status quos), 3 issues each.
    check(len(before) == 8 * 3, f"8 models × 3 issues of forecasts are shown (found {len(before)})")
    check(before.get("weighted-mean na-share") == "52.7", f"weighted-mean forecasts 52.7 on na-share, as parley forecast does (found {before.get('weighted-mean na-share')})")
    check(any(key.startswith("procedural ") and value not in ("", "—") for key, value in before.items()), "item 8: the procedural model's forecasts are shown")
    check(browser.js("document.querySelectorAll('#charts svg').length") == 9, "3 issues × 3 SVG charts are drawn")
    map_before = browser.js("document.querySelector('figure[data-chart=map][data-issue=na-share] svg').outerHTML")
    check("Northern Alliance" in map_before, "the na-share stakeholder map labels the Northern Alliance")
    forecast_svg = browser.js("document.querySelector('figure[data-chart=forecast][data-issue=chair] svg').outerHTML")
    check("Karzai" in forecast_svg and "ensemble" in forecast_svg, "the chair forecast chart shows the Karzai anchor and the ensemble row")

    # Item 8: coders' reliability: Bonn has no codings, and the page says so plainly.
    browser.wait("document.body.dataset.reliability === 'none'", "the reliability panel for Bonn")
    said = browser.js("document.getElementById('reliability-summary').textContent")
    check("no codings" in said and not browser.js("document.getElementById('reliability-panel').hidden"), f"item 8: a scenario without codings says so ({said[:60]!r})")

    # Item 4: the trajectory chart's round axis ends shortly after the last movement (expected-utility runs 250 rounds on Bonn).
    simulation = server_post("/api/simulate?model=expected-utility", "Examples/bonn-2001.yaml")
    for issue in ("na-share", "chair", "security-force"):
        settled_round = 0
        for previous, current in zip(simulation["rounds"], simulation["rounds"][1:]):
            moved = any(abs(current["positions"][who][issue] - previous["positions"][who].get(issue, 0)) > 1e-4
                        for who in current["positions"] if issue in current["positions"][who] and issue in previous["positions"][who])
            before_f, now_f = round_forecast(previous, issue), round_forecast(current, issue)
            if moved or (before_f is not None and now_f is not None and abs(now_f - before_f) > 1e-4):
                settled_round = current["round"]
        ticks = browser.js(f"""[...document.querySelectorAll('figure[data-chart=trajectory][data-issue={issue}] svg text[text-anchor=middle]')]
            .map(t => Number(t.textContent)).filter(v => Number.isFinite(v))""")
        last_tick = max(ticks) if ticks else -1
        check(settled_round * 0.5 <= last_tick <= settled_round * 1.25 + 10 and (last_tick < 250 or settled_round > 200),
              f"item 4: the {issue} trajectory's round axis ends at {last_tick}, near the last movement (round {settled_round} of {len(simulation['rounds']) - 1})")

    # Item 8: who won (from POST /api/forecast?winners=true), as a bar chart and a table.
    check(not browser.js("document.getElementById('winners-panel').hidden"), "item 8: the who-won panel is shown")
    check(browser.js("document.querySelectorAll('#winners-table tbody tr').length") == 11, "item 8: who won lists the 11 stakeholders")
    check(browser.js("document.querySelectorAll('#winners svg rect').length") == 11, "item 8: who won draws a gain bar per stakeholder")
    # History's table depends on no model, and weighted-mean's only on that model: asking for it alone keeps this quick.
    answer = server_post("/api/forecast?winners=true&model=weighted-mean", "Examples/bonn-2001.yaml")
    history = next(t for t in answer["winners"] if t["source"] == "history")
    top = min(history["stakeholders"], key=lambda s: s["rank"])
    first_row = browser.js("[...document.querySelector('#winners-table tbody tr').cells].map(c => c.textContent)")
    check(first_row[0] == "1" and first_row[5] == f"{top['gain']:.1f}",
          f"item 8: the first row of who won is the API's rank-1 stakeholder with its gain {top['gain']:.1f} (found {first_row})")
    # Influence needs a model (the outcome without the stakeholder): history has none, so look at weighted-mean's table.
    mean_table = next(t for t in answer["winners"] if t["source"] == "weighted-mean")
    influences = ["—" if s.get("influence") is None else f"{s['influence']:.1f}" for s in sorted(mean_table["stakeholders"], key=lambda s: s["rank"])]
    browser.js("(() => { const s = document.getElementById('winners-source'); s.value = 'weighted-mean'; s.dispatchEvent(new Event('change')); return true; })()")
    shown = browser.js("[...document.querySelectorAll('#winners-table tbody tr')].map(tr => tr.cells[4].textContent)")
    check(shown == influences and all(value != "—" for value in shown), f"item 8: who won under weighted-mean shows the API's influence per stakeholder ({shown[:4]} vs {influences[:4]})")
    browser.js("(() => { const s = document.getElementById('winners-source'); s.value = 'history'; s.dispatchEvent(new Event('change')); return true; })()")

    # Item 8: evidence status per number and hindsight marks (POST /api/validate's audit).
    browser.wait("document.querySelectorAll('#inputs .ev').length > 0", "the evidence marks")
    audit = server_post("/api/validate", "Examples/bonn-2001.yaml")["evidence"]
    summary = browser.js("document.getElementById('evidence-summary').textContent")
    quotes = audit["quotes_verified"] + audit["quotes_unverifiable"]
    check(f"{quotes} quotes" in summary and f"{audit['inferences']} inferences" in summary and f"{audit['hindsight']} pieces dated after" in summary,
          f"item 8: the evidence summary repeats /api/validate's counts ({summary[:120]!r})")
    marks = browser.js("document.querySelectorAll('#inputs .ev').length")
    check(marks == 11 + 33, f"item 8: one evidence mark per capability and stance (11 + 33; found {marks})")
    hindsight_numbers = sum(1 for n in audit["numbers"] if n["hindsight"] > 0)
    check(browser.js("document.querySelectorAll('#inputs .ev.hindsight').length") == hindsight_numbers,
          f"item 8: numbers backed by hindsight are marked H ({hindsight_numbers} in the audit)")

    # Item 5: three quick clicks send one forecast; the button is disabled meanwhile.
    browser.js("window.__forecasts = 0; const f = window.fetch; window.fetch = (u, o) => { if (String(u).startsWith('/api/forecast')) window.__forecasts += 1; return f(u, o); }; true")
    browser.click("#store")
    check(browser.js("document.getElementById('store').checked"), "'store this run' is ticked")
    x, y = browser.centre("#run")
    for _ in range(3):
        for kind in ("mousePressed", "mouseReleased"):
            browser.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
    check(browser.js("document.getElementById('run').disabled || document.body.dataset.runs === '2'"), "item 5: Run is disabled while the models run")
    settled(browser, 2)
    check(browser.js("window.__forecasts") == 1, f"item 5: three quick clicks sent one forecast (sent {browser.js('window.__forecasts')})")
    check("stored as run" in browser.js("document.getElementById('run-status').textContent"), "the status names the stored run")

    # The Northern Alliance delegation cares much less about its share of posts: 90 -> 5.
    field = "#inputs input[aria-label='Northern Alliance delegation (Qanooni): salience on na-share']"
    check(browser.js(f"document.querySelector({json.dumps(field)}).value") == "90", "the Northern Alliance delegation's salience on na-share reads 90")
    browser.type_into(field, "5")
    check(browser.js(f"document.querySelector({json.dumps(field)}).classList.contains('changed')"), "the edited cell is marked as changed")
    check(browser.js("document.body.dataset.stale") == "true", "item 1: after an edit the results are marked stale until rerun")
    browser.click("#run")
    settled(browser, 3)
    check(browser.js("document.body.dataset.stale") == "false", "item 1: a successful run clears the stale mark")
    after = forecast_cells(browser)
    changed = [key for key in before if key.endswith("na-share") and before[key] != after.get(key)]
    check(len(changed) >= 3, f"na-share forecasts changed for several models ({', '.join(changed)})")
    check(float(after["weighted-mean na-share"]) < float(before["weighted-mean na-share"]),
          f"weighted-mean na-share moved down, away from the Northern Alliance's 70 ({before['weighted-mean na-share']} -> {after['weighted-mean na-share']})")
    check(browser.js("document.querySelectorAll('#forecasts span.down, #forecasts span.up').length") >= 3, "the change arrows are shown")
    map_after = browser.js("document.querySelector('figure[data-chart=map][data-issue=na-share] svg').outerHTML")
    check(map_after != map_before, "the na-share stakeholder map changed (salience is its vertical axis)")
    check(all(before[k] == after[k] for k in before if k.startswith("weighted-mean chair")), "weighted-mean's chair forecast did not change (the edit was on na-share only)")

    # Item 3: the two stored runs are named by time and edits, and compared later minus earlier, inputs included.
    browser.wait("document.querySelectorAll('#runs input[type=checkbox]').length >= 2", "the stored runs to be listed")
    summaries = browser.js("[...document.querySelectorAll('#runs tbody td.inputs-summary')].map(td => td.textContent)")
    check(summaries[:2] == ["1 edit: Northern Alliance delegation (Qanooni), salience on na-share: 90 → 5", "as loaded"],
          f"item 3: the runs list says what each run's inputs were ({summaries[:2]})")
    browser.click("#runs tbody tr:nth-child(1) input")
    browser.click("#runs tbody tr:nth-child(2) input")
    check(not browser.js("document.getElementById('compare').disabled"), "Compare is enabled with two runs ticked")
    browser.click("#compare")
    browser.wait("document.querySelectorAll('#comparison tbody tr').length > 0", "the comparison")
    headings = browser.js("[...document.querySelectorAll('#comparison thead th')].map(th => th.textContent)")
    check(headings[2:5] == ["Run 1 (earlier)", "Run 2 (later)", "Change (run 2 − run 1)"], f"item 3: the comparison's columns read earlier, later, later − earlier ({headings})")
    rows = browser.js("[...document.querySelectorAll('#comparison tbody tr')].map(tr => [...tr.cells].map(c => c.textContent))")
    check(len(rows) == 24, f"the comparison has 24 rows (found {len(rows)})")
    signs = [r for r in rows if r[2] != "—" and r[3] != "—" and r[4] != "—" and abs(float(r[3]) - float(r[2]) - float(r[4])) > 0.11]
    check(not signs, f"item 3: every change equals later − earlier ({signs[:2]})")
    wm = next(r for r in rows if r[0] == "weighted-mean" and r[1] == "na-share")
    check(float(wm[4]) < 0, f"item 3: weighted-mean's na-share change is negative, as the edit lowered it ({wm})")
    inputs_text = browser.js("document.getElementById('input-changes').textContent")
    check("Northern Alliance delegation (Qanooni), salience on na-share: 90 → 5" in inputs_text, f"item 3: the comparison lists the edited input ({inputs_text[:100]!r})")
    check("different scenarios" not in browser.js("document.getElementById('comparison').textContent"), "item 3: an edited Bonn is not called a different scenario")

    # Items 1 and 2: an empty or non-numeric cell plus Enter does not run; the error is beside the cell and in view.
    runs_before = browser.js("document.body.dataset.runs")
    for text, expected in (("", "empty"), ("abc", "'abc' is not a number")):
        browser.fill(field, text)
        browser.enter()
        browser.wait("document.body.dataset.error === 'true'", f"the refusal of {text!r}")
        errors = browser.js("document.getElementById('edit-errors').textContent")
        check(expected in errors and "Northern Alliance" in errors, f"item 2: {text!r} + Enter is refused naming the cell ({errors[:100]!r})")
        check(browser.js("document.body.dataset.runs") == runs_before, f"item 2: {text!r} + Enter did not run the models")
        check("Not run" in browser.js("document.getElementById('run-status').textContent"), f"item 2: the status says the models did not run after {text!r}")
        check(browser.js(f"document.querySelector({json.dumps(field)}).parentElement.querySelector('.cell-error') !== null"), f"item 2: the message for {text!r} sits beside the cell")

    # Item 1: a salience of 150 in the last row, then Enter.
    browser.type_into(field, "5")
    last = "#inputs tbody tr:last-child input[data-field=salience]"
    browser.fill(last, "150")
    browser.enter()
    browser.wait("document.body.dataset.error === 'true' && document.body.dataset.busy === 'false' && document.getElementById('edit-errors').textContent.includes('150')", "the error message")
    message = browser.js("document.getElementById('edit-errors').textContent")
    last_name = browser.js("document.querySelector('#inputs tbody tr:last-child th').textContent")
    check("salience" in message and last_name in message and ".json (edited)" not in message,
          f"item 1: the error names the stakeholder and issue, not a line of JSON: {message[:160]!r}")
    check(in_view(browser, "#edit-errors"), "item 1: the error summary is in view")
    check(browser.js(f"document.querySelector({json.dumps(last)}).getAttribute('aria-invalid')") == "true", "item 1: the offending cell is marked invalid")
    check(browser.js(f"document.querySelector({json.dumps(last)}).parentElement.querySelector('.cell-error') !== null"), "item 1: the error sits beside the cell")
    check(browser.js("document.body.dataset.stale") == "true" and not browser.js("document.getElementById('stale-note').hidden"), "item 1: the old forecasts are marked stale")
    check(browser.js("document.getElementById('run-status').textContent").strip() != "", "item 1: the status is not blank")
    check(in_view(browser, "#run-status"), "item 1: the status is in view")
    browser.click("#reset")
    settled(browser, int(runs_before) + 1)

    # Item 4: chart text at least 11 px, at desktop width and on a phone; map labels do not collide.
    for width in (1400, 390):
        browser.viewport(width, 900, mobile=width < 600)
        browser.wait("document.body.dataset.busy === 'false'", "the page to settle")
        smallest, count = browser.js(SMALLEST_CHART_TEXT + "('#charts svg, #winners svg')")
        check(count > 50 and smallest >= 10.99, f"item 4: chart text is at least 11 px at {width} px wide (smallest {smallest:.2f} px over {count} labels)")
        overflow = browser.js("document.documentElement.scrollWidth - innerWidth")
        check(overflow <= 1, f"item 4: at {width} px the page does not scroll sideways (charts scroll in their own box; overflow {overflow} px)")
        measured, leaders, problems = browser.js(MAP_LABELS + "('figure[data-chart=map] svg')")
        check(measured == 33 and not problems, f"item 4: at {width} px each of {measured} map labels sits by its own bubble or has a leader line, none overlap ({problems[:3]})")
    browser.viewport(1280, 900)
    hits = browser.js(COLLIDING_LABELS + "('figure[data-chart=map] svg')")
    check(not hits, f"item 4: no two labels of a stakeholder map overlap ({hits[:3]})")
    cut = browser.js("[...document.querySelectorAll('figure[data-chart=trajectory] svg text')].map(t => t.textContent).filter(t => t.endsWith('…'))")
    check(not cut, f"item 4: trajectory legends do not cut names off ({cut[:3]})")

    # Item 9: accessibility: every control labelled, visible focus, text contrast at least 4.5:1.
    unlabelled = browser.js(UNLABELLED)
    check(not unlabelled, f"item 9: every control has a label ({unlabelled[:3]})")
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); true")
    rings, seen = [], set()
    for _ in range(40):
        browser.key("Tab", "Tab", 9)
        ring = browser.js(FOCUS_RING)
        if ring and ring[0] not in seen:
            seen.add(ring[0])
            rings.append(ring)
    missing = [name for name, ok in rings if not ok]
    check(len(rings) >= 20 and not missing, f"item 9: each of {len(rings)} controls reached with Tab shows a focus ring ({missing[:3]})")
    checked, low = browser.js(CONTRAST)
    check(checked > 100 and not low, f"item 9: all {checked} visible texts have contrast at least 4.5:1 ({low[:4]})")

    # Item 8: the odds of ranking first, from a Monte Carlo run.
    browser.type_into("#odds-runs", "200")
    browser.click("#run-odds")
    browser.wait("document.body.dataset.odds === 'true' && document.body.dataset.busy === 'false'", "the Monte Carlo odds", timeout=300)
    odds = browser.js("[...document.querySelectorAll('#odds-table tbody tr')].map(tr => parseFloat(tr.cells[1].textContent))")
    check(len(odds) == 11 and abs(sum(odds) - 100) < 0.6, f"item 8: P(first) is shown for 11 stakeholders and sums to 100% ({sum(odds):.1f}%)")
    check(browser.js("document.querySelectorAll('#odds svg rect').length") == 11, "item 8: the odds are drawn as bars")

    # Item 5: a long Monte Carlo run shows progress; Cancel frees the server's worker (it stops the work there).
    check(server_json("/api/health")["busy"]["workers"] == 0, "no Monte Carlo work runs before the long run")
    browser.type_into("#odds-runs", "2000000")
    # Every change of the bar, recorded in the page (not sampled): [value or null when indeterminate, max, label].
    browser.js(BAR_RECORDER)
    browser.click("#run-odds")
    wait_for(lambda: server_json("/api/health")["busy"]["workers"] == 1, "the server to start the long Monte Carlo run")
    # The app polls GET /api/progress/{id} about every 500 ms: wait for two different counts to be shown.
    browser.wait("new Set(window.__bar.filter(b => b[0] !== null && b[0] > 0).map(b => b[0])).size >= 2", "the bar to show two Monte Carlo counts", timeout=180)
    recorded, label, status = browser.js("[window.__bar, document.getElementById('progress').getAttribute('aria-label'), document.getElementById('run-status').textContent]")
    bars = [b for b in recorded if b[0] is not None]
    values = [b[0] for b in bars]
    check(bars and all(0 <= v <= m == 2000000 for v, m, _ in bars) and max(values) > 0,
          f"item 5: the bar is determinate at 0 < value <= max = 2,000,000 runs ({len(bars)} updates, last {bars[-1] if bars else None})")
    check(values == sorted(values), f"item 5: the bar's value never decreases ({values[:8]}...)")
    check(re.fullmatch(r"[0-9,]+ of 2,000,000 runs", label or "") is not None and label in status,
          f"item 5: the bar's accessible label and the status say how far ({label!r}; {status[:100]!r})")
    status = browser.js("document.getElementById('run-status').textContent")
    check("Monte Carlo" in status and " s (Cancel" in status and not browser.js("document.getElementById('progress').hidden"),
          f"item 5: the long run shows its progress ({status[:80]!r})")
    check(browser.js("document.getElementById('run').disabled && document.getElementById('run-odds').disabled"), "item 5: repeated submits are disabled during the long run")
    browser.click("#cancel")
    browser.wait("document.body.dataset.busy === 'false'", "the page to leave the busy state")
    check("Cancelled" in browser.js("document.getElementById('run-status').textContent"), "item 5: the status says the run was cancelled")
    # The run would take many minutes; its worker comes free only once the engine has stopped.
    stopped = wait_for(lambda: server_json("/api/health")["busy"]["workers"] == 0, "the server to stop the cancelled work", timeout=60)
    check(stopped, "item 5: Cancel stopped the work on the server (its worker is free)")

    # Item 7: UTF-16 uploads (with and without a byte-order mark) are refused as not UTF-8.
    text = open("Examples/dummyData_3Dim.yaml", encoding="utf-8").read()
    for name, data in (("utf16-bom.yaml", text.encode("utf-16")), ("utf16-nobom.yaml", text.encode("utf-16-le")),
                       ("latin1.yaml", ("# caf\u00e9\n" + text).encode("latin-1"))):
        path = os.path.join(WORK, name)
        with open(path, "wb") as out:
            out.write(data)
        browser.js("document.getElementById('messages').replaceChildren(); true")
        browser.upload("#upload", path)
        browser.wait("document.getElementById('messages').textContent.length > 0", f"the message for {name}")
        shown = browser.js("document.getElementById('messages').textContent")
        expected = "UTF-16" if "utf16" in name else "Latin-1"
        check("this file is not UTF-8" in shown and expected in shown and name in shown, f"item 7: {name} is refused: {shown[:90]!r}")

    # Item 6: a wide scenario (40 × 8) keeps its row and column labels in place when scrolled.
    path = os.path.join(WORK, "wide-40x8.yaml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(scenario_yaml(40, 8))
    browser.upload("#upload", path)
    # The table is drawn before the models start; the test does not wait for them (Cancel stops them below).
    browser.wait("document.querySelectorAll('#inputs tbody tr').length === 40", "the wide scenario's table", timeout=120)
    check(browser.js("document.querySelectorAll('#inputs tbody tr').length") == 40, "item 6: the wide scenario's 40 rows are shown")
    browser.js("const w = document.querySelector('.inputs-wrap'); w.scrollIntoView(); w.scrollLeft = 5000; w.scrollTop = 5000; true")
    # Rows may still grow while the page fills them in (evidence marks), so scroll again on every poll
    # until the last row is in view.
    browser.wait("""(() => { const w = document.querySelector('.inputs-wrap'); w.scrollLeft = 5000; w.scrollTop = 5000;
        const row = document.querySelector('#inputs tbody tr:last-child th').getBoundingClientRect();
        return w.scrollLeft > 0 && w.scrollTop > 0 && row.bottom <= w.getBoundingClientRect().bottom + 1; })()""",
                 "the table to scroll to its last row", timeout=60)
    place = browser.js("""(() => { const w = document.querySelector('.inputs-wrap').getBoundingClientRect();
        const row = document.querySelector('#inputs tbody tr:last-child th').getBoundingClientRect();
        const col = document.querySelector('#inputs thead th.issue:last-child').getBoundingClientRect();
        return [row.left - w.left, col.top - w.top, row.bottom <= w.bottom + 1]; })()""")
    check(abs(place[0]) <= 2 and place[2], f"item 6: scrolled right, the stakeholder names stay at the left edge (offset {place[0]:.1f} px)")
    check(abs(place[1]) <= 2, f"item 6: scrolled down, the issue headings stay at the top (offset {place[1]:.1f} px)")
    if browser.js("document.body.dataset.busy === 'true'"):
        browser.click("#cancel")
    browser.wait("document.body.dataset.busy === 'false'", "the wide scenario's run to end or be cancelled")
    wait_for(lambda: server_json("/api/health")["busy"]["light_workers"] == 0, "the server to be idle after the cancel", timeout=120)

    # Item 8: coders' reliability for a scenario with codings (Tests/Fixtures/coded-talks.yaml): the API's numbers, as charts and tables.
    runs_before_coded = int(browser.js("document.body.dataset.runs"))
    browser.upload("#upload", os.path.abspath("Tests/Fixtures/coded-talks.yaml"))
    browser.wait("document.body.dataset.reliability === 'coded'", "the coders' agreement of the coded scenario", timeout=120)
    reliability = server_post("/api/reliability", "Tests/Fixtures/coded-talks.yaml")
    table = browser.js("[...document.querySelectorAll('#reliability-table tbody tr')].map(tr => [...tr.cells].map(c => c.textContent))")
    expected = [["all issues", str(reliability["units"]), f"{reliability['alpha']['position']:.3f}", f"{reliability['alpha']['salience']:.3f}"]]
    expected += [[i["issue"], str(i["units"]), "n/a" if i["alpha"]["position"] is None else f"{i['alpha']['position']:.3f}",
                  "n/a" if i["alpha"]["salience"] is None else f"{i['alpha']['salience']:.3f}"] for i in reliability["issues"]]
    check(table == expected, f"item 8: the alphas on screen are /api/reliability's ({table} vs {expected})")
    said = browser.js("document.getElementById('reliability-summary').textContent")
    check(f"{reliability['units']} stances coded" in said and "ann, ben, cai" in said, f"item 8: the summary names the units and coders ({said[:80]!r})")
    bars = browser.js("document.querySelectorAll('#alpha-chart svg rect').length")
    coded_issues = sum(1 for i in reliability["issues"] if i["units"] > 0)
    check(bars == 2 * (1 + coded_issues), f"item 8: alpha is drawn as bars, positions and saliences overall and per coded issue ({bars})")
    spreads = browser.js("[...document.querySelectorAll('#spread-table tbody tr')].map(tr => tr.cells[3].textContent)")
    check(spreads == [f"{s['position_range'][0]:.1f}–{s['position_range'][1]:.1f}" for s in reliability["stances"]]
          and browser.js("document.querySelectorAll('#spread-chart svg rect').length") == len(reliability["stances"]),
          f"item 8: each coded stance's spread is listed and drawn ({spreads[:3]})")
    settled(browser, runs_before_coded + 1)
    unlabelled = browser.js(UNLABELLED)
    checked, low = browser.js(CONTRAST)
    check(not unlabelled and not low, f"item 9: with the reliability view shown, every control is labelled and all {checked} texts have contrast ({unlabelled[:2]}, {low[:3]})")

    # Item 5: a generated 100 stakeholder × 20 issue upload: the quick models' results come first, with progress for
    # the slower ones, and no 503 (the server's deadline here is an hour, so the test cancels the slow models).
    big = os.path.join(WORK, "synthetic-100x20.yaml")
    with open(big, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "scripts/make_synthetic_scenario.py", "100", "20", "1"], stdout=out, check=True)
    browser.js("""window.__statuses = []; const g = window.fetch; window.fetch = async (u, o) => { const r = await g(u, o);
        window.__statuses.push(r.status); return r; }; true""")
    first_before = int(browser.js("document.body.dataset.firstResults || '0'"))  # the 40 × 8 scenario above is large too
    uploaded = time.time()
    browser.upload("#upload", big)
    browser.wait(f"document.body.dataset.firstResults === '{first_before + 1}'", "the first results of the 100 × 20 scenario", timeout=180)
    print(f"      (100 × 20: first results {time.time() - uploaded:.1f} s after the upload; a figure, not a check)")
    quick = browser.js("[...new Set([...document.querySelectorAll('#forecasts td[data-model]')].map(td => td.dataset.model))]")
    cells = browser.js("document.querySelectorAll('#forecasts td[data-model]').length")
    check(quick == ["weighted-mean", "weighted-median", "nash"] and cells == 3 * 20, f"item 5: the quick models' forecasts of the 20 issues come first ({quick}, {cells} cells)")
    check("quick models" in browser.js("document.getElementById('large-note').textContent") and not browser.js("document.getElementById('large-note').hidden"),
          "item 5: the page says the large scenario runs the quick models first")
    check(browser.js("document.getElementById('winners-deferred') !== null"), "item 5: who won waits to be asked for on a large scenario")
    browser.wait("document.querySelectorAll('figure[data-chart=map]').length === 20 && document.getElementById('run-status').textContent.includes('step 3 of 3')",
                 "the quick models' charts and the slower models' step", timeout=180)
    print(f"      (100 × 20: the quick models' 60 charts {time.time() - uploaded:.1f} s after the upload; a figure, not a check)")
    status = browser.js("document.getElementById('run-status').textContent")
    check("slower models" in status and not browser.js("document.getElementById('progress').hidden") and not browser.js("document.getElementById('cancel').hidden"),
          f"item 5: the slower models run with progress and Cancel shown ({status[:90]!r})")
    browser.wait("document.getElementById('progress').hasAttribute('value') && / of \\d+ models$/.test(document.getElementById('progress').getAttribute('aria-label'))",
                 "the slower models' bar to count models", timeout=120)
    bar = browser.js("(() => { const p = document.getElementById('progress'); return [p.value, p.max, p.getAttribute('aria-label')]; })()")
    check(0 <= bar[0] <= bar[1] and bar[1] >= 4, f"item 5: the slower models' step counts models done of all ({bar})")
    measured, leaders, problems = browser.js(MAP_LABELS + "('figure[data-chart=map] svg')")
    check(measured == 2000 and not problems, f"item 4: 100 × 20 maps: each of {measured} labels sits by its bubble or has one of {leaders} leader lines, none overlap ({problems[:3]})")
    browser.click("#cancel")
    browser.wait("document.body.dataset.busy === 'false'", "the page to leave the busy state after the 100 × 20 cancel")
    statuses = browser.js("window.__statuses")
    check(503 not in statuses and statuses.count(200) >= 4, f"item 5: no 503 on the way to the first results ({statuses})")
    check(browser.js("document.querySelectorAll('#forecasts td[data-model]').length") == 60, "item 5: cancelling the slower models keeps the first results")
    wait_for(lambda: server_json("/api/health")["busy"]["light_workers"] == 0, "the server to stop the 100 × 20 work", timeout=120)

    check(not browser.console, f"no script errors ({browser.console})")
finally:
    browser.close()

if failures:
    print(f"{len(failures)} check(s) failed; screenshots in {SHOTS}", file=sys.stderr)
    sys.exit(1)
print("all browser checks passed")
