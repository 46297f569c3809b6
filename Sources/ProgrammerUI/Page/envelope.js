// The safe envelope as a heat map: a table of pulse widths (rows) by rates (columns), each cell the
// largest safe amplitude in mA, darker for more; ⚠ where warnings start at a lower amplitude.
export function renderEnvelope(container, envelope) {
  if (!envelope.grid) {
    const reasons = document.createElement('ul');
    reasons.replaceChildren(...envelope.unsafe.map((reason) => Object.assign(document.createElement('li'), { textContent: reason })));
    container.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No amplitude is safe with these contacts:' }), reasons);
    return;
  }
  const { pulseWidths, frequencies, maxAmplitude, maxAmplitudeWithoutWarnings } = envelope.grid;
  const highest = Math.max(...maxAmplitude.flat().filter((value) => value != null), 0.001);
  const table = document.createElement('table');
  table.className = 'envelope';
  table.createCaption().textContent = 'Largest safe amplitude, mA: pulse width (µs) down, rate (Hz) across';
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement('th'), { textContent: 'µs \\ Hz' }));
  for (const hertz of frequencies) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: `${hertz}` }));
  const body = table.createTBody();
  pulseWidths.forEach((width, r) => {
    const line = body.insertRow();
    line.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: `${width}` }));
    frequencies.forEach((_, c) => {
      const cell = line.insertCell();
      const value = maxAmplitude[r][c];
      const warned = maxAmplitudeWithoutWarnings[r][c];
      const warnsLower = warned != null && warned < value;
      // Light to mid blue, so that dark text keeps a contrast above 4.5:1 on every cell.
      cell.style.background = value == null ? '#e4e7eb' : `hsl(212 80% ${94 - 30 * (value / highest)}%)`;
      cell.textContent = value == null ? '—' : `${value}${warnsLower ? ' ⚠' : ''}`;
      cell.title = value == null ? 'no safe amplitude' : `${value} mA safe${warnsLower ? `; warnings above ${warned} mA` : ''}`;
    });
  });
  container.replaceChildren(table);
}

// The index of the value nearest `target`.
export const nearest = (values, target) =>
  values.reduce((best, value, index) => (Math.abs(value - target) < Math.abs(values[best] - target) ? index : best), 0);

// Outlines the cell nearest the current program.
export function markEnvelope(container, envelope, current) {
  container.querySelector('td.current')?.classList.remove('current');
  if (!envelope?.grid) return;
  const row = nearest(envelope.grid.pulseWidths, current.pulseWidth);
  const column = nearest(envelope.grid.frequencies, current.hertz);
  const cell = container.querySelector('tbody')?.rows[row]?.cells[column + 1];
  cell?.classList.add('current');
}
