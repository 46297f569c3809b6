// The page of `scs ui`: it edits a program on the device's grids and shows what the server says of it.
// Nothing here judges safety: every change is sent over the WebSocket and the server's validation is shown.
import { renderDiagram } from './diagram.js';
import { markEnvelope, nearest, renderEnvelope } from './envelope.js';

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('token') ?? '';
let device = null;
let shares = new Map(); // contact ("1", "case") → signed percent
const acknowledged = new Set();
let socket = null;
let nextId = 1;
let lastCheck = 0;
let lastState = null;
// The role asked for and not yet reported by the server (null: none pending).
let requestedRole = null;
// The envelope shown, and its version: the server sends it (and the lead diagram) only when it changes.
let envelope = null;
let envelopeVersion = null;
const sentAt = new Map();
// Milliseconds from sending a check to its verdict, and the checks not yet answered: for the browser test.
window.scsRoundTrips = [];
window.scsChecksInFlight = () => sentAt.size;

function send(message) {
  if (socket?.readyState !== WebSocket.OPEN) return showProblem('Not connected to scs ui: the change was not checked.');
  message.id = nextId++;
  socket.send(JSON.stringify(message));
  return message.id;
}

function connect() {
  socket = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
  socket.onopen = () => { $('connection').textContent = 'connected'; };
  socket.onclose = (event) => {
    $('connection').textContent = 'disconnected';
    sentAt.clear();
    const why = event.code === 1009 ? 'the message was too large' : `code ${event.code}`;
    showProblem(`The connection to scs ui closed (${why}); reconnecting…`);
    setTimeout(connect, 1000);
  };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
}

function receive({ type, id, data }) {
  switch (type) {
    case 'hello': return hello(data);
    case 'verdict':
      if (sentAt.has(id)) { window.scsRoundTrips.push(performance.now() - sentAt.get(id)); sentAt.delete(id); }
      if (id === lastCheck) showVerdict(data);
      return;
    case 'state': return showState(data);
    case 'done': return answer(data.message, 'done');
    case 'refused':
      requestedRole = null;
      return answer(data.message, 'refused');
    case 'error':
      // A message the server could not read has no id to answer: it was the last one sent.
      sentAt.clear();
      return showProblem(`${data.status}: ${data.message}`);
    case 'progress': return showProgress(data);
    case 'replayed': return showReplay(data);
  }
}

function hello({ device: described, devices, state }) {
  const changed = device?.summary.id !== described.summary.id;
  device = described;
  envelopeVersion = null;
  const select = $('device');
  select.replaceChildren(...devices.map((id) => new Option(id, id, false, id === device.summary.id)));
  select.disabled = devices.length < 2;
  $('geometry').textContent = device.geometry;
  $('slot').replaceChildren(...Array.from({ length: device.summary.programs }, (_, i) => new Option(`${i + 1}`, `${i + 1}`)));
  if (changed) setUpProgram();
  showState(state);
  check();
}

// --- the program's controls -------------------------------------------------------------------

const waveformRates = (waveform) =>
  waveform === 'burst' ? device.burst.rates : waveform === 'highFrequency' ? device.highFrequency : device.tonic;

function setRange(id, values, target, describe) {
  const input = $(id);
  input.max = values.length - 1;
  input.value = nearest(values, target);
  input.dataset.describe = describe;
  describeRange(input, values);
}

// The rate last shown, in Hz, which a change of waveform keeps as near as the new grid allows.
let rateHz = 50;

function describeRange(input, values) {
  if (input.id === 'rate') rateHz = input.dataset.describe === 'period' ? 1e6 / values[input.value] : values[input.value];
  const text = formatValue(input.dataset.describe, values[input.value]);
  input.setAttribute('aria-valuetext', text);
  $(`${input.id}-value`).textContent = text;
}

// `kind` is the unit setRange was given: 'mA', 'µs', 'Hz', or 'period' for a rate set as a period in µs.
function formatValue(kind, value) {
  return kind === 'period' ? `${value} µs period (${(1e6 / value).toFixed(1)} Hz)` : `${value} ${kind}`;
}

const rangeValues = {
  amplitude: () => device.amplitude,
  'pulse-width': () => device.pulseWidth,
  rate: () => waveformRates($('waveform').value).values,
  'intra-burst-rate': () => device.burst.intraBurstRate,
};

function setUpProgram() {
  const waveforms = ['tonic', 'burst', 'highFrequency'].filter((w) => device[w]);
  $('waveform').replaceChildren(...waveforms.map((w) => new Option(w === 'highFrequency' ? 'high frequency' : w, w)));
  setRange('amplitude', device.amplitude, 0, 'mA');
  setRange('pulse-width', device.pulseWidth, 300, 'µs');
  setRateRange(50);
  if (device.burst) {
    setRange('intra-burst-rate', device.burst.intraBurstRate, 500, 'Hz');
    const pulses = $('pulses-per-burst');
    [pulses.min, pulses.max] = device.burst.pulsesPerBurst;
    pulses.value = device.burst.pulsesPerBurst[0];
  }
  for (const id of ['patient-min', 'patient-max']) {
    $(id).replaceChildren(...device.amplitude.map((value) => new Option(`${value}`, `${value}`)));
  }
  $('patient-max').value = `${device.amplitude[device.amplitude.length - 1]}`;
  const lead = device.summary.leads[0];
  shares = new Map(lead && lead.contacts.length > 2 ? [[`${lead.contacts[1]}`, -100], [`${lead.contacts[2]}`, 100]] : []);
  acknowledged.clear();
  $('burst-fields').hidden = $('waveform').value !== 'burst';
  showShares();
}

function setRateRange(targetHz) {
  const rates = waveformRates($('waveform').value);
  const target = rates.field === 'period' ? 1e6 / targetHz : targetHz;
  setRange('rate', rates.values, target, rates.field === 'period' ? 'period' : 'Hz');
}

function program() {
  const waveform = $('waveform').value;
  const rates = waveformRates(waveform);
  const result = {
    amplitude: device.amplitude[$('amplitude').value],
    pulseWidth: device.pulseWidth[$('pulse-width').value],
    [rates.field]: rates.values[$('rate').value],
    waveform,
    contacts: Object.fromEntries(shares),
  };
  if (waveform === 'burst') {
    result.pulsesPerBurst = Number($('pulses-per-burst').value);
    result.intraBurstRate = device.burst.intraBurstRate[$('intra-burst-rate').value];
  }
  if ($('cycling').checked) result.cycling = { on: Number($('cycling-on').value), off: Number($('cycling-off').value) };
  if ($('patient-range').checked) {
    result.patientRange = { min: Number($('patient-min').value), max: Number($('patient-max').value) };
  }
  return result;
}

function check() {
  if (!device) return;
  lastCheck = send({
    type: 'check', slot: Number($('slot').value || 1), program: program(), acknowledge: [...acknowledged],
    envelope: envelopeVersion,
  });
  if (lastCheck) sentAt.set(lastCheck, performance.now());
}

// --- contacts --------------------------------------------------------------------------------

function toggleContact(contact) {
  const share = shares.get(contact) ?? 0;
  if (share === 0) shares.set(contact, -1);
  else if (share < 0) shares.set(contact, 1);
  else shares.delete(contact);
  spread();
  // Real programmers zero the amplitude on a change of polarity (docs/domain-reference.md §6, checks a
  // validator should make, row 18): so does this.
  $('amplitude').value = 0;
  describeRange($('amplitude'), device.amplitude);
  answer('Polarity changed: amplitude set to its lowest value.', 'done');
  showShares();
  check();
}

// Shares each polarity's 100 % evenly among its contacts, in the device's fraction step.
function spread() {
  const step = device.fractionStep;
  for (const sign of [-1, 1]) {
    const keys = [...shares.keys()].filter((key) => Math.sign(shares.get(key)) === sign);
    const base = Math.floor(100 / keys.length / step) * step;
    let rest = 100 - base * keys.length;
    for (const key of keys) {
      const extra = rest >= step ? step : 0;
      rest -= extra;
      shares.set(key, sign * (base + extra));
    }
  }
}

function steer(direction) {
  const lead = device.summary.leads.find((l) => l.contacts.some((c) => (shares.get(`${c}`) ?? 0) < 0));
  if (!lead) return showProblem('There is no cathode on a lead to steer.');
  const cathodes = lead.contacts.map((c, i) => ((shares.get(`${c}`) ?? 0) < 0 ? i : -1)).filter((i) => i >= 0);
  const from = direction > 0 ? cathodes[0] : cathodes[cathodes.length - 1];
  const to = from + direction;
  if (to < 0 || to >= lead.contacts.length) return showProblem('The current cannot be steered past the end of the lead.');
  const source = `${lead.contacts[from]}`;
  const target = `${lead.contacts[to]}`;
  if ((shares.get(target) ?? 0) > 0) return showProblem(`Contact ${target} is an anode: steer after changing it.`);
  const step = Math.ceil(10 / device.fractionStep) * device.fractionStep;
  const moved = Math.min(step, -shares.get(source));
  shares.set(source, shares.get(source) + moved);
  shares.set(target, (shares.get(target) ?? 0) - moved);
  if (shares.get(source) === 0) shares.delete(source);
  hideProblem();
  showShares();
  check();
}

function showShares() {
  const container = $('shares');
  container.replaceChildren(...[...shares].map(([contact, share]) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    Object.assign(input, { type: 'number', min: device.fractionStep, max: 100, step: device.fractionStep, value: Math.abs(share) });
    input.addEventListener('change', () => {
      shares.set(contact, Math.sign(share) * Number(input.value));
      check();
    });
    label.append(`Contact ${contact} (${share < 0 ? 'cathode −' : 'anode +'}) share, % `, input);
    return label;
  }));
}

// --- what the server says --------------------------------------------------------------------

const verdictWords = {
  accepted: ['✓ Accepted', 'may be sent'],
  'accepted-with-warnings': ['! Accepted with warnings', 'sent only when every warning is acknowledged'],
  rejected: ['✗ Rejected', 'never sent'],
};

function showVerdict({ report, envelope: sent, envelopeVersion: version, diagram, summary }) {
  hideProblem();
  const [word, meaning] = verdictWords[report.verdict] ?? [report.verdict, ''];
  const verdict = $('verdict');
  verdict.textContent = `${word} — ${report.maySend && report.verdict !== 'accepted' ? 'may be sent (warnings acknowledged)' : meaning}`;
  verdict.className = `verdict ${report.verdict}`;
  $('summary').textContent = summary;
  $('write').disabled = !report.maySend;
  showFindings(report.findings);
  showMetrics(report.metrics, report.assumed);
  if (diagram) renderDiagram($('diagram'), diagram, toggleContact);
  if (sent) {
    envelope = sent;
    envelopeVersion = version;
    renderEnvelope($('envelope'), envelope);
  }
  markEnvelope($('envelope'), envelope, { pulseWidth: device.pulseWidth[$('pulse-width').value], hertz: rateHz });
}

function showFindings(findings) {
  const offered = new Set();
  $('findings').replaceChildren(...findings.map((finding) => {
    const item = document.createElement('li');
    item.className = finding.severity;
    const figure = (value) => Number(Number(value).toPrecision(4));
    const figures = finding.value != null ? ` (value ${figure(finding.value)}${finding.limit != null ? `, limit ${figure(finding.limit)}` : ''})` : '';
    item.append(`${finding.severity === 'error' ? '✗ error' : '! warning'} `);
    const rule = document.createElement('code');
    rule.textContent = finding.rule;
    item.append(rule, `: ${finding.message}${figures}`);
    if (finding.severity === 'warning' && !offered.has(finding.rule)) {
      offered.add(finding.rule);
      const label = document.createElement('label');
      const box = document.createElement('input');
      Object.assign(box, { type: 'checkbox', checked: acknowledged.has(finding.rule) });
      box.dataset.rule = finding.rule;
      box.addEventListener('change', () => {
        if (box.checked) acknowledged.add(finding.rule); else acknowledged.delete(finding.rule);
        check();
      });
      label.append(box, ` acknowledge ${finding.rule}`);
      item.append(' ', label);
    }
    return item;
  }));
}

function showMetrics(metrics, assumed) {
  const fixed = (value, digits) => (value == null ? '—' : Number(value).toFixed(digits));
  const rows = [
    ['charge per phase', `${fixed(metrics.chargePerPhase, 3)} µC`, 'chargePerPhase'],
    ['charge density', `${fixed(metrics.maxChargeDensity, 2)} µC/cm² (warns at ${device.chargeDensityWarn}${device.chargeDensityReject != null ? `, rejected at ${device.chargeDensityReject}` : ''})`, 'maxChargeDensity'],
    ['Shannon k', `${fixed(metrics.maxShannonK, 2)} (warns at ${device.shannonWarn}${device.shannonReject != null ? `, rejected at ${device.shannonReject}` : ''})`, 'maxShannonK'],
    ['required voltage', `${fixed(metrics.maxRequiredVoltage, 2)} V of ${device.summary.complianceVoltage} V compliance`, 'maxRequiredVoltage'],
    ['battery current', `${fixed(metrics.batteryCurrent, 1)} µA`, 'batteryCurrent'],
  ];
  if (metrics.rechargeIntervalDays != null) rows.push(['recharge interval', `${fixed(metrics.rechargeIntervalDays, 1)} days`, 'rechargeIntervalDays']);
  if (metrics.longevityYears != null) rows.push(['longevity', `${fixed(metrics.longevityYears, 1)} years`, 'longevityYears']);
  $('metrics').tBodies[0].replaceChildren(...rows.map(([label, value, key]) => {
    const row = document.createElement('tr');
    const estimate = assumed[key] ? ` — estimate (assumed: ${assumed[key].join(', ')})` : '';
    for (const text of [label, value + estimate]) row.insertCell().textContent = text;
    return row;
  }));
}

function showState(state) {
  lastState = state;
  // The session's role, as the server reports it (another tab may have changed it): the page shows
  // the patient's controls only once the server has opened a patient session.
  if (requestedRole === null || requestedRole === state.role) {
    requestedRole = null;
    document.body.classList.toggle('patient', state.role === 'patient');
    $('patient-mode').checked = state.role === 'patient';
  }
  const status = state.status;
  $('target').textContent = `${state.target} (${status.profile}, serial ${status.serial}) · ${state.role}`;
  const amplitude = state.ramping
    ? `${status.runningAmplitude} mA → ${status.targetAmplitude} mA (ramping)` : `${status.targetAmplitude} mA`;
  const entries = [
    ['Therapy', status.therapyOn ? 'on' : 'off'],
    ['Active slot', status.activeSlot ?? 'none'],
    ['Amplitude', amplitude],
    ['Battery', `${status.batteryPercent} %${status.charging ? ', charging' : ''}`],
    ['Impedances', state.impedances.length ? state.impedances.map((i) => `${i.contact}: ${i.ohms} Ω`).join(', ') : 'not measured'],
  ];
  $('state').replaceChildren(...entries.flatMap(([term, value]) => {
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    dd.dataset.state = term.toLowerCase().replace(' ', '-');
    return [dt, dd];
  }));
  $('slots').tBodies[0].replaceChildren(...state.slots.map((slot) => {
    const row = document.createElement('tr');
    for (const text of [slot.slot, slot.enabled ? 'enabled' : 'disabled', slot.program ?? 'empty']) row.insertCell().textContent = text;
    return row;
  }));
}

function showProgress({ done, total }) {
  const bar = $('replay-progress');
  bar.hidden = false;
  bar.max = total;
  bar.value = done;
  $('replay-result').textContent = `replaying: ${done} of ${total} recorded events`;
}

function showReplay(report) {
  $('replay-progress').value = $('replay-progress').max;
  const lines = [
    `Replayed ${report.file} (${report.device}) on the ${report.target}: ${report.commands} commands driven, ` +
      `${report.notDriven} readings and device events not driven.`,
    report.divergences.length === 0 ? 'No divergence: the device did what the recording says.'
      : `${report.divergences.length} divergence(s):`,
    ...report.divergences.map((d) => `line ${d.line}: ${d.kind}${d.rules.length ? ` (${d.rules.join(', ')})` : ''} — ${d.message}`),
  ];
  $('replay-result').replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
}

function answer(message, kind) {
  const element = $('answer');
  element.textContent = message;
  element.className = kind;
}

function showProblem(message) {
  const element = $('problem');
  element.textContent = message;
  element.hidden = false;
}

function hideProblem() { $('problem').hidden = true; }

// --- wiring ----------------------------------------------------------------------------------

for (const id of Object.keys(rangeValues)) {
  $(id).addEventListener('input', (event) => { describeRange(event.target, rangeValues[id]()); check(); });
}
$('waveform').addEventListener('change', () => {
  setRateRange(rateHz);
  $('burst-fields').hidden = $('waveform').value !== 'burst';
  check();
});
for (const id of ['pulses-per-burst', 'cycling', 'cycling-on', 'cycling-off', 'patient-range', 'patient-min', 'patient-max', 'slot']) {
  $(id).addEventListener('change', check);
}
$('device').addEventListener('change', () => send({ type: 'device', device: $('device').value }));
$('steer-up').addEventListener('click', () => steer(-1));
$('steer-down').addEventListener('click', () => steer(1));
$('write').addEventListener('click', () => send({ type: 'write', slot: Number($('slot').value), program: program(), acknowledge: [...acknowledged] }));
$('activate').addEventListener('click', () => send({ type: 'activate', slot: Number($('slot').value) }));
$('therapy-on').addEventListener('click', () => send({ type: 'therapy', on: true }));
$('therapy-off').addEventListener('click', () => send({ type: 'therapy', on: false }));
$('adjust').addEventListener('click', () => send({ type: 'adjust', amplitude: device.amplitude[$('amplitude').value] }));
$('impedance').addEventListener('click', () => { send({ type: 'impedance' }); check(); });
$('open-report').addEventListener('click', () => {
  const path = $('recording').value.trim();
  if (!path) return showProblem('Give the path of a recording or device log.');
  window.open(`report?token=${encodeURIComponent(token)}&path=${encodeURIComponent(path)}`, '_blank', 'noopener');
});
$('replay').addEventListener('click', () => {
  const path = $('recording').value.trim();
  if (!path) return showProblem('Give the path of a recording or device log.');
  $('replay-result').textContent = 'replaying…';
  send({ type: 'replay', path });
});
$('patient-mode').addEventListener('change', (event) => {
  requestedRole = event.target.checked ? 'patient' : 'clinician';
  send({ type: 'role', role: requestedRole });
});

// The device's state, live: often while a ramp is under way.
function poll() {
  if (socket?.readyState === WebSocket.OPEN && device) send({ type: 'state' });
  setTimeout(poll, lastState?.ramping ? 250 : 1000);
}

connect();
poll();
