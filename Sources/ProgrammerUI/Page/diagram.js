// The lead diagram the server draws (Report's LeadDiagram): its contacts are buttons that cycle the
// polarity. The diagram is redrawn with every verdict, so focus returns to the contact that had it.
export function renderDiagram(container, svg, onToggle) {
  const focused = container.contains(document.activeElement) ? document.activeElement.dataset.contact : null;
  container.innerHTML = svg;
  if (focused) container.querySelector(`[data-contact="${CSS.escape(focused)}"]`)?.focus();
  if (container.dataset.wired) return;
  container.dataset.wired = 'yes';
  const contactOf = (event) => event.target.closest('[data-contact]')?.dataset.contact;
  container.addEventListener('click', (event) => {
    const contact = contactOf(event);
    if (contact) onToggle(contact);
  });
  container.addEventListener('keydown', (event) => {
    const contact = contactOf(event);
    if (contact && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onToggle(contact);
    }
  });
}
