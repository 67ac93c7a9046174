// Keyboard shortcuts of the labelling and review pages. Keys typed into a text field stay there, except Ctrl+Enter
// (submit) and Escape (leave the field). The page decides what each action does.
const keys = { j: 'next', k: 'previous', s: 'skip', '?': 'help', e: 'edit', ArrowDown: 'down', ArrowUp: 'up' };

export function listen(page, spanTextId) {
  const handler = event => {
    const target = event.target;
    const editing = target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable);
    let action = null;
    if (event.ctrlKey && event.key === 'Enter') action = 'submit';
    else if (event.key === 'Escape') { if (editing) target.blur(); action = 'escape'; }
    else if (editing || event.ctrlKey || event.altKey || event.metaKey) return;
    else if (/^[1-9]$/.test(event.key)) action = 'digit' + event.key;
    else action = keys[event.key] ?? keys[event.key.toLowerCase()] ?? null;
    if (!action) return;
    event.preventDefault();
    page.invokeMethodAsync('OnKey', action, selectionIn(spanTextId));
  };
  document.addEventListener('keydown', handler);
  return { dispose: () => document.removeEventListener('keydown', handler) };
}

// The selection inside the element as [start, end] UTF-16 offsets into its text, or null.
export function selectionIn(id) {
  const element = id && document.getElementById(id);
  const selection = window.getSelection();
  if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return [start, start + range.toString().length];
}

export function focus(id) {
  const element = document.getElementById(id);
  if (element) element.focus();
}
