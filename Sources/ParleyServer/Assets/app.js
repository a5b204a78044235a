// Parley web app: load or upload a scenario, edit its numbers, rerun the models through the JSON API.
// No dependencies and no inline script, so the page runs under a strict Content-Security-Policy.
"use strict";

const state = {
  models: [],
  scenario: null, original: null, name: "", previous: null, runs: 0,
  controller: null,   // the AbortController of the work in flight; aborting it closes the connection, which stops the server's work
  evidence: {},       // "stakeholder\u0000issue" → the evidence tally /api/validate gives for that number
  pending: {},        // stored run id → what this page knows of its inputs, until the run list shows its start time
};
const $ = (id) => document.getElementById(id);
const SVG_NS = "http://www.w3.org/2000/svg";
// The charts' smallest text is 10 units; drawn at this many pixels per unit it reads at 11 px or more.
const CHART_SCALE = 1.1;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svgEl(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const numberOf = (field) => (field !== null && typeof field === "object" ? field.value : field);
const fixed = (value, digits = 1) => (value === null || value === undefined ? "—" : Number(value).toFixed(digits));
const whoOf = (stakeholder) => stakeholder.name || stakeholder.id;
const fieldLabel = (field, issue) => (issue ? `${field} on ${issue}` : field);
const clock = () => new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

// MARK: status, progress and stale results

let ticker = null;

function setStatus(text) {
  $("run-status").textContent = text;
}

// Starts a piece of long work: the run buttons are disabled (one request at a time), Cancel is offered,
// and the status counts the seconds so the user sees the work is alive.
function beginWork(what) {
  const controller = new AbortController();
  state.controller = controller;
  state.started = Date.now();
  state.step = what;
  document.body.dataset.busy = "true";
  for (const id of ["run", "load-example", "upload", "run-odds", "model"]) $(id).disabled = true;
  $("cancel").hidden = false;
  $("cancel").disabled = false;
  state.progress = null;
  $("progress").removeAttribute("value");
  $("progress").setAttribute("aria-label", "work in progress");
  $("progress").hidden = false;
  showProgress();
  ticker = setInterval(showProgress, 1000);
  return controller.signal;
}

function showProgress() {
  const seconds = Math.floor((Date.now() - state.started) / 1000);
  const counts = state.progress && state.progress.total > 0 ? ` ${state.progress.label};` : "";
  setStatus(`${state.step}…${counts} ${seconds} s (Cancel stops it on the server)`);
}

// Real progress for one request of the work in flight: a random id sent with it (?progress=ID), and
// GET /api/progress/{id} polled about every 500 ms until the work ends (endWork) or another request
// is tracked. The bar is determinate once the server knows the total; its value never goes back.
// Returns the query parameter to append ("&progress=ID").
function trackProgress(unit) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  state.progress = { id, unit, done: 0, total: 0, label: "" };
  $("progress").removeAttribute("value");
  $("progress").setAttribute("aria-label", `${unit}: starting`);
  setTimeout(() => pollProgress(id), 500);
  return "&progress=" + id;
}

async function pollProgress(id) {
  const current = () => state.progress && state.progress.id === id;
  if (!current()) return;
  try {
    const response = await fetch("/api/progress/" + id);
    // 404: not started yet, or just ended; either way the next poll (or endWork) settles it.
    if (response.ok && current()) {
      const counts = await response.json();
      if (current() && counts.total > 0) {
        const progress = state.progress;
        progress.total = counts.total;
        progress.done = Math.min(counts.total, Math.max(progress.done, counts.done));
        progress.label = `${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} ${counts.unit}`;
        const bar = $("progress");
        bar.max = progress.total;
        bar.value = progress.done;
        bar.setAttribute("aria-label", progress.label);
        showProgress();
      }
    }
  } catch (failure) {
    // A failed poll only leaves the bar as it was; the work's own request reports errors.
  }
  if (current()) setTimeout(() => pollProgress(id), 500);
}

function step(text) {
  state.step = text;
  showProgress();
}

function endWork(text) {
  clearInterval(ticker);
  ticker = null;
  state.progress = null;
  state.controller = null;
  state.step = null;
  for (const id of ["run", "load-example", "upload", "run-odds", "model"]) $(id).disabled = false;
  $("cancel").hidden = true;
  $("progress").hidden = true;
  document.body.dataset.busy = "false";
  setStatus(text);
}

function cancelWork() {
  if (state.controller) {
    $("cancel").disabled = true;
    state.controller.abort();
  }
}

const isAbort = (error) => error && (error.name === "AbortError" || error.aborted === true);

// Results on screen that no longer match the table say so, in words and by greying out.
function markStale(reason) {
  if ($("forecast-panel").hidden) return;
  document.body.dataset.stale = "true";
  $("stale-note").textContent = "Stale: " + reason + " The numbers below are from the last successful run.";
  $("stale-note").hidden = false;
  for (const id of ["forecast-panel", "winners-panel"]) $(id).classList.add("stale");
}

function clearStale() {
  document.body.dataset.stale = "false";
  $("stale-note").hidden = true;
  for (const id of ["forecast-panel", "winners-panel"]) $(id).classList.remove("stale");
}

// MARK: errors

function clearErrors() {
  for (const box of [$("messages"), $("edit-errors")]) box.replaceChildren();
  for (const note of document.querySelectorAll("#inputs .cell-error")) note.remove();
  for (const input of document.querySelectorAll("#inputs input[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.classList.remove("invalid");
    input.removeAttribute("aria-describedby");
  }
  document.body.dataset.error = "false";
}

// The stakeholder and issue an error path names ("stakeholders[0].stances.some-issue.salience"), with its input.
function placeOf(path) {
  const match = /^stakeholders\[(\d+)\](?:\.stances\.([^.\[]+))?(?:\.(position|salience|capability))?/.exec(path || "");
  if (!match || !state.scenario) return null;
  const stakeholder = state.scenario.stakeholders[Number(match[1])];
  if (!stakeholder) return null;
  const issueId = match[2];
  const issue = issueId && state.scenario.issues.find((item) => item.id === issueId);
  const field = match[3] || (issueId ? "stance" : "stakeholder");
  const selector = `#inputs input[data-row="${match[1]}"][data-field="${field}"]` + (issueId ? `[data-issue="${CSS.escape(issueId)}"]` : ":not([data-issue])");
  return { who: whoOf(stakeholder), issue: issue ? issue.name || issue.id : issueId, field, input: document.querySelector(selector) };
}

// Shows an error: in a summary box in view (beside the controls that caused it), and next to each cell it names.
// Errors in the edited table are told by stakeholder and issue, not by a line of the JSON the page sent.
function showError(error, edited = false) {
  const box = edited ? $("edit-errors") : $("messages");
  box.replaceChildren();
  if (!error) return;
  const items = error.errors || [];
  box.append(el("h3", { text: error.message || "Something went wrong" }));
  if (error.hint) box.append(el("p", { text: "Hint: " + error.hint }));
  if (items.length) {
    const list = el("ul");
    items.forEach((item, index) => {
      const place = placeOf(item.path);
      if (place) {
        const text = `${place.who}, ${fieldLabel(place.field, place.issue)}: ${item.message}` + (item.hint ? ` (${item.hint})` : "");
        list.append(el("li", { text }));
        if (place.input) markCell(place.input, item.message, index);
      } else {
        list.append(el("li", {}, el("code", { text: edited ? item.message : item.text || item.message })));
      }
    });
    box.append(list);
  }
  document.body.dataset.error = "true";
  box.scrollIntoView({ block: "nearest" });
}

function markCell(input, message, index) {
  input.classList.add("invalid");
  input.setAttribute("aria-invalid", "true");
  const id = "cell-error-" + index;
  input.setAttribute("aria-describedby", id);
  input.parentElement.append(el("div", { class: "cell-error", id, text: message }));
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (failure) {
    if (isAbort(failure)) throw { aborted: true, message: "cancelled" };
    throw { message: "The server did not answer: " + failure.message, hint: "is parley serve still running?" };
  }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw (body && body.error) || { message: `HTTP ${response.status}` };
  return { body, headers: response.headers };
}

// MARK: loading

async function loadText(text, format, name) {
  if (state.controller) return;
  clearErrors();
  const signal = beginWork("Reading " + name);
  try {
    const type = format === "json" ? "application/json" : "application/yaml";
    const { body } = await api("/api/convert?to=json&name=" + encodeURIComponent(name), { method: "POST", headers: { "Content-Type": type }, body: text, signal });
    state.scenario = body;
    state.original = JSON.parse(JSON.stringify(body));
    state.name = name;
    state.previous = null;
    state.evidence = {};
    $("scenario-title").textContent = `${body.name} — ${body.stakeholders.length} stakeholders, ${body.issues.length} issues (${name})`;
    renderInputs();
    // The procedural model runs only on request and needs a forum with a setter and a status quo on every issue.
    const ready = Boolean(body.forum && body.forum.setter) && body.issues.every((issue) => issue.status_quo !== undefined && issue.status_quo !== null);
    $("procedural").disabled = !ready;
    $("procedural").checked = ready;
    $("procedural").parentElement.title = ready ? "the agenda setter's proposal, accepted by the forum's voting rule" : "this scenario has no forum with a setter and a status quo on every issue";
    $("large-note").hidden = true;
    // A large scenario draws a quick model's trajectories first (the expected-utility model alone can take minutes).
    if (isLarge(body) && !QUICK_MODELS.includes($("model").value)) $("model").value = "nash";
    $("edit-panel").hidden = false;
    $("forecast-panel").hidden = true;
    $("winners-panel").hidden = true;
    clearStale();
    endWork("");
    loadEvidence();
    loadReliability();
    await runModels();
  } catch (error) {
    endWork(isAbort(error) ? "Cancelled." : "Not loaded: see the message above.");
    if (!isAbort(error)) showError(error);
  }
}

async function loadExample() {
  const id = $("example").value;
  try {
    const { body } = await api("/api/examples/" + encodeURIComponent(id));
    await loadText(body, "yaml", id + ".yaml");
  } catch (error) {
    showError(error);
  }
}

// Why `bytes` are not UTF-8 text, or null. UTF-16 is told by its byte-order mark or by NUL in every other byte.
function notUTF8(bytes) {
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) return "it is UTF-16 (little-endian, with a byte-order mark)";
  if (bytes[0] === 0xFE && bytes[1] === 0xFF) return "it is UTF-16 (big-endian, with a byte-order mark)";
  const sample = bytes.subarray(0, 4096);
  let even = 0, odd = 0;
  sample.forEach((byte, offset) => { if (byte === 0) { if (offset % 2) odd += 1; else even += 1; } });
  const pairs = Math.max(1, sample.length >> 1);
  if (odd * 3 >= pairs && even * 10 < odd) return "it looks like UTF-16 little-endian (every other byte is NUL)";
  if (even * 3 >= pairs && odd * 10 < even) return "it looks like UTF-16 big-endian (every other byte is NUL)";
  if (even + odd > 0) return "it holds NUL bytes, which text never does";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "some bytes are not UTF-8 (it may be Latin-1 or Windows-1252)";
  }
  return null;
}

function uploadFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    const bytes = new Uint8Array(reader.result);
    const problem = notUTF8(bytes);
    if (problem) {
      clearErrors();
      showError({ message: `${file.name}: this file is not UTF-8: ${problem}.`, hint: "save it as UTF-8 (in most editors: Save As, encoding UTF-8) and upload it again" });
      setStatus("");
      return;
    }
    const text = new TextDecoder("utf-8").decode(bytes);
    loadText(text, /\.json$/i.test(file.name) ? "json" : "yaml", file.name);
  };
  reader.onerror = () => showError({ message: "Cannot read " + file.name });
  reader.readAsArrayBuffer(file);
  event.target.value = "";
}

// The evidence behind each number (POST /api/validate), shown as a mark in its cell. Not critical: a failure leaves no marks.
async function loadEvidence() {
  try {
    const { body } = await api("/api/validate?name=" + encodeURIComponent(state.name), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.original) });
    const audit = body.evidence;
    if (!audit) return;
    state.evidence = {};
    for (const item of audit.numbers || []) state.evidence[item.stakeholder + "\u0000" + (item.issue || "")] = item;
    const quotes = audit.quotes_verified + audit.quotes_unverifiable;
    const parts = [`${quotes} quotes (${audit.quotes_verified} checked against a source's text; parley validate checks them against local copies)`,
      `${audit.paraphrases} paraphrases`, `${audit.inferences} inferences`];
    const hindsight = audit.hindsight ? `; ${audit.hindsight} pieces dated after the as-of date ${audit.as_of} (hindsight, marked H)` : "; no hindsight";
    $("evidence-summary").textContent = "Evidence: " + parts.join(", ") + hindsight + ". Marks in each cell: Q quoted, P paraphrased, I inferred, H hindsight, – no evidence.";
    renderEvidenceMarks();
  } catch {
    $("evidence-summary").textContent = "";
  }
}

function evidenceMark(tally) {
  if (!tally || !tally.pieces) return { text: "–", cls: "none", title: "no evidence for this number" };
  const letters = (tally.quotes ? "Q" : "") + (tally.paraphrases ? "P" : "") + (tally.inferences ? "I" : "") + (tally.hindsight ? "H" : "");
  const title = `${tally.pieces} piece${tally.pieces === 1 ? "" : "s"} of evidence: ${tally.quotes} quoted, ${tally.paraphrases} paraphrased, ${tally.inferences} inferred`
    + (tally.hindsight ? `; ${tally.hindsight} dated after the as-of date (hindsight)` : "");
  return { text: letters, cls: tally.hindsight ? "hindsight" : tally.quotes ? "quoted" : "weak", title };
}

function renderEvidenceMarks() {
  for (const mark of document.querySelectorAll("#inputs .ev")) mark.remove();
  if (!Object.keys(state.evidence).length) return;
  state.scenario.stakeholders.forEach((stakeholder, row) => {
    for (const input of document.querySelectorAll(`#inputs input[data-row="${row}"]`)) {
      if (input.dataset.field === "position") continue; // one mark per stance, after its salience
      const mark = evidenceMark(state.evidence[stakeholder.id + "\u0000" + (input.dataset.issue || "")]);
      input.after(el("span", { class: "ev " + mark.cls, title: mark.title, "aria-label": mark.title, role: "img", text: mark.text }));
    }
  });
}

// MARK: the editable table

function renderInputs() {
  const scenario = state.scenario;
  const table = $("inputs");
  table.replaceChildren();
  const head = el("thead");
  const top = el("tr", {}, el("th", { scope: "col", rowspan: "2", class: "corner", text: "Stakeholder" }), el("th", { scope: "col", rowspan: "2", text: "Capability" }));
  const sub = el("tr", { class: "sub" });
  for (const issue of scenario.issues) {
    const scale = issue.scale ? ` (${issue.scale.min}–${issue.scale.max})` : "";
    top.append(el("th", { scope: "colgroup", colspan: "2", class: "issue", title: issue.name, text: issue.id + scale }));
    sub.append(el("th", { scope: "col", class: "issue", text: "Position" }), el("th", { scope: "col", text: "Salience" }));
  }
  head.append(top, sub);
  const bodyRows = el("tbody");
  scenario.stakeholders.forEach((stakeholder, row) => {
    const who = whoOf(stakeholder);
    const tr = el("tr", {}, el("th", { scope: "row", title: who, text: who }));
    tr.append(el("td", { class: "n" }, numberInput(row, null, "capability", numberOf(stakeholder.capability), `${who}: capability`)));
    for (const issue of scenario.issues) {
      const stance = stakeholder.stances && stakeholder.stances[issue.id];
      if (!stance) {
        tr.append(el("td", { class: "absent first", colspan: "2", title: "no stance on this issue", text: "—" }));
        continue;
      }
      tr.append(el("td", { class: "n first" }, numberInput(row, issue.id, "position", numberOf(stance.position), `${who}: position on ${issue.id}`)));
      tr.append(el("td", { class: "n" }, numberInput(row, issue.id, "salience", numberOf(stance.salience), `${who}: salience on ${issue.id}`)));
    }
    bodyRows.append(tr);
  });
  table.append(head, bodyRows);
  renderEvidenceMarks();
}

function numberInput(row, issue, field, value, label) {
  const input = el("input", { type: "text", inputmode: "decimal", value: String(value), "aria-label": label, "data-row": String(row), "data-field": field, autocomplete: "off" });
  if (issue) input.dataset.issue = issue;
  input.addEventListener("change", onEdit);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onEdit(event);
      runModels();
    }
  });
  return input;
}

// The number an input holds, or null when it is empty or not a number.
function cellValue(input) {
  const text = input.value.trim().replace(/^\+/, "");
  if (text === "" || !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

// Writes an edited number into the scenario, keeping any spread (a {value, sd} field keeps its sd).
function onEdit(event) {
  const input = event.target;
  // Enter applies the cell, and leaving it later fires `change` again: that second call must not move the page
  // (a button clicked right then would shift under the pointer), so an already applied text is left alone.
  if (input.dataset.applied === input.value) return;
  input.dataset.applied = input.value;
  const value = cellValue(input);
  for (const note of input.parentElement.querySelectorAll(".cell-error")) note.remove();
  input.removeAttribute("aria-invalid");
  input.classList.remove("invalid");
  markStale("the table was edited since these results were computed; run the models to update them.");
  if (value === null) return; // refused when the models are run
  const row = Number(input.dataset.row);
  const field = input.dataset.field;
  const issue = input.dataset.issue;
  const holder = issue ? state.scenario.stakeholders[row].stances[issue] : state.scenario.stakeholders[row];
  const original = issue ? state.original.stakeholders[row].stances[issue][field] : state.original.stakeholders[row][field];
  if (holder[field] !== null && typeof holder[field] === "object") holder[field].value = value;
  else holder[field] = value;
  input.classList.toggle("changed", value !== numberOf(original));
}

// Every cell that holds no number, as located errors in the server's shape.
function cellErrors() {
  const errors = [];
  for (const input of document.querySelectorAll("#inputs input")) {
    if (cellValue(input) !== null) continue;
    const row = input.dataset.row;
    const path = `stakeholders[${row}]` + (input.dataset.issue ? `.stances.${input.dataset.issue}` : "") + "." + input.dataset.field;
    errors.push({ path, message: input.value.trim() === "" ? "the cell is empty; type a number" : `'${input.value.trim()}' is not a number` });
  }
  return errors;
}

// The edits since loading: [{key, who, field, issue, from, to}], in table order.
function edits(scenario = state.scenario) {
  const list = [];
  scenario.stakeholders.forEach((stakeholder, row) => {
    const before = state.original.stakeholders[row];
    const add = (field, issue, now, then) => {
      if (numberOf(now) !== numberOf(then)) list.push({ key: `${stakeholder.id}|${issue || ""}|${field}`, who: whoOf(stakeholder), field, issue, from: numberOf(then), to: numberOf(now) });
    };
    add("capability", null, stakeholder.capability, before.capability);
    for (const issue of state.scenario.issues) {
      const stance = stakeholder.stances && stakeholder.stances[issue.id];
      const old = before.stances && before.stances[issue.id];
      if (!stance || !old) continue;
      add("position", issue.id, stance.position, old.position);
      add("salience", issue.id, stance.salience, old.salience);
    }
  });
  return list;
}

const editText = (edit) => `${edit.who}, ${fieldLabel(edit.field, edit.issue)}: ${edit.from} → ${edit.to}`;

function editSummary(list) {
  if (!list.length) return "as loaded";
  const shown = list.slice(0, 3).map(editText).join("; ");
  return `${list.length} edit${list.length === 1 ? "" : "s"}: ${shown}${list.length > 3 ? "; …" : ""}`;
}

function resetEdits() {
  state.scenario = JSON.parse(JSON.stringify(state.original));
  renderInputs();
  clearErrors();
  runModels();
}

function downloadScenario() {
  const blob = new Blob([JSON.stringify(state.scenario, null, 2) + "\n"], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: state.name.replace(/\.(ya?ml|json)$/i, "") + "-edited.json" });
  document.body.append(link);
  link.click();
  link.remove();
}

// MARK: running the models

// A scenario with at least this many stakeholder × issue cells runs in steps: the quick models first (their
// forecasts and charts appear within seconds), then every model; who won (n + 1 runs of each model) only on request.
const LARGE_CELLS = 300;
const QUICK_MODELS = ["weighted-mean", "weighted-median", "nash"];
const isLarge = (scenario = state.scenario) => Boolean(scenario) && scenario.stakeholders.length * scenario.issues.length >= LARGE_CELLS;

async function runModels() {
  if (!state.scenario || state.controller) return; // one run at a time: repeated clicks and Enters are ignored while one is in flight
  clearErrors();
  const empty = cellErrors();
  if (empty.length) {
    showError({ message: `Not run: ${empty.length} cell${empty.length === 1 ? " holds" : "s hold"} no number`, errors: empty }, true);
    setStatus("Not run: fix the marked cells first.");
    markStale("the table has cells without a number.");
    return;
  }
  if (isLarge()) return runModelsInSteps();
  const signal = beginWork("Running the models: forecasts and who won (step 1 of 2)");
  const body = JSON.stringify(state.scenario, null, 2);
  const name = encodeURIComponent(state.name.replace(/\.(ya?ml)$/i, ".json") + " (edited)");
  const options = { method: "POST", headers: { "Content-Type": "application/json" }, body, signal };
  const changes = edits();
  try {
    const store = $("store").checked ? "&store=true" : "";
    const procedural = $("procedural").checked && !$("procedural").disabled ? "&model=" + encodeURIComponent(state.models.concat(["procedural"]).join(",")) : "";
    const forecast = await api("/api/forecast?winners=true&name=" + name + store + procedural, options);
    step("Running the models: charts (step 2 of 2)");
    const charts = await api("/api/charts?model=" + encodeURIComponent($("model").value) + "&name=" + name, options);
    renderForecasts(forecast.body);
    renderCharts(charts.body);
    renderWinners(forecast.body.winners);
    clearStale();
    state.runs += 1;
    document.body.dataset.runs = String(state.runs);
    const stored = forecast.headers.get("Parley-Run-ID");
    const what = editSummary(changes);
    if (stored) state.pending[stored] = { label: what, base: state.name, edits: changes.map(({ key, who, field, issue, from, to }) => ({ key, who, field, issue, from, to })) };
    endWork(`Done at ${clock()} (${what})` + (stored ? `; stored as run ${stored}.` : "."));
    if (stored) refreshRuns();
  } catch (error) {
    if (isAbort(error)) {
      endWork("Cancelled: the server was told to stop. The results shown are from the last finished run.");
      markStale("the last run was cancelled.");
    } else {
      endWork("Not run: the server refused the scenario; see the errors here.");
      showError(error, true);
      markStale("the edited table has errors, so the models did not run.");
    }
  }
}

// The large-scenario path of runModels: quick models' forecasts, their charts, then all models (see LARGE_CELLS).
async function runModelsInSteps() {
  const scenario = state.scenario;
  const size = `${scenario.stakeholders.length} stakeholders × ${scenario.issues.length} issues`;
  const procedural = $("procedural").checked && !$("procedural").disabled;
  const quick = QUICK_MODELS.concat(procedural ? ["procedural"] : []);
  const slow = state.models.filter((model) => !QUICK_MODELS.includes(model)).concat(procedural ? ["ensemble (with procedural)"] : []).filter((model, index, all) => all.indexOf(model) === index);
  const signal = beginWork(`Large scenario (${size}): the quick models first (step 1 of 3)`);
  const body = JSON.stringify(scenario);
  const name = encodeURIComponent(state.name.replace(/\.(ya?ml)$/i, ".json") + " (edited)");
  const options = { method: "POST", headers: { "Content-Type": "application/json" }, body, signal };
  const changes = edits();
  const note = (text) => { $("large-note").textContent = text; $("large-note").hidden = false; };
  let shown = false;
  try {
    const first = await api("/api/forecast?model=" + encodeURIComponent(quick.join(",")) + "&name=" + name, options);
    renderForecasts(first.body);
    clearStale();
    shown = true;
    document.body.dataset.firstResults = String((Number(document.body.dataset.firstResults) || 0) + 1);
    note(`Large scenario (${size}): these are the quick models (${quick.join(", ")}); ${slow.join(", ")} are running now and replace this table when they finish. `
      + "Who won reruns every model once per stakeholder, so it is computed only when you ask (below).");
    deferWinners(size, quick);
    step(`First results shown; drawing the charts of the quick models (step 2 of 3)`);
    const model = $("model").value;
    const charts = await api("/api/charts?model=" + encodeURIComponent(model) + "&forecasts=" + encodeURIComponent(quick.join(",")) + "&name=" + name, options);
    renderCharts(charts.body);
    step(`First results shown; now the slower models: ${slow.join(", ")} (step 3 of 3)`);
    const store = $("store").checked ? "&store=true" : "";
    const procedureModels = procedural ? "&model=" + encodeURIComponent(state.models.concat(["procedural"]).join(",")) : "";
    try {
      const all = await api("/api/forecast?name=" + name + store + procedureModels + trackProgress("models"), options);
      renderForecasts(all.body);
      note(`Large scenario (${size}): every model's forecasts are shown; the charts show the quick models (${quick.join(", ")}). Who won is computed only when you ask (below).`);
      const stored = all.headers.get("Parley-Run-ID");
      const what = editSummary(changes);
      if (stored) state.pending[stored] = { label: what, base: state.name, edits: changes };
      finishRun(`Done at ${clock()} (${what})` + (stored ? `; stored as run ${stored}.` : "."));
      if (stored) refreshRuns();
    } catch (error) {
      if (isAbort(error) || error.status !== 503) throw error;
      // The server's time limit: the quick models' results stay, and the page says how to get the rest.
      note(`Large scenario (${size}): only the quick models' results are shown (${quick.join(", ")}). ${slow.join(", ")} did not finish within this server's time limit `
        + `(${error.message}); start parley serve with a larger --compute-seconds to include them, or use parley forecast on the command line.`);
      finishRun(`First results at ${clock()}: the quick models only; the slower models exceeded the server's time limit.`);
    }
  } catch (error) {
    if (isAbort(error)) {
      endWork(shown ? "Cancelled: the server was told to stop the slower models; the quick models' results are shown." : "Cancelled: the server was told to stop. The results shown are from the last finished run.");
      if (!shown) markStale("the last run was cancelled.");
    } else {
      endWork("Not run: the server refused the scenario; see the errors here.");
      showError(error, true);
      markStale("the edited table has errors, so the models did not run.");
    }
  }
}

function finishRun(text) {
  state.runs += 1;
  document.body.dataset.runs = String(state.runs);
  endWork(text);
}

// Who won is not computed for a large scenario until asked for (it reruns each quick model once per stakeholder).
function deferWinners(size, quick) {
  $("winners-panel").hidden = false;
  $("winners").replaceChildren(el("p", { class: "note", id: "winners-deferred", text: `Not computed yet: for ${size} who won takes ${state.scenario.stakeholders.length + 1} runs of each model. `
    + `Compute it for the quick models (${quick.join(", ")}) with the button.` }),
  el("button", { type: "button", id: "compute-winners" }, "Compute who won (quick models)"));
  $("compute-winners").addEventListener("click", () => computeWinners(quick));
}

async function computeWinners(models) {
  if (!state.scenario || state.controller) return;
  clearErrors();
  const signal = beginWork(`Who won: ${state.scenario.stakeholders.length + 1} runs of ${models.join(", ")}`);
  try {
    const { body } = await api("/api/forecast?winners=true&model=" + encodeURIComponent(models.join(",")) + "&name=" + encodeURIComponent(state.name), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.scenario), signal });
    renderWinners(body.winners);
    endWork(`Who won computed at ${clock()}.`);
  } catch (error) {
    endWork(isAbort(error) ? "Cancelled: the server was told to stop." : "Who won failed; see the errors here.");
    if (!isAbort(error)) showError(error, true);
  }
}

function renderForecasts(result) {
  const issues = state.scenario.issues;
  const value = {};
  for (const row of result.forecasts) value[row.model + "\u0000" + row.issue] = row;
  const table = $("forecasts");
  table.replaceChildren();
  const head = el("tr", {}, el("th", { scope: "col", text: "Model" }));
  for (const issue of issues) head.append(el("th", { scope: "col", title: issue.name, text: issue.id }));
  head.append(el("th", { scope: "col", text: "Mean |error|" }));
  const body = el("tbody");
  for (const model of result.models) {
    const tr = el("tr", {}, el("th", { scope: "row", title: model.summary || "", text: model.name }));
    for (const issue of issues) {
      const row = value[model.name + "\u0000" + issue.id];
      const cell = el("td", { class: "n" + (row && row.anchor_hit ? " hit" : ""), "data-model": model.name, "data-issue": issue.id });
      cell.textContent = row ? fixed(row.value) : "—";
      const before = state.previous && state.previous[model.name + "\u0000" + issue.id];
      if (row && before && before.value !== null && row.value !== null && Math.abs(row.value - before.value) >= 0.05) {
        const delta = row.value - before.value;
        cell.append(" ", el("span", { class: delta > 0 ? "up" : "down", title: "change since the last run", text: (delta > 0 ? "▲" : "▼") + Math.abs(delta).toFixed(1) }));
      }
      if (row && row.note && !row.value && row.value !== 0) cell.title = row.note;
      else if (row && row.nearest_anchor) cell.title = "nearest anchor: " + row.nearest_anchor.label;
      tr.append(cell);
    }
    tr.append(el("td", { class: "n", text: fixed(model.mean_absolute_percent_error) }));
    body.append(tr);
  }
  const observed = el("tr", { class: "observed" }, el("th", { scope: "row", text: "Observed" }));
  for (const issue of issues) observed.append(el("td", { class: "n", text: issue.observed ? fixed(numberOf(issue.observed.value !== undefined ? issue.observed.value : issue.observed)) : "—" }));
  observed.append(el("td"));
  body.append(observed);
  table.append(el("thead", {}, head), body);
  $("forecast-note").textContent = "Values on each issue's scale; green: the forecast's nearest anchor is history's; ▲▼ the change since the previous run. Mean |error| is on a 0–100 scale.";
  state.previous = value;
  $("forecast-panel").hidden = false;
}

function renderCharts(result) {
  const box = $("charts");
  box.replaceChildren();
  for (const issue of result.issues) {
    const section = el("section", { class: "issue-charts", "aria-label": issue.name });
    section.append(el("h3", { text: issue.name }));
    const row = el("div", { class: "chart-row" });
    const add = (svg, caption, kind) => {
      if (!svg) return;
      const figure = el("figure", { class: "chart", "data-chart": kind, "data-issue": issue.id });
      const holder = el("div", { class: "chart-scroll" });
      holder.innerHTML = svg; // the server's own SVG, its text escaped by ParleyReports
      const drawing = holder.querySelector("svg");
      if (drawing) {
        // Drawn at a fixed scale, never shrunk: a narrow screen scrolls the chart sideways instead of shrinking its text.
        const width = Number(drawing.getAttribute("width")) || 640;
        const height = Number(drawing.getAttribute("height")) || 400;
        drawing.setAttribute("width", String(Math.round(width * CHART_SCALE)));
        drawing.setAttribute("height", String(Math.round(height * CHART_SCALE)));
        holder.tabIndex = 0; // scrollable regions are reachable with the keyboard
        holder.setAttribute("role", "group");
        holder.setAttribute("aria-label", caption);
      }
      figure.append(holder, el("figcaption", { class: "note", text: caption }));
      row.append(figure);
    };
    add(issue.forecast, "Each model's forecast (dots) against the observed outcome (line, shaded range).", "forecast");
    add(issue.map, "Stakeholders: position across, salience up; bubble area is capability.", "map");
    add(issue.trajectory, `How the ${result.model} model's positions move, round by round.`, "trajectory");
    section.append(row);
    box.append(section);
  }
}

// MARK: who won, and the odds of ranking first

// Horizontal bars, one per row: `value` from `min` to `max` (a zero line when the range spans it), labels legible (13 px).
// A row with `from` is drawn from `from` to `value` (a range); `marks` are dashed reference lines with a label.
function barChart(rows, { min, max, title, format, error, marks = [] }) {
  const rowHeight = 24, labelWidth = 230, plotWidth = 300, top = 28;
  const width = labelWidth + plotWidth + 80;
  const height = top + rows.length * rowHeight + 10;
  const svg = svgEl("svg", { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, "font-family": "system-ui, sans-serif" });
  svg.append(svgEl("title", {}, title));
  const x = (value) => labelWidth + ((value - min) / (max - min || 1)) * plotWidth;
  const zero = x(Math.max(min, Math.min(max, 0)));
  svg.append(svgEl("text", { x: labelWidth, y: 16, "font-size": 13, fill: "#444" }, title));
  svg.append(svgEl("line", { x1: zero, y1: top - 4, x2: zero, y2: height - 6, stroke: "#767676" }));
  for (const mark of marks) {
    svg.append(svgEl("line", { x1: x(mark.value), y1: top - 4, x2: x(mark.value), y2: height - 6, stroke: "#767676", "stroke-dasharray": "4 3" }));
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    svg.append(svgEl("text", { x: labelWidth - 8, y: y + 16, "font-size": 13, "text-anchor": "end", fill: "#1b1b1b" }, row.label));
    if (row.value === null || row.value === undefined) {
      svg.append(svgEl("text", { x: zero + 4, y: y + 16, "font-size": 12, fill: "#555" }, "n/a"));
      return;
    }
    const end = x(Math.max(min, Math.min(max, row.value)));
    const base = row.from === undefined ? zero : x(Math.max(min, Math.min(max, row.from)));
    svg.append(svgEl("rect", { x: Math.min(base, end), y: y + 4, width: Math.max(2, Math.abs(end - base)), height: rowHeight - 8, fill: row.value >= 0 ? "#0072B2" : "#D55E00" }));
    if (error && row.error) {
      svg.append(svgEl("line", { x1: x(Math.max(min, row.value - 2 * row.error)), x2: x(Math.min(max, row.value + 2 * row.error)), y1: y + 12, y2: y + 12, stroke: "#1b1b1b", "stroke-width": 1.5 }));
    }
    svg.append(svgEl("text", { x: Math.max(base, end) + 6, y: y + 16, "font-size": 13, fill: "#1b1b1b" }, format(row.value, row)));
  });
  return svg;
}

function renderWinners(tables) {
  const panel = $("winners-panel");
  if (!tables || !tables.length) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const select = $("winners-source");
  const chosen = select.value;
  select.replaceChildren(...tables.map((table) => el("option", { value: table.source, text: table.source === "history" ? "history (the observed outcome)" : table.source })));
  select.value = tables.some((table) => table.source === chosen) ? chosen : tables.some((table) => table.source === "history") ? "history" : tables[0].source;
  state.winners = tables;
  drawWinners();
}

function drawWinners() {
  const table = state.winners.find((item) => item.source === $("winners-source").value) || state.winners[0];
  const names = Object.fromEntries(state.scenario.stakeholders.map((item) => [item.id, whoOf(item)]));
  const rows = [...table.stakeholders].sort((a, b) => a.rank - b.rank);
  const hasShapley = rows.some((row) => row.shapley !== undefined && row.shapley !== null);
  const box = $("winners");
  box.replaceChildren();
  const gains = rows.map((row) => row.gain).filter((value) => value !== null && value !== undefined);
  const span = Math.max(1, ...gains.map(Math.abs));
  box.append(el("div", { class: "chart-scroll", tabindex: "0", role: "group", "aria-label": "gain chart" },
    barChart(rows.map((row) => ({ label: `${row.rank}. ${names[row.stakeholder] || row.stakeholder}`, value: row.gain })),
      { min: -span, max: span, title: "Gain: how much closer the outcome came to the stakeholder than the status quo (0–100)", format: (v) => fixed(v) })));
  const head = el("tr");
  for (const name of ["Rank", "Stakeholder", "Distance", "Without it", "Influence", "Gain"].concat(hasShapley ? ["Shapley"] : [])) head.append(el("th", { scope: "col", text: name }));
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr", {}, el("td", { class: "n", text: String(row.rank) }), el("th", { scope: "row", text: names[row.stakeholder] || row.stakeholder }),
      el("td", { class: "n", text: fixed(row.distance) }), el("td", { class: "n", text: fixed(row.distance_without) }),
      el("td", { class: "n", text: fixed(row.influence) }), el("td", { class: "n", text: fixed(row.gain) }));
    if (hasShapley) tr.append(el("td", { class: "n", text: fixed(row.shapley) }));
    body.append(tr);
  }
  box.append(el("div", { class: "table-wrap" }, el("table", { class: "numbers", id: "winners-table" }, el("thead", {}, head), body)));
}

async function runOdds() {
  if (!state.scenario || state.controller) return;
  clearErrors();
  const runs = Math.max(1, Math.round(Number($("odds-runs").value) || 200));
  const signal = beginWork(`Monte Carlo: ${runs.toLocaleString("en-US")} runs over the scenario's uncertainty`);
  try {
    // The odds are drawn against history, whatever the models: the cheapest model keeps the rest of the run short.
    const { body } = await api(`/api/sensitivity?runs=${runs}&seed=1&top=0&model=weighted-mean${trackProgress("runs")}&name=` + encodeURIComponent(state.name), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.scenario), signal,
    });
    const box = $("odds");
    box.replaceChildren();
    const odds = body.winners;
    if (!odds || !odds.stakeholders) {
      box.append(el("p", { class: "note", text: "No odds: the scenario records no observed outcome to rank the stakeholders against." }));
    } else {
      const names = Object.fromEntries(state.scenario.stakeholders.map((item) => [item.id, whoOf(item)]));
      const rows = [...odds.stakeholders].sort((a, b) => b.p_first - a.p_first);
      box.append(el("div", { class: "chart-scroll", tabindex: "0", role: "group", "aria-label": "odds chart" },
        barChart(rows.map((row) => ({ label: names[row.stakeholder] || row.stakeholder, value: row.p_first, error: row.se_first })),
          { min: 0, max: 1, title: `Probability of ranking first, over ${odds.draws} draws (line: ± 2 standard errors)`, format: (v) => (100 * v).toFixed(1) + "%", error: true })));
      const head = el("tr");
      for (const name of ["Stakeholder", "P(first)", "± s.e.", "P(top 3)", "± s.e."]) head.append(el("th", { scope: "col", text: name }));
      const tbody = el("tbody");
      for (const row of rows) {
        tbody.append(el("tr", {}, el("th", { scope: "row", text: names[row.stakeholder] || row.stakeholder }),
          el("td", { class: "n", text: (100 * row.p_first).toFixed(1) + "%" }), el("td", { class: "n", text: (100 * row.se_first).toFixed(1) }),
          el("td", { class: "n", text: (100 * row.p_top3).toFixed(1) + "%" }), el("td", { class: "n", text: (100 * row.se_top3).toFixed(1) })));
      }
      box.append(el("div", { class: "table-wrap" }, el("table", { class: "numbers", id: "odds-table" }, el("thead", {}, head), tbody)));
    }
    document.body.dataset.odds = "true";
    endWork(`Monte Carlo done at ${clock()}: ${runs} runs.`);
  } catch (error) {
    if (isAbort(error)) endWork("Cancelled: the server was told to stop the Monte Carlo run.");
    else {
      endWork("The Monte Carlo run failed; see the errors here.");
      showError(error, true);
    }
  }
}

// MARK: coders' agreement

// The reliability of the scenario's codings (POST /api/reliability, the JSON of parley reliability --json):
// alpha overall and per issue as bars, and each coded stance's spread between coders. Codings are not edited
// in the table, so this is fetched once per loaded scenario.
async function loadReliability() {
  const box = $("reliability");
  box.replaceChildren();
  document.body.dataset.reliability = "loading";
  try {
    const { body } = await api("/api/reliability?name=" + encodeURIComponent(state.name), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.original) });
    renderReliability(body);
    $("reliability-panel").hidden = false;
    document.body.dataset.reliability = body.stances.length ? "coded" : "none";
  } catch (error) {
    box.append(el("p", { class: "note", text: "The coders' agreement could not be computed: " + (error.message || "no answer") }));
    $("reliability-panel").hidden = false;
    document.body.dataset.reliability = "failed";
  }
}

const alphaText = (value) => (value === null || value === undefined ? "n/a" : Number(value).toFixed(3));
const alphaVerdict = (value) => (value === null || value === undefined ? "undefined (no pair of codings, or no variation)" : value >= 0.8 ? "reliable" : value >= 0.667 ? "tentative" : "unreliable");

function renderReliability(result) {
  const box = $("reliability");
  box.replaceChildren();
  if (!result.stances.length) {
    box.append(el("p", { id: "reliability-summary", text: "This scenario has no codings: no stance lists independent coders' positions and saliences (codings: in the file), so there is no coders' agreement to report." }));
    return;
  }
  const issues = Object.fromEntries(state.scenario.issues.map((issue) => [issue.id, issue]));
  const names = Object.fromEntries(state.scenario.stakeholders.map((item) => [item.id, whoOf(item)]));
  box.append(el("p", { id: "reliability-summary", text: `${result.units} stance${result.units === 1 ? "" : "s"} coded by two or more of ${result.coders} coders (${result.coder_ids.join(", ")}). `
    + `Alpha over all issues: positions ${alphaText(result.alpha.position)} (${alphaVerdict(result.alpha.position)}), saliences ${alphaText(result.alpha.salience)} (${alphaVerdict(result.alpha.salience)}).` }));
  // Alpha per issue, positions and saliences, as bars from 0 (or the lowest alpha) to 1, with the 0.667 and 0.8 lines.
  const rows = [];
  for (const [label, alpha] of [["all issues", result.alpha]].concat(result.issues.filter((item) => item.units > 0).map((item) => [item.issue, item.alpha]))) {
    rows.push({ label: `${label}: positions`, value: alpha.position }, { label: `${label}: saliences`, value: alpha.salience });
  }
  const lowest = Math.min(0, ...rows.map((row) => row.value).filter((value) => value !== null && value !== undefined));
  box.append(el("div", { class: "chart-scroll", tabindex: "0", role: "group", "aria-label": "alpha chart", id: "alpha-chart" },
    barChart(rows, { min: lowest, max: 1, title: "Krippendorff's alpha (dashed: 0.667 and 0.8)", format: (v) => alphaText(v), marks: [{ value: 0.667 }, { value: 0.8 }] })));
  const head = el("tr");
  for (const name of ["Issue", "Coded stances", "Alpha, positions", "Alpha, saliences"]) head.append(el("th", { scope: "col", text: name }));
  const body = el("tbody", {}, el("tr", {}, el("th", { scope: "row", text: "all issues" }), el("td", { class: "n", text: String(result.units) }),
    el("td", { class: "n", text: alphaText(result.alpha.position) }), el("td", { class: "n", text: alphaText(result.alpha.salience) })));
  for (const item of result.issues) {
    body.append(el("tr", {}, el("th", { scope: "row", title: issues[item.issue] ? issues[item.issue].name : item.issue, text: item.issue }), el("td", { class: "n", text: String(item.units) }),
      el("td", { class: "n", text: alphaText(item.alpha.position) }), el("td", { class: "n", text: alphaText(item.alpha.salience) })));
  }
  box.append(el("div", { class: "table-wrap" }, el("table", { class: "numbers", id: "reliability-table" }, el("thead", {}, head), body)));
  // Each coded stance: the coders' lowest to highest position, as a bar on 0–100 % of the issue's scale.
  box.append(el("h3", { text: "Spread between coders, per stance" }));
  const percent = (issue, value) => {
    const scale = issues[issue] && issues[issue].scale;
    return scale && scale.max !== scale.min ? (100 * (value - scale.min)) / (scale.max - scale.min) : value;
  };
  const spreads = result.stances.map((stance) => ({
    label: `${names[stance.stakeholder] || stance.stakeholder} · ${stance.issue}`,
    from: percent(stance.issue, stance.position_range[0]), value: percent(stance.issue, stance.position_range[1]), stance,
  }));
  box.append(el("div", { class: "chart-scroll", tabindex: "0", role: "group", "aria-label": "spread chart", id: "spread-chart" },
    barChart(spreads, { min: 0, max: 100, title: "Coded positions, lowest to highest (% of the issue's scale)",
      format: (v, row) => `${fixed(row.stance.position_range[0])}–${fixed(row.stance.position_range[1])}` })));
  const spreadHead = el("tr");
  for (const name of ["Stakeholder", "Issue", "Coders", "Positions", "SD", "Saliences", "SD"]) spreadHead.append(el("th", { scope: "col", text: name }));
  const spreadBody = el("tbody");
  for (const stance of result.stances) {
    spreadBody.append(el("tr", {}, el("th", { scope: "row", text: names[stance.stakeholder] || stance.stakeholder }), el("td", { text: stance.issue }),
      el("td", { text: stance.coders.join(", ") }),
      el("td", { class: "n", text: `${fixed(stance.position_range[0])}–${fixed(stance.position_range[1])}` }), el("td", { class: "n", text: fixed(stance.position_sd, 2) }),
      el("td", { class: "n", text: `${fixed(stance.salience_range[0], 0)}–${fixed(stance.salience_range[1], 0)}` }), el("td", { class: "n", text: fixed(stance.salience_sd, 2) })));
  }
  box.append(el("div", { class: "table-wrap" }, el("table", { class: "numbers", id: "spread-table" }, el("thead", {}, spreadHead), spreadBody)));
}

// MARK: stored runs

const metaKey = (run) => `parley-run:${run.id}@${run.started_at}`;

function runMeta(run) {
  if (state.pending[run.id]) {
    try { localStorage.setItem(metaKey(run), JSON.stringify(state.pending[run.id])); } catch { /* private mode: kept for this page only */ }
    state.known = state.known || {};
    state.known[metaKey(run)] = state.pending[run.id];
    delete state.pending[run.id];
  }
  const kept = state.known && state.known[metaKey(run)];
  if (kept) return kept;
  try { return JSON.parse(localStorage.getItem(metaKey(run)) || "null"); } catch { return null; }
}

async function refreshRuns() {
  try {
    const { body } = await api("/api/runs?limit=50");
    const table = $("runs");
    table.replaceChildren();
    state.runList = body.runs;
    if (!body.runs.length) {
      table.append(el("tbody", {}, el("tr", {}, el("td", { text: "No runs stored yet: tick “store this run” and run the models." }))));
      return;
    }
    const head = el("tr");
    for (const name of ["Compare", "Run", "Started (UTC)", "Scenario", "Inputs", "Command", "Status"]) head.append(el("th", { scope: "col", text: name }));
    const rows = el("tbody");
    for (const run of body.runs) {
      const meta = runMeta(run);
      const when = run.started_at.replace("T", " ").replace(/(\.\d+)?Z$/, "");
      const box = el("input", { type: "checkbox", "aria-label": `compare run ${run.id} (${when})`, value: String(run.id) });
      if (run.command !== "forecast" || !run.has_result) box.disabled = true;
      box.addEventListener("change", updateCompareButton);
      rows.append(el("tr", {}, el("td", {}, box), el("td", { class: "n", text: String(run.id) }), el("td", { text: when }),
        el("td", { text: run.scenario }), el("td", { class: "inputs-summary", text: meta ? meta.label : "not known to this browser (sha256 " + run.scenario_sha256.slice(0, 8) + "…)" }),
        el("td", { text: run.command }), el("td", { text: run.status })));
    }
    table.append(el("thead", {}, head), rows);
    updateCompareButton();
  } catch (error) {
    showError(error);
  }
}

function tickedRuns() {
  return [...document.querySelectorAll("#runs input[type=checkbox]:checked")].map((box) => box.value);
}

function updateCompareButton() {
  $("compare").disabled = tickedRuns().length !== 2;
}

// What differs between two runs' inputs, from the edits this browser recorded for each (relative to the same loaded file).
function inputDifferences(first, second) {
  if (!first || !second || first.base !== second.base) return null;
  const of = (meta) => Object.fromEntries(meta.edits.map((edit) => [edit.key, edit]));
  const a = of(first), b = of(second);
  const keys = [...new Set([...first.edits.map((e) => e.key), ...second.edits.map((e) => e.key)])];
  const list = [];
  for (const key of keys) {
    const edit = a[key] || b[key];
    const from = a[key] ? a[key].to : edit.from;
    const to = b[key] ? b[key].to : edit.from;
    if (from !== to) list.push({ ...edit, from, to });
  }
  return list;
}

async function compareRuns() {
  // The earlier run is the baseline: the difference is later − earlier, whichever order they were ticked in.
  const [a, b] = tickedRuns().map(Number).sort((x, y) => x - y);
  try {
    const { body } = await api(`/api/compare?a=${a}&b=${b}`);
    const runs = Object.fromEntries((state.runList || []).map((run) => [run.id, run]));
    const describe = (id, run) => {
      const meta = runs[id] ? runMeta(runs[id]) : null;
      return `run ${id} (${run.started_at.replace("T", " ").replace(/(\.\d+)?Z$/, "")} UTC, ${meta ? meta.label : "inputs not known to this browser"})`;
    };
    const box = $("comparison");
    box.replaceChildren(el("h3", { text: `Run ${b} against run ${a}` }));
    box.append(el("p", { text: `Earlier: ${describe(a, body.a)}. Later: ${describe(b, body.b)}.` }));
    const first = runs[a] ? runMeta(runs[a]) : null;
    const second = runs[b] ? runMeta(runs[b]) : null;
    const changed = inputDifferences(first, second);
    const inputs = el("div", { id: "input-changes" });
    if (body.same_scenario) {
      inputs.append(el("p", { text: "Inputs: the same scenario (identical SHA-256)." }));
    } else if (changed && changed.length) {
      inputs.append(el("p", { text: `Inputs: ${changed.length} number${changed.length === 1 ? "" : "s"} changed from run ${a} to run ${b}:` }));
      inputs.append(el("ul", {}, ...changed.map((edit) => el("li", { text: editText(edit) }))));
    } else {
      inputs.append(el("p", { text: `Inputs: the scenarios differ (${body.a.scenario} and ${body.b.scenario}, different SHA-256); this browser did not record the edits between them.` }));
    }
    box.append(inputs);
    const head = el("tr");
    for (const name of ["Model", "Issue", `Run ${a} (earlier)`, `Run ${b} (later)`, `Change (run ${b} − run ${a})`, "Observed"]) head.append(el("th", { scope: "col", text: name }));
    const rows = el("tbody");
    for (const row of body.rows) {
      rows.append(el("tr", {}, el("td", { text: row.model }), el("td", { text: row.issue }), el("td", { class: "n", text: fixed(row.a) }),
        el("td", { class: "n", text: fixed(row.b) }), el("td", { class: "n", text: row.difference === null ? "—" : (row.difference > 0 ? "+" : "") + fixed(row.difference) }),
        el("td", { class: "n", text: fixed(row.observed) })));
    }
    box.append(el("div", { class: "table-wrap" }, el("table", { class: "numbers" }, el("thead", {}, head), rows)));
  } catch (error) {
    showError(error);
  }
}

// MARK: start

async function start() {
  $("load-example").addEventListener("click", loadExample);
  $("upload").addEventListener("change", uploadFile);
  $("run").addEventListener("click", runModels);
  $("cancel").addEventListener("click", cancelWork);
  $("reset").addEventListener("click", resetEdits);
  $("download").addEventListener("click", downloadScenario);
  $("model").addEventListener("change", runModels);
  $("refresh-runs").addEventListener("click", refreshRuns);
  $("compare").addEventListener("click", compareRuns);
  $("run-odds").addEventListener("click", runOdds);
  $("winners-source").addEventListener("change", drawWinners);
  try {
    const [examples, models] = await Promise.all([api("/api/examples"), api("/api/models")]);
    for (const example of examples.body.examples.filter((item) => item.kind === "scenario")) {
      $("example").append(el("option", { value: example.id, text: example.name }));
    }
    state.models = models.body.models.map((model) => model.name);
    for (const model of models.body.models) {
      const option = el("option", { value: model.name, text: model.name });
      // The expected-utility model moves over many rounds, so its trajectories say most.
      if (model.name === "expected-utility") option.selected = true;
      $("model").append(option);
    }
    // The first example, in the server's order (sorted by file name), is selected by default.
  } catch (error) {
    showError(error);
  }
  refreshRuns();
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
