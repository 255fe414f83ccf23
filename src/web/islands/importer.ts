// The importer page's island: the upload goes by XMLHttpRequest so the page can show the upload's
// progress, then reads the server's progress lines (one JSON object per line) while the lots are
// evaluated, and opens the saved batch. Without JavaScript the form posts and redirects the same way.
export const IMPORTER_ISLAND = `(() => {
  const form = document.querySelector('form[data-island="importer"]');
  if (!form) return;
  const status = document.getElementById("upload-status");
  const upload = document.getElementById("upload-progress");
  const rows = document.getElementById("rows-progress");
  const say = (t) => { status.textContent = t; };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const file = form.querySelector('input[type="file"]').files[0];
    const max = Number(form.dataset.maxBytes);
    if (file && max && file.size > max) {
      say("This file is " + (file.size / 1048576).toFixed(1) + " MB; the page takes up to " + (max / 1048576) + " MB. Use keiyard lots on the command line for bigger files.");
      status.classList.add("error");
      return;
    }
    status.classList.remove("error");
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let done = false;
    xhr.open("POST", form.action);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    upload.hidden = false;
    xhr.upload.onprogress = (p) => {
      if (p.lengthComputable) { upload.max = p.total; upload.value = p.loaded; }
      say("Uploading… " + Math.round((100 * p.loaded) / Math.max(1, p.total)) + "%");
    };
    xhr.upload.onload = () => { upload.value = upload.max; say("Uploaded; evaluating…"); rows.hidden = false; };
    const read = () => {
      const lines = xhr.responseText.slice(seen).split("\\n");
      for (const line of lines.slice(0, -1)) {
        seen += line.length + 1;
        if (!line) continue;
        const m = JSON.parse(line);
        if (m.kind === "progress") {
          if (m.totalBytes) { rows.max = m.totalBytes; rows.value = m.bytes; }
          say("Evaluated " + m.rows.toLocaleString() + " lots…");
        } else if (m.kind === "done") { done = true; say("Done: opening the results…"); location.href = m.url; }
        else if (m.kind === "error") { done = true; say(m.message); status.classList.add("error"); }
      }
    };
    xhr.onprogress = read;
    xhr.onload = () => {
      read();
      if (done) return;
      if (xhr.status < 400) { say("Finished."); return; }
      // An error before evaluation started (the body limit, a refused session) is the API's error document.
      let message = "";
      try { message = JSON.parse(xhr.responseText).error.message; } catch { message = ""; }
      say("That did not work: " + (message || "the server answered " + xhr.status + ". Try again."));
      status.classList.add("error");
    };
    xhr.onerror = () => say("The upload failed: check your connection and try again.");
    xhr.send(new FormData(form));
  });
})();`;
