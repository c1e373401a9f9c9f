// The keyboard's way to order a version's parts, beside django-admin-sortable2's dragging: each row gets a Move
// button; Alt+ArrowUp and Alt+ArrowDown on it move its row one place, and the positions are numbered as the rows
// now read.
(function () {
  "use strict";

  function rowsOf(container) {
    return Array.from(container.querySelectorAll(":scope > tr.has_original, :scope > .inline-related.has_original"));
  }

  function renumber(container) {
    const reversed = container.closest("fieldset.reversed") !== null;
    const rows = rowsOf(container);
    rows.forEach(function (row, index) {
      const input = row.querySelector("input._reorder_");
      if (input) input.value = String(reversed ? rows.length - index : index + 1);
    });
  }

  function move(row, step) {
    const container = row.parentElement;
    const rows = rowsOf(container);
    const target = rows[rows.indexOf(row) + step];
    if (!target) return false;
    target.insertAdjacentElement(step < 0 ? "beforebegin" : "afterend", row);
    renumber(container);
    return true;
  }

  function label(row) {
    const original = row.querySelector("td.original p, h3 .inline_label");
    return original ? original.textContent.trim().slice(0, 60) : "this row";
  }

  function makeHandle(row) {
    // A button of its own beside the row's label and links: a control is never put inside another.
    const place = row.querySelector("td.original, h3");
    if (!place || place.querySelector(".part-handle")) return;
    const handle = document.createElement("button");
    handle.type = "button";
    handle.className = "part-handle";
    handle.textContent = "Move";
    handle.setAttribute("aria-label", "Move " + label(row) + " (Alt+Arrow Up or Alt+Arrow Down)");
    handle.addEventListener("keydown", function (event) {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      if (move(row, event.key === "ArrowUp" ? -1 : 1)) handle.focus();
    });
    place.appendChild(handle);
  }

  function keyboardSortable(fieldset) {
    fieldset.querySelectorAll("tr.has_original, .inline-related.has_original").forEach(makeHandle);
    fieldset.querySelectorAll(".sort i.move-begin, .sort i.move-end").forEach(function (icon) {
      icon.setAttribute("tabindex", "0");
      icon.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          icon.click();
        }
      });
    });
  }

  window.addEventListener("load", function () {
    document.querySelectorAll("fieldset.sortable").forEach(keyboardSortable);
  });
})();
