// Where the reviewer's selection lies: inside one field's text (an element with data-record and data-field), as
// UTF-16 offsets into that text, which is what a finding's start and end are. Null when it is not inside one field.
export function selection() {
    const selected = window.getSelection();
    if (!selected || selected.rangeCount === 0 || selected.isCollapsed) return null;
    const range = selected.getRangeAt(0);
    const start = range.startContainer.parentElement?.closest('[data-field]');
    const end = range.endContainer.parentElement?.closest('[data-field]');
    if (!start || start !== end) return null;
    const before = document.createRange();
    before.setStart(start, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const from = before.toString().length;
    return { record: Number(start.dataset.record), field: start.dataset.field, start: from, end: from + range.toString().length };
}
