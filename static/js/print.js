// The print view's button: shown only where a script can open the browser's print dialogue.
document.querySelectorAll(".print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
