// Parley web app: load or upload a scenario, edit its numbers, rerun the models through the JSON API.
// No dependencies and no inline script, so the page runs under a strict Content-Security-Policy.
"use strict";

const state = { scenario: null, original: null, name: "", previous: null, runs: 0 };
const $ = (id) => document.getElementById(id);

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

const numberOf = (field) => (field !== null && typeof field === "object" ? field.value : field);
const fixed = (value, digits = 1) => (value === null || value === undefined ? "—" : Number(value).toFixed(digits));

function setBusy(text, busy = true) {
  $("run-status").textContent = text;
  document.body.dataset.busy = busy && text ? "true" : "false";
}

// Shows an API error: its message, hint and every located error.
function showError(error) {
  const box = $("messages");
  box.replaceChildren();
  if (!error) return;
  box.append(el("h3", { text: error.message || "Something went wrong" }));
  if (error.hint) box.append(el("p", { text: "Hint: " + error.hint }));
  if (error.errors && error.errors.length) {
    const list = el("ul");
    for (const item of error.errors) {
      list.append(el("li", {}, el("code", { text: item.text || item.message })));
      markCell(item);
    }
    box.append(list);
  }
  document.body.dataset.error = "true";
}

// Points at the table cell an error is about ("stakeholders[0].stances.budget-share.salience").
function markCell(item) {
  const match = /^stakeholders\[(\d+)\]\.(?:stances\.([^.]+)\.)?(position|salience|capability)\b/.exec(item.path || "");
  if (!match) return;
  const selector = `#inputs input[data-row="${match[1]}"][data-field="${match[3]}"]` + (match[2] ? `[data-issue="${CSS.escape(match[2])}"]` : ":not([data-issue])");
  const input = document.querySelector(selector);
  if (!input) return;
  input.classList.add("invalid");
  input.setAttribute("aria-invalid", "true");
  input.title = item.message;
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (failure) {
    throw { message: "The server did not answer: " + failure.message, hint: "is parley serve still running?" };
  }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw (body && body.error) || { message: `HTTP ${response.status}` };
  return { body, headers: response.headers };
}

// MARK: loading

async function loadText(text, format, name) {
  showError(null);
  document.body.dataset.error = "false";
  setBusy("Reading " + name + "…");
  try {
    const type = format === "json" ? "application/json" : "application/yaml";
    const { body } = await api("/api/convert?to=json&name=" + encodeURIComponent(name), { method: "POST", headers: { "Content-Type": type }, body: text });
    state.scenario = body;
    state.original = JSON.parse(JSON.stringify(body));
    state.name = name;
    state.previous = null;
    $("scenario-title").textContent = `${body.name} — ${body.stakeholders.length} stakeholders, ${body.issues.length} issues (${name})`;
    renderInputs();
    $("edit-panel").hidden = false;
    await runModels();
  } catch (error) {
    setBusy("");
    showError(error);
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

function uploadFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => loadText(String(reader.result), /\.json$/i.test(file.name) ? "json" : "yaml", file.name);
  reader.onerror = () => showError({ message: "Cannot read " + file.name });
  reader.readAsText(file);
}

// MARK: the editable table

function renderInputs() {
  const scenario = state.scenario;
  const table = $("inputs");
  table.replaceChildren();
  const head = el("thead");
  const top = el("tr", {}, el("th", { scope: "col", rowspan: "2", text: "Stakeholder" }), el("th", { scope: "col", rowspan: "2", text: "Capability" }));
  const sub = el("tr");
  for (const issue of scenario.issues) {
    const scale = issue.scale ? ` (${issue.scale.min}–${issue.scale.max})` : "";
    top.append(el("th", { scope: "colgroup", colspan: "2", class: "issue", title: issue.name, text: issue.id + scale }));
    sub.append(el("th", { scope: "col", class: "issue", text: "Position" }), el("th", { scope: "col", text: "Salience" }));
  }
  head.append(top, sub);
  const bodyRows = el("tbody");
  scenario.stakeholders.forEach((stakeholder, row) => {
    const tr = el("tr", {}, el("th", { scope: "row", title: stakeholder.name || stakeholder.id, text: stakeholder.name || stakeholder.id }));
    tr.append(el("td", { class: "n" }, numberInput(row, null, "capability", numberOf(stakeholder.capability), `${stakeholder.name || stakeholder.id}: capability`)));
    for (const issue of scenario.issues) {
      const stance = stakeholder.stances && stakeholder.stances[issue.id];
      if (!stance) {
        tr.append(el("td", { class: "absent first", colspan: "2", title: "no stance on this issue", text: "—" }));
        continue;
      }
      const who = stakeholder.name || stakeholder.id;
      tr.append(el("td", { class: "n first" }, numberInput(row, issue.id, "position", numberOf(stance.position), `${who}: position on ${issue.id}`)));
      tr.append(el("td", { class: "n" }, numberInput(row, issue.id, "salience", numberOf(stance.salience), `${who}: salience on ${issue.id}`)));
    }
    bodyRows.append(tr);
  });
  table.append(head, bodyRows);
}

function numberInput(row, issue, field, value, label) {
  const input = el("input", { type: "number", step: "any", value: String(value), "aria-label": label, "data-row": String(row), "data-field": field });
  if (issue) input.dataset.issue = issue;
  input.addEventListener("change", onEdit);
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") { onEdit(event); runModels(); } });
  return input;
}

// Writes an edited number into the scenario, keeping any spread (a {value, sd} field keeps its sd).
function onEdit(event) {
  const input = event.target;
  const value = Number(input.value);
  if (input.value.trim() === "" || !Number.isFinite(value)) { input.setAttribute("aria-invalid", "true"); return; }
  input.removeAttribute("aria-invalid");
  input.classList.remove("invalid");
  input.removeAttribute("title");
  const row = Number(input.dataset.row);
  const field = input.dataset.field;
  const issue = input.dataset.issue;
  const holder = issue ? state.scenario.stakeholders[row].stances[issue] : state.scenario.stakeholders[row];
  const original = issue ? state.original.stakeholders[row].stances[issue][field] : state.original.stakeholders[row][field];
  if (holder[field] !== null && typeof holder[field] === "object") holder[field].value = value;
  else holder[field] = value;
  input.classList.toggle("changed", value !== numberOf(original));
}

function resetEdits() {
  state.scenario = JSON.parse(JSON.stringify(state.original));
  renderInputs();
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

async function runModels() {
  if (!state.scenario) return;
  showError(null);
  document.body.dataset.error = "false";
  setBusy("Running the models…");
  const body = JSON.stringify(state.scenario, null, 2);
  const name = encodeURIComponent(state.name.replace(/\.(ya?ml)$/i, ".json") + " (edited)");
  const options = { method: "POST", headers: { "Content-Type": "application/json" }, body };
  try {
    const store = $("store").checked ? "&store=true" : "";
    const forecast = await api("/api/forecast?name=" + name + store, options);
    const charts = await api("/api/charts?model=" + encodeURIComponent($("model").value) + "&name=" + name, options);
    renderForecasts(forecast.body);
    renderCharts(charts.body);
    state.runs += 1;
    document.body.dataset.runs = String(state.runs);
    const stored = forecast.headers.get("Parley-Run-ID");
    setBusy(stored ? `Done; stored as run ${stored}.` : "Done.", false);
    if (stored) refreshRuns();
  } catch (error) {
    setBusy("");
    showError(error);
  }
}

function renderForecasts(result) {
  const issues = state.scenario.issues;
  const models = result.models.map((model) => model.name);
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
      if (row && row.nearest_anchor) cell.title = "nearest anchor: " + row.nearest_anchor.label;
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
      const holder = el("div");
      holder.innerHTML = svg; // the server's own SVG, its text escaped by ParleyReports
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

// MARK: stored runs

async function refreshRuns() {
  try {
    const { body } = await api("/api/runs?limit=50");
    const table = $("runs");
    table.replaceChildren();
    if (!body.runs.length) {
      table.append(el("tbody", {}, el("tr", {}, el("td", { text: "No runs stored yet: tick “store this run” and run the models." }))));
      return;
    }
    const head = el("tr");
    for (const name of ["Compare", "Run", "Command", "Scenario", "Status", "Started (UTC)"]) head.append(el("th", { scope: "col", text: name }));
    const rows = el("tbody");
    for (const run of body.runs) {
      const box = el("input", { type: "checkbox", "aria-label": `compare run ${run.id}`, value: String(run.id) });
      if (run.command !== "forecast" || !run.has_result) box.disabled = true;
      box.addEventListener("change", updateCompareButton);
      rows.append(el("tr", {}, el("td", {}, box), el("td", { class: "n", text: String(run.id) }), el("td", { text: run.command }),
        el("td", { text: run.scenario }), el("td", { text: run.status }), el("td", { text: run.started_at })));
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

async function compareRuns() {
  const [a, b] = tickedRuns();
  try {
    const { body } = await api(`/api/compare?a=${a}&b=${b}`);
    const box = $("comparison");
    box.replaceChildren(el("h3", { text: `Run ${a} against run ${b}` + (body.same_scenario ? "" : " (different scenarios)") }));
    const head = el("tr");
    for (const name of ["Model", "Issue", `Run ${a}`, `Run ${b}`, "Difference", "Observed"]) head.append(el("th", { scope: "col", text: name }));
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
  $("reset").addEventListener("click", resetEdits);
  $("download").addEventListener("click", downloadScenario);
  $("model").addEventListener("change", runModels);
  $("refresh-runs").addEventListener("click", refreshRuns);
  $("compare").addEventListener("click", compareRuns);
  try {
    const [examples, models] = await Promise.all([api("/api/examples"), api("/api/models")]);
    for (const example of examples.body.examples.filter((item) => item.kind === "scenario")) {
      $("example").append(el("option", { value: example.id, text: example.name }));
    }
    for (const model of models.body.models) {
      const option = el("option", { value: model.name, text: model.name });
      // The expected-utility model moves over many rounds, so its trajectories say most.
      if (model.name === "expected-utility") option.selected = true;
      $("model").append(option);
    }
    if ([...$("example").options].some((option) => option.value === "bonn-2001")) $("example").value = "bonn-2001";
  } catch (error) {
    showError(error);
  }
  refreshRuns();
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
